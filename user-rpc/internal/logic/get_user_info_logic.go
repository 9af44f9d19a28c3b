package logic

import (
	"context"

	"github.com/openepro/epro/user-rpc/internal/svc"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/zeromicro/go-zero/core/logx"
)

type GetUserInfoLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewGetUserInfoLogic(ctx context.Context, svcCtx *svc.ServiceContext) *GetUserInfoLogic {
	return &GetUserInfoLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// GetUserInfo returns a user's id and display name; NotFound (reason USER_NOT_FOUND) for an unknown id.
func (l *GetUserInfoLogic) GetUserInfo(in *user.GetUserInfoRequest) (*user.UserInfoResponse, error) {
	u, err := findUser(l.ctx, l.svcCtx.Users, in.UserID)
	if err != nil {
		return nil, err
	}
	return &user.UserInfoResponse{UserID: u.Id, Name: u.DisplayName}, nil
}
