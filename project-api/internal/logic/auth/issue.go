package auth

import (
	"time"

	"github.com/openepro/epro/project-api/internal/authn"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
)

func issue(s *svc.ServiceContext, p authn.Principal, name string) (*types.LoginResp, error) {
	ttl := time.Duration(s.Config.Auth.AccessExpire) * time.Second
	token, err := authn.Sign(s.Config.Auth.AccessSecret, ttl, p, time.Now())
	if err != nil {
		return nil, err
	}
	return &types.LoginResp{AccessToken: token, ExpiresIn: s.Config.Auth.AccessExpire,
		User: types.LoginUser{UserID: p.UserID, Name: name}}, nil
}
