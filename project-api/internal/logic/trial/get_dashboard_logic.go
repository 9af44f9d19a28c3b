// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package trial

import (
	"context"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
	rpc "github.com/openepro/epro/report-rpc/report"
	"golang.org/x/sync/errgroup"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type GetDashboardLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Member count, participants per site, recent reports and open alerts, fetched concurrently
func NewGetDashboardLogic(ctx context.Context, svcCtx *svc.ServiceContext) *GetDashboardLogic {
	return &GetDashboardLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// dashboardRecent is how many recent reports the dashboard lists.
const dashboardRecent = 10

// GetDashboard gathers member count, participants per site, and reports and open alerts from report-rpc,
// concurrently with errgroup; a site-limited role sees its site's numbers only.
func (l *GetDashboardLogic) GetDashboard(req *types.ProjectPath) (resp *types.Dashboard, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.DashboardRead, access.Target{})
	if err != nil {
		return nil, err
	}
	resp = &types.Dashboard{ProjectID: req.ID, ParticipantsBySite: []types.SiteCount{}, RecentReports: []types.RecentReport{}}
	site := c.Decision.SiteID
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		n, err := l.svcCtx.Members.CountByProject(gctx, req.ID)
		resp.MemberCount = n
		return err
	})
	g.Go(func() error {
		rows, err := l.svcCtx.Participants.CountBySite(gctx, req.ID, site)
		for _, r := range rows {
			resp.ParticipantsBySite = append(resp.ParticipantsBySite, types.SiteCount{SiteID: r.SiteId, Code: r.Code, Participants: r.Count})
		}
		return err
	})
	g.Go(func() error {
		in := &rpc.ProjectSummaryRequest{ProjectId: req.ID, Recent: dashboardRecent}
		if site != 0 {
			in.SiteIds = []int64{site}
		}
		sum, err := l.svcCtx.ReportRpc.ProjectSummary(gctx, in)
		if err != nil {
			return err
		}
		resp.ReportCount, resp.OpenAlerts = sum.ReportCount, sum.OpenAlerts
		for _, r := range sum.Recent {
			code := r.PatientId
			if c.Decision.DeIdentified {
				code = "" // sponsors see counts and scores, not subject codes
			}
			resp.RecentReports = append(resp.RecentReports, types.RecentReport{ReportID: r.ReportId, SubjectCode: code,
				Score: r.Score, ReceivedAt: r.ReceivedAt})
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return resp, nil
}
