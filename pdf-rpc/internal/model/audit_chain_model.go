package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ AuditChainModel = (*customAuditChainModel)(nil)

type (
	// AuditChainModel is an interface to be customized, add more methods here,
	// and implement the added methods in customAuditChainModel.
	AuditChainModel interface {
		auditChainModel
		withSession(session sqlx.Session) AuditChainModel
	}

	customAuditChainModel struct {
		*defaultAuditChainModel
	}
)

// NewAuditChainModel returns a model for the database table.
func NewAuditChainModel(conn sqlx.SqlConn) AuditChainModel {
	return &customAuditChainModel{
		defaultAuditChainModel: newAuditChainModel(conn),
	}
}

func (m *customAuditChainModel) withSession(session sqlx.Session) AuditChainModel {
	return NewAuditChainModel(sqlx.NewSqlConnFromSession(session))
}
