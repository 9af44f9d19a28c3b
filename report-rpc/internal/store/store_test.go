package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/testkit"
	"github.com/openepro/epro/report-rpc/internal/store"
	"github.com/openepro/epro/report-rpc/migrations"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

func newStore(t *testing.T) *store.Store {
	return store.New(sqlx.NewMysql(testkit.NewDatabase(t, "store", migrations.FS)))
}

func newReport(t *testing.T, s *store.Store) store.Report {
	r := store.Report{ID: uuid.Must(uuid.NewV7()).String(), PatientID: "P-1", Score: 42, Notes: "n",
		ReceivedAt: time.Now().UTC().Truncate(time.Microsecond)}
	if err := s.Create(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCreateWritesReportAndPendingTasks(t *testing.T) {
	s := newStore(t)
	r := newReport(t, s)
	got, err := s.Get(context.Background(), r.ID)
	if err != nil || got != r {
		t.Fatalf("got %+v, %v; want %+v", got, err, r)
	}
	states, err := s.TaskStates(context.Background(), r.ID)
	if err != nil || len(states) != 2 || states[0].Task != "ai" || states[0].Status != "pending" || states[1].Task != "pdf" {
		t.Fatalf("tasks %+v %v", states, err)
	}
	if _, err := s.Get(context.Background(), "missing"); err != store.ErrNotFound {
		t.Fatalf("missing report: %v", err)
	}
}

// Two runners (two report-rpc instances) racing for the same task: exactly one wins.
func TestClaimIsExclusive(t *testing.T) {
	s := newStore(t)
	r := newReport(t, s)
	ref := store.TaskRef{ReportID: r.ID, Task: store.TaskAI}
	var wins atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, ok, err := s.Claim(context.Background(), ref, uuid.NewString(), time.Minute)
			if err != nil {
				t.Error(err)
			}
			if ok {
				wins.Add(1)
			}
		}()
	}
	wg.Wait()
	if wins.Load() != 1 {
		t.Fatalf("%d claims won, want 1", wins.Load())
	}
}

func TestRetryThenCompleteAndDue(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	r := newReport(t, s)
	ref := store.TaskRef{ReportID: r.ID, Task: store.TaskPDF}

	n, ok, err := s.Claim(ctx, ref, "a", time.Minute)
	if err != nil || !ok || n != 1 {
		t.Fatalf("claim: %d %v %v", n, ok, err)
	}
	// while leased it is not due and cannot be claimed again
	if due, _ := s.Due(ctx, 10); containsRef(due, ref) {
		t.Fatal("leased task listed as due")
	}
	if err := s.Retry(ctx, ref, "a", "Unavailable: down", time.Now().Add(-time.Second), false); err != nil {
		t.Fatal(err)
	}
	if due, _ := s.Due(ctx, 10); !containsRef(due, ref) {
		t.Fatalf("retried task not due: %v", due)
	}
	n, ok, _ = s.Claim(ctx, ref, "b", time.Minute)
	if !ok || n != 2 {
		t.Fatalf("second claim: %d %v", n, ok)
	}
	// a stale owner cannot complete a task it lost
	if err := s.Complete(ctx, ref, "a", `{"x":1}`); err != nil {
		t.Fatal(err)
	}
	if err := s.Complete(ctx, ref, "b", `{"ok":true}`); err != nil {
		t.Fatal(err)
	}
	states, _ := s.TaskStates(ctx, r.ID)
	for _, st := range states {
		if st.Task == store.TaskPDF && (st.Status != "done" || st.Attempts != 2 || st.Result != `{"ok":true}`) {
			t.Fatalf("pdf task %+v", st)
		}
	}
	if _, ok, _ := s.Claim(ctx, ref, "c", time.Minute); ok {
		t.Fatal("claimed a done task")
	}
}

func containsRef(refs []store.TaskRef, ref store.TaskRef) bool {
	for _, r := range refs {
		if r == ref {
			return true
		}
	}
	return false
}

// Group commit: many concurrent reports, each acknowledged only when committed, none lost; a bad row in a batch
// fails alone.
func TestGroupCommit(t *testing.T) {
	db := testkit.NewDatabase(t, "store", migrations.FS)
	s := store.New(sqlx.NewMysql(db))
	s.EnableGroupCommit(store.GroupCommit{Committers: 2, MaxBatch: 16})
	const n = 300
	dup := uuid.Must(uuid.NewV7()).String()
	if err := s.Create(context.Background(), store.Report{ID: dup, PatientID: "P-0", ReceivedAt: time.Now().UTC()}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var acked, failed atomic.Int32
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := uuid.Must(uuid.NewV7()).String()
			if i%50 == 7 {
				id = dup // already stored: must fail without failing its batch
			}
			project := []string{"gc", "gc-b", "gc-c"}[i%3]
			ctx := actor.With(context.Background(), actor.Actor{UserID: int64(1000 + i), Role: "participant"})
			err := s.Create(ctx, store.Report{ID: id, ProjectID: project, PatientID: "P-1", Score: int64(i % 101),
				Notes: "n", ReceivedAt: time.Now().UTC().Truncate(time.Microsecond)})
			if err != nil {
				failed.Add(1)
			} else {
				acked.Add(1)
			}
		}()
	}
	wg.Wait()
	if failed.Load() != n/50 {
		t.Fatalf("%d failed, want exactly the %d duplicates", failed.Load(), n/50)
	}
	conn := testkit.OpenDB(t, db)
	var reports, tasks int
	if err := conn.QueryRow("SELECT COUNT(*) FROM reports WHERE project_id LIKE 'gc%'").Scan(&reports); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow("SELECT COUNT(*) FROM report_tasks t JOIN reports r ON r.id = t.report_id WHERE r.project_id LIKE 'gc%' AND t.status = 'pending'").Scan(&tasks); err != nil {
		t.Fatal(err)
	}
	if reports != int(acked.Load()) || tasks != 2*reports {
		t.Fatalf("acknowledged %d, committed %d reports with %d pending tasks", acked.Load(), reports, tasks)
	}
	// every committed report has its audit row, attributed to the participant, and each trial's chain holds
	// although batches mixed trials and two committers wrote at once
	var audited int
	if err := conn.QueryRow("SELECT COUNT(*) FROM audit_log a JOIN reports r ON r.id = a.entity_id WHERE a.action = 'report.create' " +
		"AND a.project_id LIKE 'gc%' AND a.actor_role = 'participant' AND a.actor_id >= 1000").Scan(&audited); err != nil || audited != reports {
		t.Fatalf("%d reports, %d report.create audit rows (%v)", reports, audited, err)
	}
	for _, p := range []string{"gc", "gc-b", "gc-c", ""} {
		v, err := audit.Verify(context.Background(), sqlx.NewMysql(db), p)
		if err != nil || v.Break != nil {
			t.Fatalf("chain of %q: %+v %v", p, v, err)
		}
	}
}

// A caller whose context ends while waiting is told so (and does not acknowledge).
func TestGroupCommitHonoursContext(t *testing.T) {
	s := newStore(t)
	s.EnableGroupCommit(store.GroupCommit{Committers: 1, MaxBatch: 4})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Create(ctx, store.Report{ID: uuid.NewString(), PatientID: "P", ReceivedAt: time.Now().UTC()}); err == nil {
		t.Fatal("a cancelled caller got nil")
	}
}
