package model

import (
	"context"
	"fmt"

	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var _ ProjectMembersModel = (*customProjectMembersModel)(nil)

type (
	// ProjectMembersModel is an interface to be customized, add more methods here,
	// and implement the added methods in customProjectMembersModel.
	ProjectMembersModel interface {
		projectMembersModel
		// FindByProject returns a trial's members ordered by user id.
		FindByProject(ctx context.Context, projectID string) ([]*ProjectMembers, error)
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

func (m *customProjectMembersModel) FindByProject(ctx context.Context, projectID string) ([]*ProjectMembers, error) {
	var rows []*ProjectMembers
	query := fmt.Sprintf("select %s from %s where `project_id` = ? order by `user_id`", projectMembersRows, m.table)
	err := m.conn.QueryRowsCtx(ctx, &rows, query, projectID)
	return rows, err
}
