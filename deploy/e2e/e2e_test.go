package e2e

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/openepro/epro/common/errx"
	"github.com/openepro/epro/common/testkit"
	"github.com/openepro/epro/user-rpc/user"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	reflectpb "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"
)

func TestSuiteEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: starts etcd, Redis and five services")
	}
	s := startStack(t)
	w := newWorld(t, s)

	t.Run("report accepted only after commit, tasks done", func(t *testing.T) { testReport(t, w) })
	t.Run("report needs the participant's own token", func(t *testing.T) { testReportAuth(t, w) })
	t.Run("bad report input", func(t *testing.T) { testBadInput(t, w) })
	t.Run("members", func(t *testing.T) { testMembers(t, w) })
	t.Run("questionnaires, alerts and reports", func(t *testing.T) { testQuestionnaireFlow(t, w) })
	t.Run("photos and PDF summaries", func(t *testing.T) { testPhotosAndPDF(t, w) })
	t.Run("authentication", func(t *testing.T) { testAuthentication(t, w) })
	t.Run("access control", func(t *testing.T) { testAccess(t, w) })
	t.Run("activation code", func(t *testing.T) { testActivationCode(t, w) })
	t.Run("hostile strings are data", func(t *testing.T) { testHostileStrings(t, w) })
	t.Run("dashboard", func(t *testing.T) { testDashboard(t, w) })
	t.Run("audit rows", func(t *testing.T) { testAuditRows(t, w) })
	t.Run("corrections and e-signatures", func(t *testing.T) { testCorrectionsAndSignatures(t, w) })
	t.Run("exports: CSV, ODM, FHIR, de-identified", func(t *testing.T) { testExports(t, w) })
	t.Run("audit trail: one list, hash chain, append-only", func(t *testing.T) { testAuditTrail(t, w) })
	t.Run("user rpc over grpc", func(t *testing.T) { testUserRPC(t, s) })
	t.Run("ai gateway: urgent notes, governance, external model", func(t *testing.T) { testAIGateway(t, w) })
	t.Run("pdf outage keeps the report and retries", func(t *testing.T) { testPDFOutage(t, w) })
	t.Run("outbox survives outages and restarts", func(t *testing.T) { testOutboxSurvivesOutagesAndRestarts(t, w) })
	t.Run("every mutation audited, every chain intact", func(t *testing.T) { testEveryMutationAudited(t, w) })
	t.Run("no PHI in any service log", func(t *testing.T) { testNoPHIInLogs(t, w) })
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatal(err)
	}
}

type reportAck struct {
	Status         string `json:"status"`
	ReportID       string `json:"reportId"`
	PatientID      string `json:"patientId"`
	ProcessedNotes string `json:"processedNotes"`
}

func submit(t *testing.T, w *world, token, body string) reportAck {
	t.Helper()
	r := do(t, "POST", w.url("/v1/report"), token, body)
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s\n%s", r.status, r.body, w.s.logs())
	}
	var ack reportAck
	if err := json.Unmarshal(r.body, &ack); err != nil {
		t.Fatalf("ack %s: %v", r.body, err)
	}
	return ack
}

type taskRow struct {
	status   string
	attempts int
	result   string
}

func tasks(t *testing.T, db *sql.DB, reportID string) map[string]taskRow {
	t.Helper()
	rows, err := db.Query("SELECT task, status, attempts, result FROM report_tasks WHERE report_id = ?", reportID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]taskRow{}
	for rows.Next() {
		var name string
		var r taskRow
		if err := rows.Scan(&name, &r.status, &r.attempts, &r.result); err != nil {
			t.Fatal(err)
		}
		out[name] = r
	}
	return out
}

