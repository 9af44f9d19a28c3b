package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
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
