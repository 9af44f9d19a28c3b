// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package epro

import (
	"context"
	"errors"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
	"github.com/openepro/epro/project-api/internal/model"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type ScoreHistoryLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// A participant's score history, for charts
func NewScoreHistoryLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ScoreHistoryLogic {
	return &ScoreHistoryLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// ScoreHistory returns a participant's scores over time (for charts), for those who may read their reports.
func (l *ScoreHistoryLogic) ScoreHistory(req *types.ScoreHistoryReq) (resp *types.ScoreHistory, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.ReportRead, access.Target{ParticipantID: req.ParticipantID})
	if err != nil {
		return nil, err
	}
	pt, err := l.svcCtx.Participants.FindOne(ctx, req.ParticipantID)
	if errors.Is(err, model.ErrNotFound) || err == nil && pt.ProjectId != req.ID {
		return nil, errs.NotFound("PARTICIPANT_NOT_FOUND", "participant not found")
	}
	if err != nil {
		return nil, err
	}
	if _, err := access.Authorize(c.Membership, access.ReportRead, access.Target{SiteID: pt.SiteId, ParticipantID: pt.Id}); err != nil {
		return nil, err
	}
	out, err := l.svcCtx.ReportRpc.ScoreHistory(ctx, &rpc.ScoreHistoryRequest{ProjectId: req.ID, PatientId: pt.SubjectCode, Instrument: req.Instrument})
	if err != nil {
		return nil, err
	}
	resp = &types.ScoreHistory{Points: []types.ScorePointView{}}
	for _, p := range out.Points {
		resp.Points = append(resp.Points, types.ScorePointView{ReportID: p.ReportId, Instrument: p.Instrument, Total: p.Total,
			Band: p.Band, AuthoredAt: p.AuthoredAt, ReceivedAt: p.ReceivedAt})
	}
	return resp, nil
}
