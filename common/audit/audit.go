// Package audit appends rows to a service's audit_log table, inside the transaction of the change it records,
// and reads them back: filtered pages and a verification of each trial's hash chain (common/auditchain).
//
// Rows are only ever inserted: no code path updates or deletes them, and the migrations add triggers that refuse
// UPDATE and DELETE on audit_log for every database user. PHI fields are recorded as changed without their values.
package audit

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/auditchain"
	"github.com/openepro/epro/common/errs"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

// Redacted stands for the value of a PHI field in an audit row.
const Redacted = "[phi]"

// MaxReason bounds a reason for change (the column is varchar(512)).
const MaxReason = 500

// Entry is one audited change.
type Entry struct {
	Action     string // e.g. user.create, project.update
	EntityType string
	EntityID   string
	ProjectID  string            // the trial whose chain the row joins ("" for platform events)
	Changes    map[string][2]any // field → [old, new]; nil old for a creation
	Reason     string            // reason for change; required by the caller for edits of clinical data
}

// Attributed is an entry with the actor who caused it, for entries written on someone's behalf by another
// goroutine (report-rpc's group commit writes many participants' reports in one transaction).
type Attributed struct {
	Entry
	Actor actor.Actor
}

// Record appends e to audit_log through s (a transaction's session), attributed to the actor in ctx, as the next
// link of its trial's hash chain.
func Record(ctx context.Context, s sqlx.Session, e Entry) error {
	return RecordMany(ctx, s, []Attributed{{Entry: e, Actor: actor.From(ctx)}})
}

// RecordMany appends entries through s, each trial's as consecutive links of its chain. The chain head row of
// each trial is locked until the transaction ends, so a trial's rows are written one transaction at a time and
// in id order; heads are locked in project-id order, so two transactions never wait on each other in a cycle.
func RecordMany(ctx context.Context, s sqlx.Session, entries []Attributed) error {
	byProject := map[string][]Attributed{}
	for _, e := range entries {
		byProject[e.ProjectID] = append(byProject[e.ProjectID], e)
	}
	projects := make([]string, 0, len(byProject))
	for p := range byProject {
		projects = append(projects, p)
	}
	sort.Strings(projects)
	now := auditchain.Truncate(time.Now())
	for _, p := range projects {
		if err := appendChain(ctx, s, p, byProject[p], now); err != nil {
			return err
		}
	}
	return nil
}

func appendChain(ctx context.Context, s sqlx.Session, projectID string, entries []Attributed, now time.Time) error {
	// ON DUPLICATE KEY UPDATE takes the row's exclusive lock at once (INSERT IGNORE would take a shared one, and
	// two transactions upgrading shared locks deadlock)
	if _, err := s.ExecCtx(ctx, "INSERT INTO audit_chain (project_id, seq, head_hash) VALUES (?, 0, '') "+
		"ON DUPLICATE KEY UPDATE seq = seq", projectID); err != nil {
		return fmt.Errorf("audit chain head: %w", err)
	}
	var head struct {
		Seq  int64  `db:"seq"`
		Hash string `db:"head_hash"`
	}
	if err := s.QueryRowCtx(ctx, &head, "SELECT seq, head_hash FROM audit_chain WHERE project_id = ? FOR UPDATE", projectID); err != nil {
		return fmt.Errorf("audit chain head: %w", err)
	}
	var q strings.Builder
	q.WriteString("INSERT INTO audit_log (seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, " +
		"project_id, changes, reason, request_id, client_ip, prev_hash, hash) VALUES ")
	args := make([]any, 0, 14*len(entries))
	for i, e := range entries {
		changes := []byte("{}")
		if e.Changes != nil {
			var err error
			if changes, err = json.Marshal(e.Changes); err != nil {
				return err
			}
		}
		a := e.Actor
		row := auditchain.Row{Seq: head.Seq + 1, OccurredAt: now, ActorID: a.UserID, ActorRole: a.Role, Action: e.Action,
			EntityType: e.EntityType, EntityID: e.EntityID, ProjectID: projectID, Changes: string(changes),
			Reason: e.Reason, RequestID: a.RequestID, ClientIP: a.ClientIP}
		hash := auditchain.Hash(head.Hash, row)
		if i > 0 {
			q.WriteByte(',')
		}
		q.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
		args = append(args, row.Seq, row.OccurredAt, row.ActorID, row.ActorRole, row.Action, row.EntityType,
			row.EntityID, row.ProjectID, row.Changes, row.Reason, row.RequestID, row.ClientIP, head.Hash, hash)
		head.Seq, head.Hash = row.Seq, hash
	}
	if _, err := s.ExecCtx(ctx, q.String(), args...); err != nil {
		return err
	}
	_, err := s.ExecCtx(ctx, "UPDATE audit_chain SET seq = ?, head_hash = ? WHERE project_id = ?", head.Seq, head.Hash, projectID)
	return err
}

