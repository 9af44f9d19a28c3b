package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v4"
	"github.com/openepro/epro/common/testkit"
	"github.com/openepro/epro/user-rpc/user"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func testReportAuth(t *testing.T, w *world) {
	body := `{"patientId":"A1-001","score":10}`
	if env := must(t, 401, "POST", w.url("/v1/report"), "", body).envelope(t); env.Reason != "UNAUTHENTICATED" {
		t.Fatalf("no token: %+v", env)
	}
	if env := must(t, 403, "POST", w.url("/v1/report"), w.patientA2, body).envelope(t); env.Reason != "PERMISSION_DENIED" {
		t.Fatalf("another participant's id: %+v", env)
	}
	must(t, 403, "POST", w.url("/v1/report"), w.pi, body) // staff do not submit ePRO reports
}

func sign(t *testing.T, secret string, claims jwt.MapClaims) string {
	t.Helper()
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func testAuthentication(t *testing.T, w *world) {
	// wrong password and unknown user: the same 401
	for _, c := range [][2]string{{"pi", "wrong password 123"}, {"nobody-here", "whatever password"}} {
		r := must(t, 401, "POST", w.url("/api/v1/auth/login"), "", map[string]string{"username": c[0], "password": c[1]})
		if env := r.envelope(t); env.Reason != "INVALID_CREDENTIALS" {
			t.Fatalf("%s: %+v", c[0], env)
		}
	}
	must(t, 401, "POST", w.url("/api/v1/auth/patient/login"), "", map[string]string{"projectId": "trial-a", "subjectCode": "A1-001", "pin": "000000"})
	must(t, 401, "POST", w.url("/api/v1/auth/patient/login"), "", map[string]string{"projectId": "trial-a", "subjectCode": "B1-001", "pin": "112233"})
	must(t, 400, "POST", w.url("/api/v1/auth/login"), "", map[string]string{"username": "pi"})

	// five failures lock the account: the sixth attempt is 429 even with the right password
	for i := 1; i <= 5; i++ {
		must(t, 401, "POST", w.url("/api/v1/auth/login"), "", map[string]string{"username": "lockme", "password": fmt.Sprintf("wrong-%d-password", i)})
	}
	r := must(t, 429, "POST", w.url("/api/v1/auth/login"), "", map[string]string{"username": "lockme", "password": staffPassword})
	if env := r.envelope(t); env.Reason != "TOO_MANY_ATTEMPTS" {
		t.Fatalf("6th attempt: %+v", env)
	}
	login(t, w.s, "monitor", staffPassword) // other accounts are unaffected

	// tokens: none, expired, tampered, signed with another secret, wrong kind of claims
	projects := w.url("/api/v1/projects")
	now := time.Now()
	good := jwt.MapClaims{"uid": w.staffIDs["pi"], "knd": "staff", "adm": false, "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
	must(t, 200, "GET", projects, sign(t, jwtSecret, good), nil)
	expired := jwt.MapClaims{"uid": w.staffIDs["pi"], "knd": "staff", "iat": now.Add(-2 * time.Hour).Unix(), "exp": now.Add(-time.Hour).Unix()}
	tampered := []byte(w.pi)
	tampered[len(tampered)-3] ^= 0x01
	noKind := jwt.MapClaims{"uid": w.staffIDs["pi"], "exp": now.Add(time.Hour).Unix()}
	for name, tok := range map[string]string{
		"none": "", "expired": sign(t, jwtSecret, expired), "tampered": string(tampered),
		"other secret": sign(t, "another-secret-0123456789", good), "garbage": "not.a.token",
	} {
		r := do(t, "GET", projects, tok, nil)
		if r.status != 401 || r.envelope(t).Reason != "UNAUTHENTICATED" {
			t.Fatalf("%s token: %d %s", name, r.status, r.body)
		}
	}
	if r := do(t, "GET", projects, sign(t, jwtSecret, noKind), nil); r.status != 401 {
		t.Fatalf("token without a kind: %d %s", r.status, r.body)
	}

	// a disabled account cannot log in
	conn, err := grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", w.s.ports["user-rpc"]), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := user.NewUserClient(conn).DisableUser(ctx, &user.DisableUserRequest{UserID: w.staffIDs["crcA2"]}); err != nil {
		t.Fatal(err)
	}
	r = must(t, 401, "POST", w.url("/api/v1/auth/login"), "", map[string]string{"username": "crcA2", "password": staffPassword})
	if env := r.envelope(t); env.Reason != "ACCOUNT_DISABLED" {
		t.Fatalf("disabled: %+v", env)
	}
}

func testAccess(t *testing.T, w *world) {
	a1, a2 := w.participants["A1-001"], w.participants["A2-001"]
	pURL := func(trial string, id int64) string {
		return w.url(fmt.Sprintf("/api/v1/projects/%s/participants/%d", trial, id))
	}

	// trials: each sees its own
	var list struct {
		Projects []struct{ ID, MyRole string } `json:"projects"`
	}
	must(t, 200, "GET", w.url("/api/v1/projects"), w.crcB1, nil).decode(t, &list)
	if len(list.Projects) != 1 || list.Projects[0].ID != "trial-b" || list.Projects[0].MyRole != "CRC" {
		t.Fatalf("crcB1 trials: %+v", list)
	}
	must(t, 403, "GET", w.url("/api/v1/projects/trial-b"), w.crcA1, nil) // a CRC of trial A reading trial B
	must(t, 403, "GET", w.url("/api/v1/projects/trial-b/participants"), w.crcA1, nil)
	must(t, 404, "GET", w.url("/api/v1/projects/no-such"), w.crcA1, nil)

	// site isolation: crcA1 sees A1 only
	var plist struct {
		Participants []struct {
			SubjectCode, Name, Phone string
			DeIdentified             bool
		} `json:"participants"`
	}
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/participants"), w.crcA1, nil).decode(t, &plist)
	if len(plist.Participants) != 1 || plist.Participants[0].SubjectCode != "A1-001" || plist.Participants[0].Phone != "138****5678" {
		t.Fatalf("crcA1 list: %+v", plist)
	}
	must(t, 403, "GET", pURL("trial-a", a2), w.crcA1, nil)
	must(t, 403, "GET", w.url(fmt.Sprintf("/api/v1/projects/trial-a/participants?siteId=%d", w.sites["A2"])), w.crcA1, nil)

	// the PI sees both, masked; reveal shows PHI (audited); a monitor may not reveal
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/participants"), w.pi, nil).decode(t, &plist)
	if len(plist.Participants) != 2 || plist.Participants[1].Name != "欧阳娜娜" {
		t.Fatalf("PI list: %+v", plist)
	}
	var one struct{ Phone, NationalID string }
	must(t, 200, "GET", pURL("trial-a", a1)+"?reveal=true", w.pi, nil).decode(t, &one)
	if one.Phone != "13812345678" {
		t.Fatalf("revealed: %+v", one)
	}
	must(t, 200, "GET", pURL("trial-a", a1), w.monitor, nil).decode(t, &one)
	if one.Phone != "138****5678" {
		t.Fatalf("monitor sees %+v", one)
	}
	must(t, 403, "GET", pURL("trial-a", a1)+"?reveal=true", w.monitor, nil)

	// the sponsor sees de-identified rows only
	var sponsorList struct {
		Participants []struct {
			SubjectCode, Name, Phone string
			DeIdentified             bool
		} `json:"participants"`
	}
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/participants"), w.sponsor, nil).decode(t, &sponsorList)
	if len(sponsorList.Participants) != 2 {
		t.Fatalf("sponsor list: %+v", sponsorList)
	}
	for _, p := range sponsorList.Participants {
		if !p.DeIdentified || p.Name != "" || p.Phone != "" {
			t.Fatalf("sponsor sees %+v", p)
		}
	}

	// a participant sees only themselves
	must(t, 200, "GET", pURL("trial-a", a1), w.patientA1, nil)
	must(t, 403, "GET", pURL("trial-a", a2), w.patientA1, nil)
	must(t, 403, "GET", pURL("trial-b", w.participants["B1-001"]), w.patientA1, nil)
	must(t, 403, "GET", w.url("/api/v1/projects/trial-a/dashboard"), w.patientA1, nil)

	// a monitor reads and never writes
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a"), w.monitor, nil)
	must(t, 403, "PUT", w.url("/api/v1/projects/trial-a"), w.monitor, map[string]string{"name": "renamed"})
	must(t, 403, "POST", w.url("/api/v1/projects/trial-a/sites"), w.monitor, map[string]string{"code": "X", "name": "x"})
	must(t, 403, "POST", w.url("/api/v1/projects/trial-a/participants"), w.monitor,
		map[string]any{"siteId": w.sites["A1"], "subjectCode": "M-1", "name": "x"})
	must(t, 403, "PUT", pURL("trial-a", a1)+"/pin", w.monitor, map[string]string{"pin": "111111"})
	must(t, 403, "POST", w.url("/api/v1/projects/trial-a/members"), w.monitor, map[string]any{"userId": w.staffIDs["lockme"], "role": "DM"})
	// a CRC cannot enroll at another site, nor add members; only platform admins create trials and accounts
	must(t, 403, "POST", w.url("/api/v1/projects/trial-a/participants"), w.crcA1,
		map[string]any{"siteId": w.sites["A2"], "subjectCode": "X-1", "name": "x"})
	must(t, 403, "POST", w.url("/api/v1/projects"), w.pi, map[string]string{"id": "new-trial", "name": "x"})
	must(t, 403, "POST", w.url("/api/v1/users"), w.pi, map[string]string{"username": "x", "name": "x", "password": staffPassword})

	// the PI updates the trial; PIN changes work for the participant's own site staff
	var p struct{ Name, MyRole string }
	must(t, 200, "PUT", w.url("/api/v1/projects/trial-a"), w.pi, map[string]string{"name": "Trial A (renamed)"}).decode(t, &p)
	if p.Name != "Trial A (renamed)" || p.MyRole != "PI" {
		t.Fatalf("update: %+v", p)
	}
	must(t, 200, "PUT", pURL("trial-a", a1)+"/pin", w.crcA1, map[string]string{"pin": "864200"})
	patientLogin(t, w.s, "trial-a", "A1-001", "864200")
	must(t, 400, "PUT", pURL("trial-a", a1)+"/pin", w.crcA1, map[string]string{"pin": "12"})

	// conflicts and bad input are 4xx naming the field
	r := must(t, 409, "POST", w.url("/api/v1/projects/trial-a/participants"), w.crcA1,
		map[string]any{"siteId": w.sites["A1"], "subjectCode": "A1-001", "name": "dup"})
	if r.envelope(t).Reason != "SUBJECT_CODE_TAKEN" {
		t.Fatalf("duplicate subject: %s", r.body)
	}
	must(t, 409, "POST", w.url("/api/v1/projects/trial-a/members"), w.pi, map[string]any{"userId": w.staffIDs["monitor"], "role": "DM"})
	if env := must(t, 400, "POST", w.url("/api/v1/projects/trial-a/members"), w.pi,
		map[string]any{"userId": w.staffIDs["lockme"], "role": "CRC"}).envelope(t); !strings.Contains(env.Error, "siteId") {
		t.Fatalf("CRC without a site: %+v", env)
	}
	if env := must(t, 400, "POST", w.url("/api/v1/projects/trial-a/members"), w.pi,
		map[string]any{"userId": w.staffIDs["lockme"], "role": "NURSE"}).envelope(t); !strings.Contains(env.Error, "role") {
		t.Fatalf("unknown role: %+v", env)
	}
	if env := must(t, 400, "POST", w.url("/api/v1/projects/trial-a/members"), w.pi,
		map[string]any{"userId": "seven", "role": "DM"}).envelope(t); !strings.Contains(env.Error, "userId") {
		t.Fatalf("string userId: %+v", env)
	}
}

// testHostileStrings sends SQL-injection-like and 10 kB strings in every text field: each is stored exactly as
// data or rejected with a 4xx naming the field, never a 5xx.
func testHostileStrings(t *testing.T, w *world) {
	hostile := []string{"'; DROP TABLE projects; --", `" OR "1"="1`, "Robert'); DELETE FROM users;--", strings.Repeat("x", 10<<10),
		strings.Repeat("痛", 4000), "\u0000\u202e<script>"}
	check := func(what string, r httpResult) {
		if r.status >= 500 || r.status < 200 {
			t.Fatalf("%s: %d %s", what, r.status, r.body)
		}
	}
	for i, h := range hostile {
		check("project name", do(t, "POST", w.url("/api/v1/projects"), w.admin, map[string]string{"id": fmt.Sprintf("h-%d", i), "name": h}))
		check("project id", do(t, "POST", w.url("/api/v1/projects"), w.admin, map[string]string{"id": h, "name": "x"}))
		check("site", do(t, "POST", w.url("/api/v1/projects/trial-a/sites"), w.pi, map[string]string{"code": h, "name": h}))
		check("site name", do(t, "POST", w.url("/api/v1/projects/trial-a/sites"), w.pi, map[string]string{"code": fmt.Sprintf("H%d", i), "name": h}))
		check("participant", do(t, "POST", w.url("/api/v1/projects/trial-a/participants"), w.pi, map[string]any{
			"siteId": w.sites["A1"], "subjectCode": h, "name": h, "phone": h, "nationalId": h, "arm": h}))
		check("participant name", do(t, "POST", w.url("/api/v1/projects/trial-a/participants"), w.pi, map[string]any{
			"siteId": w.sites["A1"], "subjectCode": fmt.Sprintf("H-%d", i), "name": h, "arm": "x"}))
		check("staff", do(t, "POST", w.url("/api/v1/users"), w.admin, map[string]string{"username": h, "name": h, "password": h, "phone": h}))
		check("login", do(t, "POST", w.url("/api/v1/auth/login"), "", map[string]string{"username": h, "password": h}))
		check("patient login", do(t, "POST", w.url("/api/v1/auth/patient/login"), "", map[string]string{"projectId": h, "subjectCode": h, "pin": h}))
		check("notes", do(t, "POST", w.url("/v1/report"), w.patientA1, map[string]any{"score": 1, "notes": h}))
		check("project path", do(t, "GET", w.url("/api/project/"+url.PathEscape(h)+"/members"), w.admin, nil))
	}
	// what was accepted reads back exactly
	var p struct{ Name string }
	must(t, 200, "GET", w.url("/api/v1/projects/h-0"), w.admin, nil).decode(t, &p)
	if p.Name != hostile[0] {
		t.Fatalf("stored name %q", p.Name)
	}
	var n int
	if err := testkit.OpenDB(t, w.s.dsn["project-api"]).QueryRow("SELECT COUNT(*) FROM projects").Scan(&n); err != nil || n < 2 {
		t.Fatalf("projects table after injections: %d %v", n, err)
	}
}

func testDashboard(t *testing.T, w *world) {
	var d struct {
		ProjectID          string `json:"projectId"`
		MemberCount        int64  `json:"memberCount"`
		ParticipantsBySite []struct {
			SiteID       int64  `json:"siteId"`
			Code         string `json:"code"`
			Participants int64  `json:"participants"`
		} `json:"participantsBySite"`
		ReportCount   int64 `json:"reportCount"`
		RecentReports []struct {
			SubjectCode string `json:"subjectCode"`
		} `json:"recentReports"`
		OpenAlerts int64 `json:"openAlerts"`
	}
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/dashboard"), w.pi, nil).decode(t, &d)
	if d.MemberCount != 5 || d.ReportCount < 2 || len(d.RecentReports) == 0 || d.OpenAlerts != 0 {
		t.Fatalf("PI dashboard: %+v", d)
	}
	counts := map[string]int64{}
	for _, s := range d.ParticipantsBySite {
		counts[s.Code] = s.Participants
	}
	if counts["A1"] < 1 || counts["A2"] != 1 {
		t.Fatalf("participants by site: %+v", d.ParticipantsBySite)
	}
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/dashboard"), w.crcA1, nil).decode(t, &d)
	for _, s := range d.ParticipantsBySite {
		if s.Code != "A1" {
			t.Fatalf("crcA1 dashboard shows site %s", s.Code)
		}
	}
	for _, r := range d.RecentReports {
		if r.SubjectCode != "A1-001" {
			t.Fatalf("crcA1 dashboard shows %s's report", r.SubjectCode)
		}
	}
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/dashboard"), w.sponsor, nil).decode(t, &d)
	for _, r := range d.RecentReports {
		if r.SubjectCode != "" {
			t.Fatalf("sponsor dashboard shows subject code %s", r.SubjectCode)
		}
	}
	// a trial with nothing yet answers real zeros
	must(t, 200, "POST", w.url("/api/v1/projects"), w.admin, map[string]string{"id": "empty-trial", "name": "Empty"})
	must(t, 200, "GET", w.url("/api/v1/projects/empty-trial/dashboard"), w.admin, nil).decode(t, &d)
	if d.MemberCount != 0 || d.ReportCount != 0 || len(d.ParticipantsBySite) != 0 || d.OpenAlerts != 0 {
		t.Fatalf("empty dashboard: %+v", d)
	}
}

func testAuditRows(t *testing.T, w *world) {
	db := testkit.OpenDB(t, w.s.dsn["project-api"])
	for _, c := range []struct {
		action string
		actor  int64
		role   string
	}{
		{"project.create", 1, "PLATFORM_ADMIN"}, {"site.create", 1, "ADMIN"}, {"member.add", 1, "ADMIN"},
		{"participant.enroll", w.staffIDs["crcA1"], "CRC"}, {"project.update", w.staffIDs["pi"], "PI"},
		{"participant.reveal_phi", w.staffIDs["pi"], "PI"}, {"login", w.staffIDs["pi"], "staff"},
	} {
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor_id = ? AND actor_role = ? AND request_id <> '' AND client_ip <> ''",
			c.action, c.actor, c.role).Scan(&n); err != nil || n == 0 {
			t.Errorf("no audit row for %s by %d/%s (%v)", c.action, c.actor, c.role, err)
		}
	}
	var changes string
	if err := db.QueryRow("SELECT changes FROM audit_log WHERE action = 'project.update' ORDER BY id LIMIT 1").Scan(&changes); err != nil ||
		!strings.Contains(changes, `"name":["Trial trial-a","Trial A (renamed)"]`) {
		t.Errorf("project.update changes %s %v", changes, err)
	}
	var failed int
	_ = db.QueryRow("SELECT COUNT(*) FROM audit_log WHERE action = 'login.failed'").Scan(&failed)
	if failed < 5 {
		t.Errorf("failed logins audited: %d", failed)
	}
	// user-rpc audits identity changes, attributed to the staff member who made them
	var n int
	if err := testkit.OpenDB(t, w.s.dsn["user-rpc"]).QueryRow("SELECT COUNT(*) FROM audit_log WHERE action = 'user.create' AND actor_id = ? AND actor_role = 'CRC'",
		w.staffIDs["crcA1"]).Scan(&n); err != nil || n == 0 {
		t.Errorf("user.create by crcA1 not audited in user-rpc: %d %v", n, err)
	}
}

