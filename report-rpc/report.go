// Command report-rpc stores ePRO reports and runs their follow-up tasks, over zRPC (registered in etcd).
package main

import (
	"flag"
	"fmt"

	"github.com/openepro/epro/common/boot"
	"github.com/openepro/epro/report-rpc/internal/config"
	"github.com/openepro/epro/report-rpc/internal/server"
	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/migrations"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/conf"
	"github.com/zeromicro/go-zero/core/proc"
	"google.golang.org/grpc"
)

var (
	configFile  = flag.String("f", "etc/report.yaml", "the config file")
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
	ctx := svc.NewServiceContext(c)
	ctx.Tasks.Start()
	proc.AddShutdownListener(ctx.Tasks.Stop)

	s := boot.MustRPCServer(c.RpcServerConf, func(grpcServer *grpc.Server) {
		report.RegisterReportServer(grpcServer, server.NewReportServer(ctx))
	})
	defer s.Stop()

	fmt.Printf("Starting rpc server at %s...\n", c.ListenOn)
	s.Start()
}
