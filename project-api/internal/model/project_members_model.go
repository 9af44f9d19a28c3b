package model

import (
	"context"
	"fmt"
	"github.com/openepro/epro/common/audit"

	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var _ ProjectMembersModel = (*customProjectMembersModel)(nil)

type (
	// ProjectMembersModel is an interface to be customized, add more methods here,
	// and implement the added methods in customProjectMembersModel.
	ProjectMembersModel interface {
		projectMembersModel
		// AddAudited inserts a membership and its audit row in one transaction.
		AddAudited(ctx context.Context, pm *ProjectMembers, e audit.Entry) error
		// CountByProject counts a trial's members.
		CountByProject(ctx context.Context, projectID string) (int64, error)
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

func (m *customProjectMembersModel) AddAudited(ctx context.Context, pm *ProjectMembers, e audit.Entry) error {
	_, err := execAudited(ctx, m.conn, e, fmt.Sprintf("insert into %s (%s) values (?, ?, ?, ?)", m.table, projectMembersRowsExpectAutoSet),
		pm.ProjectId, pm.UserId, pm.Role, pm.SiteId)
	return err
}

func (m *customProjectMembersModel) CountByProject(ctx context.Context, projectID string) (int64, error) {
	var n int64
	err := m.conn.QueryRowCtx(ctx, &n, fmt.Sprintf("select count(*) from %s where `project_id` = ?", m.table), projectID)
	return n, err
}
