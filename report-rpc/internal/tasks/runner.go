package tasks

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/openepro/epro/ai-gateway/ai"
	"github.com/openepro/epro/pdf-rpc/pdf"
	"github.com/openepro/epro/report-rpc/internal/store"
	"github.com/openepro/epro/report-rpc/internal/summary"
	"golang.org/x/sync/errgroup"
	"google.golang.org/grpc"
	"google.golang.org/grpc/status"
)

// Assessor is the part of ai-gateway's client the runner uses.
type Assessor interface {
	Assess(ctx context.Context, in *ai.AssessRequest, opts ...grpc.CallOption) (*ai.AssessResponse, error)
}

// Renderer is the part of pdf-rpc's client the runner uses.
type Renderer interface {
	Render(ctx context.Context, in *pdf.RenderRequest, opts ...grpc.CallOption) (*pdf.RenderResponse, error)
}

// Config tunes the runner.
type Config struct {
	Owner         string        // lease owner: unique per process
	Workers       int           // reports processed at once
	QueueSize     int           // reports waiting for a worker; beyond it the sweeper picks them up
	TaskTimeout   time.Duration // one attempt of one task
	Lease         time.Duration // how long a claim holds a task; longer than TaskTimeout
	SweepInterval time.Duration // how often due tasks are looked up in the outbox
	Policy        Policy
}

// Runner runs reports' follow-up tasks.
type Runner struct {
	cfg    Config
	store  *store.Store
	ai     Assessor
	pdf    Renderer
	queue  chan string
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	logf   func(format string, args ...any)
}

// NewRunner returns a runner; Start begins work.
func NewRunner(cfg Config, s *store.Store, assessor Assessor, renderer Renderer, logf func(string, ...any)) *Runner {
	ctx, cancel := context.WithCancel(context.Background())
	return &Runner{cfg: cfg, store: s, ai: assessor, pdf: renderer, queue: make(chan string, cfg.QueueSize),
		ctx: ctx, cancel: cancel, logf: logf}
}

// Start launches the workers and the outbox sweeper.
func (r *Runner) Start() {
	for i := 0; i < r.cfg.Workers; i++ {
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			for {
				select {
				case <-r.ctx.Done():
					return
				case id := <-r.queue:
					r.Process(r.ctx, id)
				}
			}
		}()
	}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		t := time.NewTicker(r.cfg.SweepInterval)
		defer t.Stop()
		for {
			select {
			case <-r.ctx.Done():
				return
			case <-t.C:
				r.sweep()
				r.escalate()
			}
		}
	}()
}

// Stop ends the workers; tasks in flight are released and retried later (by this or another instance).
func (r *Runner) Stop() {
	r.cancel()
	r.wg.Wait()
}

// Enqueue schedules a committed report's tasks without blocking; when the queue is full the sweeper finds them.
func (r *Runner) Enqueue(reportID string) {
	select {
	case r.queue <- reportID:
	default:
	}
}

func (r *Runner) sweep() {
	ctx, cancel := context.WithTimeout(r.ctx, 5*time.Second)
	defer cancel()
	due, err := r.store.Due(ctx, r.cfg.QueueSize)
	if err != nil {
		r.logf("tasks: sweep: %v", err)
		return
	}
	seen := map[string]bool{}
	for _, ref := range due {
		if !seen[ref.ReportID] {
			seen[ref.ReportID] = true
			r.Enqueue(ref.ReportID)
		}
	}
}

// escalate raises alerts whose acknowledgement deadline passed.
func (r *Runner) escalate() {
	ctx, cancel := context.WithTimeout(r.ctx, 5*time.Second)
	defer cancel()
	if _, err := r.store.EscalateDue(ctx, 100); err != nil {
		r.logf("alerts: escalate: %v", err)
	}
}

// Process runs the report's due tasks concurrently and records each outcome. It returns once both are settled.
func (r *Runner) Process(ctx context.Context, reportID string) {
	rep, err := r.store.Get(ctx, reportID)
	if err != nil {
		r.logf("tasks: load report %s: %v", reportID, err)
		return
	}
	var g errgroup.Group // no shared cancellation: one task's failure must not stop the other
	for _, task := range store.Tasks {
		g.Go(func() error { return r.run(ctx, rep, task) })
	}
	_ = g.Wait()
}

func (r *Runner) run(ctx context.Context, rep store.Report, task string) error {
	ref := store.TaskRef{ReportID: rep.ID, Task: task}
	attempts, ok, err := r.store.Claim(ctx, ref, r.cfg.Owner, r.cfg.Lease)
	if err != nil || !ok {
		return err
	}
	tctx, cancel := context.WithTimeout(ctx, r.cfg.TaskTimeout)
	result, runErr := r.exec(tctx, rep, task)
	cancel()
	// Record the outcome even when ctx is ending: a lost update only delays the task until its lease ends.
	wctx, wcancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer wcancel()
	if runErr == nil {
		return r.store.Complete(wctx, ref, r.cfg.Owner, result)
	}
	retryAt, final := r.cfg.Policy.Next(time.Now(), attempts)
	msg := describe(runErr)
	r.logf("tasks: %s of report %s, attempt %d failed: %s", task, rep.ID, attempts, msg)
	if err := r.store.Retry(wctx, ref, r.cfg.Owner, msg, retryAt, final); err != nil {
		return err
	}
	return runErr
}

func (r *Runner) exec(ctx context.Context, rep store.Report, task string) (string, error) {
	var out any
	switch task {
	case store.TaskAI:
		resp, err := r.ai.Assess(ctx, &ai.AssessRequest{ReportId: rep.ID, Text: rep.Notes, ProjectId: rep.ProjectID})
		if err != nil {
			return "", err
		}
		if resp.RiskLevel == "urgent" { // an urgent AI result raises an alert like a rule does (source: ai)
			reason := fmt.Sprintf("AI assessment (%s %s) rated the notes urgent", resp.Engine, resp.EngineVersion)
			if err := r.store.RaiseAIAlert(ctx, rep.ID, reason); err != nil {
				return "", err
			}
		}
		out = map[string]any{"riskLevel": resp.RiskLevel, "sentiment": resp.Sentiment, "engine": resp.Engine,
			"engineVersion": resp.EngineVersion, "assessmentId": resp.AssessmentId}
	case store.TaskPDF:
		req, err := summary.Build(ctx, r.store, rep.ID, summary.Header{})
		if err != nil {
			return "", err
		}
		resp, err := r.pdf.Render(ctx, req)
		if err != nil {
			return "", err
		}
		out = map[string]any{"storageKey": resp.StorageKey, "sha256": resp.Sha256, "sizeBytes": resp.SizeBytes}
	default:
		return "", fmt.Errorf("unknown task %q", task)
	}
	b, err := json.Marshal(out)
	return string(b), err
}

// describe keeps a failure's code and the services' own message; both are free of report content.
func describe(err error) string {
	if st, ok := status.FromError(err); ok {
		return st.Code().String() + ": " + st.Message()
	}
	return err.Error()
}
