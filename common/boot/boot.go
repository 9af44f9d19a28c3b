// Package boot holds the start-up code every zRPC service shares: the server with reflection, health and the
// error interceptor, and the -migrate mode that applies a service's schema and exits.
package boot

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/dbx"
	"github.com/openepro/epro/common/errx"
	"github.com/zeromicro/go-zero/core/logx"
	"github.com/zeromicro/go-zero/zrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/reflection"
)

// MustRPCServer returns a zRPC server that registers in etcd per c, with the standard gRPC health service
// (c.Health, on by default), server reflection (so grpcurl can list and call it) and the suite's error mapping.
func MustRPCServer(c zrpc.RpcServerConf, register func(*grpc.Server)) *zrpc.RpcServer {
	s := zrpc.MustNewServer(c, func(g *grpc.Server) {
		register(g)
		noServerContentLogs(g)
		reflection.Register(g)
	})
	s.AddUnaryInterceptors(actor.UnaryServerInterceptor, errx.UnaryServerInterceptor(logInternal))
	return s
}

// logInternal logs an unexpected error by type and method; the text of driver errors can quote stored values.
func logInternal(ctx context.Context, method string, err error) {
	logx.WithContext(ctx).Errorf("internal error in %s: %s", method, errx.Redact(err))
}

// MustMigrate applies migrations to the database in dsn (creating it if needed), reports what it did and exits
// the process with a non-zero status on failure.
func MustMigrate(service, dsn string, migrations fs.FS) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	applied, err := dbx.Migrate(ctx, dsn, migrations)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: migrate: %v\n", service, err)
		os.Exit(1)
	}
	fmt.Printf("%s: schema up to date (applied %d new migration(s): %v)\n", service, len(applied), applied)
}
