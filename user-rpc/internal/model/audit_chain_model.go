package model

import (
	"github.com/zeromicro/go-zero/core/stores/cache"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var _ AuditChainModel = (*customAuditChainModel)(nil)

type (
	// AuditChainModel is an interface to be customized, add more methods here,
	// and implement the added methods in customAuditChainModel.
	AuditChainModel interface {
		auditChainModel
	}

	customAuditChainModel struct {
		*defaultAuditChainModel
	}
)

// NewAuditChainModel returns a model for the database table.
func NewAuditChainModel(conn sqlx.SqlConn, c cache.CacheConf, opts ...cache.Option) AuditChainModel {
	return &customAuditChainModel{
		defaultAuditChainModel: newAuditChainModel(conn, c, opts...),
	}
}
