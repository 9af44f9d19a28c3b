package store

import (
	"context"
	"strings"
	"time"

	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/errx"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

// Group commit: at peak hours thousands of phones submit at once and each report is a tiny transaction whose
// cost is the redo-log flush. With group commit on, concurrent Create calls are gathered by a few committers
// and written as one multi-row transaction (reports + their tasks), and every caller returns only after the
// transaction holding its report has committed. Nothing waits for a batch to fill: a committer takes what is
// queued when it becomes free, so a lone report is committed at once and batches grow only with the load.

// GroupCommit configures batching of Create; Committers 0 writes every report in its own transaction.
type GroupCommit struct {
	Committers int           // concurrent batch transactions
	MaxBatch   int           // reports per transaction at most
	Timeout    time.Duration // bound of one batch transaction
}

type pendingReport struct {
	r    Report
	done chan error
}

type groupCommitter struct {
	s   *Store
	in  chan *pendingReport
	cfg GroupCommit
}

// EnableGroupCommit starts the committers. Call it once, before serving.
func (s *Store) EnableGroupCommit(cfg GroupCommit) {
	if cfg.Committers <= 0 {
		return
	}
	cfg.MaxBatch = max(cfg.MaxBatch, 1)
	if cfg.Timeout <= 0 {
		cfg.Timeout = 5 * time.Second
	}
	g := &groupCommitter{s: s, in: make(chan *pendingReport, cfg.Committers*cfg.MaxBatch), cfg: cfg}
	for range cfg.Committers {
		go g.loop()
	}
	s.group = g
}

// submit queues r and waits until the transaction holding it has committed (nil) or failed. When ctx ends
// first the caller gets ctx's error and must not acknowledge the report (it may still be committed).
func (g *groupCommitter) submit(ctx context.Context, r Report) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	p := &pendingReport{r: r, done: make(chan error, 1)}
	select {
	case g.in <- p:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-p.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g *groupCommitter) loop() {
	batch := make([]*pendingReport, 0, g.cfg.MaxBatch)
	for first := range g.in {
		batch = append(batch[:0], first)
	gather:
		for len(batch) < g.cfg.MaxBatch {
			select {
			case p := <-g.in:
				batch = append(batch, p)
			default:
				break gather
			}
		}
		g.commit(batch)
	}
}

func (g *groupCommitter) commit(batch []*pendingReport) {
	ctx, cancel := context.WithTimeout(context.Background(), g.cfg.Timeout)
	defer cancel()
	rows := make([]Report, len(batch))
	for i, p := range batch {
		rows[i] = p.r
	}
	err := g.s.createMany(ctx, rows)
	if err != nil && len(batch) > 1 && !errx.Retryable(err) {
		// one bad row must not fail the others: fall back to one transaction each. Not when the database is down or
		// its breaker open: that fails every part too, and each attempt keeps the breaker open longer (make faults)
		for _, p := range batch {
			p.done <- g.s.createMany(ctx, []Report{p.r})
		}
		return
	}
	for _, p := range batch {
		p.done <- err
	}
}

// createMany commits reports, their pending tasks and their audit rows in one transaction.
func (s *Store) createMany(ctx context.Context, rs []Report) error {
	var rep, tasks strings.Builder
	rep.WriteString("INSERT INTO reports (id, project_id, site_id, patient_id, score, notes, received_at) VALUES ")
	tasks.WriteString("INSERT INTO report_tasks (report_id, task, result) VALUES ")
	repArgs := make([]any, 0, 7*len(rs))
	entries := make([]audit.Attributed, len(rs))
	taskArgs := make([]any, 0, 2*len(Tasks)*len(rs))
	for i, r := range rs {
		if i > 0 {
			rep.WriteByte(',')
		}
		rep.WriteString("(?, ?, ?, ?, ?, ?, ?)")
		repArgs = append(repArgs, r.ID, r.ProjectID, r.SiteID, r.PatientID, r.Score, r.Notes, r.ReceivedAt)
		entries[i] = audit.Attributed{Actor: r.Actor, Entry: createEntry(r, map[string][2]any{"score": {nil, r.Score}})}
		for j, task := range Tasks {
			if i > 0 || j > 0 {
				tasks.WriteByte(',')
			}
			tasks.WriteString("(?, ?, '')")
			taskArgs = append(taskArgs, r.ID, task)
		}
	}
	return s.conn.TransactCtx(ctx, func(ctx context.Context, tx sqlx.Session) error {
		if _, err := tx.ExecCtx(ctx, rep.String(), repArgs...); err != nil {
			return err
		}
		if _, err := tx.ExecCtx(ctx, tasks.String(), taskArgs...); err != nil {
			return err
		}
		return audit.RecordMany(ctx, tx, entries)
	})
}

// createEntry is the audit entry of a participant's new report. Free text is recorded as present, not copied:
// the report row holds it, and the audit trail is read more widely than reports.
func createEntry(r Report, changes map[string][2]any) audit.Entry {
	if r.Notes != "" {
		changes["notes"] = [2]any{nil, "[text]"}
	}
	return audit.Entry{Action: "report.create", EntityType: "report", EntityID: r.ID, ProjectID: r.ProjectID, Changes: changes}
}
