package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ ParticipantsModel = (*customParticipantsModel)(nil)

type (
	// ParticipantsModel is an interface to be customized, add more methods here,
	// and implement the added methods in customParticipantsModel.
	ParticipantsModel interface {
		participantsModel
		withSession(session sqlx.Session) ParticipantsModel
	}

	customParticipantsModel struct {
		*defaultParticipantsModel
	}
)

// NewParticipantsModel returns a model for the database table.
func NewParticipantsModel(conn sqlx.SqlConn) ParticipantsModel {
	return &customParticipantsModel{
		defaultParticipantsModel: newParticipantsModel(conn),
	}
}

func (m *customParticipantsModel) withSession(session sqlx.Session) ParticipantsModel {
	return NewParticipantsModel(sqlx.NewSqlConnFromSession(session))
}
