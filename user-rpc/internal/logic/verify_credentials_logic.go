package logic

import (
	"context"
	"database/sql"
	"errors"

	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/user-rpc/internal/account"
	"github.com/openepro/epro/user-rpc/internal/model"

	"github.com/openepro/epro/user-rpc/internal/svc"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/zeromicro/go-zero/core/logx"
)

type VerifyCredentialsLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewVerifyCredentialsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *VerifyCredentialsLogic {
	return &VerifyCredentialsLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// VerifyCredentials checks a password or PIN. An unknown account and a wrong password get the same answer and
// cost the same time; a disabled account is told only after a correct password.
func (l *VerifyCredentialsLogic) VerifyCredentials(in *user.VerifyCredentialsRequest) (*user.VerifyCredentialsResponse, error) {
	var u *model.Users
	var err error
	switch {
	case in.Username != "":
		u, err = l.svcCtx.Users.FindOneByUsername(l.ctx, sql.NullString{String: in.Username, Valid: true})
	case in.UserID > 0:
		u, err = l.svcCtx.Users.FindOne(l.ctx, in.UserID)
	default:
		return nil, errs.Invalid(errs.ReasonFieldRequired, "username or userID is required")
	}
	if errors.Is(err, model.ErrNotFound) {
		account.CheckPassword("", in.Password)
		return nil, account.InvalidCredentials()
	}
	if err != nil {
		return nil, err
	}
	if in.Username == "" && u.Kind != account.KindParticipant {
		// staff log in by username only
		account.CheckPassword("", in.Password)
		return nil, account.InvalidCredentials()
	}
	if !account.CheckPassword(u.PasswordHash, in.Password) {
		return nil, account.InvalidCredentials()
	}
	if u.Status != account.StatusActive {
		return nil, errs.New(errs.KindUnauthenticated, account.ReasonAccountDisabled, "account is disabled")
	}
	return &user.VerifyCredentialsResponse{UserID: u.Id, Kind: u.Kind, Name: u.DisplayName, PlatformRole: u.PlatformRole}, nil
}
