package svc

import (
	"github.com/openepro/epro/common/dbx"
	"github.com/openepro/epro/user-rpc/internal/config"
	"github.com/openepro/epro/user-rpc/internal/model"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

// ServiceContext holds user-rpc's dependencies.
type ServiceContext struct {
	Config config.Config
	Users  model.UsersModel
}

// NewServiceContext connects to epro_user through the Redis-cached users model.
func NewServiceContext(c config.Config) *ServiceContext {
	dsn, err := dbx.Normalize(c.DataSource)
	if err != nil {
		panic(err)
	}
	return &ServiceContext{
		Config: c,
		Users:  model.NewUsersModel(sqlx.NewMysql(dsn), c.Cache),
	}
}
