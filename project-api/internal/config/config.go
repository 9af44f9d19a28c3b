// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package config

import (
	"github.com/zeromicro/go-zero/core/stores/redis"
	"github.com/zeromicro/go-zero/rest"
	"github.com/zeromicro/go-zero/zrpc"
)

// Config is project-api's configuration (etc/project-api.yaml; ${VAR}s are read from the environment).
type Config struct {
	rest.RestConf
	// DataSource is the DSN of epro_project (trials, sites, members, participants).
	DataSource string
	// Auth signs and verifies access tokens. AccessSecret signs; during a rotation PrevSecret (the old secret)
	// still verifies. Secret mirrors AccessSecret for goctl's jwtTransition routes (filled in at start-up).
	Auth struct {
		AccessSecret string
		AccessExpire int64  `json:",default=3600"`
		PrevSecret   string `json:",optional"`
		Secret       string `json:",optional"`
	}
	// Redis holds login throttling counters.
	Redis redis.RedisConf
	// LoginThrottle: failures allowed per account and per client IP within Window seconds before 429.
	LoginThrottle struct {
		Window           int `json:",default=900"`
		AccountFailures  int `json:",default=5"`
		ClientIPFailures int `json:",default=5"`
	}
	// UserRpc and ReportRpc reach the services through etcd (or direct Endpoints).
	UserRpc   zrpc.RpcClientConf
	ReportRpc zrpc.RpcClientConf
	PdfRpc    zrpc.RpcClientConf
	// MaxPhotoBytes bounds an uploaded photo (pdf-rpc enforces its own limit too).
	MaxPhotoBytes int `json:",default=10485760"`
	// MemberLookup is how the members listing finds names: "batch" (BatchGetUsers in chunks of 100, default)
	// or "each" (the seed's one GetUserInfo per member; kept for the benchmark that compares the two).
	MemberLookup string `json:",default=batch,options=batch|each"`
	// MemberLookupConcurrency bounds the concurrent user-rpc calls of one members listing.
	MemberLookupConcurrency int `json:",default=16,range=[1:256]"`
}

// Prepare fills the derived settings after loading.
func (c *Config) Prepare() {
	// Body limits are enforced per route by internal/reqbody (413 with the error envelope); go-zero's own MaxBytes
	// middleware would answer 413 with an empty body first.
	c.Middlewares.MaxBytes = false
	c.Auth.Secret = c.Auth.AccessSecret
	if c.Auth.PrevSecret == "" {
		c.Auth.PrevSecret = c.Auth.AccessSecret
	}
}
