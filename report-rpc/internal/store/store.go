// Package store is report-rpc's repository over epro_report: reports and their follow-up tasks (an outbox).
// A report and its pending tasks are written in one transaction, so an acknowledged report always has its tasks;
// tasks are claimed with a lease in a single UPDATE, so two report-rpc instances never run the same task at once.
package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/report-rpc/internal/model"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

// Task names.
const (
	TaskAI  = "ai"
	TaskPDF = "pdf"
)

// Task states.
const (
	StatusPending = "pending"
	StatusDone    = "done"
	StatusFailed  = "failed"
)

// Tasks lists the follow-up tasks every report gets.
var Tasks = []string{TaskAI, TaskPDF}

// ErrNotFound is returned for an unknown report.
var ErrNotFound = errors.New("store: report not found")

// Report is a stored short report.
type Report struct {
	ID         string
	ProjectID  string
	SiteID     int64
	PatientID  string
	Score      int64
	Notes      string
	ReceivedAt time.Time
	// Actor submitted it (the participant); Create takes it from the caller's context. Its audit row names them.
	Actor actor.Actor
}

// TaskRef names one task of one report.
type TaskRef struct {
	ReportID string
	Task     string
}

// Store reads and writes epro_report.
type Store struct {
	conn    sqlx.SqlConn
	reports model.ReportsModel
	group   *groupCommitter // nil: every Create in its own transaction
}

// New returns a store over conn.
func New(conn sqlx.SqlConn) *Store {
	return &Store{conn: conn, reports: model.NewReportsModel(conn)}
}

// Create commits a report and its pending tasks in one transaction (shared with concurrent reports when group
// commit is on). It returns nil only once that transaction has committed.
func (s *Store) Create(ctx context.Context, r Report) error {
	r.Actor = actor.From(ctx)
	if s.group != nil {
		return s.group.submit(ctx, r)
	}
	return s.createMany(ctx, []Report{r})
}

// Get returns a report.
func (s *Store) Get(ctx context.Context, id string) (Report, error) {
	row, err := s.reports.FindOne(ctx, id)
	if errors.Is(err, model.ErrNotFound) {
		return Report{}, ErrNotFound
	}
	if err != nil {
		return Report{}, err
	}
	return Report{ID: row.Id, ProjectID: row.ProjectId, SiteID: row.SiteId, PatientID: row.PatientId, Score: row.Score, Notes: row.Notes, ReceivedAt: row.ReceivedAt.UTC()}, nil
}

// TaskStates returns the tasks of a report in name order.
func (s *Store) TaskStates(ctx context.Context, reportID string) ([]model.ReportTasks, error) {
	var rows []model.ReportTasks
	err := s.conn.QueryRowsCtx(ctx, &rows, "SELECT * FROM report_tasks WHERE report_id = ? ORDER BY task", reportID)
	return rows, err
}

// Claim takes a due, pending task for owner until the lease ends and counts the attempt. It reports false when
// the task is done, failed, not yet due or held by another owner.
func (s *Store) Claim(ctx context.Context, ref TaskRef, owner string, lease time.Duration) (attempts int64, ok bool, err error) {
	res, err := s.conn.ExecCtx(ctx, `UPDATE report_tasks
		SET attempts = attempts + 1, lease_owner = ?, lease_until = NOW(3) + INTERVAL ? MICROSECOND
		WHERE report_id = ? AND task = ? AND status = 'pending' AND next_attempt_at <= NOW(3) AND lease_until < NOW(3)`,
		owner, lease.Microseconds(), ref.ReportID, ref.Task)
	if err != nil {
		return 0, false, err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return 0, false, nil
	}
	err = s.conn.QueryRowCtx(ctx, &attempts, "SELECT attempts FROM report_tasks WHERE report_id = ? AND task = ?", ref.ReportID, ref.Task)
	return attempts, err == nil, err
}

// Complete marks a claimed task done with its result.
func (s *Store) Complete(ctx context.Context, ref TaskRef, owner, result string) error {
	return s.finish(ctx, "UPDATE report_tasks SET status = 'done', result = ?, last_error = '', lease_owner = '', "+
		"lease_until = '1970-01-01 00:00:01' WHERE report_id = ? AND task = ? AND lease_owner = ?", result, ref.ReportID, ref.Task, owner)
}

// Retry records a failed attempt: the task stays pending until retryAt, or becomes failed when final.
func (s *Store) Retry(ctx context.Context, ref TaskRef, owner, lastError string, retryAt time.Time, final bool) error {
	status := StatusPending
	if final {
		status = StatusFailed
	}
	if len(lastError) > 255 {
		lastError = lastError[:255]
	}
	return s.finish(ctx, "UPDATE report_tasks SET status = ?, last_error = ?, next_attempt_at = ?, lease_owner = '', "+
		"lease_until = '1970-01-01 00:00:01' WHERE report_id = ? AND task = ? AND lease_owner = ?",
		status, lastError, retryAt.UTC(), ref.ReportID, ref.Task, owner)
}

func (s *Store) finish(ctx context.Context, query string, args ...any) error {
	_, err := s.conn.ExecCtx(ctx, query, args...)
	return err
}

// Due returns up to limit pending tasks whose retry time has come and whose lease (if any) has ended.
func (s *Store) Due(ctx context.Context, limit int) ([]TaskRef, error) {
	var rows []struct {
		ReportID string `db:"report_id"`
		Task     string `db:"task"`
	}
	err := s.conn.QueryRowsPartialCtx(ctx, &rows, `SELECT report_id, task FROM report_tasks
		WHERE status = 'pending' AND next_attempt_at <= NOW(3) AND lease_until < NOW(3)
		ORDER BY next_attempt_at LIMIT ?`, limit)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	refs := make([]TaskRef, len(rows))
	for i, r := range rows {
		refs[i] = TaskRef{ReportID: r.ReportID, Task: r.Task}
	}
	return refs, err
}

// Summary is a trial's report count and most recent reports.
type Summary struct {
	Count  int64
	Recent []Report
}

// ProjectSummary counts a trial's reports (limited to sites when given) and lists the newest ones.
func (s *Store) ProjectSummary(ctx context.Context, projectID string, sites []int64, recent int) (Summary, error) {
	where, args := "project_id = ?", []any{projectID}
	if len(sites) > 0 {
		where += " AND site_id IN (" + strings.TrimSuffix(strings.Repeat("?,", len(sites)), ",") + ")"
		for _, id := range sites {
			args = append(args, id)
		}
	}
	var sum Summary
	if err := s.conn.QueryRowCtx(ctx, &sum.Count, "SELECT COUNT(*) FROM reports WHERE "+where, args...); err != nil {
		return sum, err
	}
	if recent <= 0 {
		return sum, nil
	}
	var rows []*model.Reports
	err := s.conn.QueryRowsCtx(ctx, &rows, "SELECT * FROM reports WHERE "+where+" ORDER BY received_at DESC LIMIT ?", append(args, recent)...)
	for _, r := range rows {
		sum.Recent = append(sum.Recent, Report{ID: r.Id, ProjectID: r.ProjectId, SiteID: r.SiteId, PatientID: r.PatientId,
			Score: r.Score, ReceivedAt: r.ReceivedAt.UTC()})
	}
	return sum, err
}
