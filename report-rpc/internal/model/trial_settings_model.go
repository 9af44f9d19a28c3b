package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ TrialSettingsModel = (*customTrialSettingsModel)(nil)

type (
	// TrialSettingsModel is an interface to be customized, add more methods here,
	// and implement the added methods in customTrialSettingsModel.
	TrialSettingsModel interface {
		trialSettingsModel
		withSession(session sqlx.Session) TrialSettingsModel
	}

	customTrialSettingsModel struct {
		*defaultTrialSettingsModel
	}
)

// NewTrialSettingsModel returns a model for the database table.
func NewTrialSettingsModel(conn sqlx.SqlConn) TrialSettingsModel {
	return &customTrialSettingsModel{
		defaultTrialSettingsModel: newTrialSettingsModel(conn),
	}
}

func (m *customTrialSettingsModel) withSession(session sqlx.Session) TrialSettingsModel {
	return NewTrialSettingsModel(sqlx.NewSqlConnFromSession(session))
}