// Row is an audit row as read back.
type Row struct {
	ID         int64     `db:"id"`
	Seq        int64     `db:"seq"`
	OccurredAt time.Time `db:"occurred_at"`
	ActorID    int64     `db:"actor_id"`
	ActorRole  string    `db:"actor_role"`
	Action     string    `db:"action"`
	EntityType string    `db:"entity_type"`
	EntityID   string    `db:"entity_id"`
	ProjectID  string    `db:"project_id"`
	Changes    string    `db:"changes"`
	Reason     string    `db:"reason"`
	RequestID  string    `db:"request_id"`
	ClientIP   string    `db:"client_ip"`
	PrevHash   string    `db:"prev_hash"`
	Hash       string    `db:"hash"`
}

const rowColumns = "id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, project_id, changes, " +
	"reason, request_id, client_ip, prev_hash, hash"

// Filter selects a trial's audit rows, newest first.
type Filter struct {
	ProjectID  string
	EntityType string
	EntityID   string
	Action     string // exact, or a prefix ending in "." ("alert.")
	ActorID    int64
	From, To   time.Time // occurred_at in [From, To); zero: open
	BeforeID   int64     // paging: rows with a smaller id (the last id of the previous page); 0: from the newest
	Limit      int
}

// List returns one page of the rows f selects, newest first.
func List(ctx context.Context, db sqlx.SqlConn, f Filter) ([]Row, error) {
	where, args := []string{"project_id = ?"}, []any{f.ProjectID}
	add := func(cond string, v any) { where, args = append(where, cond), append(args, v) }
	if f.EntityType != "" {
		add("entity_type = ?", f.EntityType)
	}
	if f.EntityID != "" {
		add("entity_id = ?", f.EntityID)
	}
	if strings.HasSuffix(f.Action, ".") {
		add("action LIKE ?", likeEscaper.Replace(f.Action)+"%")
	} else if f.Action != "" {
		add("action = ?", f.Action)
	}
	if f.ActorID != 0 {
		add("actor_id = ?", f.ActorID)
	}
	if !f.From.IsZero() {
		add("occurred_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		add("occurred_at < ?", f.To.UTC())
	}
	if f.BeforeID > 0 {
		add("id < ?", f.BeforeID)
	}
	limit := min(max(f.Limit, 1), 500)
	var rows []Row
	err := db.QueryRowsCtx(ctx, &rows, "SELECT "+rowColumns+" FROM audit_log WHERE "+strings.Join(where, " AND ")+
		fmt.Sprintf(" ORDER BY id DESC LIMIT %d", limit), args...)
	return rows, err
}

// likeEscaper makes a prefix literal in a LIKE pattern (MariaDB's default escape character is the backslash).
var likeEscaper = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)

// Verification is the outcome of checking one trial's chain in one database.
type Verification struct {
	Rows   int64             // rows checked
	Break  *auditchain.Break // the first break, nil when the chain holds
	HeadAt int64             // the head's sequence number
}

// Verify walks the trial's chain in id order, a page at a time, and names the first row that breaks it.
func Verify(ctx context.Context, db sqlx.SqlConn, projectID string) (Verification, error) {
	var v auditchain.Verifier
	var head auditchain.Head
	var h struct {
		Seq  int64  `db:"seq"`
		Hash string `db:"head_hash"`
	}
	switch err := db.QueryRowCtx(ctx, &h, "SELECT seq, head_hash FROM audit_chain WHERE project_id = ?", projectID); {
	case err == nil:
		head = auditchain.Head{Seq: h.Seq, Hash: h.Hash}
	case errors.Is(err, sqlx.ErrNotFound), errors.Is(err, sql.ErrNoRows):
	default:
		return Verification{}, err
	}
	const page = 1000
	var after int64
	for {
		var rows []Row
		if err := db.QueryRowsCtx(ctx, &rows, "SELECT "+rowColumns+" FROM audit_log WHERE project_id = ? AND id > ? ORDER BY id LIMIT ?",
			projectID, after, page); err != nil {
			return Verification{}, err
		}
		for _, r := range rows {
			if b := v.Next(r.stored()); b != nil {
				return Verification{Rows: v.Checked, Break: b, HeadAt: head.Seq}, nil
			}
			after = r.ID
		}
		if len(rows) < page {
			break
		}
	}
	return Verification{Rows: v.Checked, Break: v.End(head), HeadAt: head.Seq}, nil
}

func (r Row) stored() auditchain.Stored {
	return auditchain.Stored{ID: r.ID, PrevHash: r.PrevHash, Hash: r.Hash, Row: auditchain.Row{Seq: r.Seq,
		OccurredAt: r.OccurredAt, ActorID: r.ActorID, ActorRole: r.ActorRole, Action: r.Action, EntityType: r.EntityType,
		EntityID: r.EntityID, ProjectID: r.ProjectID, Changes: r.Changes, Reason: r.Reason, RequestID: r.RequestID,
		ClientIP: r.ClientIP}}
}

// ParseTime reads an optional RFC 3339 filter bound; the error names the field and the rule.
func ParseTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, errs.Invalid(errs.ReasonFieldFormat, "%s must be an RFC 3339 time with offset, e.g. 2026-12-04T08:00:00Z", field)
	}
	return t.UTC(), nil
}

// FormatTime is how audit times leave the services: RFC 3339, UTC, microseconds.
func FormatTime(t time.Time) string { return t.UTC().Format(auditchain.TimeLayout) }
