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

type ListAlertsLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Alerts by site, severity and status
func NewListAlertsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListAlertsLogic {
	return &ListAlertsLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// ListAlerts lists a trial's alerts by site, severity and status; a site-limited role sees its site's only.
func (l *ListAlertsLogic) ListAlerts(req *types.ListAlertsReq) (resp *types.AlertList, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.AlertRead, access.Target{SiteID: req.SiteID})
	if err != nil {
		return nil, err
	}
	site := req.SiteID
	if c.Decision.SiteID != 0 {
		site = c.Decision.SiteID
	}
	out, err := l.svcCtx.ReportRpc.ListAlerts(ctx, &rpc.ListAlertsRequest{ProjectId: req.ID, SiteId: site,
		Severity: req.Severity, Status: req.Status})
	if err != nil {
		return nil, err
	}
	return &types.AlertList{Alerts: toAlerts(out.Alerts)}, nil
}
