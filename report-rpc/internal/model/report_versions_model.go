package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ ReportVersionsModel = (*customReportVersionsModel)(nil)

type (
	// ReportVersionsModel is an interface to be customized, add more methods here,
	// and implement the added methods in customReportVersionsModel.
	ReportVersionsModel interface {
		reportVersionsModel
		withSession(session sqlx.Session) ReportVersionsModel
	}

	customReportVersionsModel struct {
		*defaultReportVersionsModel
	}
)

// NewReportVersionsModel returns a model for the database table.
func NewReportVersionsModel(conn sqlx.SqlConn) ReportVersionsModel {
	return &customReportVersionsModel{
		defaultReportVersionsModel: newReportVersionsModel(conn),
	}
}

func (m *customReportVersionsModel) withSession(session sqlx.Session) ReportVersionsModel {
	return NewReportVersionsModel(sqlx.NewSqlConnFromSession(session))
}
