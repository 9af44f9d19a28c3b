package model

import (
	"context"
	"fmt"

	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var _ DocumentsModel = (*customDocumentsModel)(nil)

type (
	// DocumentsModel is an interface to be customized, add more methods here,
	// and implement the added methods in customDocumentsModel.
	DocumentsModel interface {
		documentsModel
		// Record stores a document row once per (report, content hash): a re-render of the same content is a no-op.
		Record(ctx context.Context, d *Documents) error
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

func (m *customDocumentsModel) Record(ctx context.Context, d *Documents) error {
	query := fmt.Sprintf("insert ignore into %s (%s) values (?, ?, ?, ?, ?)", m.table, documentsRowsExpectAutoSet)
	_, err := m.conn.ExecCtx(ctx, query, d.ReportId, d.Kind, d.StorageKey, d.Sha256, d.SizeBytes)
	return err
}
