package e2e

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/openepro/epro/ai-gateway/ai"
	"github.com/openepro/epro/common/testkit"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// fakeLLM speaks the chat-completions protocol like the AI team's model servers and keeps what it was sent.
type fakeLLM struct {
	*httptest.Server
	mu      sync.Mutex
	prompts []string
	// down makes it answer 503 (the fault tests' provider outage); calls counts every request it got
	down  atomic.Bool
	calls atomic.Int64
}

func startFakeLLM(t *testing.T) *fakeLLM {
	f := &fakeLLM{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.calls.Add(1)
		if f.down.Load() {
			http.Error(w, "model server down", http.StatusServiceUnavailable)
			return
		}
		var req struct {
			Messages []struct{ Content string } `json:"messages"`
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		f.mu.Lock()
		for _, m := range req.Messages {
			f.prompts = append(f.prompts, m.Content)
		}
		f.mu.Unlock()
		level := "low"
		if len(req.Messages) == 2 && strings.Contains(req.Messages[1].Content, "自杀") {
			level = "urgent"
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"choices": []map[string]any{{"message": map[string]string{"role": "assistant",
			"content": fmt.Sprintf(`{"riskLevel":%q,"sentiment":-0.9,"signals":["self_harm"],"explanation":"model says %s"}`, level, level)}}}})
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeLLM) received() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.prompts, "\n")
}

func assessments(t *testing.T, s *stack, reportID string) []*ai.Assessment {
	t.Helper()
	conn, err := grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", s.ports["ai-gateway"]), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := ai.NewAiGatewayClient(conn).ListAssessments(ctx, &ai.ListAssessmentsRequest{ReportId: reportID})
	if err != nil {
		t.Fatal(err)
	}
	return out.Assessments
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// testAIGateway: notes saying "最近总是想自杀" get urgent risk and an alert, with a governance record; in trial B
// the AI team's model answers, and it never sees the identifiers in the notes.
func testAIGateway(t *testing.T, w *world) {
	s := w.s
	reports := testkit.OpenDB(t, s.dsn["report-rpc"])
	notes := "最近总是想自杀"
	ack := submit(t, w, w.patientA1, fmt.Sprintf(`{"score":20,"notes":%q}`, notes))
	ts := waitTasks(t, s, reports, ack.ReportID, 20*time.Second)
	if !strings.Contains(ts["ai"].result, `"riskLevel":"urgent"`) || !strings.Contains(ts["ai"].result, `"engine":"builtin"`) {
		t.Fatalf("ai result %s", ts["ai"].result)
	}
	var rep struct {
		Alerts []struct{ Rule, Source, Severity string }
	}
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/reports/"+ack.ReportID), w.pi, nil).decode(t, &rep)
	if len(rep.Alerts) != 1 || rep.Alerts[0].Rule != "ai.urgent" || rep.Alerts[0].Source != "ai" || rep.Alerts[0].Severity != "urgent" {
		t.Fatalf("alerts of the report: %+v", rep.Alerts)
	}
	recs := assessments(t, s, ack.ReportID)
	if len(recs) != 1 || recs[0].Engine != "builtin" || recs[0].EngineVersion != "builtin-1.1.0" || recs[0].InputHash != hash(notes) ||
		recs[0].RiskLevel != "urgent" || recs[0].ProjectId != "trial-a" || recs[0].Fallback {
		t.Fatalf("governance record: %+v", recs)
	}

	// trial B uses the AI team's model; the text it gets carries no identifier
	must(t, 200, "PUT", w.url(fmt.Sprintf("/api/v1/projects/trial-b/participants/%d/pin", w.participants["B1-001"])), w.crcB1, map[string]string{"pin": "445566"})
	patientB := patientLogin(t, s, "trial-b", "B1-001", "445566")
	identifying := "我叫李四，电话13812345678，身份证110101199003071234，最近总是想自杀"
	ackB := submit(t, w, patientB, fmt.Sprintf(`{"score":20,"notes":%q}`, identifying))
	ts = waitTasks(t, s, reports, ackB.ReportID, 20*time.Second)
	if !strings.Contains(ts["ai"].result, `"engine":"hospital-llm"`) || !strings.Contains(ts["ai"].result, `"riskLevel":"urgent"`) {
		t.Fatalf("trial B ai result %s", ts["ai"].result)
	}
	recs = assessments(t, s, ackB.ReportID)
	if len(recs) != 1 || recs[0].Engine != "hospital-llm" || recs[0].Model != "fake-model" || recs[0].EngineVersion != "risk-v1" {
		t.Fatalf("trial B governance: %+v", recs)
	}
	got := s.llm.received()
	if !strings.Contains(got, "自杀") {
		t.Fatalf("the model did not get the note: %s", got)
	}
	for _, id := range []string{"李四", "13812345678", "110101199003071234"} {
		if strings.Contains(got, id) {
			t.Fatalf("the model received %q", id)
		}
	}
}
