package svc

import (
	"github.com/openepro/epro/common/boot"
	"github.com/openepro/epro/pdf-rpc/internal/config"
	"github.com/openepro/epro/pdf-rpc/internal/model"
	"github.com/openepro/epro/pdf-rpc/internal/storage"
)

// ServiceContext holds pdf-rpc's dependencies.
type ServiceContext struct {
	Config    config.Config
	Store     storage.Store
	Documents model.DocumentsModel
	// Renders is a semaphore bounding concurrent renders.
	Renders chan struct{}
}

// NewServiceContext opens the store and epro_pdf; it panics at start-up on a bad config.
func NewServiceContext(c config.Config) *ServiceContext {
	store, err := storage.NewLocal(c.StorageDir)
	if err != nil {
		panic(err)
	}
	return &ServiceContext{Config: c, Store: store, Documents: model.NewDocumentsModel(boot.SQL(c.DataSource)),
		Renders: make(chan struct{}, c.MaxConcurrentRenders)}
}
