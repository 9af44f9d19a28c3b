package svc

import (
	"github.com/openepro/epro/common/boot"
	"github.com/openepro/epro/user-rpc/internal/config"
	"github.com/openepro/epro/user-rpc/internal/model"
	"github.com/openepro/epro/user-rpc/internal/phicrypt"
)

// ServiceContext holds user-rpc's dependencies.
type ServiceContext struct {
	Config config.Config
	Users  model.UsersModel
	Phi    *phicrypt.Keyring
}

// NewServiceContext connects to epro_user through the Redis-cached users model; it panics at start-up on a bad
// config (a missing PHI key must stop the service, not store PHI in clear).
func NewServiceContext(c config.Config) *ServiceContext {
	ring, err := phicrypt.Parse(c.Phi.Keys, c.Phi.ActiveKey)
	if err != nil {
		panic(err)
	}
	return &ServiceContext{
		Config: c,
		Users:  model.NewUsersModel(boot.SQL(c.DataSource), c.Cache),
		Phi:    ring,
	}
}
