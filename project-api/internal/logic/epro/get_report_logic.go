// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package epro

import (
	"context"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type GetReportLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// One report with items, scores, rule set, AI and PDF state, alerts
func NewGetReportLogic(ctx context.Context, svcCtx *svc.ServiceContext) *GetReportLogic {
	return &GetReportLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// GetReport returns one report with items, scores, AI and PDF state and alerts, after checking the caller may
// read that report's site (or, for a participant, that it is their own).
func (l *GetReportLogic) GetReport(req *types.ReportPath) (resp *types.ReportView, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.ReportRead, access.Target{})
	if err != nil {
		return nil, err
	}
	r, err := l.svcCtx.ReportRpc.GetReport(ctx, &rpc.GetReportRequest{ReportId: req.ReportID})
	if err != nil {
		return nil, err
	}
	if r.ProjectId != req.ID {
		return nil, errs.NotFound(errs.ReasonReportNotFound, "report not found")
	}
	target := c.RecordTarget(r.SiteId, r.PatientId)
	d, err := access.Authorize(c.Membership, access.ReportRead, target)
	if err != nil {
		return nil, err
	}
	resp = &types.ReportView{ReportID: r.ReportId, SiteID: r.SiteId, SubjectCode: r.PatientId, Questionnaire: r.Questionnaire,
		Items: r.Items, Notes: r.Notes, Score: r.Score, AuthoredAt: r.AuthoredAt, ReceivedAt: r.ReceivedAt,
		Scores: toScores(r.Scores), Alerts: toAlerts(r.Alerts), Tasks: []types.TaskView{}}
	for _, t := range r.Tasks {
		resp.Tasks = append(resp.Tasks, types.TaskView{Task: t.Task, Status: t.Status, Attempts: t.Attempts, Result: t.Result})
	}
	if d.DeIdentified { // sponsors: scores and states, no subject code, answers or free text
		resp.SubjectCode, resp.Items, resp.Notes, resp.DeIdentified = "", "", "", true
		for i := range resp.Alerts {
			resp.Alerts[i].SubjectCode = ""
		}
	}
	return resp, nil
}
