package logic

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/auditchain"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/common/testkit"
	"github.com/openepro/epro/report-rpc/internal/config"
	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/migrations"
	"github.com/openepro/epro/report-rpc/report"
	"github.com/zeromicro/go-zero/zrpc"
)

// newSvc returns report-rpc's logic over a fresh database; the task runner is not started (the AI and PDF
// services are not needed here).
func newSvc(t *testing.T) (*svc.ServiceContext, string) {
	dsn := testkit.NewDatabase(t, "report", migrations.FS)
	var c config.Config
	c.DataSource = dsn
	c.AiRpc = zrpc.RpcClientConf{Endpoints: []string{"127.0.0.1:1"}, NonBlock: true}
	c.PdfRpc = c.AiRpc
	c.Tasks.Workers, c.Tasks.QueueSize = 1, 1000
	return svc.NewServiceContext(c), dsn
}

var staff = actor.Actor{UserID: 7, Role: "PI", RequestID: "req-t", ClientIP: "127.0.0.1"}

const phqURL = "https://openepro.org/fhir/Questionnaire/phq-9|1.0.0"

func phqItems(ws ...int) string {
	codes := []string{"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"}
	links := []string{"44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"}
	var items []map[string]any
	for i, w := range ws {
		items = append(items, map[string]any{"linkId": links[i], "answer": []map[string]any{{"valueCoding": map[string]string{"system": "http://loinc.org", "code": codes[w]}}}})
	}
	b, _ := json.Marshal(items)
	return string(b)
}

func painItems(v int) string {
	return fmt.Sprintf(`[{"linkId":"pain","answer":[{"valueCoding":{"code":"%d"}}]}]`, v)
}

func submitReq(q, items, csid string) *report.SubmitResponseRequest {
	return &report.SubmitResponseRequest{ProjectId: "t1", SiteId: 3, PatientId: "S-001", Questionnaire: q, Items: items,
		ClientSubmissionId: csid, AuthoredAt: "2026-12-03T07:59:12+08:00", Notes: "n"}
}

func adopt(t *testing.T, s *svc.ServiceContext, name string) {
	t.Helper()
	if _, err := NewAdoptTemplateLogic(context.Background(), s).AdoptTemplate(&report.AdoptTemplateRequest{ProjectId: "t1", Template: name}); err != nil {
		t.Fatal(err)
	}
}

func TestConcurrentIdenticalSubmissionsMakeOneReport(t *testing.T) {
	s, dsn := newSvc(t)
	adopt(t, s, "phq-9")
	ctx := actor.With(context.Background(), actor.Actor{UserID: 100, Role: "PARTICIPANT"})
	csid := uuid.NewString()
	var wg sync.WaitGroup
	ids := make([]string, 10)
	dups := make([]bool, 10)
	errsSeen := make([]error, 10)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := NewSubmitResponseLogic(ctx, s).SubmitResponse(submitReq(phqURL, phqItems(0, 0, 0, 0, 0, 0, 0, 0, 1), csid))
			if err != nil {
				errsSeen[i] = err
				return
			}
			ids[i], dups[i] = out.ReportId, out.Duplicate
		}()
	}
	wg.Wait()
	fresh := 0
	for i := range 10 {
		if errsSeen[i] != nil {
			t.Fatalf("copy %d: %v", i, errsSeen[i])
		}
		if ids[i] != ids[0] {
			t.Fatalf("copy %d got report %s, copy 0 %s", i, ids[i], ids[0])
		}
		if !dups[i] {
			fresh++
		}
	}
	if fresh != 1 {
		t.Fatalf("%d copies reported as new", fresh)
	}
	db := testkit.OpenDB(t, dsn)
	var reports, alerts, tasks int
	_ = db.QueryRow("SELECT COUNT(*) FROM reports").Scan(&reports)
	_ = db.QueryRow("SELECT COUNT(*) FROM alerts WHERE rule = 'phq9.item9' AND severity = 'urgent'").Scan(&alerts)
	_ = db.QueryRow("SELECT COUNT(*) FROM report_tasks").Scan(&tasks)
	if reports != 1 || alerts != 1 || tasks != 2 {
		t.Fatalf("rows: %d reports, %d item-9 alerts, %d tasks", reports, alerts, tasks)
	}
	// the device time and its offset are both kept
	got, err := NewGetReportLogic(ctx, s).GetReport(&report.GetReportRequest{ReportId: ids[0]})
	if err != nil || got.AuthoredAt != "2026-12-03T07:59:12+08:00" || got.Questionnaire != phqURL || len(got.Scores) != 1 ||
		got.Scores[0].Total != 1 || got.Scores[0].RuleSetId != "epro-core" || len(got.Alerts) != 1 {
		t.Fatalf("report: %+v %v", got, err)
	}
}

