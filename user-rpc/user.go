// Command user-rpc serves staff and participant identities over zRPC (registered in etcd).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/openepro/epro/common/boot"
	"github.com/openepro/epro/user-rpc/internal/account"
	"github.com/openepro/epro/user-rpc/internal/config"
	"github.com/openepro/epro/user-rpc/internal/server"
	"github.com/openepro/epro/user-rpc/internal/svc"
	"github.com/openepro/epro/user-rpc/migrations"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/zeromicro/go-zero/core/conf"
	"google.golang.org/grpc"
)

var (
	configFile  = flag.String("f", "etc/user.yaml", "the config file")
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
	if created, err := account.EnsureAdmin(context.Background(), ctx.Users,
		c.Bootstrap.AdminUser, c.Bootstrap.AdminPassword, c.Bootstrap.AdminName); err != nil {
		fmt.Fprintf(os.Stderr, "user-rpc: %v\n", err)
		os.Exit(1)
	} else if created {
		fmt.Println("user-rpc: bootstrap administrator created")
	}

	s := boot.MustRPCServer(c.RpcServerConf, func(grpcServer *grpc.Server) {
		user.RegisterUserServer(grpcServer, server.NewUserServer(ctx))
	})
	defer s.Stop()

	fmt.Printf("Starting rpc server at %s...\n", c.ListenOn)
	s.Start()
}
