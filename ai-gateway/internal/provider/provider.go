// Package provider puts risk assessment behind one interface: the built-in engine (offline, deterministic,
// always available) and OpenAI-compatible chat-completions servers (vLLM, Ollama and most in-house model servers).
// The router picks a trial's provider, de-identifies text before it leaves the suite, and falls back to the
// built-in engine, saying so, when an external provider fails.
package provider

import (
	"context"
	"errors"

	"github.com/openepro/epro/ai-gateway/internal/engine"
	"github.com/openepro/epro/common/mask"
)

// Result is one assessment.
type Result struct {
	Level       engine.Level
	Sentiment   float64
	Signals     []engine.Signal // spans for the built-in engine; ids only for external models
	Explanation string
	Engine      string // who answered: builtin or the provider's name
	Model       string
	Version     string // rule-set or prompt version
}

// Provider assesses text.
type Provider interface {
	// Name identifies the provider in results and records.
	Name() string
	// Version is the rule-set or prompt version its results depend on.
	Version() string
	// Model is the external model, empty for the built-in engine.
	Model() string
	// External reports whether text leaves the suite (and so must be de-identified first).
	External() bool
	Assess(ctx context.Context, text string) (Result, error)
}

// Builtin is the offline engine.
type Builtin struct{ Engine *engine.Engine }

var _ Provider = Builtin{}

// BuiltinName is the built-in engine's provider name.
const BuiltinName = "builtin"

// Name implements Provider.
func (Builtin) Name() string { return BuiltinName }

// Version implements Provider.
func (b Builtin) Version() string { return b.Engine.Version() }

// Model implements Provider.
func (Builtin) Model() string { return "" }

// External implements Provider.
func (Builtin) External() bool { return false }

// Assess implements Provider.
func (b Builtin) Assess(_ context.Context, text string) (Result, error) {
	r := b.Engine.Assess(text)
	return Result{Level: r.Level, Sentiment: r.Sentiment, Signals: r.Signals, Explanation: r.Explanation,
		Engine: BuiltinName, Version: r.Version}, nil
}

// Router chooses the provider per trial.
type Router struct {
	Builtin Builtin
	Named   map[string]Provider // external providers by name
	ByTrial map[string]string   // trial id → provider name
	Default string              // provider name for trials not listed; "" or builtin for the built-in engine
}

// For returns the provider a trial uses.
func (r *Router) For(projectID string) Provider {
	name, ok := r.ByTrial[projectID]
	if !ok {
		name = r.Default
	}
	if p, ok := r.Named[name]; ok {
		return p
	}
	return r.Builtin
}

// Outcome is a routed assessment.
type Outcome struct {
	Result
	Requested      string // the provider the trial asked for
	Fallback       bool
	FallbackReason string
}

// Assess runs the trial's provider; external providers see de-identified text only. Any failure of an external
// provider falls back to the built-in engine and says why.
func (r *Router) Assess(ctx context.Context, projectID, text string) Outcome {
	p := r.For(projectID)
	out := Outcome{Requested: p.Name()}
	if p.External() {
		res, err := p.Assess(ctx, mask.Scrub(text))
		if err == nil {
			out.Result = res
			return out
		}
		out.Fallback, out.FallbackReason = true, reason(err)
	}
	out.Result, _ = r.Builtin.Assess(ctx, text)
	return out
}

func reason(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, ErrBusy):
		return "too many concurrent requests"
	}
	msg := err.Error()
	if len(msg) > 200 {
		msg = msg[:200]
	}
	return msg
}
