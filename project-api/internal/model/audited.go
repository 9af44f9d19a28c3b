package model

import (
	"context"
	"fmt"

	"github.com/openepro/epro/common/audit"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

// execAudited runs one statement and its audit row in a transaction. When the statement inserts a row with an
// auto-increment id and e.EntityID is empty, the audit row names the new id. It returns the new id (or 0).
func execAudited(ctx context.Context, conn sqlx.SqlConn, e audit.Entry, query string, args ...any) (int64, error) {
	var id int64
	err := conn.TransactCtx(ctx, func(ctx context.Context, s sqlx.Session) error {
		res, err := s.ExecCtx(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, err := res.LastInsertId(); err == nil {
			id = n
		}
		if e.EntityID == "" {
			e.EntityID = fmt.Sprint(id)
		}
		return audit.Record(ctx, s, e)
	})
	return id, err
}

// ProjectWithRole is a trial with the caller's role in it.
type ProjectWithRole struct {
	Projects
	Role string `db:"role"`
}

// SiteCount is the number of participants at one site.
type SiteCount struct {
	SiteId int64  `db:"site_id"`
	Code   string `db:"code"`
	Count  int64  `db:"n"`
}
