package config

import (
	"time"

	"github.com/zeromicro/go-zero/zrpc"
)

// Config is ai-gateway's configuration (etc/ai.yaml; ${VAR}s are read from the environment).
type Config struct {
	zrpc.RpcServerConf
	// DataSource is the DSN of epro_ai, where every assessment is recorded.
	DataSource string
	// Lexicon names the built-in engine's lexicon file (internal/engine/lexicon).
	Lexicon string `json:",default=builtin-v1.json"`
	// Providers are the AI team's OpenAI-compatible model servers, by name.
	Providers []ProviderConf `json:",optional"`
	// DefaultProvider is used by trials not in TrialProviders; "builtin" (the default) keeps text inside.
	DefaultProvider string `json:",default=builtin"`
	// TrialProviders chooses a provider per trial: trial id → provider name.
	TrialProviders map[string]string `json:",optional"`
}

// ProviderConf is one OpenAI-compatible chat-completions server.
type ProviderConf struct {
	Name           string
	BaseURL        string
	Model          string
	APIKey         string        `json:",optional"` // from the environment
	Timeout        time.Duration `json:",default=8s"`
	MaxConcurrency int           `json:",default=8,range=[1:256]"`
	Prompt         string        `json:",default=risk-v1.json"`
}
