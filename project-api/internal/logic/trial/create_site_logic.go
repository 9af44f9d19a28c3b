// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package trial

import (
	"context"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
	"github.com/openepro/epro/project-api/internal/model"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type CreateSiteLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Add a site to a trial
func NewCreateSiteLogic(ctx context.Context, svcCtx *svc.ServiceContext) *CreateSiteLogic {
	return &CreateSiteLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// CreateSite adds a site to a trial; a used site code is 409.
func (l *CreateSiteLogic) CreateSite(req *types.CreateSiteReq) (resp *types.Site, err error) {
	ctx, _, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.SiteManage, access.Target{})
	if err != nil {
		return nil, err
	}
	s := &model.Sites{ProjectId: req.ID, Code: req.Code, Name: req.Name}
	id, err := l.svcCtx.Sites.CreateAudited(ctx, s, audit.Entry{Action: "site.create", EntityType: "site", ProjectID: req.ID,
		Changes: map[string][2]any{"code": {nil, s.Code}, "name": {nil, s.Name}}})
	if isDuplicate(err) {
		return nil, errs.New(errs.KindConflict, "SITE_EXISTS", "a site with this code already exists in the project")
	}
	if err != nil {
		return nil, err
	}
	return &types.Site{SiteID: id, Code: s.Code, Name: s.Name}, nil
}
