package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/openepro/epro/ai-gateway/internal/engine"
)

// fakeModel is an httptest server speaking the chat-completions protocol. reply decides each answer.
type fakeModel struct {
	*httptest.Server
	mu       sync.Mutex
	prompts  []string
	hits     atomic.Int32
	inFlight atomic.Int32
	maxSeen  atomic.Int32
}

func newFake(t *testing.T, reply func(n int32, w http.ResponseWriter)) *fakeModel {
	f := &fakeModel{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := f.hits.Add(1)
		cur := f.inFlight.Add(1)
		defer f.inFlight.Add(-1)
		for {
			m := f.maxSeen.Load()
			if cur <= m || f.maxSeen.CompareAndSwap(m, cur) {
				break
			}
		}
		if r.URL.Path != "/v1/chat/completions" || r.Header.Get("Authorization") != "Bearer test-key" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		var req struct {
			Model    string `json:"model"`
			Messages []struct{ Role, Content string }
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		f.mu.Lock()
		for _, m := range req.Messages {
			f.prompts = append(f.prompts, m.Content)
		}
		f.mu.Unlock()
		reply(n, w)
	}))
	t.Cleanup(f.Close)
	return f
}

func completion(w http.ResponseWriter, content string) {
	_ = json.NewEncoder(w).Encode(map[string]any{"choices": []map[string]any{{"message": map[string]string{"role": "assistant", "content": content}}}})
}

func router(t *testing.T, f *fakeModel, timeout time.Duration, slots int) *Router {
	e, err := engine.New("")
	if err != nil {
		t.Fatal(err)
	}
	o, err := NewOpenAI(OpenAIConfig{Name: "hospital-llm", BaseURL: f.URL + "/v1", Model: "qwen-test", APIKey: "test-key",
		Timeout: timeout, MaxConcurrency: slots})
	if err != nil {
		t.Fatal(err)
	}
	return &Router{Builtin: Builtin{Engine: e}, Named: map[string]Provider{"hospital-llm": o}, ByTrial: map[string]string{"t1": "hospital-llm"}}
}

const identifying = "我叫张三，电话13812345678，身份证110101199003071234，邮箱zs@example.com，最近总是想自杀"

func TestProviderSuccessAndDeidentification(t *testing.T) {
	f := newFake(t, func(_ int32, w http.ResponseWriter) {
		completion(w, `{"riskLevel":"urgent","sentiment":-0.8,"signals":["self_harm"],"explanation":"suicidal ideation"}`)
	})
	r := router(t, f, 2*time.Second, 4)
	out := r.Assess(context.Background(), "t1", identifying)
	if out.Fallback || out.Engine != "hospital-llm" || out.Model != "qwen-test" || out.Level != engine.Urgent || out.Version != "risk-v1" {
		t.Fatalf("outcome %+v", out)
	}
	for _, p := range f.prompts {
		for _, id := range []string{"张三", "13812345678", "110101199003071234", "zs@example.com"} {
			if strings.Contains(p, id) {
				t.Fatalf("the model received %q: %s", id, p)
			}
		}
	}
	if !strings.Contains(strings.Join(f.prompts, "\n"), "想自杀") {
		t.Fatal("the clinical content did not reach the model")
	}
	// trials without an external provider stay inside with the built-in engine
	if out := r.Assess(context.Background(), "other", identifying); out.Engine != BuiltinName || out.Fallback || out.Level != engine.Urgent {
		t.Fatalf("other trial: %+v", out)
	}
}

func TestProviderFailuresFallBack(t *testing.T) {
	cases := map[string]func(int32, http.ResponseWriter){
		"malformed JSON":   func(_ int32, w http.ResponseWriter) { _, _ = w.Write([]byte(`{"choices":[{"message":`)) },
		"content not JSON": func(_ int32, w http.ResponseWriter) { completion(w, "The risk is high.") },
		"schema: bad level": func(_ int32, w http.ResponseWriter) {
			completion(w, `{"riskLevel":"catastrophic","sentiment":0,"explanation":"x"}`)
		},
		"schema: sentiment": func(_ int32, w http.ResponseWriter) {
			completion(w, `{"riskLevel":"low","sentiment":7,"explanation":"x"}`)
		},
		"schema: missing": func(_ int32, w http.ResponseWriter) { completion(w, `{"riskLevel":"low"}`) },
		"server error":    func(_ int32, w http.ResponseWriter) { http.Error(w, "boom", 500) },
		"timeout":         func(_ int32, w http.ResponseWriter) { time.Sleep(400 * time.Millisecond); completion(w, `{}`) },
		"empty choices":   func(_ int32, w http.ResponseWriter) { _, _ = w.Write([]byte(`{"choices":[]}`)) },
	}
	for name, reply := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, reply)
			out := router(t, f, 150*time.Millisecond, 4).Assess(context.Background(), "t1", "no suicidal thoughts, denies chest pain")
			if !out.Fallback || out.Engine != BuiltinName || out.FallbackReason == "" || out.Level != engine.None {
				t.Fatalf("%+v", out)
			}
		})
	}
}

// A run of 500s opens the breaker: the provider stops being called (no request storm) and every answer comes from
// the built-in engine.
func TestBreakerOpensOnARunOf500s(t *testing.T) {
	f := newFake(t, func(_ int32, w http.ResponseWriter) { http.Error(w, "overloaded", 500) })
	r := router(t, f, time.Second, 4)
	const calls = 300
	for i := 0; i < calls; i++ {
		if out := r.Assess(context.Background(), "t1", "胸痛"); !out.Fallback || out.Level != engine.Urgent {
			t.Fatalf("call %d: %+v", i, out)
		}
	}
	hits := f.hits.Load()
	t.Logf("%d calls, %d reached the failing server", calls, hits)
	if hits > calls/2 {
		t.Fatalf("breaker did not open: %d of %d calls reached the server", hits, calls)
	}
}

// Slow replies under concurrency: never more requests in flight than MaxConcurrency; callers beyond it wait for
// a slot until their timeout and then fall back.
func TestSlowRepliesUnderConcurrency(t *testing.T) {
	f := newFake(t, func(_ int32, w http.ResponseWriter) {
		time.Sleep(100 * time.Millisecond)
		completion(w, `{"riskLevel":"low","sentiment":-0.2,"signals":[],"explanation":"tired"}`)
	})
	r := router(t, f, 2*time.Second, 3)
	var wg sync.WaitGroup
	var ok atomic.Int32
	for i := 0; i < 24; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if out := r.Assess(context.Background(), "t1", fmt.Sprintf("有点累 %d", i)); !out.Fallback {
				ok.Add(1)
			}
		}()
	}
	wg.Wait()
	if m := f.maxSeen.Load(); m > 3 {
		t.Fatalf("%d requests in flight, limit 3", m)
	}
	if ok.Load() != 24 {
		t.Fatalf("%d of 24 answered by the model within the timeout", ok.Load())
	}
}
