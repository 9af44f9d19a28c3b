package svc

import (
	"fmt"

	"github.com/openepro/epro/ai-gateway/internal/config"
	"github.com/openepro/epro/ai-gateway/internal/engine"
	"github.com/openepro/epro/ai-gateway/internal/governance"
	"github.com/openepro/epro/ai-gateway/internal/model"
	"github.com/openepro/epro/ai-gateway/internal/provider"
	"github.com/openepro/epro/common/boot"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

// ServiceContext holds ai-gateway's dependencies.
type ServiceContext struct {
	Config      config.Config
	Router      *provider.Router
	DB          sqlx.SqlConn
	Assessments model.AssessmentsModel
	Governance  *governance.Service
}

// NewServiceContext loads the lexicon, the providers and epro_ai; it panics at start-up on a bad config.
func NewServiceContext(c config.Config) *ServiceContext {
	e, err := engine.New(c.Lexicon)
	if err != nil {
		panic(err)
	}
	r := &provider.Router{Builtin: provider.Builtin{Engine: e}, Named: map[string]provider.Provider{},
		ByTrial: c.TrialProviders, Default: c.DefaultProvider}
	for _, p := range c.Providers {
		o, err := provider.NewOpenAI(provider.OpenAIConfig{Name: p.Name, BaseURL: p.BaseURL, Model: p.Model, APIKey: p.APIKey,
			Timeout: p.Timeout, MaxConcurrency: p.MaxConcurrency, Prompt: p.Prompt})
		if err != nil {
			panic(err)
		}
		r.Named[p.Name] = o
	}
	for trial, name := range c.TrialProviders {
		if _, ok := r.Named[name]; !ok && name != provider.BuiltinName {
			panic(fmt.Sprintf("TrialProviders: trial %s names unknown provider %s", trial, name))
		}
	}
	conn := boot.SQL(c.DataSource)
	return &ServiceContext{Config: c, Router: r, DB: conn, Assessments: model.NewAssessmentsModel(conn),
		Governance: &governance.Service{DB: conn, Router: r}}
}
