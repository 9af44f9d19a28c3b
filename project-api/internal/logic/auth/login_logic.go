// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package auth

import (
	"context"
	"github.com/openepro/epro/project-api/internal/audit"
	"github.com/openepro/epro/project-api/internal/authn"
	"github.com/openepro/epro/user-rpc/user"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type LoginLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Staff login: a JWT for the console; 401 for wrong credentials, 429 after repeated failures
func NewLoginLogic(ctx context.Context, svcCtx *svc.ServiceContext) *LoginLogic {
	return &LoginLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// Login checks a staff account's password and issues an access token. Wrong credentials are 401; after
// LoginThrottle.AccountFailures failures for one account (or ClientIPFailures from one IP) the next attempts are 429
// until the window ends.
func (l *LoginLogic) Login(req *types.LoginReq) (resp *types.LoginResp, err error) {
	t := NewThrottle(l.ctx, l.svcCtx, "staff:"+req.Username)
	if err := t.Check(l.ctx); err != nil {
		return nil, err
	}
	who, err := l.svcCtx.UserRpc.VerifyCredentials(l.ctx, &user.VerifyCredentialsRequest{Username: req.Username, Password: req.Password})
	if status.Code(err) == codes.Unauthenticated {
		t.Failed(l.ctx)
		audit.Login(l.ctx, l.svcCtx.DB, 0, "login.failed", "staff")
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	p := authn.Principal{UserID: who.UserID, Kind: authn.KindStaff, PlatformAdmin: who.PlatformRole == "admin"}
	resp, err = issue(l.svcCtx, p, who.Name)
	if err == nil {
		audit.Login(l.ctx, l.svcCtx.DB, who.UserID, "login", "staff")
	}
	return resp, err
}
