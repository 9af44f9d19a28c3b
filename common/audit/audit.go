// Package audit appends rows to a service's audit_log table, inside the transaction of the change it records.
// Rows are only ever inserted. PHI fields are recorded as changed without their values.
package audit

import (
	"context"
	"encoding/json"
	"time"

	"github.com/openepro/epro/common/actor"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

// Redacted stands for the value of a PHI field in an audit row.
const Redacted = "[phi]"

// Entry is one audited change.
type Entry struct {
	Action     string // e.g. user.create, project.update
	EntityType string
	EntityID   string
	ProjectID  string
	Changes    map[string][2]any // field → [old, new]; nil old for a creation
}

// Record appends e to audit_log through s (a transaction's session), attributed to the actor in ctx.
func Record(ctx context.Context, s sqlx.Session, e Entry) error {
	a := actor.From(ctx)
	changes, err := json.Marshal(e.Changes)
	if err != nil {
		return err
	}
	if e.Changes == nil {
		changes = []byte("{}")
	}
	_, err = s.ExecCtx(ctx, "INSERT INTO audit_log (occurred_at, actor_id, actor_role, action, entity_type, entity_id, "+
		"project_id, changes, request_id, client_ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		time.Now().UTC(), a.UserID, a.Role, e.Action, e.EntityType, e.EntityID, e.ProjectID, string(changes),
		a.RequestID, a.ClientIP)
	return err
}
