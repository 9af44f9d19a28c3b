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

type GetProjectLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// One trial
func NewGetProjectLogic(ctx context.Context, svcCtx *svc.ServiceContext) *GetProjectLogic {
	return &GetProjectLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// GetProject returns one trial the caller belongs to.
func (l *GetProjectLogic) GetProject(req *types.ProjectPath) (resp *types.Project, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.TrialRead, access.Target{})
	if err != nil {
		return nil, err
	}
	p, err := l.svcCtx.Projects.FindOne(ctx, req.ID)
	if err != nil {
		return nil, err
	}
	return toProject(p, string(c.Membership.Role)), nil
}
