// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package trial

import (
	"context"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type UpdateProjectLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Rename a trial or change its status
func NewUpdateProjectLogic(ctx context.Context, svcCtx *svc.ServiceContext) *UpdateProjectLogic {
	return &UpdateProjectLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// UpdateProject renames a trial or changes its status; the old and new values are audited.
func (l *UpdateProjectLogic) UpdateProject(req *types.UpdateProjectReq) (resp *types.Project, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.TrialUpdate, access.Target{})
	if err != nil {
		return nil, err
	}
	p, err := l.svcCtx.Projects.FindOne(ctx, req.ID)
	if err != nil {
		return nil, err
	}
	changes := map[string][2]any{}
	if req.Name != "" && req.Name != p.Name {
		changes["name"] = [2]any{p.Name, req.Name}
		p.Name = req.Name
	}
	if req.Status != "" && req.Status != p.Status {
		changes["status"] = [2]any{p.Status, req.Status}
		p.Status = req.Status
	}
	if len(changes) > 0 {
		if err := l.svcCtx.Projects.UpdateAudited(ctx, p, audit.Entry{Action: "project.update", EntityType: "project",
			EntityID: p.Id, ProjectID: p.Id, Changes: changes}); err != nil {
			return nil, err
		}
		if p, err = l.svcCtx.Projects.FindOne(ctx, req.ID); err != nil {
			return nil, err
		}
	}
	return toProject(p, string(c.Membership.Role)), nil
}
