package model

import (
	"context"
	"fmt"

	"github.com/openepro/epro/common/audit"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var _ AttachmentsModel = (*customAttachmentsModel)(nil)

type (
	// AttachmentsModel is an interface to be customized, add more methods here,
	// and implement the added methods in customAttachmentsModel.
	AttachmentsModel interface {
		attachmentsModel
		withSession(session sqlx.Session) AttachmentsModel
		// InsertAudited stores an attachment row and its audit row in one transaction.
		InsertAudited(ctx context.Context, a *Attachments, e audit.Entry) error
	}

	customAttachmentsModel struct {
		*defaultAttachmentsModel
	}
)

// NewAttachmentsModel returns a model for the database table.
func NewAttachmentsModel(conn sqlx.SqlConn) AttachmentsModel {
	return &customAttachmentsModel{
		defaultAttachmentsModel: newAttachmentsModel(conn),
	}
}

func (m *customAttachmentsModel) withSession(session sqlx.Session) AttachmentsModel {
	return NewAttachmentsModel(sqlx.NewSqlConnFromSession(session))
}

func (m *customAttachmentsModel) InsertAudited(ctx context.Context, a *Attachments, e audit.Entry) error {
	return m.conn.TransactCtx(ctx, func(ctx context.Context, s sqlx.Session) error {
		query := fmt.Sprintf("insert into %s (%s) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", m.table, attachmentsRowsExpectAutoSet)
		if _, err := s.ExecCtx(ctx, query, a.Id, a.ProjectId, a.SiteId, a.PatientId, a.ContentType, a.Width, a.Height,
			a.SizeBytes, a.StorageKey, a.Sha256, a.ThumbKey); err != nil {
			return err
		}
		return audit.Record(ctx, s, e)
	})
}
