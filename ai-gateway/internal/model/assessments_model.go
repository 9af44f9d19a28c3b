package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ AssessmentsModel = (*customAssessmentsModel)(nil)

type (
	// AssessmentsModel is an interface to be customized, add more methods here,
	// and implement the added methods in customAssessmentsModel.
	AssessmentsModel interface {
		assessmentsModel
		withSession(session sqlx.Session) AssessmentsModel
	}

	customAssessmentsModel struct {
		*defaultAssessmentsModel
	}
)

// NewAssessmentsModel returns a model for the database table.
func NewAssessmentsModel(conn sqlx.SqlConn) AssessmentsModel {
	return &customAssessmentsModel{
		defaultAssessmentsModel: newAssessmentsModel(conn),
	}
}

func (m *customAssessmentsModel) withSession(session sqlx.Session) AssessmentsModel {
	return NewAssessmentsModel(sqlx.NewSqlConnFromSession(session))
}
