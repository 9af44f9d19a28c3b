package svc

import (
	"fmt"
	"time"

	"github.com/openepro/epro/common/boot"
	"github.com/openepro/epro/user-rpc/internal/config"
	"github.com/openepro/epro/user-rpc/internal/model"
	"github.com/openepro/epro/user-rpc/internal/phicrypt"
	"github.com/zeromicro/go-zero/core/stores/cache"
	"github.com/zeromicro/go-zero/core/stores/redis"
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
	if err := purgeCache(c.Cache); err != nil {
		panic(err)
	}
	return &ServiceContext{
		Config: c,
		Users:  model.NewUsersModel(boot.SQL(c.DataSource), c.Cache, cache.WithExpiry(cacheTTL)),
		Phi:    ring,
	}
}

// cacheTTL bounds how long a cached user row may live; writes drop their rows at once.
const cacheTTL = 10 * time.Minute

// purgeCache drops every cached user row at start-up. goctl's cache keys carry no database name, so rows cached
// before the database was restored from a backup (or recreated) would otherwise be served as current.
func purgeCache(conf cache.CacheConf) error {
	for _, node := range conf {
		rds, err := redis.NewRedis(node.RedisConf)
		if err != nil {
			return err
		}
		var cursor uint64
		for {
			keys, next, err := rds.Scan(cursor, model.CachePattern, 500)
			if err != nil {
				return fmt.Errorf("purge user cache: %w", err)
			}
			if len(keys) > 0 {
				if _, err := rds.Del(keys...); err != nil {
					return fmt.Errorf("purge user cache: %w", err)
				}
			}
			if cursor = next; cursor == 0 {
				break
			}
		}
	}
	return nil
}
