// Package audit records project-api's own audit events that go with no data change (logins, PHI views).
package audit

import (
	"context"
	"fmt"

	"github.com/openepro/epro/common/actor"
	commonaudit "github.com/openepro/epro/common/audit"
	"github.com/zeromicro/go-zero/core/logx"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

// Login records a login or a failed login (userID 0 when the account is unknown).
func Login(ctx context.Context, db sqlx.SqlConn, userID int64, action, kind string) {
	a := actor.From(ctx)
	a.UserID, a.Role = userID, kind
	Event(actor.With(ctx, a), db, commonaudit.Entry{Action: action, EntityType: "session", EntityID: fmt.Sprint(userID)})
}

// Event appends e in its own transaction; a failure is logged, never shown to the caller.
func Event(ctx context.Context, db sqlx.SqlConn, e commonaudit.Entry) {
	err := db.TransactCtx(ctx, func(ctx context.Context, s sqlx.Session) error { return commonaudit.Record(ctx, s, e) })
	if err != nil {
		logx.WithContext(ctx).Errorf("audit %s: %v", e.Action, err)
	}
}
