package config

import "github.com/zeromicro/go-zero/zrpc"

// Config is pdf-rpc's configuration (etc/pdf.yaml; ${VAR}s are read from the environment).
type Config struct {
	zrpc.RpcServerConf
	// DataSource is the DSN of epro_pdf, which records every stored document.
	DataSource string
	// StorageDir is the root of the local content-addressed file store.
	StorageDir string
	// MaxConcurrentRenders bounds CPU spent on rendering at once.
	MaxConcurrentRenders int `json:",default=4,range=[1:64]"`
}
