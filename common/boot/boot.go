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
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/common/errx"
	"github.com/openepro/epro/common/shed"
	"github.com/zeromicro/go-zero/core/logx"
	"github.com/zeromicro/go-zero/core/service"
	"github.com/zeromicro/go-zero/zrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"
)

// MustRPCServer returns a zRPC server that registers in etcd per c, with the standard gRPC health service
// (c.Health, on by default), server reflection (so grpcurl can list and call it) and the suite's error mapping.
//
// Load shedding: go-zero's shedder decides "overloaded" from the CPU of the whole cgroup, so a service sharing a
// machine with the database or a load generator sheds while it is itself far from busy. c.CpuThreshold is kept
// with its meaning (permille of CPU, shedding only in Mode pro) but applied by common/shed to this process's own
// CPU; refusals are Unavailable with reason OVERLOADED (HTTP 503 at the gateway).
func MustRPCServer(c zrpc.RpcServerConf, register func(*grpc.Server)) *zrpc.RpcServer {
	threshold := c.CpuThreshold
	if c.Mode != service.ProMode {
		threshold = 0
	}
	c.CpuThreshold = 0 // go-zero's cgroup-wide shedder off
	shedder := shed.New(shed.Options{CPUThreshold: threshold})
	s := zrpc.MustNewServer(c, func(g *grpc.Server) {
		register(g)
		noServerContentLogs(g)
		reflection.Register(g)
	})
	s.AddUnaryInterceptors(sheddingInterceptor(shedder), actor.UnaryServerInterceptor, errx.UnaryServerInterceptor(logInternal))
	return s
}

// ErrOverloaded is what a shed request gets.
var ErrOverloaded = errs.New(errs.KindUnavailable, "OVERLOADED", "the service is overloaded: retry shortly")

// sheddingInterceptor refuses calls while the shedder says the process is overloaded. A call that ends with
// DeadlineExceeded or Unavailable is not counted as a pass.
func sheddingInterceptor(s *shed.Shedder) grpc.UnaryServerInterceptor {
	if !s.Enabled() {
		return func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
			return h(ctx, req)
		}
	}
	return func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		done, err := s.Allow()
		if err != nil {
			return nil, errx.ToStatus(ErrOverloaded).Err()
		}
		resp, err := h(ctx, req)
		code := status.Code(err)
		done(code != codes.DeadlineExceeded && code != codes.Unavailable)
		return resp, err
	}
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
