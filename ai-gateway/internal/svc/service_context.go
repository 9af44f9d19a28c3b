package svc

import (
	"github.com/openepro/epro/ai-gateway/internal/config"
	"github.com/openepro/epro/ai-gateway/internal/engine"
	"github.com/openepro/epro/ai-gateway/internal/model"
	"github.com/openepro/epro/common/boot"
)

// ServiceContext holds ai-gateway's dependencies.
type ServiceContext struct {
	Config      config.Config
	Engine      *engine.Engine
	Assessments model.AssessmentsModel
}

// NewServiceContext loads the lexicon and connects to epro_ai; it panics at start-up on a bad config.
func NewServiceContext(c config.Config) *ServiceContext {
	e, err := engine.New(c.Lexicon)
	if err != nil {
		panic(err)
	}
	return &ServiceContext{Config: c, Engine: e, Assessments: model.NewAssessmentsModel(boot.SQL(c.DataSource))}
}
