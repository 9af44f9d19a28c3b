package boot

import (
	"sync"

	"github.com/openepro/epro/common/dbx"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
	"github.com/zeromicro/go-zero/zrpc"
	"google.golang.org/grpc"
)

// go-zero logs every SQL statement with its arguments, every RPC request body at info level, and client request
// bodies on failure. Those carry PHI (notes, names, phone numbers), so the suite turns all of them off; metrics,
// durations and method names are still logged.

var quietSQL sync.Once

// SQL returns a connection to the MariaDB database in dsn (normalised by dbx) with statement logging off.
func SQL(dsn string) sqlx.SqlConn {
	quietSQL.Do(sqlx.DisableLog)
	norm, err := dbx.Normalize(dsn)
	if err != nil {
		panic(err)
	}
	return sqlx.NewMysql(norm)
}

// NoClientContentLogs stops go-zero's client interceptors from logging request and reply bodies of the methods
// of the given services (call it before the first call).
func NoClientContentLogs(services ...grpc.ServiceDesc) {
	for _, s := range services {
		for _, m := range s.Methods {
			zrpc.DontLogClientContentForMethod("/" + s.ServiceName + "/" + m.MethodName)
		}
	}
}

// noServerContentLogs stops go-zero's server interceptors from logging the request bodies of every method g serves.
func noServerContentLogs(g *grpc.Server) {
	for name, info := range g.GetServiceInfo() {
		for _, m := range info.Methods {
			zrpc.DontLogContentForMethod("/" + name + "/" + m.Name) //nolint:staticcheck // the config form needs names before the server exists
		}
	}
}