func waitTasks(t *testing.T, s *stack, db *sql.DB, reportID string, timeout time.Duration) map[string]taskRow {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ts := tasks(t, db, reportID)
		if ts["ai"].status == "done" && ts["pdf"].status == "done" {
			return ts
		}
		if time.Now().After(deadline) {
			t.Fatalf("tasks of %s not done after %s: %+v\n%s", reportID, timeout, ts, s.logs())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func testReport(t *testing.T, w *world) {
	s := w.s
	reports := testkit.OpenDB(t, s.dsn["report-rpc"])
	ack := submit(t, w, w.patientA1, `{"patientId":"A1-001","score":85,"notes":"Patient shows steady improvement"}`)
	if ack.Status != "processed" || ack.PatientID != "A1-001" || ack.ProcessedNotes != "Validated: Patient shows steady improvement" || ack.ReportID == "" {
		t.Fatalf("ack %+v", ack)
	}
	// the acknowledged report is committed: readable at once from another connection
	var patient, notes, project string
	var score int
	var site int64
	if err := reports.QueryRow("SELECT patient_id, score, notes, project_id, site_id FROM reports WHERE id = ?", ack.ReportID).
		Scan(&patient, &score, &notes, &project, &site); err != nil {
		t.Fatalf("acknowledged report %s not in MariaDB: %v", ack.ReportID, err)
	}
	if patient != "A1-001" || score != 85 || notes != "Patient shows steady improvement" || project != "trial-a" || site != w.sites["A1"] {
		t.Fatalf("row %s %d %q %s %d", patient, score, notes, project, site)
	}
	ts := waitTasks(t, s, reports, ack.ReportID, 20*time.Second)
	var ai struct{ RiskLevel, EngineVersion string }
	var pdf struct {
		StorageKey, Sha256 string
		SizeBytes          int64
	}
	if err := json.Unmarshal([]byte(ts["ai"].result), &ai); err != nil || ai.RiskLevel != "none" || ai.EngineVersion == "" {
		t.Fatalf("ai result %q: %v", ts["ai"].result, err)
	}
	if err := json.Unmarshal([]byte(ts["pdf"].result), &pdf); err != nil || pdf.StorageKey == "" {
		t.Fatalf("pdf result %q: %v", ts["pdf"].result, err)
	}
	data, err := os.ReadFile(filepath.Join(s.storage, filepath.FromSlash(pdf.StorageKey)))
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || int64(len(data)) != pdf.SizeBytes {
		t.Fatalf("stored pdf %s: %d bytes, %v", pdf.StorageKey, len(data), err)
	}
	// each service recorded its side in its own database
	var n int
	aiDB := testkit.OpenDB(t, s.dsn["ai-gateway"])
	if err := aiDB.QueryRow("SELECT COUNT(*) FROM assessments WHERE report_id = ?", ack.ReportID).Scan(&n); err != nil || n != 1 {
		t.Fatalf("assessments for the report: %d, %v", n, err)
	}
	pdfDB := testkit.OpenDB(t, s.dsn["pdf-rpc"])
	if err := pdfDB.QueryRow("SELECT COUNT(*) FROM documents WHERE report_id = ? AND sha256 = ?", ack.ReportID, pdf.Sha256).Scan(&n); err != nil || n != 1 {
		t.Fatalf("documents for the report: %d, %v", n, err)
	}

	// urgent free text is flagged by the built-in engine
	// patientId may be left out: it is the token's participant
	urgent := submit(t, w, w.patientA2, `{"score":10,"notes":"最近不想活了"}`)
	if urgent.PatientID != "A2-001" {
		t.Fatalf("patientId from the token: %+v", urgent)
	}
	ts = waitTasks(t, s, reports, urgent.ReportID, 20*time.Second)
	if !strings.Contains(ts["ai"].result, `"riskLevel":"urgent"`) {
		t.Fatalf("urgent notes assessed as %s", ts["ai"].result)
	}
}

func testBadInput(t *testing.T, w *world) {
	s := w.s
	const secret = "13812345678"
	tests := []struct {
		name        string
		contentType string
		body        string
		status      int
		reason      string
		mention     string
	}{
		{"empty patientId", "application/json", `{"patientId":"","score":5}`, 400, "FIELD_REQUIRED", "patientId"},
		{"missing score", "application/json", `{"patientId":"P-` + secret + `"}`, 400, "FIELD_REQUIRED", "score"},
		{"score not an integer", "application/json", `{"patientId":"A1-001","score":"` + secret + `"}`, 400, "FIELD_TYPE", "score"},
		{"fractional score", "application/json", `{"patientId":"A1-001","score":8.5}`, 400, "FIELD_TYPE", "score"},
		{"score below 0", "application/json", `{"patientId":"A1-001","score":-1}`, 400, "FIELD_RANGE", "score"},
		{"score above 100", "application/json", `{"patientId":"A1-001","score":101}`, 400, "FIELD_RANGE", "score"},
		{"malformed JSON", "application/json", `{"patientId":"` + secret + `",`, 400, "MALFORMED_JSON", "JSON"},
		{"empty body", "application/json", ``, 400, "EMPTY_BODY", "empty"},
		{"not JSON", "text/plain", `patientId=` + secret, 415, "UNSUPPORTED_MEDIA_TYPE", "application/json"},
		{"no content type", "", `{"patientId":"A1-001","score":1}`, 415, "UNSUPPORTED_MEDIA_TYPE", "application/json"},
		{"body over the limit", "application/json", `{"patientId":"A1-001","score":1,"notes":"` + strings.Repeat(secret, 10000) + `"}`, 413, "BODY_TOO_LARGE", "at most"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := postAs(t, s.gateway+"/v1/report", tt.contentType, w.patientA1, []byte(tt.body))
			env := r.envelope(t)
			if r.status != tt.status || env.Reason != tt.reason || !strings.Contains(env.Error, tt.mention) {
				t.Fatalf("got %d %+v, want %d %s mentioning %q", r.status, env, tt.status, tt.reason, tt.mention)
			}
			if bytes.Contains(r.body, []byte(secret)) {
				t.Fatalf("error echoes the request body: %s", r.body)
			}
		})
	}
	// nothing from the rejected requests reached the database
	var n int
	reports := testkit.OpenDB(t, s.dsn["report-rpc"])
	if err := reports.QueryRow("SELECT COUNT(*) FROM reports WHERE patient_id LIKE ?", "%"+secret+"%").Scan(&n); err != nil || n != 0 {
		t.Fatalf("rejected reports stored: %d, %v", n, err)
	}
}

func testMembers(t *testing.T, w *world) {
	r := must(t, 200, "GET", w.url("/api/project/trial-a/members"), w.pi, nil)
	var out struct {
		ProjectID string `json:"projectId"`
		Members   []struct {
			UserID int64  `json:"userId"`
			Name   string `json:"name"`
			Role   string `json:"role"`
		} `json:"members"`
	}
	r.decode(t, &out)
	want := []string{"pi:李伟:PI", "crcA1:王芳:CRC", "crcA2:Zhao Lei:CRC", "monitor:Alex Smith:MONITOR", "sponsor:Sponsor Liaison:SPONSOR"}
	if out.ProjectID != "trial-a" || len(out.Members) != len(want) {
		t.Fatalf("members: %s", r.body)
	}
	for i, m := range out.Members {
		parts := strings.SplitN(want[i], ":", 3)
		if m.UserID != w.staffIDs[parts[0]] || m.Name != parts[1] || m.Role != parts[2] {
			t.Fatalf("member %d: %+v, want %s", i, m, want[i])
		}
	}
	// the seed's response shape, exactly: no extra fields
	if !strings.HasPrefix(string(r.body), `{"projectId":"trial-a","members":[{"userId":`) {
		t.Fatalf("shape: %s", r.body)
	}
	empty := must(t, 200, "GET", w.url("/api/project/trial-b/members"), w.admin, nil)
	if !strings.Contains(string(empty.body), `"role":"CRC"`) {
		t.Fatalf("trial-b members: %s", empty.body)
	}
	r = must(t, 404, "GET", w.url("/api/project/no-such-trial/members"), w.admin, nil)
	if env := r.envelope(t); env.Reason != "PROJECT_NOT_FOUND" {
		t.Fatalf("unknown project: %+v", env)
	}
	must(t, 401, "GET", w.url("/api/project/trial-a/members"), "", nil)
	must(t, 403, "GET", w.url("/api/project/trial-a/members"), w.crcB1, nil)
	must(t, 403, "GET", w.url("/api/project/trial-a/members"), w.patientA1, nil)
}

func testUserRPC(t *testing.T, s *stack) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", s.ports["user-rpc"]), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	c := user.NewUserClient(conn)
	info, err := c.GetUserInfo(ctx, &user.GetUserInfoRequest{UserID: 1})
	if err != nil || info.UserID != 1 || info.Name != "Administrator" {
		t.Fatalf("GetUserInfo(1) = %+v, %v", info, err)
	}
	_, err = c.GetUserInfo(ctx, &user.GetUserInfoRequest{UserID: 999999})
	if status.Code(err) != codes.NotFound || errx.Reason(err) != "USER_NOT_FOUND" {
		t.Fatalf("unknown user: %v (reason %q)", err, errx.Reason(err))
	}
	_, err = c.GetUserInfo(ctx, &user.GetUserInfoRequest{UserID: 0})
	if status.Code(err) != codes.InvalidArgument {
		t.Fatalf("user 0: %v", err)
	}
	// the bootstrap administrator exists
	var n int
	if err := testkit.OpenDB(t, s.dsn["user-rpc"]).QueryRow("SELECT COUNT(*) FROM users WHERE username = 'admin' AND password_hash LIKE '$2%'").Scan(&n); err != nil || n != 1 {
		t.Fatalf("bootstrap admin: %d %v", n, err)
	}

	// standard health service and reflection on every service
	for _, svc := range []string{"user-rpc", "report-rpc", "pdf-rpc", "ai-gateway"} {
		conn, err := grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", s.ports[svc]), grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			t.Fatal(err)
		}
		h, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{})
		if err != nil || h.Status != healthpb.HealthCheckResponse_SERVING {
			t.Fatalf("%s health: %v %v", svc, h, err)
		}
		stream, err := reflectpb.NewServerReflectionClient(conn).ServerReflectionInfo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := stream.Send(&reflectpb.ServerReflectionRequest{MessageRequest: &reflectpb.ServerReflectionRequest_ListServices{}}); err != nil {
			t.Fatal(err)
		}
		resp, err := stream.Recv()
		if err != nil {
			t.Fatalf("%s reflection: %v", svc, err)
		}
		var names []string
		for _, svc := range resp.GetListServicesResponse().GetService() {
			names = append(names, svc.Name)
		}
		if len(names) < 2 {
			t.Fatalf("%s reflection lists %v", svc, names)
		}
		conn.Close()
	}
}

