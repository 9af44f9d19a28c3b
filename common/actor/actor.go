// Package actor carries who is acting (user id, role, request id, client IP) from the gateway through gRPC
// metadata to the services, so every audit row is attributable.
package actor

import (
	"context"
	"strconv"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

// Actor is the person (or system) behind a request.
type Actor struct {
	UserID    int64
	Role      string // the role that allowed the action: PI, CRC, …, participant, system
	RequestID string
	ClientIP  string
}

// System is the actor of work no person asked for (start-up bootstrap, retries).
var System = Actor{Role: "system"}

type ctxKey struct{}

// With returns ctx carrying a.
func With(ctx context.Context, a Actor) context.Context { return context.WithValue(ctx, ctxKey{}, a) }

// From returns the actor in ctx, or System.
func From(ctx context.Context) Actor {
	if a, ok := ctx.Value(ctxKey{}).(Actor); ok {
		return a
	}
	return System
}

const (
	mdUser    = "x-epro-actor-id"
	mdRole    = "x-epro-actor-role"
	mdRequest = "x-epro-request-id"
	mdIP      = "x-epro-client-ip"
)

// UnaryClientInterceptor sends the actor in ctx as metadata.
func UnaryClientInterceptor(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
	invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	if a, ok := ctx.Value(ctxKey{}).(Actor); ok {
		ctx = metadata.AppendToOutgoingContext(ctx, mdUser, strconv.FormatInt(a.UserID, 10), mdRole, a.Role,
			mdRequest, a.RequestID, mdIP, a.ClientIP)
	}
	return invoker(ctx, method, req, reply, cc, opts...)
}

// UnaryServerInterceptor reads the actor from metadata into ctx.
func UnaryServerInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if md, ok := metadata.FromIncomingContext(ctx); ok {
		if ids := md.Get(mdUser); len(ids) > 0 {
			id, _ := strconv.ParseInt(ids[0], 10, 64)
			ctx = With(ctx, Actor{UserID: id, Role: first(md, mdRole), RequestID: first(md, mdRequest), ClientIP: first(md, mdIP)})
		}
	}
	return handler(ctx, req)
}

func first(md metadata.MD, key string) string {
	if v := md.Get(key); len(v) > 0 {
		return v[0]
	}
	return ""
}
