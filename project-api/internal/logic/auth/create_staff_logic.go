// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package auth

import (
	"context"
	"github.com/openepro/epro/project-api/internal/authz"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type CreateStaffLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Create a staff account (platform administrators only)
func NewCreateStaffLogic(ctx context.Context, svcCtx *svc.ServiceContext) *CreateStaffLogic {
	return &CreateStaffLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// CreateStaff creates a staff account in user-rpc (platform administrators only; audited there).
func (l *CreateStaffLogic) CreateStaff(req *types.CreateStaffReq) (resp *types.CreateStaffResp, err error) {
	ctx, _, err := authz.PlatformAdmin(l.ctx)
	if err != nil {
		return nil, err
	}
	out, err := l.svcCtx.UserRpc.CreateUser(ctx, &user.CreateUserRequest{Kind: "staff", Username: req.Username,
		Name: req.Name, Password: req.Password, Phone: req.Phone, PlatformRole: req.PlatformRole})
	if err != nil {
		return nil, err
	}
	return &types.CreateStaffResp{UserID: out.UserID}, nil
}
