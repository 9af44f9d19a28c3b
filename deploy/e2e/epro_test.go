package e2e

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/openepro/epro/common/testkit"
)

const phq9 = "https://openepro.org/fhir/Questionnaire/phq-9|1.0.0"

func phqAnswers(ws ...int) []map[string]any {
	codes := []string{"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"}
	links := []string{"44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"}
	var items []map[string]any
	for i, w := range ws {
		items = append(items, map[string]any{"linkId": links[i],
			"answer": []map[string]any{{"valueCoding": map[string]string{"system": "http://loinc.org", "code": codes[w]}}}})
	}
	return items
}

type submitted struct {
	ReportID  string `json:"reportId"`
	Duplicate bool   `json:"duplicate"`
	Scores    []struct {
		Instrument string `json:"instrument"`
		Total      int    `json:"total"`
		Band       string `json:"band"`
		RuleSetID  string `json:"ruleSetId"`
	} `json:"scores"`
	Alerts []struct {
		AlertID  int64  `json:"alertId"`
		Rule     string `json:"rule"`
		Severity string `json:"severity"`
	} `json:"alerts"`
}

type alertList struct {
	Alerts []struct {
		AlertID        int64  `json:"alertId"`
		SubjectCode    string `json:"subjectCode"`
		Rule           string `json:"rule"`
		Severity       string `json:"severity"`
		Status         string `json:"status"`
		AcknowledgedBy int64  `json:"acknowledgedBy"`
		ResolutionNote string `json:"resolutionNote"`
	} `json:"alerts"`
}

