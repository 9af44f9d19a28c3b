package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/openepro/epro/common/errx"
)

type httpResult struct {
	status int
	body   []byte
}

func (r httpResult) envelope(t *testing.T) errx.Body {
	t.Helper()
	var env errx.Body
	if err := json.Unmarshal(r.body, &env); err != nil || env.Reason == "" {
		t.Fatalf("status %d, body %q is not the error envelope", r.status, r.body)
	}
	return env
}

func (r httpResult) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("status %d, body %q: %v", r.status, r.body, err)
	}
}

// do sends a request with an optional bearer token and JSON body (a string is sent as is).
func do(t *testing.T, method, url, token string, body any) httpResult {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = bytes.NewReader([]byte(b))
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return httpResult{resp.StatusCode, b}
}

// must sends a request and fails the test unless it answers want.
func must(t *testing.T, want int, method, url, token string, body any) httpResult {
	t.Helper()
	r := do(t, method, url, token, body)
	if r.status != want {
		t.Fatalf("%s %s: status %d, want %d: %s", method, url, r.status, want, r.body)
	}
	return r
}

// world is the trial setup every subtest uses, created through the API as a clinic would.
type world struct {
	s                                         *stack
	admin                                     string
	pi, crcA1, crcA2, monitor, sponsor, crcB1 string // tokens
	staffIDs                                  map[string]int64
	sites                                     map[string]int64
	participants                              map[string]int64 // subject code → participant id
	patientA1, patientA2                      string           // participant tokens
	phqReport                                 string           // A1-001's PHQ-9 report (questionnaire test)
}

func (w *world) url(path string) string { return w.s.gateway + path }

func login(t *testing.T, s *stack, username, password string) string {
	t.Helper()
	r := must(t, 200, "POST", s.gateway+"/api/v1/auth/login", "", map[string]string{"username": username, "password": password})
	var out struct {
		AccessToken string `json:"accessToken"`
		ExpiresIn   int64  `json:"expiresIn"`
		User        struct {
			UserID int64  `json:"userId"`
			Name   string `json:"name"`
		} `json:"user"`
	}
	r.decode(t, &out)
	if out.AccessToken == "" || out.ExpiresIn <= 0 || out.User.UserID <= 0 {
		t.Fatalf("login %s: %s", username, r.body)
	}
	return out.AccessToken
}

func patientLogin(t *testing.T, s *stack, project, subject, pin string) string {
	t.Helper()
	r := must(t, 200, "POST", s.gateway+"/api/v1/auth/patient/login", "",
		map[string]string{"projectId": project, "subjectCode": subject, "pin": pin})
	var out struct {
		AccessToken string `json:"accessToken"`
	}
	r.decode(t, &out)
	return out.AccessToken
}

const staffPassword = "staff-password-e2e"

func newWorld(t *testing.T, s *stack) *world {
	t.Helper()
	w := &world{s: s, staffIDs: map[string]int64{}, sites: map[string]int64{}, participants: map[string]int64{}}
	w.admin = login(t, s, "admin", adminPassword)
	for _, id := range []string{"trial-a", "trial-b"} {
		must(t, 200, "POST", w.url("/api/v1/projects"), w.admin, map[string]string{"id": id, "name": "Trial " + id})
	}
	for _, site := range [][2]string{{"trial-a", "A1"}, {"trial-a", "A2"}, {"trial-b", "B1"}} {
		r := must(t, 200, "POST", w.url("/api/v1/projects/"+site[0]+"/sites"), w.admin, map[string]string{"code": site[1], "name": "Site " + site[1]})
		var out struct {
			SiteID int64 `json:"siteId"`
		}
		r.decode(t, &out)
		w.sites[site[1]] = out.SiteID
	}
	names := map[string]string{"pi": "李伟", "crcA1": "王芳", "crcA2": "Zhao Lei", "monitor": "Alex Smith",
		"sponsor": "Sponsor Liaison", "crcB1": "陈静", "lockme": "Lock Me"}
	for _, u := range []string{"pi", "crcA1", "crcA2", "monitor", "sponsor", "crcB1", "lockme"} {
		r := must(t, 200, "POST", w.url("/api/v1/users"), w.admin,
			map[string]string{"username": u, "name": names[u], "password": staffPassword, "phone": "13900000000"})
		var out struct {
			UserID int64 `json:"userId"`
		}
		r.decode(t, &out)
		w.staffIDs[u] = out.UserID
	}
	for _, m := range []struct {
		trial, user, role, site string
	}{
		{"trial-a", "pi", "PI", ""}, {"trial-a", "crcA1", "CRC", "A1"}, {"trial-a", "crcA2", "CRC", "A2"},
		{"trial-a", "monitor", "MONITOR", ""}, {"trial-a", "sponsor", "SPONSOR", ""}, {"trial-b", "crcB1", "CRC", "B1"},
	} {
		must(t, 200, "POST", w.url("/api/v1/projects/"+m.trial+"/members"), w.admin,
			map[string]any{"userId": w.staffIDs[m.user], "role": m.role, "siteId": w.sites[m.site]})
	}
	w.pi = login(t, s, "pi", staffPassword)
	w.crcA1 = login(t, s, "crcA1", staffPassword)
	w.crcA2 = login(t, s, "crcA2", staffPassword)
	w.monitor = login(t, s, "monitor", staffPassword)
	w.sponsor = login(t, s, "sponsor", staffPassword)
	w.crcB1 = login(t, s, "crcB1", staffPassword)

	enroll := func(token, trial, site, subject, name, pin string) {
		r := must(t, 200, "POST", w.url("/api/v1/projects/"+trial+"/participants"), token, map[string]any{
			"siteId": w.sites[site], "subjectCode": subject, "name": name, "phone": "13812345678",
			"nationalId": "110101199003071234", "pin": pin})
		var out struct {
			ParticipantID int64 `json:"participantId"`
			Phone         string
		}
		r.decode(t, &out)
		if out.Phone != "138****5678" {
			t.Fatalf("enrolment answer shows phone %q", out.Phone)
		}
		w.participants[subject] = out.ParticipantID
	}
	enroll(w.crcA1, "trial-a", "A1", "A1-001", "张三", "246810")
	enroll(w.pi, "trial-a", "A2", "A2-001", "欧阳娜娜", "135790")
	enroll(w.crcB1, "trial-b", "B1", "B1-001", "李四", "112233")
	w.patientA1 = patientLogin(t, s, "trial-a", "A1-001", "246810")
	w.patientA2 = patientLogin(t, s, "trial-a", "A2-001", "135790")
	return w
}

func (w *world) String() string { return fmt.Sprintf("world(%d staff)", len(w.staffIDs)) }
