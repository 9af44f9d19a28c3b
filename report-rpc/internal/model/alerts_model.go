package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ AlertsModel = (*customAlertsModel)(nil)

type (
	// AlertsModel is an interface to be customized, add more methods here,
	// and implement the added methods in customAlertsModel.
	AlertsModel interface {
		alertsModel
		withSession(session sqlx.Session) AlertsModel
	}

	customAlertsModel struct {
		*defaultAlertsModel
	}
)

// NewAlertsModel returns a model for the database table.
func NewAlertsModel(conn sqlx.SqlConn) AlertsModel {
	return &customAlertsModel{
		defaultAlertsModel: newAlertsModel(conn),
	}
}

func (m *customAlertsModel) withSession(session sqlx.Session) AlertsModel {
	return NewAlertsModel(sqlx.NewSqlConnFromSession(session))
}
