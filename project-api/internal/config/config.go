// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package config

import (
	"github.com/zeromicro/go-zero/rest"
	"github.com/zeromicro/go-zero/zrpc"
)

// Config is project-api's configuration (etc/project-api.yaml; ${VAR}s are read from the environment).
type Config struct {
	rest.RestConf
	// DataSource is the DSN of epro_project (trials, members, participants).
	DataSource string
	// UserRpc and ReportRpc reach the services through etcd (or direct Endpoints).
	UserRpc   zrpc.RpcClientConf
	ReportRpc zrpc.RpcClientConf
	// MemberLookupConcurrency bounds the concurrent user-rpc calls of one members listing.
	MemberLookupConcurrency int `json:",default=16,range=[1:256]"`
}
