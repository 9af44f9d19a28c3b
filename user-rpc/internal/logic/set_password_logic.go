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

type SetPasswordLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewSetPasswordLogic(ctx context.Context, svcCtx *svc.ServiceContext) *SetPasswordLogic {
	return &SetPasswordLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// SetPassword sets a password or PIN without the old one (a staff action on a participant, audited).
func (l *SetPasswordLogic) SetPassword(in *user.SetPasswordRequest) (*user.Empty, error) {
	u, err := findUser(l.ctx, l.svcCtx.Users, in.UserID)
	if err != nil {
		return nil, err
	}
	if u.PasswordHash, err = account.HashPassword(u.Kind, in.NewPassword); err != nil {
		return nil, err
	}
	return &user.Empty{}, l.svcCtx.Users.UpdateAudited(l.ctx, u, audit.Entry{Action: "user.set_password",
		EntityType: "user", EntityID: fmt.Sprint(u.Id), Changes: map[string][2]any{"password": {audit.Redacted, audit.Redacted}}})
}