func TestSubmissionRejectsBadInputNamingThePath(t *testing.T) {
	s, _ := newSvc(t)
	adopt(t, s, "phq-9")
	adopt(t, s, "wellbeing")
	ctx := context.Background()
	full := phqItems(0, 1, 2, 3, 0, 1, 2, 3, 0)
	cases := []struct {
		req  *report.SubmitResponseRequest
		path string
	}{
		{submitReq("https://openepro.org/fhir/Questionnaire/phq-9|9.9.9", full, uuid.NewString()), "questionnaire"},
		{submitReq("https://openepro.org/fhir/Questionnaire/gad-7|1.0.0", full, uuid.NewString()), "questionnaire"},
		{submitReq("no-version", full, uuid.NewString()), "questionnaire"},
		{submitReq(phqURL, phqItems(0, 1, 2), uuid.NewString()), `item[4]: required item "44254-1"`},
		{submitReq(phqURL, strings.Replace(full, "LA6571-9", "LA0000-0", 1), uuid.NewString()), "item[3].answer[0].valueCoding"},
		{submitReq(phqURL, strings.Replace(full, `{"valueCoding":{"code":"LA6568-5","system":"http://loinc.org"}}`, `{"valueInteger":1}`, 1), uuid.NewString()), "item[0].answer[0]"},
		{submitReq(phqURL, `[{"linkId":"44250-9"},{"linkId":"44250-9"}]`, uuid.NewString()), "item[1].linkId"},
		{submitReq(phqURL, `{"not":"a list"}`, uuid.NewString()), "items"},
		{submitReq(phqURL, full, "not-a-uuid"), "clientSubmissionId"},
		{submitReq("https://openepro.org/fhir/Questionnaire/wellbeing|1.0.0",
			`[{"linkId":"mood","answer":[{"valueCoding":{"code":"3"}}]},{"linkId":"photo","answer":[{"valueAttachment":{"id":"a"}}]}]`, uuid.NewString()), "item[1].answer"},
	}
	for _, c := range cases {
		_, err := NewSubmitResponseLogic(ctx, s).SubmitResponse(c.req)
		e, ok := errs.As(err)
		if !ok || e.Kind != errs.KindInvalid || !strings.Contains(e.Message, c.path) {
			t.Errorf("%s: %v", c.path, err)
		}
	}
	bad := submitReq(phqURL, full, uuid.NewString())
	bad.Notes = strings.Repeat("x", 10001)
	if _, err := NewSubmitResponseLogic(ctx, s).SubmitResponse(bad); errs.KindOf(err) != errs.KindInvalid {
		t.Errorf("long notes: %v", err)
	}
	bad = submitReq(phqURL, full, uuid.NewString())
	bad.AuthoredAt = "yesterday"
	if _, err := NewSubmitResponseLogic(ctx, s).SubmitResponse(bad); errs.KindOf(err) != errs.KindInvalid {
		t.Errorf("authoredAt: %v", err)
	}
}

