// Command pdf-rpc renders PDF summaries of reports and stores them, over zRPC (registered in etcd).
package main

import (
	"flag"
	"fmt"

	"github.com/openepro/epro/common/boot"
	"github.com/openepro/epro/pdf-rpc/internal/config"
	"github.com/openepro/epro/pdf-rpc/internal/server"
	"github.com/openepro/epro/pdf-rpc/internal/svc"
	"github.com/openepro/epro/pdf-rpc/migrations"
	"github.com/openepro/epro/pdf-rpc/pdf"

	"github.com/zeromicro/go-zero/core/conf"
	"google.golang.org/grpc"
)

var (
	configFile  = flag.String("f", "etc/pdf.yaml", "the config file")
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

	s := boot.MustRPCServer(c.RpcServerConf, func(grpcServer *grpc.Server) {
		pdf.RegisterPdfServer(grpcServer, server.NewPdfServer(ctx))
	})
	// photos up to MaxPhotoBytes arrive in one message; gRPC's default limit is 4 MiB
	s.AddOptions(grpc.MaxRecvMsgSize(c.MaxPhotoBytes + 1<<20))
	defer s.Stop()

	fmt.Printf("Starting rpc server at %s...\n", c.ListenOn)
	s.Start()
}
