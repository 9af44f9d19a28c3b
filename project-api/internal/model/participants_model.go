package model

import (
	"context"
	"fmt"

	"github.com/openepro/epro/common/audit"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var _ ParticipantsModel = (*customParticipantsModel)(nil)

type (
	// ParticipantsModel is an interface to be customized, add more methods here,
	// and implement the added methods in customParticipantsModel.
	ParticipantsModel interface {
		participantsModel
		withSession(session sqlx.Session) ParticipantsModel
		// EnrollAudited inserts a participant and its audit row in one transaction and returns its id.
		EnrollAudited(ctx context.Context, p *Participants, e audit.Entry) (int64, error)
		// List returns a trial's participants, at one site when siteID is not 0.
		List(ctx context.Context, projectID string, siteID int64) ([]*Participants, error)
		// CountBySite counts a trial's participants per site (every site listed, zeros included).
		CountBySite(ctx context.Context, projectID string, siteID int64) ([]*SiteCount, error)
	}

	customParticipantsModel struct {
		*defaultParticipantsModel
	}
)

// NewParticipantsModel returns a model for the database table.
func NewParticipantsModel(conn sqlx.SqlConn) ParticipantsModel {
	return &customParticipantsModel{
		defaultParticipantsModel: newParticipantsModel(conn),
	}
}

func (m *customParticipantsModel) withSession(session sqlx.Session) ParticipantsModel {
	return NewParticipantsModel(sqlx.NewSqlConnFromSession(session))
}

func (m *customParticipantsModel) EnrollAudited(ctx context.Context, p *Participants, e audit.Entry) (int64, error) {
	return execAudited(ctx, m.conn, e, fmt.Sprintf("insert into %s (%s) values (?, ?, ?, ?, ?, ?)", m.table, participantsRowsExpectAutoSet),
		p.ProjectId, p.SubjectCode, p.SiteId, p.Arm, p.UserId, p.Status)
}

func (m *customParticipantsModel) List(ctx context.Context, projectID string, siteID int64) ([]*Participants, error) {
	var rows []*Participants
	query := fmt.Sprintf("select %s from %s where `project_id` = ? and (? = 0 or `site_id` = ?) order by `id`", participantsRows, m.table)
	err := m.conn.QueryRowsCtx(ctx, &rows, query, projectID, siteID, siteID)
	return rows, err
}

func (m *customParticipantsModel) CountBySite(ctx context.Context, projectID string, siteID int64) ([]*SiteCount, error) {
	var rows []*SiteCount
	err := m.conn.QueryRowsCtx(ctx, &rows, "select s.id as site_id, s.code, count(p.id) as n from sites s "+
		"left join participants p on p.site_id = s.id where s.project_id = ? and (? = 0 or s.id = ?) "+
		"group by s.id, s.code order by s.id", projectID, siteID, siteID)
	return rows, err
}
