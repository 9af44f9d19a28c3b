package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ QuestionnairesModel = (*customQuestionnairesModel)(nil)

type (
	// QuestionnairesModel is an interface to be customized, add more methods here,
	// and implement the added methods in customQuestionnairesModel.
	QuestionnairesModel interface {
		questionnairesModel
		withSession(session sqlx.Session) QuestionnairesModel
	}

	customQuestionnairesModel struct {
		*defaultQuestionnairesModel
	}
)

// NewQuestionnairesModel returns a model for the database table.
func NewQuestionnairesModel(conn sqlx.SqlConn) QuestionnairesModel {
	return &customQuestionnairesModel{
		defaultQuestionnairesModel: newQuestionnairesModel(conn),
	}
}

func (m *customQuestionnairesModel) withSession(session sqlx.Session) QuestionnairesModel {
	return NewQuestionnairesModel(sqlx.NewSqlConnFromSession(session))
}