func TestPublishedVersionsAreImmutable(t *testing.T) {
	s, _ := newSvc(t)
	ctx := actor.With(context.Background(), staff)
	def := `{"resourceType":"Questionnaire","status":"%s","url":"https://site.example/q/sleep","version":"%s","title":"Sleep",
	 "item":[{"linkId":"hours","type":"integer","required":true}]}`
	put := func(status, version string) error {
		_, err := NewPutQuestionnaireLogic(ctx, s).PutQuestionnaire(&report.PutQuestionnaireRequest{ProjectId: "t1", Definition: fmt.Sprintf(def, status, version)})
		return err
	}
	if err := put("draft", "1"); err != nil {
		t.Fatal(err)
	}
	if err := put("active", "1"); err != nil { // a draft may be published
		t.Fatal(err)
	}
	if err := put("active", "1"); errs.KindOf(err) != errs.KindFailedPrecondition {
		t.Fatalf("republishing a published version: %v", err)
	}
	if err := put("active", "2"); err != nil {
		t.Fatal(err)
	}
	list, _ := NewListQuestionnairesLogic(ctx, s).ListQuestionnaires(&report.ListQuestionnairesRequest{ProjectId: "t1"})
	if len(list.Questionnaires) != 2 {
		t.Fatalf("versions: %+v", list)
	}
	if _, err := NewSubmitResponseLogic(ctx, s).SubmitResponse(submitReq("https://site.example/q/sleep|1", `[{"linkId":"hours","answer":[{"valueInteger":7}]}]`, uuid.NewString())); err != nil {
		t.Fatalf("answering version 1 after version 2 was published: %v", err)
	}
}

func TestAlertsLifecycleEscalationAndPainRise(t *testing.T) {
	s, dsn := newSvc(t)
	adopt(t, s, "pain-nrs")
	ctx := actor.With(context.Background(), staff)
	painURL := "https://openepro.org/fhir/Questionnaire/pain-nrs|1.0.0"
	if _, err := NewSubmitResponseLogic(ctx, s).SubmitResponse(submitReq(painURL, painItems(2), uuid.NewString())); err != nil {
		t.Fatal(err)
	}
	out, err := NewSubmitResponseLogic(ctx, s).SubmitResponse(submitReq(painURL, painItems(4), uuid.NewString()))
	if err != nil || len(out.Alerts) != 1 || out.Alerts[0].Rule != "pain.rise" || out.Alerts[0].Severity != "review" {
		t.Fatalf("pain rise: %+v %v", out, err)
	}
	id := out.Alerts[0].AlertId

	// resolve before acknowledging is refused; another site cannot touch it
	if _, err := NewResolveAlertLogic(ctx, s).ResolveAlert(&report.AlertActionRequest{ProjectId: "t1", AlertId: id, Note: "x"}); errs.KindOf(err) != errs.KindFailedPrecondition {
		t.Fatalf("resolve an open alert: %v", err)
	}
	if _, err := NewAcknowledgeAlertLogic(ctx, s).AcknowledgeAlert(&report.AlertActionRequest{ProjectId: "t1", AlertId: id, SiteId: 99}); errs.KindOf(err) != errs.KindNotFound {
		t.Fatalf("another site's alert: %v", err)
	}

	// escalation: the deadline passes while the alert is open
	db := testkit.OpenDB(t, dsn)
	if _, err := db.Exec("UPDATE alerts SET ack_due_at = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", id); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Store.EscalateDue(context.Background(), 10); err != nil || n != 1 {
		t.Fatalf("escalate: %d %v", n, err)
	}
	list, _ := NewListAlertsLogic(ctx, s).ListAlerts(&report.ListAlertsRequest{ProjectId: "t1", Status: "open", Severity: "high"})
	if len(list.Alerts) != 1 || list.Alerts[0].Escalations != 1 || list.Alerts[0].EscalatedAt == "" {
		t.Fatalf("escalated: %+v", list.Alerts)
	}
	if n, _ := s.Store.EscalateDue(context.Background(), 10); n != 0 {
		t.Fatalf("escalated again before the new deadline: %d", n)
	}

	a, err := NewAcknowledgeAlertLogic(ctx, s).AcknowledgeAlert(&report.AlertActionRequest{ProjectId: "t1", AlertId: id, SiteId: 3})
	if err != nil || a.Status != "acknowledged" || a.AcknowledgedBy != 7 || a.AcknowledgedAt == "" {
		t.Fatalf("ack: %+v %v", a, err)
	}
	if _, err := NewAcknowledgeAlertLogic(ctx, s).AcknowledgeAlert(&report.AlertActionRequest{ProjectId: "t1", AlertId: id}); errs.KindOf(err) != errs.KindFailedPrecondition {
		t.Fatalf("second ack: %v", err)
	}
	if _, err := NewResolveAlertLogic(ctx, s).ResolveAlert(&report.AlertActionRequest{ProjectId: "t1", AlertId: id}); errs.KindOf(err) != errs.KindInvalid {
		t.Fatalf("resolve without a note: %v", err)
	}
	a, err = NewResolveAlertLogic(ctx, s).ResolveAlert(&report.AlertActionRequest{ProjectId: "t1", AlertId: id, Note: "called; analgesic adjusted"})
	if err != nil || a.Status != "resolved" || a.ResolutionNote == "" {
		t.Fatalf("resolve: %+v %v", a, err)
	}
	var actions string
	_ = db.QueryRow("SELECT GROUP_CONCAT(action ORDER BY id) FROM audit_log WHERE entity_type = 'alert'").Scan(&actions)
	if actions != "alert.escalate,alert.acknowledge,alert.resolve" {
		t.Fatalf("alert audit: %s", actions)
	}
}

