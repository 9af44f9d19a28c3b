// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package epro

import (
	"context"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListReportsLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Reports by site, participant, questionnaire and date, newest first, cursor paginated
func NewListReportsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListReportsLogic {
	return &ListReportsLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// ListReports lists a trial's reports: a site-limited role its site's, a participant their own, a sponsor
// without subject codes.
func (l *ListReportsLogic) ListReports(req *types.ListReportsReq) (resp *types.ReportPage, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.ReportRead, access.Target{SiteID: req.SiteID})
	if err != nil {
		return nil, err
	}
	in := &rpc.ListReportsRequest{ProjectId: req.ID, SiteId: req.SiteID, PatientId: req.SubjectCode,
		QuestionnaireUrl: req.QuestionnaireURL, From: req.From, To: req.To, Cursor: req.Cursor, Limit: req.Limit}
	if c.Decision.SiteID != 0 {
		in.SiteId = c.Decision.SiteID
	}
	if c.Decision.ParticipantID != 0 {
		in.PatientId = c.SubjectCode
	}
	out, err := l.svcCtx.ReportRpc.ListReports(ctx, in)
	if err != nil {
		return nil, err
	}
	resp = &types.ReportPage{Reports: []types.ReportRow{}, NextCursor: out.NextCursor}
	for _, r := range out.Reports {
		row := types.ReportRow{ReportID: r.ReportId, SiteID: r.SiteId, SubjectCode: r.PatientId, Questionnaire: r.Questionnaire,
			ReceivedAt: r.ReceivedAt, AuthoredAt: r.AuthoredAt, Scores: toScores(r.Scores)}
		if c.Decision.DeIdentified {
			row.SubjectCode = ""
		}
		resp.Reports = append(resp.Reports, row)
	}
	return resp, nil
}
