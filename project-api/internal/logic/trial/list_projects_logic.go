// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package trial

import (
	"context"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authn"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListProjectsLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Trials the caller belongs to
func NewListProjectsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListProjectsLogic {
	return &ListProjectsLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// ListProjects lists the trials the caller belongs to (every trial for a platform administrator).
func (l *ListProjectsLogic) ListProjects() (resp *types.ProjectList, err error) {
	p, err := authn.From(l.ctx)
	if err != nil {
		return nil, err
	}
	if p.Kind != authn.KindStaff {
		return nil, errs.New(errs.KindForbidden, access.ReasonDenied, "only staff list trials")
	}
	rows, err := l.svcCtx.Projects.ListForUser(l.ctx, p.UserID, p.PlatformAdmin)
	if err != nil {
		return nil, err
	}
	resp = &types.ProjectList{Projects: make([]types.Project, 0, len(rows))}
	for _, r := range rows {
		resp.Projects = append(resp.Projects, *toProject(&r.Projects, r.Role))
	}
	return resp, nil
}
