// Command ai-gateway serves risk assessment of participants' free text over zRPC (registered in etcd).
package main

import (
	"flag"
	"fmt"

	"github.com/openepro/epro/ai-gateway/ai"
	"github.com/openepro/epro/ai-gateway/internal/config"
	"github.com/openepro/epro/ai-gateway/internal/server"
	"github.com/openepro/epro/ai-gateway/internal/svc"
	"github.com/openepro/epro/ai-gateway/migrations"
	"github.com/openepro/epro/common/boot"

	"github.com/zeromicro/go-zero/core/conf"
	"google.golang.org/grpc"
)

var (
	configFile  = flag.String("f", "etc/ai.yaml", "the config file")
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
		ai.RegisterAiGatewayServer(grpcServer, server.NewAiGatewayServer(ctx))
	})
	defer s.Stop()

	fmt.Printf("Starting rpc server at %s...\n", c.ListenOn)
	s.Start()
}
