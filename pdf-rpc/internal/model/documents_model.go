package model

import (
	"context"
	"fmt"

	"github.com/openepro/epro/common/audit"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var _ DocumentsModel = (*customDocumentsModel)(nil)

type (
	// DocumentsModel is an interface to be customized, add more methods here,
	// and implement the added methods in customDocumentsModel.
	DocumentsModel interface {
		documentsModel
		// Record stores a document row once per (report, content hash): a re-render of the same content is a no-op.
		// A new row gets its audit row (e) in the same transaction.
		Record(ctx context.Context, d *Documents, e audit.Entry) error
	}

	customDocumentsModel struct {
		*defaultDocumentsModel
	}
)

// NewDocumentsModel returns a model for the database table.
func NewDocumentsModel(conn sqlx.SqlConn) DocumentsModel {
	return &customDocumentsModel{
		defaultDocumentsModel: newDocumentsModel(conn),
	}
}

func (m *customDocumentsModel) Record(ctx context.Context, d *Documents, e audit.Entry) error {
	return m.conn.TransactCtx(ctx, func(ctx context.Context, s sqlx.Session) error {
		query := fmt.Sprintf("insert ignore into %s (%s) values (?, ?, ?, ?, ?)", m.table, documentsRowsExpectAutoSet)
		res, err := s.ExecCtx(ctx, query, d.ReportId, d.Kind, d.StorageKey, d.Sha256, d.SizeBytes)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err // the same document again: recorded before
		}
		return audit.Record(ctx, s, e)
	})
}