func testActivationCode(t *testing.T, w *world) {
	b1 := w.participants["B1-001"]
	codeURL := w.url(fmt.Sprintf("/api/v1/projects/trial-b/participants/%d/activation-code", b1))
	must(t, 403, "POST", codeURL, w.crcA1, nil) // not a member of trial B
	must(t, 403, "POST", w.url(fmt.Sprintf("/api/v1/projects/trial-a/participants/%d/activation-code", w.participants["A2-001"])), w.monitor, nil)
	var first, second struct{ Code, ExpiresAt string }
	must(t, 200, "POST", codeURL, w.crcB1, nil).decode(t, &first)
	must(t, 200, "POST", codeURL, w.crcB1, nil).decode(t, &second) // supersedes the first
	if len(second.Code) != 10 || first.Code == second.Code {
		t.Fatalf("codes %q %q", first.Code, second.Code)
	}
	activate := func(code, pin string) httpResult {
		return do(t, "POST", w.url("/api/v1/auth/patient/activate"), "",
			map[string]string{"projectId": "trial-b", "subjectCode": "B1-001", "code": code, "pin": pin})
	}
	if r := activate(first.Code, "975310"); r.status != 401 {
		t.Fatalf("superseded code: %d %s", r.status, r.body)
	}
	if r := activate(second.Code, "12"); r.status != 400 {
		t.Fatalf("weak PIN: %d %s", r.status, r.body)
	}
	if r := activate(strings.ToLower(second.Code), "975310"); r.status != 200 {
		t.Fatalf("activation: %d %s", r.status, r.body)
	}
	patientLogin(t, w.s, "trial-b", "B1-001", "975310")
	if r := activate(second.Code, "864209"); r.status != 401 {
		t.Fatalf("used code: %d %s", r.status, r.body)
	}
}
