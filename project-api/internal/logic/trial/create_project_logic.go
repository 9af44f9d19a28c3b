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

type CreateProjectLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Create a trial (platform administrators)
func NewCreateProjectLogic(ctx context.Context, svcCtx *svc.ServiceContext) *CreateProjectLogic {
	return &CreateProjectLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// CreateProject creates a trial (platform administrators).
func (l *CreateProjectLogic) CreateProject(req *types.CreateProjectReq) (resp *types.Project, err error) {
	ctx, _, err := authz.PlatformAdmin(l.ctx)
	if err != nil {
		return nil, err
	}
	p := &model.Projects{Id: req.ID, Name: req.Name, Status: "active"}
	err = l.svcCtx.Projects.CreateAudited(ctx, p, audit.Entry{Action: "project.create", EntityType: "project",
		EntityID: p.Id, ProjectID: p.Id, Changes: map[string][2]any{"name": {nil, p.Name}, "status": {nil, p.Status}}})
	if isDuplicate(err) {
		return nil, errs.New(errs.KindConflict, "PROJECT_EXISTS", "a project with this id already exists")
	}
	if err != nil {
		return nil, err
	}
	return l.reload(ctx, p.Id, string(access.Admin))
}

func (l *CreateProjectLogic) reload(ctx context.Context, id, role string) (*types.Project, error) {
	p, err := l.svcCtx.Projects.FindOne(ctx, id)
	if err != nil {
		return nil, err
	}
	return toProject(p, role), nil
}
