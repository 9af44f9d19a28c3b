package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ ScoresModel = (*customScoresModel)(nil)

type (
	// ScoresModel is an interface to be customized, add more methods here,
	// and implement the added methods in customScoresModel.
	ScoresModel interface {
		scoresModel
		withSession(session sqlx.Session) ScoresModel
	}

	customScoresModel struct {
		*defaultScoresModel
	}
)

// NewScoresModel returns a model for the database table.
func NewScoresModel(conn sqlx.SqlConn) ScoresModel {
	return &customScoresModel{
		defaultScoresModel: newScoresModel(conn),
	}
}

func (m *customScoresModel) withSession(session sqlx.Session) ScoresModel {
	return NewScoresModel(sqlx.NewSqlConnFromSession(session))
}
