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

type ChangePasswordLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewChangePasswordLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ChangePasswordLogic {
	return &ChangePasswordLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// ChangePassword changes one's own password after checking the old one.
func (l *ChangePasswordLogic) ChangePassword(in *user.ChangePasswordRequest) (*user.Empty, error) {
	u, err := findUser(l.ctx, l.svcCtx.Users, in.UserID)
	if err != nil {
		return nil, err
	}
	if !account.CheckPassword(u.PasswordHash, in.OldPassword) {
		return nil, account.InvalidCredentials()
	}
	if u.PasswordHash, err = account.HashPassword(u.Kind, in.NewPassword); err != nil {
		return nil, err
	}
	return &user.Empty{}, l.svcCtx.Users.UpdateAudited(l.ctx, u, audit.Entry{Action: "user.change_password",
		EntityType: "user", EntityID: fmt.Sprint(u.Id), Changes: map[string][2]any{"password": {audit.Redacted, audit.Redacted}}})
}