func TestRescoreKeepsOldScoresAndListsPage(t *testing.T) {
	s, dsn := newSvc(t)
	adopt(t, s, "phq-9")
	ctx := actor.With(context.Background(), staff)
	for i := range 3 {
		if _, err := NewSubmitResponseLogic(ctx, s).SubmitResponse(submitReq(phqURL, phqItems(i, 0, 0, 0, 0, 0, 0, 0, 0), uuid.NewString())); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Millisecond)
	}
	db := testkit.OpenDB(t, dsn)
	// reports scored by an earlier release's rule set
	if _, err := db.Exec("UPDATE scores SET rule_set_version = '0.9.0'"); err != nil {
		t.Fatal(err)
	}
	if _, err := NewRescoreLogic(ctx, s).Rescore(&report.RescoreRequest{ProjectId: "t1", Reason: " "}); !isReason(err, auditchain.ReasonRequired) {
		t.Fatalf("rescore without a reason: %v", err)
	}
	out, err := NewRescoreLogic(ctx, s).Rescore(&report.RescoreRequest{ProjectId: "t1", Reason: "rule set 1.0.0 released"})
	if err != nil || out.Rescored != 3 {
		t.Fatalf("rescore: %+v %v", out, err)
	}
	var current, old, audited int
	_ = db.QueryRow("SELECT SUM(current = 1 AND rule_set_version = '1.0.0'), SUM(current = 0 AND rule_set_version = '0.9.0') FROM scores").Scan(&current, &old)
	_ = db.QueryRow("SELECT COUNT(*) FROM audit_log WHERE action = 'score.rescore' AND actor_id = 7 AND reason = 'rule set 1.0.0 released'").Scan(&audited)
	if current != 3 || old != 3 || audited != 3 {
		t.Fatalf("scores: %d current, %d kept, %d audited", current, old, audited)
	}
	if again, _ := NewRescoreLogic(ctx, s).Rescore(&report.RescoreRequest{ProjectId: "t1", Reason: "again"}); again.Rescored != 0 {
		t.Fatalf("second rescore changed %d", again.Rescored)
	}

	page1, err := NewListReportsLogic(ctx, s).ListReports(&report.ListReportsRequest{ProjectId: "t1", Limit: 2})
	if err != nil || len(page1.Reports) != 2 || page1.NextCursor == "" || len(page1.Reports[0].Scores) != 1 {
		t.Fatalf("page 1: %+v %v", page1, err)
	}
	page2, err := NewListReportsLogic(ctx, s).ListReports(&report.ListReportsRequest{ProjectId: "t1", Limit: 2, Cursor: page1.NextCursor})
	if err != nil || len(page2.Reports) != 1 || page2.NextCursor != "" || page2.Reports[0].ReportId == page1.Reports[1].ReportId {
		t.Fatalf("page 2: %+v %v", page2, err)
	}
	if _, err := NewListReportsLogic(ctx, s).ListReports(&report.ListReportsRequest{ProjectId: "t1", Cursor: "garbage"}); errs.KindOf(err) != errs.KindInvalid {
		t.Fatalf("bad cursor: %v", err)
	}
	hist, err := NewScoreHistoryLogic(ctx, s).ScoreHistory(&report.ScoreHistoryRequest{ProjectId: "t1", PatientId: "S-001", Instrument: "phq-9"})
	if err != nil || len(hist.Points) != 3 {
		t.Fatalf("history: %+v %v", hist, err)
	}
}

func isReason(err error, reason string) bool {
	e, ok := errs.As(err)
	return ok && e.Reason == reason && e.Kind == errs.KindInvalid
}