func testPDFOutage(t *testing.T, w *world) {
	s := w.s
	reports := testkit.OpenDB(t, s.dsn["report-rpc"])
	s.stop("pdf-rpc")
	ack := submit(t, w, w.patientA1, `{"score":40,"notes":"pdf-rpc is down"}`)
	// the report is committed and the AI task completes; the PDF task stays pending and is retried
	deadline := time.Now().Add(15 * time.Second)
	for {
		ts := tasks(t, reports, ack.ReportID)
		if ts["ai"].status == "done" && ts["pdf"].status == "pending" && ts["pdf"].attempts >= 2 {
			break
		}
		if ts["pdf"].status == "done" || time.Now().After(deadline) {
			t.Fatalf("during the outage: %+v\n%s", ts, s.logs())
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.start("pdf-rpc")
	ts := waitTasks(t, s, reports, ack.ReportID, 30*time.Second)
	if ts["pdf"].attempts < 2 {
		t.Fatalf("pdf attempts %d", ts["pdf"].attempts)
	}
}

func postAs(t *testing.T, url, contentType, token string, body []byte) httpResult {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return httpResult{resp.StatusCode, b}
}

// testNoPHIInLogs submits a report whose identifiers and notes are canaries and then reads every service's log
// (at info level): none may hold them, whatever go-zero logs by default (SQL, request bodies).
func testNoPHIInLogs(t *testing.T, w *world) {
	s := w.s
	reports := testkit.OpenDB(t, s.dsn["report-rpc"])
	ack := submit(t, w, w.patientA1, `{"score":50,"notes":"PHI-CANARY-P 张三 13812345678 110101199003071234"}`)
	waitTasks(t, s, reports, ack.ReportID, 20*time.Second)
	do(t, "POST", w.url("/v1/report"), w.patientA1, `{"patientId":"PHI-CANARY-P","score":"13812345678"}`)
	// enrolment and reveal carry names, phones and ID numbers through project-api and user-rpc
	if r := do(t, "GET", w.url(fmt.Sprintf("/api/v1/projects/trial-a/participants/%d?reveal=true", w.participants["A1-001"])), w.pi, nil); r.status != 200 {
		t.Fatalf("reveal: %d %s\n%s", r.status, r.body, s.logs())
	}
	time.Sleep(500 * time.Millisecond) // let the loggers flush
	for _, svc := range services {
		b, err := os.ReadFile(s.procs[svc].Log)
		if err != nil {
			t.Fatal(err)
		}
		for _, canary := range []string{"PHI-CANARY-P", "张三", "欧阳娜娜", "13812345678", "110101199003071234", "246810", staffPassword} {
			if bytes.Contains(b, []byte(canary)) {
				t.Errorf("%s log holds %q", svc, canary)
			}
		}
		if len(b) == 0 {
			t.Errorf("%s logged nothing at info level: the check would prove nothing", svc)
		}
	}
}
