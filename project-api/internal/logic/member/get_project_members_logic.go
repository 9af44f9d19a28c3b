// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package member

import (
	"context"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type GetProjectMembersLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// List a trial's members with their names (looked up in user-rpc) and roles
func NewGetProjectMembersLogic(ctx context.Context, svcCtx *svc.ServiceContext) *GetProjectMembersLogic {
	return &GetProjectMembersLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

func (l *GetProjectMembersLogic) GetProjectMembers(req *types.ProjectMembersReq) (resp *types.ProjectMembersResponse, err error) {
	// todo: add your logic here and delete this line

	return
}
