package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ ReportsModel = (*customReportsModel)(nil)

type (
	// ReportsModel is an interface to be customized, add more methods here,
	// and implement the added methods in customReportsModel.
	ReportsModel interface {
		reportsModel
		withSession(session sqlx.Session) ReportsModel
	}

	customReportsModel struct {
		*defaultReportsModel
	}
)

// NewReportsModel returns a model for the database table.
func NewReportsModel(conn sqlx.SqlConn) ReportsModel {
	return &customReportsModel{
		defaultReportsModel: newReportsModel(conn),
	}
}

func (m *customReportsModel) withSession(session sqlx.Session) ReportsModel {
	return NewReportsModel(sqlx.NewSqlConnFromSession(session))
}
