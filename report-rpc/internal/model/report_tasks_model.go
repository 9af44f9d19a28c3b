package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ ReportTasksModel = (*customReportTasksModel)(nil)

type (
	// ReportTasksModel is an interface to be customized, add more methods here,
	// and implement the added methods in customReportTasksModel.
	ReportTasksModel interface {
		reportTasksModel
		withSession(session sqlx.Session) ReportTasksModel
	}

	customReportTasksModel struct {
		*defaultReportTasksModel
	}
)

// NewReportTasksModel returns a model for the database table.
func NewReportTasksModel(conn sqlx.SqlConn) ReportTasksModel {
	return &customReportTasksModel{
		defaultReportTasksModel: newReportTasksModel(conn),
	}
}

func (m *customReportTasksModel) withSession(session sqlx.Session) ReportTasksModel {
	return NewReportTasksModel(sqlx.NewSqlConnFromSession(session))
}
