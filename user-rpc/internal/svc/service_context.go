package svc

import (
	"github.com/openepro/epro/common/boot"
	"github.com/openepro/epro/user-rpc/internal/config"
	"github.com/openepro/epro/user-rpc/internal/model"
)

// ServiceContext holds user-rpc's dependencies.
type ServiceContext struct {
	Config config.Config
	Users  model.UsersModel
}

// NewServiceContext connects to epro_user through the Redis-cached users model.
func NewServiceContext(c config.Config) *ServiceContext {
	return &ServiceContext{
		Config: c,
		Users:  model.NewUsersModel(boot.SQL(c.DataSource), c.Cache),
	}
}
