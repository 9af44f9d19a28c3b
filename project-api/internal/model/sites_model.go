package model

import (
	"context"
	"fmt"

	"github.com/openepro/epro/common/audit"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var _ SitesModel = (*customSitesModel)(nil)

type (
	// SitesModel is an interface to be customized, add more methods here,
	// and implement the added methods in customSitesModel.
	SitesModel interface {
		sitesModel
		withSession(session sqlx.Session) SitesModel
		// CreateAudited inserts a site and its audit row in one transaction and returns its id.
		CreateAudited(ctx context.Context, s *Sites, e audit.Entry) (int64, error)
		// ListByProject returns a trial's sites by id.
		ListByProject(ctx context.Context, projectID string) ([]*Sites, error)
	}

	customSitesModel struct {
		*defaultSitesModel
	}
)

// NewSitesModel returns a model for the database table.
func NewSitesModel(conn sqlx.SqlConn) SitesModel {
	return &customSitesModel{
		defaultSitesModel: newSitesModel(conn),
	}
}

func (m *customSitesModel) withSession(session sqlx.Session) SitesModel {
	return NewSitesModel(sqlx.NewSqlConnFromSession(session))
}

func (m *customSitesModel) CreateAudited(ctx context.Context, s *Sites, e audit.Entry) (int64, error) {
	return execAudited(ctx, m.conn, e, fmt.Sprintf("insert into %s (%s) values (?, ?, ?)", m.table, sitesRowsExpectAutoSet),
		s.ProjectId, s.Code, s.Name)
}

func (m *customSitesModel) ListByProject(ctx context.Context, projectID string) ([]*Sites, error) {
	var rows []*Sites
	err := m.conn.QueryRowsCtx(ctx, &rows, fmt.Sprintf("select %s from %s where `project_id` = ? order by `id`", sitesRows, m.table), projectID)
	return rows, err
}
