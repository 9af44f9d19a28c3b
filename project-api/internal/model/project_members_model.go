package model

import "github.com/zeromicro/go-zero/core/stores/sqlx"

var _ ProjectMembersModel = (*customProjectMembersModel)(nil)

type (
	// ProjectMembersModel is an interface to be customized, add more methods here,
	// and implement the added methods in customProjectMembersModel.
	ProjectMembersModel interface {
		projectMembersModel
		withSession(session sqlx.Session) ProjectMembersModel
	}

	customProjectMembersModel struct {
		*defaultProjectMembersModel
	}
)

// NewProjectMembersModel returns a model for the database table.
func NewProjectMembersModel(conn sqlx.SqlConn) ProjectMembersModel {
	return &customProjectMembersModel{
		defaultProjectMembersModel: newProjectMembersModel(conn),
	}
}

func (m *customProjectMembersModel) withSession(session sqlx.Session) ProjectMembersModel {
	return NewProjectMembersModel(sqlx.NewSqlConnFromSession(session))
}
