package config

import "github.com/zeromicro/go-zero/zrpc"

// Config is ai-gateway's configuration (etc/ai.yaml; ${VAR}s are read from the environment).
type Config struct {
	zrpc.RpcServerConf
	// DataSource is the DSN of epro_ai, where every assessment is recorded.
	DataSource string
	// Lexicon names the built-in engine's lexicon file (internal/engine/lexicon).
	Lexicon string `json:",default=builtin-v1.json"`
}
