package provider

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/openepro/epro/ai-gateway/internal/engine"
	"github.com/zeromicro/go-zero/core/breaker"
)

// OpenAIConfig configures an OpenAI-compatible chat-completions provider.
type OpenAIConfig struct {
	Name           string        // provider name used in config and records
	BaseURL        string        // e.g. http://models.hospital.local/v1
	Model          string        // e.g. qwen2.5-7b-instruct
	APIKey         string        // from the environment
	Timeout        time.Duration // per request, including waiting for a slot
	MaxConcurrency int           // requests in flight at once
	Prompt         string        // prompt template file under prompts/, e.g. risk-v1.json
}

// ErrBusy is returned when no request slot frees up before the timeout.
var ErrBusy = errors.New("provider: all request slots busy")

// ErrInvalidReply is returned for a reply that is not the JSON object the prompt asks for.
var ErrInvalidReply = errors.New("provider: reply does not match the result schema")

//go:embed prompts/*.json
var prompts embed.FS

type prompt struct {
	Version string `json:"version"`
	System  string `json:"system"`
	User    string `json:"user"`
}

// OpenAI talks to a chat-completions endpoint behind a go-zero breaker and a concurrency bound.
type OpenAI struct {
	cfg    OpenAIConfig
	prompt prompt
	client *http.Client
	brk    breaker.Breaker
	slots  chan struct{}
}

var _ Provider = (*OpenAI)(nil)

// NewOpenAI checks the config and loads the prompt template.
func NewOpenAI(cfg OpenAIConfig) (*OpenAI, error) {
	if cfg.Name == "" || cfg.BaseURL == "" || cfg.Model == "" {
		return nil, errors.New("provider: name, base URL and model are required")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 8 * time.Second
	}
	if cfg.MaxConcurrency <= 0 {
		cfg.MaxConcurrency = 8
	}
	if cfg.Prompt == "" {
		cfg.Prompt = "risk-v1.json"
	}
	raw, err := prompts.ReadFile("prompts/" + cfg.Prompt)
	if err != nil {
		return nil, fmt.Errorf("provider: prompt %s: %w", cfg.Prompt, err)
	}
	var p prompt
	if err := json.Unmarshal(raw, &p); err != nil || p.Version == "" || !strings.Contains(p.User, "{{text}}") {
		return nil, fmt.Errorf("provider: prompt %s is not a valid template", cfg.Prompt)
	}
	return &OpenAI{cfg: cfg, prompt: p, client: &http.Client{},
		brk: breaker.NewBreaker(breaker.WithName("ai-provider-" + cfg.Name)), slots: make(chan struct{}, cfg.MaxConcurrency)}, nil
}

// Name implements Provider.
func (o *OpenAI) Name() string { return o.cfg.Name }

// Version implements Provider: the prompt template's version.
func (o *OpenAI) Version() string { return o.prompt.Version }

// Model implements Provider.
func (o *OpenAI) Model() string { return o.cfg.Model }

// External implements Provider.
func (o *OpenAI) External() bool { return true }

// Assess implements Provider. text must already be de-identified (the Router does it).
func (o *OpenAI) Assess(ctx context.Context, text string) (Result, error) {
	ctx, cancel := context.WithTimeout(ctx, o.cfg.Timeout)
	defer cancel()
	select {
	case o.slots <- struct{}{}:
		defer func() { <-o.slots }()
	case <-ctx.Done():
		return Result{}, ErrBusy
	}
	var res Result
	err := o.brk.DoWithAcceptableCtx(ctx, func() error {
		var err error
		res, err = o.call(ctx, text)
		return err
	}, func(err error) bool { return err == nil })
	if errors.Is(err, breaker.ErrServiceUnavailable) {
		return Result{}, errors.New("provider: circuit open after repeated failures")
	}
	return res, err
}

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

func (o *OpenAI) call(ctx context.Context, text string) (Result, error) {
	body, _ := json.Marshal(map[string]any{
		"model": o.cfg.Model, "temperature": 0, "response_format": map[string]string{"type": "json_object"},
		"messages": []chatMessage{{Role: "system", Content: o.prompt.System},
			{Role: "user", Content: strings.Replace(o.prompt.User, "{{text}}", text, 1)}},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(o.cfg.BaseURL, "/")+"/chat/completions", bytes.NewReader(body))
	if err != nil {
		return Result{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	if o.cfg.APIKey != "" {
		req.Header.Set("Authorization", "Bearer "+o.cfg.APIKey)
	}
	resp, err := o.client.Do(req)
	if err != nil {
		return Result{}, fmt.Errorf("provider: request failed: %w", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return Result{}, fmt.Errorf("provider: reading reply: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return Result{}, fmt.Errorf("provider: status %d", resp.StatusCode)
	}
	var completion struct {
		Choices []struct {
			Message chatMessage `json:"message"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(raw, &completion); err != nil || len(completion.Choices) == 0 {
		return Result{}, fmt.Errorf("%w: not a chat completion", ErrInvalidReply)
	}
	return o.parse(completion.Choices[0].Message.Content)
}

// parse validates the model's JSON against the result schema.
func (o *OpenAI) parse(content string) (Result, error) {
	content = strings.TrimSpace(content)
	content = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(content, "```json"), "```"), "```")
	var out struct {
		RiskLevel   *string  `json:"riskLevel"`
		Sentiment   *float64 `json:"sentiment"`
		Signals     []string `json:"signals"`
		Explanation *string  `json:"explanation"`
	}
	dec := json.NewDecoder(strings.NewReader(content))
	if err := dec.Decode(&out); err != nil {
		return Result{}, fmt.Errorf("%w: content is not JSON", ErrInvalidReply)
	}
	if out.RiskLevel == nil || out.Sentiment == nil || out.Explanation == nil {
		return Result{}, fmt.Errorf("%w: riskLevel, sentiment and explanation are required", ErrInvalidReply)
	}
	level, err := engine.ParseLevel(*out.RiskLevel)
	if err != nil {
		return Result{}, fmt.Errorf("%w: riskLevel must be none, low, medium, high or urgent", ErrInvalidReply)
	}
	if *out.Sentiment < -1 || *out.Sentiment > 1 {
		return Result{}, fmt.Errorf("%w: sentiment must be between -1 and 1", ErrInvalidReply)
	}
	if len(out.Signals) > 20 || utf8.RuneCountInString(*out.Explanation) > 500 {
		return Result{}, fmt.Errorf("%w: at most 20 signals and a 500-character explanation", ErrInvalidReply)
	}
	res := Result{Level: level, Sentiment: *out.Sentiment, Explanation: *out.Explanation, Engine: o.cfg.Name,
		Model: o.cfg.Model, Version: o.prompt.Version}
	for _, s := range out.Signals {
		if len(s) > 64 {
			return Result{}, fmt.Errorf("%w: signal labels are at most 64 characters", ErrInvalidReply)
		}
		res.Signals = append(res.Signals, engine.Signal{ID: s, Level: level})
	}
	return res, nil
}
