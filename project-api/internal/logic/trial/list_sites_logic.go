// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package trial

import (
	"context"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListSitesLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// A trial's sites
func NewListSitesLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListSitesLogic {
	return &ListSitesLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// ListSites lists a trial's sites (a site-limited member sees its own site).
func (l *ListSitesLogic) ListSites(req *types.ProjectPath) (resp *types.SiteList, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.TrialRead, access.Target{})
	if err != nil {
		return nil, err
	}
	rows, err := l.svcCtx.Sites.ListByProject(ctx, req.ID)
	if err != nil {
		return nil, err
	}
	resp = &types.SiteList{Sites: []types.Site{}}
	for _, s := range rows {
		if c.Decision.SiteID == 0 || c.Decision.SiteID == s.Id {
			resp.Sites = append(resp.Sites, types.Site{SiteID: s.Id, Code: s.Code, Name: s.Name})
		}
	}
	return resp, nil
}
