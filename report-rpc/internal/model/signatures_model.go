package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ SignaturesModel = (*customSignaturesModel)(nil)

type (
	// SignaturesModel is an interface to be customized, add more methods here,
	// and implement the added methods in customSignaturesModel.
	SignaturesModel interface {
		signaturesModel
		withSession(session sqlx.Session) SignaturesModel
	}

	customSignaturesModel struct {
		*defaultSignaturesModel
	}
)

// NewSignaturesModel returns a model for the database table.
func NewSignaturesModel(conn sqlx.SqlConn) SignaturesModel {
	return &customSignaturesModel{
		defaultSignaturesModel: newSignaturesModel(conn),
	}
}

func (m *customSignaturesModel) withSession(session sqlx.Session) SignaturesModel {
	return NewSignaturesModel(sqlx.NewSqlConnFromSession(session))
}