// testQuestionnaireFlow: a participant submits PHQ-9 with item 9 = 1 → an urgent alert the PI sees, acknowledges
// and resolves; a CRC of another site cannot see or touch it.
func testQuestionnaireFlow(t *testing.T, w *world) {
	must(t, 403, "POST", w.url("/api/v1/projects/trial-a/questionnaires/adopt"), w.crcA1, map[string]string{"template": "phq-9"})
	must(t, 200, "POST", w.url("/api/v1/projects/trial-a/questionnaires/adopt"), w.pi, map[string]string{"template": "phq-9"})
	must(t, 409, "POST", w.url("/api/v1/projects/trial-a/questionnaires/adopt"), w.pi, map[string]string{"template": "phq-9"})
	var forms struct {
		Questionnaires []struct{ URL, Definition string } `json:"questionnaires"`
	}
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/questionnaires"), w.patientA1, nil).decode(t, &forms)
	if len(forms.Questionnaires) != 1 || !strings.Contains(forms.Questionnaires[0].Definition, "有不如死掉") {
		t.Fatalf("forms for the participant: %+v", forms)
	}

	csid := uuid.NewString()
	body := map[string]any{"questionnaire": phq9, "items": phqAnswers(0, 1, 0, 1, 0, 0, 0, 0, 1), "clientSubmissionId": csid,
		"authoredAt": "2026-12-03T07:59:12+08:00", "notes": "晚上睡不好"}
	var first, again submitted
	must(t, 200, "POST", w.url("/api/v1/reports"), w.patientA1, body).decode(t, &first)
	if first.Duplicate || len(first.Scores) != 1 || first.Scores[0].Total != 3 || first.Scores[0].Band != "minimal" ||
		first.Scores[0].RuleSetID != "epro-core" || len(first.Alerts) != 1 || first.Alerts[0].Severity != "urgent" {
		t.Fatalf("submission: %+v", first)
	}
	w.phqReport = first.ReportID
	must(t, 200, "POST", w.url("/api/v1/reports"), w.patientA1, body).decode(t, &again) // the app retries
	if !again.Duplicate || again.ReportID != first.ReportID {
		t.Fatalf("retry: %+v vs %+v", again, first)
	}
	must(t, 403, "POST", w.url("/api/v1/reports"), w.pi, body)

	// the PI sees the urgent alert; a CRC of the other site does not, and cannot acknowledge it
	var list alertList
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/alerts?severity=urgent&status=open"), w.pi, nil).decode(t, &list)
	var id int64
	sawAI := false
	for _, a := range list.Alerts {
		if a.SubjectCode == "A1-001" && a.Rule == "phq9.item9" {
			id = a.AlertID
		}
		// the earlier short report of A2-001 ("最近不想活了") was rated urgent by the AI engine
		sawAI = sawAI || a.SubjectCode == "A2-001" && a.Rule == "ai.urgent"
	}
	if id == 0 || !sawAI {
		t.Fatalf("PI alerts: %+v", list)
	}
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/alerts"), w.crcA2, nil).decode(t, &list)
	for _, a := range list.Alerts {
		if a.SubjectCode != "A2-001" {
			t.Fatalf("CRC of site A2 sees %+v", a)
		}
	}
	must(t, 404, "POST", w.url(fmt.Sprintf("/api/v1/projects/trial-a/alerts/%d/acknowledge", id)), w.crcA2, nil)
	must(t, 403, "GET", w.url(fmt.Sprintf("/api/v1/projects/trial-a/alerts?siteId=%d", w.sites["A1"])), w.crcA2, nil)
	must(t, 403, "POST", w.url(fmt.Sprintf("/api/v1/projects/trial-a/alerts/%d/acknowledge", id)), w.monitor, nil)
	must(t, 403, "GET", w.url("/api/v1/projects/trial-a/alerts"), w.sponsor, nil)

	must(t, 409, "POST", w.url(fmt.Sprintf("/api/v1/projects/trial-a/alerts/%d/resolve", id)), w.pi, map[string]string{"note": "x"})
	must(t, 200, "POST", w.url(fmt.Sprintf("/api/v1/projects/trial-a/alerts/%d/acknowledge", id)), w.pi, nil)
	must(t, 400, "POST", w.url(fmt.Sprintf("/api/v1/projects/trial-a/alerts/%d/resolve", id)), w.pi, map[string]string{})
	must(t, 200, "POST", w.url(fmt.Sprintf("/api/v1/projects/trial-a/alerts/%d/resolve", id)), w.pi,
		map[string]string{"note": "Called the participant; safety plan in place"})
	list = alertList{}
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/alerts?status=resolved"), w.pi, nil).decode(t, &list)
	if len(list.Alerts) != 1 || list.Alerts[0].AcknowledgedBy != w.staffIDs["pi"] || list.Alerts[0].ResolutionNote == "" {
		t.Fatalf("resolved: %+v", list)
	}

	// the report: the PI reads it all; the other site's CRC and another participant cannot; the sponsor sees scores only
	var rep struct {
		SubjectCode, Items, Questionnaire, AuthoredAt string
		Scores                                        []struct{ Total int }
		Tasks                                         []struct{ Task, Status string }
		DeIdentified                                  bool
	}
	rURL := w.url("/api/v1/projects/trial-a/reports/" + first.ReportID)
	must(t, 200, "GET", rURL, w.pi, nil).decode(t, &rep)
	if rep.SubjectCode != "A1-001" || rep.Questionnaire != phq9 || !strings.Contains(rep.Items, "44260-8") ||
		rep.AuthoredAt != "2026-12-03T07:59:12+08:00" || len(rep.Scores) != 1 || len(rep.Tasks) != 2 {
		t.Fatalf("report: %+v", rep)
	}
	must(t, 403, "GET", rURL, w.crcA2, nil)
	must(t, 403, "GET", rURL, w.patientA2, nil)
	must(t, 200, "GET", rURL, w.patientA1, nil)
	must(t, 200, "GET", rURL, w.sponsor, nil).decode(t, &rep)
	if !rep.DeIdentified || rep.SubjectCode != "" || rep.Items != "" {
		t.Fatalf("sponsor report: %+v", rep)
	}
	var page struct {
		Reports []struct{ ReportID, SubjectCode string } `json:"reports"`
	}
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/reports?questionnaire=https://openepro.org/fhir/Questionnaire/phq-9"), w.crcA2, nil).decode(t, &page)
	if len(page.Reports) != 0 {
		t.Fatalf("CRC A2 lists %+v", page)
	}
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/reports?questionnaire=https://openepro.org/fhir/Questionnaire/phq-9"), w.crcA1, nil).decode(t, &page)
	if len(page.Reports) != 1 || page.Reports[0].ReportID != first.ReportID {
		t.Fatalf("CRC A1 lists %+v", page)
	}
	var hist struct {
		Points []struct{ Total int } `json:"points"`
	}
	must(t, 200, "GET", w.url(fmt.Sprintf("/api/v1/projects/trial-a/participants/%d/scores?instrument=phq-9", w.participants["A1-001"])), w.pi, nil).decode(t, &hist)
	if len(hist.Points) != 1 || hist.Points[0].Total != 3 {
		t.Fatalf("history: %+v", hist)
	}

	// bad input: 4xx naming the path, never 5xx
	bad := func(mutate func(map[string]any), status int, mention string) {
		t.Helper()
		b := map[string]any{"questionnaire": phq9, "items": phqAnswers(0, 0, 0, 0, 0, 0, 0, 0, 0), "clientSubmissionId": uuid.NewString(),
			"authoredAt": "2026-12-03T08:00:00+08:00"}
		mutate(b)
		r := do(t, "POST", w.url("/api/v1/reports"), w.patientA1, b)
		if r.status != status || !strings.Contains(r.envelope(t).Error, mention) {
			t.Fatalf("want %d mentioning %q, got %d %s", status, mention, r.status, r.body)
		}
	}
	bad(func(b map[string]any) { b["questionnaire"] = "https://openepro.org/fhir/Questionnaire/phq-9|2.0.0" }, 400, "questionnaire")
	bad(func(b map[string]any) { b["questionnaire"] = "https://openepro.org/fhir/Questionnaire/gad-7|1.0.0" }, 400, "questionnaire")
	bad(func(b map[string]any) { b["items"] = phqAnswers(0, 0, 0) }, 400, `required item "44254-1"`)
	bad(func(b map[string]any) {
		items := phqAnswers(0, 0, 0, 0, 0, 0, 0, 0, 0)
		items[8]["answer"] = []map[string]any{{"valueInteger": 1}}
		b["items"] = items
	}, 400, "item[8].answer[0]")
	bad(func(b map[string]any) {
		items := phqAnswers(0, 0, 0, 0, 0, 0, 0, 0, 0)
		items[8]["answer"] = []map[string]any{{"valueCoding": map[string]string{"code": "LA1234-5"}}}
		b["items"] = items
	}, 400, "item[8].answer[0].valueCoding")
	bad(func(b map[string]any) { b["items"] = append(phqAnswers(0, 0, 0, 0, 0, 0, 0, 0, 0), phqAnswers(1)...) }, 400, "item[9].linkId")
	bad(func(b map[string]any) { b["clientSubmissionId"] = "" }, 400, "clientSubmissionId")
	bad(func(b map[string]any) { b["items"] = "not a list" }, 400, "items")
	bad(func(b map[string]any) { b["notes"] = strings.Repeat("x", 10<<20) }, 413, "at most")
}

