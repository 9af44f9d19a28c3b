package governance

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/openepro/epro/ai-gateway/ai"
	"github.com/openepro/epro/ai-gateway/internal/engine"
	"github.com/openepro/epro/ai-gateway/internal/provider"
	"github.com/openepro/epro/ai-gateway/migrations"
	"github.com/openepro/epro/common/testkit"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

func TestRecordsCachesAndFallsBack(t *testing.T) {
	dsn := testkit.NewDatabase(t, "ai", migrations.FS)
	var hits atomic.Int32
	var fail atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if fail.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"choices": []map[string]any{{"message": map[string]string{
			"content": `{"riskLevel":"medium","sentiment":-0.3,"signals":["fever"],"explanation":"fever"}`}}}})
	}))
	defer srv.Close()
	e, _ := engine.New("")
	o, err := provider.NewOpenAI(provider.OpenAIConfig{Name: "llm", BaseURL: srv.URL, Model: "m1", Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	s := &Service{DB: sqlx.NewMysql(dsn), Router: &provider.Router{Builtin: provider.Builtin{Engine: e},
		Named: map[string]provider.Provider{"llm": o}, ByTrial: map[string]string{"t-llm": "llm"}}}
	ctx := context.Background()

	first, err := s.Assess(ctx, &ai.AssessRequest{ReportId: "r1", ProjectId: "t-llm", Text: "发烧38度"})
	if err != nil || first.Engine != "llm" || first.Model != "m1" || first.Cached || first.Fallback || first.RiskLevel != "medium" {
		t.Fatalf("first: %+v %v", first, err)
	}
	again, err := s.Assess(ctx, &ai.AssessRequest{ReportId: "r2", ProjectId: "t-llm", Text: "发烧38度"})
	if err != nil || !again.Cached || again.RiskLevel != "medium" || hits.Load() != 1 {
		t.Fatalf("same input, same version: %+v (server hits %d) %v", again, hits.Load(), err)
	}
	fail.Store(true)
	fb, err := s.Assess(ctx, &ai.AssessRequest{ReportId: "r3", ProjectId: "t-llm", Text: "胸痛"})
	if err != nil || !fb.Fallback || fb.Engine != provider.BuiltinName || fb.Provider != "llm" || fb.RiskLevel != "urgent" {
		t.Fatalf("fallback: %+v %v", fb, err)
	}
	// a fallback is not cached: the next call asks the model again
	fail.Store(false)
	next, _ := s.Assess(ctx, &ai.AssessRequest{ReportId: "r4", ProjectId: "t-llm", Text: "胸痛"})
	if next.Fallback || next.Cached {
		t.Fatalf("after recovery: %+v", next)
	}
	// every call left a record, queryable by report id
	for _, id := range []string{"r1", "r2", "r3", "r4"} {
		rows, err := s.List(ctx, id)
		if err != nil || len(rows) != 1 || rows[0].InputHash != Hash(map[string]string{"r1": "发烧38度", "r2": "发烧38度", "r3": "胸痛", "r4": "胸痛"}[id]) {
			t.Fatalf("record of %s: %+v %v", id, rows, err)
		}
	}
	rows, _ := s.List(ctx, "r3")
	if rows[0].Fallback != 1 || rows[0].FallbackReason == "" || rows[0].Engine != provider.BuiltinName {
		t.Fatalf("fallback record: %+v", rows[0])
	}
	rows, _ = s.List(ctx, "r2")
	if rows[0].Cached != 1 || rows[0].Model != "m1" || rows[0].EngineVersion != "risk-v1" {
		t.Fatalf("cached record: %+v", rows[0])
	}
}
