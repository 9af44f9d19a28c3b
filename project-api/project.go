// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

// Command project-api is the suite's HTTP gateway: staff console and patient app routes.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"

	"github.com/openepro/epro/common/boot"
	"github.com/openepro/epro/common/errx"
	"github.com/openepro/epro/common/shed"
	"github.com/openepro/epro/project-api/internal/config"
	"github.com/openepro/epro/project-api/internal/handler"
	"github.com/openepro/epro/project-api/internal/middleware"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/migrations"

	"github.com/zeromicro/go-zero/core/conf"
	"github.com/zeromicro/go-zero/core/logx"
	"github.com/zeromicro/go-zero/rest"
	"github.com/zeromicro/go-zero/rest/httpx"
)

var (
	configFile  = flag.String("f", "etc/project-api.yaml", "the config file")
	migrateOnly = flag.Bool("migrate", false, "apply the database migrations and exit")
)

func main() {
	flag.Parse()

	var c config.Config
	conf.MustLoad(*configFile, &c, conf.UseEnv())
	if *migrateOnly {
		boot.MustMigrate(c.Name, c.DataSource, migrations.FS)
		return
	}

	c.Prepare()
	if c.Protection.MemoryLimit > 0 {
		debug.SetMemoryLimit(c.Protection.MemoryLimit << 20)
	}
	if c.Protection.GCPercent > 0 {
		debug.SetGCPercent(c.Protection.GCPercent)
	}

	server := rest.MustNewServer(c.RestConf)
	defer server.Stop()
	server.Use(middleware.Breaker(c.Protection.Breaker))
	server.Use(middleware.Shedding(shed.New(shed.Options{CPUThreshold: c.Protection.ShedCPUThreshold})))
	server.Use(middleware.Deadline(c.Protection.RequestTimeout, middleware.LongRoutes{Match: exportRoute, Timeout: c.ExportTimeout}))
	server.Use(middleware.Actor)

	// The one HTTP error mapping: domain errors and gRPC statuses → status + {"error","reason"}.
	httpx.SetErrorHandlerCtx(func(ctx context.Context, err error) (int, any) {
		code, body := errx.HTTP(err)
		if code >= 500 {
			logx.WithContext(ctx).Errorf("request failed: %s", errx.Redact(err))
		}
		return code, body
	})

	ctx := svc.NewServiceContext(c)
	handler.RegisterHandlers(server, ctx)

	fmt.Printf("Starting server at %s:%d...\n", c.Host, c.Port)
	server.StartWithOpts(func(s *http.Server) {
		if t := c.Protection.RequestTimeout; t > 0 {
			s.ReadTimeout, s.WriteTimeout = 4*t/5, 11*t/10
		}
	})
}

// exportRoute matches GET /api/v1/projects/:id/exports/:format, whose streamed answers outlast Timeout.
func exportRoute(r *http.Request) bool {
	rest, ok := strings.CutPrefix(r.URL.Path, "/api/v1/projects/")
	if !ok {
		return false
	}
	_, tail, _ := strings.Cut(rest, "/")
	return strings.HasPrefix(tail, "exports/")
}
