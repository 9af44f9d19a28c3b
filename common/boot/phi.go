package boot

import (
	"database/sql"
	"errors"
	"sync"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/openepro/epro/common/dbx"
	"github.com/openepro/epro/common/errx"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
	"github.com/zeromicro/go-zero/zrpc"
	"google.golang.org/grpc"
)

// go-zero logs every SQL statement with its arguments, every RPC request body at info level, and client request
// bodies on failure. Those carry PHI (notes, names, phone numbers), so the suite turns all of them off; metrics,
// durations and method names are still logged.

var quietSQL sync.Once

// MaxDBConns bounds each service's connections to MariaDB. go-zero's default is 64 per process: five services
// and a second gateway or report-rpc instance would then be allowed more than MariaDB's default
// max_connections (151), and a peak would end in "Too many connections" for everyone. 24 each leaves room for
// a second instance and the administrators; the services' statements are short, so 24 is not a bottleneck.
const MaxDBConns = 24

// SQL returns a connection pool to the MariaDB database in dsn (normalised by dbx) with statement logging off.
func SQL(dsn string) sqlx.SqlConn {
	quietSQL.Do(sqlx.DisableLog)
	norm, err := dbx.Normalize(dsn)
	if err != nil {
		panic(err)
	}
	db, err := sql.Open("mysql", norm)
	if err != nil {
		panic(err)
	}
	db.SetMaxOpenConns(MaxDBConns)
	db.SetMaxIdleConns(MaxDBConns)
	db.SetConnMaxLifetime(5 * time.Minute)
	db.SetConnMaxIdleTime(time.Minute)
	return sqlx.NewSqlConnFromDB(db, sqlx.WithAcceptable(breakerNeutral))
}

// breakerNeutral tells go-zero's SQL breaker which errors are no sign of a struggling database. A duplicate key is
// the caller's answer (idempotent inserts), as in sqlx.NewMysql. A refused or dropped connection is a database
// that is down and says so at once: every call already fails fast, and counting those failures kept the breaker
// dropping calls for ten seconds after MariaDB was back (make faults). Timeouts and server errors still count.
func breakerNeutral(err error) bool {
	var me *mysql.MySQLError
	switch {
	case err == nil:
		return true
	case errors.As(err, &me):
		return me.Number == 1062
	}
	return errx.ConnectionLost(err)
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
