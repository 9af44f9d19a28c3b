package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ AttachmentsModel = (*customAttachmentsModel)(nil)

type (
	// AttachmentsModel is an interface to be customized, add more methods here,
	// and implement the added methods in customAttachmentsModel.
	AttachmentsModel interface {
		attachmentsModel
		withSession(session sqlx.Session) AttachmentsModel
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