// testOutboxSurvivesOutagesAndRestarts: the AI task of reports submitted while ai-gateway is down stays pending and
// is retried; report-rpc is killed mid-task and a second instance runs beside it; when ai-gateway is back every
// task is done exactly once (ai-gateway records one assessment per report).
func testOutboxSurvivesOutagesAndRestarts(t *testing.T, w *world) {
	s := w.s
	reports := testkit.OpenDB(t, s.dsn["report-rpc"])
	s.stop("ai-gateway")
	var ids []string
	for i := range 10 {
		ids = append(ids, submit(t, w, w.patientA1, fmt.Sprintf(`{"score":%d,"notes":"outage %d"}`, i, i)).ReportID)
	}
	deadline := time.Now().Add(15 * time.Second)
	for tasks(t, reports, ids[0])["ai"].attempts < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("no retries while ai-gateway is down: %+v\n%s", tasks(t, reports, ids[0]), s.logs())
		}
		time.Sleep(100 * time.Millisecond)
	}
	// report-rpc dies without warning; a second instance starts beside the restarted first
	s.procs["report-rpc"].Stop(syscall.SIGKILL, time.Second)
	s.start("report-rpc")
	s.startAs("report-rpc-2", "report-rpc")
	s.start("ai-gateway")
	for _, id := range ids {
		ts := waitTasks(t, s, reports, id, 60*time.Second)
		if ts["ai"].attempts < 2 {
			t.Fatalf("report %s: ai attempts %d", id, ts["ai"].attempts)
		}
	}
	var dups int
	if err := testkit.OpenDB(t, s.dsn["ai-gateway"]).QueryRow(
		"SELECT COUNT(*) FROM (SELECT report_id FROM assessments GROUP BY report_id HAVING COUNT(*) > 1) d").Scan(&dups); err != nil || dups != 0 {
		t.Fatalf("%d reports assessed more than once (%v)", dups, err)
	}
	s.stop("report-rpc-2")
}
