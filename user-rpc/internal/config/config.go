package config

import (
	"github.com/zeromicro/go-zero/core/stores/cache"
	"github.com/zeromicro/go-zero/zrpc"
)

// Config is user-rpc's configuration (etc/user.yaml; ${VAR}s are read from the environment).
type Config struct {
	zrpc.RpcServerConf
	// DataSource is the DSN of epro_user; the password comes from the environment.
	DataSource string
	// Cache is the Redis cache in front of user reads (GetUserInfo dominates the traffic).
	Cache cache.CacheConf
	// Phi holds the AES-256-GCM keys that seal phone and national ID numbers at rest: "id:base64,id2:base64"
	// and the id of the key new values use. Old keys stay listed until every value is resealed.
	Phi struct {
		Keys      string
		ActiveKey string
	}
	// Bootstrap creates the first administrator when it does not exist yet.
	Bootstrap struct {
		AdminUser     string `json:",optional"`
		AdminPassword string `json:",optional"`
		AdminName     string `json:",default=Administrator"`
	}
}
