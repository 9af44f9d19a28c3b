package svc

import (
	"context"
	"runtime"
	"time"

	"github.com/openepro/epro/common/boot"
	"github.com/openepro/epro/pdf-rpc/internal/config"
	"github.com/openepro/epro/pdf-rpc/internal/imaging"
	"github.com/openepro/epro/pdf-rpc/internal/model"
	"github.com/openepro/epro/pdf-rpc/internal/render"
	"github.com/openepro/epro/pdf-rpc/internal/storage"
)

// ServiceContext holds pdf-rpc's dependencies.
type ServiceContext struct {
	Config      config.Config
	Store       storage.Store
	Documents   model.DocumentsModel
	Attachments model.AttachmentsModel
	Renderer    *render.Renderer
	Limits      imaging.Limits
	// Renders is a semaphore bounding concurrent renders.
	Renders chan struct{}
}

// NewServiceContext opens the store and epro_pdf; it panics at start-up on a bad config.
func NewServiceContext(c config.Config) *ServiceContext {
	store, err := openStore(c)
	if err != nil {
		panic(err)
	}
	conn := boot.SQL(c.DataSource)
	lim := imaging.DefaultLimits
	lim.MaxBytes, lim.MaxPixels = c.MaxPhotoBytes, c.MaxPhotoPixels
	return &ServiceContext{Config: c, Store: store, Documents: model.NewDocumentsModel(conn),
		Attachments: model.NewAttachmentsModel(conn), Renderer: render.New(c.FontPath), Limits: lim,
		Renders: make(chan struct{}, renderSlots(c.MaxConcurrentRenders))}
}

// openStore picks the S3-compatible backend when it is configured, the local directory otherwise.
func openStore(c config.Config) (storage.Store, error) {
	if c.S3.Endpoint != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return storage.NewS3(ctx, c.S3)
	}
	return storage.NewLocal(c.StorageDir)
}

// renderSlots is the configured number of concurrent renders, or half the cores (at least one) for 0.
func renderSlots(n int) int {
	if n > 0 {
		return n
	}
	return max(1, runtime.GOMAXPROCS(0)/2)
}
