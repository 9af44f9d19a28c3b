package e2e

import (
	"strings"
	"testing"

	"github.com/openepro/epro/common/testkit"
)

type versions struct {
	ReportID       string
	CurrentVersion int
	Versions       []struct {
		Version                         int
		Items                           []map[string]any
		Reason, AuthorRole, ContentHash string
		AuthorID                        int64
		Scores                          []struct {
			Total   int64
			Band    string
			Current bool
		}
	}
	Signatures []signature
}

type signature struct {
	Version                                                    int
	PrintedName, Meaning, SignedAt, ContentHash, InvalidReason string
	Valid                                                      bool
}

// testCorrectionsAndSignatures: a PI signs a report (ID + password on the session's first signing, the password
// after), a CRC corrects it with a reason as a new version, the original stays readable, the scores are
// recomputed, and the signatures show as invalidated; every step is audited.
func testCorrectionsAndSignatures(t *testing.T, w *world) {
	if w.phqReport == "" {
		t.Skip("needs the PHQ-9 report of the questionnaire subtest")
	}
	base := w.url("/api/v1/projects/trial-a/reports/" + w.phqReport)
	var v versions
	must(t, 200, "GET", base+"/versions", w.pi, nil).decode(t, &v)
	if v.CurrentVersion != 1 || len(v.Versions) != 1 || len(v.Signatures) != 0 || len(v.Versions[0].ContentHash) != 64 {
		t.Fatalf("fresh report: %+v", v)
	}
	must(t, 403, "GET", base+"/versions", w.sponsor, nil)   // de-identified only
	must(t, 403, "GET", base+"/versions", w.crcA2, nil)     // another site
	must(t, 200, "GET", base+"/versions", w.patientA1, nil) // their own report
	must(t, 403, "GET", base+"/versions", w.patientA2, nil) // someone else's
	must(t, 404, "GET", w.url("/api/v1/projects/trial-b/reports/"+w.phqReport+"/versions"), w.admin, nil)

	sign := func(token string, body map[string]string) httpResult {
		return do(t, "POST", base+"/signatures", token, body)
	}
	// §11.200: the first signing of a session needs the user ID as well as the password
	if r := sign(w.pi, map[string]string{"meaning": "reviewed", "password": staffPassword}); r.status != 400 || r.envelope(t).Reason != "USERNAME_REQUIRED" {
		t.Fatalf("first signing without the user ID: %d %s", r.status, r.body)
	}
	if r := sign(w.pi, map[string]string{"meaning": "reviewed", "username": "pi", "password": "wrong password 42"}); r.status != 403 || r.envelope(t).Reason != "SIGNATURE_REJECTED" {
		t.Fatalf("wrong password: %d %s", r.status, r.body)
	}
	if r := sign(w.pi, map[string]string{"meaning": "reviewed", "username": "crcA1", "password": staffPassword}); r.status != 403 {
		t.Fatalf("someone else's credentials: %d %s", r.status, r.body)
	}
	if r := sign(w.pi, map[string]string{"meaning": "authored", "username": "pi", "password": staffPassword}); r.status != 400 {
		t.Fatalf("unknown meaning: %d %s", r.status, r.body)
	}
	must(t, 403, "POST", base+"/signatures", w.crcA1, map[string]string{"meaning": "reviewed", "username": "crcA1", "password": staffPassword})
	var s1, s2 signature
	must(t, 200, "POST", base+"/signatures", w.pi, map[string]string{"meaning": "reviewed", "username": "pi", "password": staffPassword}).decode(t, &s1)
	if !s1.Valid || s1.Version != 1 || s1.PrintedName != "李伟" || s1.Meaning != "reviewed" || !strings.HasSuffix(s1.SignedAt, "Z") ||
		s1.ContentHash != v.Versions[0].ContentHash {
		t.Fatalf("signature: %+v", s1)
	}
	// later in the same session the password alone signs
	must(t, 200, "POST", base+"/signatures", w.pi, map[string]string{"meaning": "approved", "password": staffPassword}).decode(t, &s2)
	if !s2.Valid || s2.Meaning != "approved" {
		t.Fatalf("second signature: %+v", s2)
	}

	// corrections: by site staff of the report's site, with a reason, against the questionnaire
	corrected := phqAnswers(2, 1, 0, 1, 0, 0, 0, 0, 1)
	must(t, 403, "POST", base+"/corrections", w.monitor, map[string]any{"items": corrected, "reason": "x"})
	must(t, 403, "POST", base+"/corrections", w.crcA2, map[string]any{"items": corrected, "reason": "x"})
	if r := must(t, 400, "POST", base+"/corrections", w.crcA1, map[string]any{"items": corrected}); r.envelope(t).Reason != "REASON_REQUIRED" {
		t.Fatalf("correction without a reason: %s", r.body)
	}
	if r := must(t, 400, "POST", base+"/corrections", w.crcA1, map[string]any{"items": phqAnswers(0, 0, 0), "reason": "paper diary"}); !strings.Contains(r.envelope(t).Error, "44254-1") {
		t.Fatalf("invalid corrected answers: %s", r.body)
	}
	must(t, 409, "POST", base+"/corrections", w.crcA1, map[string]any{"items": phqAnswers(0, 1, 0, 1, 0, 0, 0, 0, 1), "reason": "no change"})
	var c struct {
		Version int
		Scores  []struct {
			Total int64
			Band  string
		}
		Changes map[string]string
	}
	must(t, 200, "POST", base+"/corrections", w.crcA1, map[string]any{"items": corrected,
		"reason": "transcribed from the paper diary: item 1 was ticked 'more than half the days'"}).decode(t, &c)
	if c.Version != 2 || len(c.Scores) != 1 || c.Scores[0].Total != 5 || c.Scores[0].Band != "mild" || len(c.Changes) != 1 {
		t.Fatalf("correction: %+v", c)
	}

	must(t, 200, "GET", base+"/versions", w.pi, nil).decode(t, &v)
	if v.CurrentVersion != 2 || len(v.Versions) != 2 {
		t.Fatalf("versions after the correction: %+v", v)
	}
	v1, v2 := v.Versions[0], v.Versions[1]
	if v1.Reason != "" || v1.Scores[0].Total != 3 || v1.Scores[0].Current || v2.AuthorID != w.staffIDs["crcA1"] || v2.AuthorRole != "CRC" ||
		!strings.HasPrefix(v2.Reason, "transcribed") || v2.Scores[0].Total != 5 || !v2.Scores[0].Current || v1.ContentHash == v2.ContentHash {
		t.Fatalf("versions: %+v", v.Versions)
	}
	// the original answers are still there, as submitted
	if a := v1.Items[0]["answer"].([]any)[0].(map[string]any)["valueCoding"].(map[string]any)["code"]; a == v2.Items[0]["answer"].([]any)[0].(map[string]any)["valueCoding"].(map[string]any)["code"] {
		t.Fatalf("version 1 was overwritten: %v", v1.Items[0])
	}
	if len(v.Signatures) != 2 {
		t.Fatalf("signatures: %+v", v.Signatures)
	}
	for _, s := range v.Signatures {
		if s.Valid || !strings.Contains(s.InvalidReason, "corrected to version 2") || s.Version != 1 {
			t.Fatalf("a signature of version 1 after the correction: %+v", s)
		}
	}
	// signing the corrected version holds again
	var s3 signature
	must(t, 200, "POST", base+"/signatures", w.pi, map[string]string{"meaning": "approved", "password": staffPassword}).decode(t, &s3)
	if !s3.Valid || s3.Version != 2 || s3.ContentHash != v2.ContentHash {
		t.Fatalf("signature of version 2: %+v", s3)
	}

	// audited: the correction with its reason and changed answers, the signatures, the rejected attempts
	var all auditPage
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/audit?entityId="+w.phqReport+"&limit=100"), w.pi, nil).decode(t, &all)
	seen := map[string]int{}
	for _, e := range all.Entries {
		seen[e.Action]++
		if e.Action == "report.correct" && (!strings.HasPrefix(e.Reason, "transcribed") || e.ActorRole != "CRC" || e.Changes["version"][1] != float64(2)) {
			t.Errorf("report.correct row: %+v", e)
		}
	}
	if seen["report.create"] != 1 || seen["report.correct"] != 1 || seen["signature.sign"] != 3 || seen["signature.failed"] != 2 {
		t.Fatalf("audit of report %s: %v", w.phqReport, seen)
	}
	var verify auditVerify
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/audit/verify"), w.pi, nil).decode(t, &verify)
	if !verify.Intact {
		t.Fatalf("trial-a audit chain: %+v", verify)
	}
	// the stored original row is untouched in the database too
	var items string
	if err := testkit.OpenDB(t, w.s.dsn["report-rpc"]).QueryRow("SELECT items FROM reports WHERE id = ?", w.phqReport).Scan(&items); err != nil ||
		!strings.Contains(items, `"LA6568-5"`) {
		t.Fatalf("reports.items after the correction: %s %v", items, err)
	}
}
