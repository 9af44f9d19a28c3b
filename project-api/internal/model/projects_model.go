package model

import (
	"context"
	"fmt"

	"github.com/openepro/epro/common/audit"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var _ ProjectsModel = (*customProjectsModel)(nil)

type (
	// ProjectsModel is an interface to be customized, add more methods here,
	// and implement the added methods in customProjectsModel.
	ProjectsModel interface {
		projectsModel
		withSession(session sqlx.Session) ProjectsModel
		// CreateAudited inserts a trial and its audit row in one transaction.
		CreateAudited(ctx context.Context, p *Projects, e audit.Entry) error
		// UpdateAudited writes a trial's name and status and its audit row in one transaction.
		UpdateAudited(ctx context.Context, p *Projects, e audit.Entry) error
		// ListForUser returns the trials userID is a member of (every trial when all is set), with the role.
		ListForUser(ctx context.Context, userID int64, all bool) ([]*ProjectWithRole, error)
	}

	customProjectsModel struct {
		*defaultProjectsModel
	}
)

// NewProjectsModel returns a model for the database table.
func NewProjectsModel(conn sqlx.SqlConn) ProjectsModel {
	return &customProjectsModel{
		defaultProjectsModel: newProjectsModel(conn),
	}
}

func (m *customProjectsModel) withSession(session sqlx.Session) ProjectsModel {
	return NewProjectsModel(sqlx.NewSqlConnFromSession(session))
}

func (m *customProjectsModel) CreateAudited(ctx context.Context, p *Projects, e audit.Entry) error {
	_, err := execAudited(ctx, m.conn, e, fmt.Sprintf("insert into %s (%s) values (?, ?, ?)", m.table, projectsRowsExpectAutoSet),
		p.Id, p.Name, p.Status)
	return err
}

func (m *customProjectsModel) UpdateAudited(ctx context.Context, p *Projects, e audit.Entry) error {
	_, err := execAudited(ctx, m.conn, e, fmt.Sprintf("update %s set `name` = ?, `status` = ? where `id` = ?", m.table),
		p.Name, p.Status, p.Id)
	return err
}

func (m *customProjectsModel) ListForUser(ctx context.Context, userID int64, all bool) ([]*ProjectWithRole, error) {
	var rows []*ProjectWithRole
	var err error
	if all {
		err = m.conn.QueryRowsCtx(ctx, &rows, "select p.*, 'ADMIN' as `role` from projects p order by p.id")
	} else {
		err = m.conn.QueryRowsCtx(ctx, &rows, "select p.*, m.role from projects p join project_members m "+
			"on m.project_id = p.id where m.user_id = ? order by p.id", userID)
	}
	return rows, err
}
