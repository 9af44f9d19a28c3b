package logic

import (
	"context"
	"fmt"

	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/user-rpc/internal/account"

	"github.com/openepro/epro/user-rpc/internal/svc"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/zeromicro/go-zero/core/logx"
)

type DisableUserLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewDisableUserLogic(ctx context.Context, svcCtx *svc.ServiceContext) *DisableUserLogic {
	return &DisableUserLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// DisableUser disables an account: it can no longer log in; its records stay. Disabling twice is a no-op.
func (l *DisableUserLogic) DisableUser(in *user.DisableUserRequest) (*user.Empty, error) {
	u, err := findUser(l.ctx, l.svcCtx.Users, in.UserID)
	if err != nil {
		return nil, err
	}
	if u.Status == account.StatusDisabled {
		return &user.Empty{}, nil
	}
	old := u.Status
	u.Status = account.StatusDisabled
	return &user.Empty{}, l.svcCtx.Users.UpdateAudited(l.ctx, u, audit.Entry{Action: "user.disable",
		EntityType: "user", EntityID: fmt.Sprint(u.Id), Changes: map[string][2]any{"status": {old, account.StatusDisabled}}})
}
