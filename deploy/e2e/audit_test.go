package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/testkit"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

type auditEntry struct {
	Source, OccurredAt, ActorRole, Action, EntityType, EntityID, Reason, Hash string
	ID, Seq, ActorID                                                          int64
	Changes                                                                   map[string][2]any
}

type auditPage struct {
	Entries    []auditEntry
	NextCursor string
}

type auditVerify struct {
	Intact bool
	Chains []struct {
		Source              string
		Rows, HeadSeq       int64
		Intact              bool
		BrokenID, BrokenSeq int64
		BrokenReason        string
	}
}

// testAuditTrail: a trial's audit trail reads as one list across the gateway's and report-rpc's databases, is
// permission-checked, pages completely, refuses UPDATE and DELETE, and its verification names the altered row.
func testAuditTrail(t *testing.T, w *world) {
	const trial = "trial-audit"
	base := w.url("/api/v1/projects/" + trial)
	must(t, 200, "POST", w.url("/api/v1/projects"), w.admin, map[string]string{"id": trial, "name": "Audit trial"})
	var site struct{ SiteID int64 }
	must(t, 200, "POST", base+"/sites", w.admin, map[string]string{"code": "AU1", "name": "Site AU1"}).decode(t, &site)
	must(t, 200, "POST", base+"/members", w.admin, map[string]any{"userId": w.staffIDs["pi"], "role": "PI"})
	must(t, 200, "POST", base+"/members", w.admin, map[string]any{"userId": w.staffIDs["monitor"], "role": "MONITOR"})
	must(t, 200, "POST", base+"/members", w.admin, map[string]any{"userId": w.staffIDs["crcA1"], "role": "CRC", "siteId": site.SiteID})
	must(t, 200, "POST", base+"/questionnaires/adopt", w.pi, map[string]string{"template": "gad-7"})
	must(t, 200, "PUT", base+"/alert-settings", w.pi, map[string]any{"ackDeadlineMinutes": 30})

	// scores are clinical data: re-scoring without a reason for change is refused, naming the field
	r := must(t, 400, "POST", base+"/rescore", w.pi, map[string]string{})
	if env := r.envelope(t); env.Reason != "REASON_REQUIRED" || !strings.Contains(env.Error, "reason") {
		t.Fatalf("rescore without a reason: %+v", env)
	}
	must(t, 400, "POST", base+"/rescore", w.pi, map[string]string{"reason": "   "})
	must(t, 200, "POST", base+"/rescore", w.pi, map[string]string{"reason": "rule set update"})

	// who may read it: PI and monitor yes; a site-level CRC no; a non-member no
	must(t, 403, "GET", base+"/audit", w.crcA1, nil)
	must(t, 403, "GET", base+"/audit", w.crcB1, nil)
	must(t, 403, "GET", base+"/audit/verify", w.sponsor, nil)
	must(t, 404, "GET", w.url("/api/v1/projects/no-such-trial/audit"), w.admin, nil)
	must(t, 200, "GET", base+"/audit", w.monitor, nil)

	var all auditPage
	must(t, 200, "GET", base+"/audit?limit=500", w.pi, nil).decode(t, &all)
	actions := map[string]auditEntry{}
	for i, e := range all.Entries {
		actions[e.Source+":"+e.Action] = e
		if i > 0 && e.OccurredAt > all.Entries[i-1].OccurredAt {
			t.Fatalf("not newest first at %d: %s after %s", i, e.OccurredAt, all.Entries[i-1].OccurredAt)
		}
		if len(e.Hash) != 64 || e.Seq < 1 {
			t.Fatalf("entry without its chain link: %+v", e)
		}
	}
	for _, want := range []string{"project:project.create", "project:site.create", "project:member.add",
		"report:questionnaire.create", "report:settings.update"} {
		if _, ok := actions[want]; !ok {
			t.Errorf("audit trail lacks %s: %+v", want, all.Entries)
		}
	}
	if e := actions["report:settings.update"]; e.ActorID != w.staffIDs["pi"] || e.ActorRole != "PI" {
		t.Errorf("settings.update attributed to %d/%s", e.ActorID, e.ActorRole)
	}
	if e := actions["project:project.create"]; e.Changes["name"][1] != "Audit trial" {
		t.Errorf("project.create changes: %+v", e.Changes)
	}

	// pages of 2 walk the same rows, each once
	seen := map[string]bool{}
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 50 {
			t.Fatal("audit paging does not end")
		}
		var p auditPage
		must(t, 200, "GET", base+"/audit?limit=2&cursor="+url.QueryEscape(cursor), w.pi, nil).decode(t, &p)
		for _, e := range p.Entries {
			k := fmt.Sprint(e.Source, e.ID)
			if seen[k] {
				t.Fatalf("%s on two pages", k)
			}
			seen[k] = true
		}
		if cursor = p.NextCursor; cursor == "" {
			break
		}
	}
	if len(seen) != len(all.Entries) {
		t.Fatalf("paging saw %d rows, one page of 500 %d", len(seen), len(all.Entries))
	}
	var members auditPage
	must(t, 200, "GET", base+"/audit?action=member.add", w.pi, nil).decode(t, &members)
	if len(members.Entries) != 3 {
		t.Fatalf("filter action=member.add: %+v", members.Entries)
	}
	for _, bad := range []string{"limit=0x", "limit=501", "from=yesterday", "cursor=abc"} {
		if env := must(t, 400, "GET", base+"/audit?"+bad, w.pi, nil).envelope(t); env.Reason == "" {
			t.Errorf("%s: %+v", bad, env)
		}
	}

	var v auditVerify
	must(t, 200, "GET", base+"/audit/verify", w.monitor, nil).decode(t, &v)
	if !v.Intact || len(v.Chains) != 2 || v.Chains[0].Rows < 4 || v.Chains[1].Rows < 2 {
		t.Fatalf("fresh trail: %+v", v)
	}

	// append-only for the service's own database account too
	pdb := testkit.OpenDB(t, w.s.dsn["project-api"])
	siteRow := actions["project:site.create"].ID
	for _, q := range []string{"UPDATE audit_log SET reason = 'x' WHERE id = ?", "DELETE FROM audit_log WHERE id = ?"} {
		if _, err := pdb.Exec(q, siteRow); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// someone with the TRIGGER privilege removes the guard and edits a row: the verification names that row
	if _, err := pdb.Exec("DROP TRIGGER audit_log_no_update"); err != nil {
		t.Fatal(err)
	}
	if _, err := pdb.Exec(`UPDATE audit_log SET changes = '{"name":[null,"Site XX"]}' WHERE id = ?`, siteRow); err != nil {
		t.Fatal(err)
	}
	must(t, 200, "GET", base+"/audit/verify", w.pi, nil).decode(t, &v)
	if c := v.Chains[0]; v.Intact || c.Source != "project" || c.Intact || c.BrokenID != siteRow || !strings.Contains(c.BrokenReason, "altered") {
		t.Fatalf("altered row %d: %+v", siteRow, v)
	}
	if !v.Chains[1].Intact {
		t.Fatalf("report chain should still hold: %+v", v.Chains[1])
	}
	// and deleting the newest row of report-rpc's chain is noticed at the chain's head
	rdb := testkit.OpenDB(t, w.s.dsn["report-rpc"])
	if _, err := rdb.Exec("DROP TRIGGER audit_log_no_delete"); err != nil {
		t.Fatal(err)
	}
	if _, err := rdb.Exec("DELETE FROM audit_log WHERE project_id = ? ORDER BY id DESC LIMIT 1", trial); err != nil {
		t.Fatal(err)
	}
	must(t, 200, "GET", base+"/audit/verify", w.pi, nil).decode(t, &v)
	if c := v.Chains[1]; c.Intact || !strings.Contains(c.BrokenReason, "head") {
		t.Fatalf("deleted newest report row: %+v", v.Chains[1])
	}
}

// testEveryMutationAudited runs last: every kind of change the earlier subtests made has its audit row in the
// database of the service that made it, and every trial's chain in every service's database holds (apart from the
// trial whose rows testAuditTrail altered on purpose).
func testEveryMutationAudited(t *testing.T, w *world) {
	want := map[string][]string{
		"user-rpc":    {"user.bootstrap_admin", "user.create", "user.set_password"},
		"project-api": {"project.create", "project.update", "site.create", "member.add", "participant.enroll", "participant.activation_code", "participant.reveal_phi", "login", "login.failed", "download.report_pdf", "download.attachment", "export.csv", "export.odm", "export.fhir", "signature.failed"},
		// (settings.update and score.rescore happen only in trial-audit, whose newest rows testAuditTrail deletes;
		// report-rpc's logic tests check their audit rows)
		"report-rpc": {"report.create", "questionnaire.create", "alert.acknowledge", "alert.resolve", "alert.raise", "report.correct", "signature.sign"},
		"pdf-rpc":    {"attachment.store", "document.store"},
		"ai-gateway": {"assessment.record"},
	}
	for svc, actions := range want {
		db := testkit.OpenDB(t, w.s.dsn[svc])
		for _, a := range actions {
			var n int
			if err := db.QueryRow("SELECT COUNT(*) FROM audit_log WHERE action = ?", a).Scan(&n); err != nil || n == 0 {
				t.Errorf("%s: no %s audit row (%v)", svc, a, err)
			}
		}
		rows, err := db.Query("SELECT DISTINCT project_id FROM audit_log")
		if err != nil {
			t.Fatal(err)
		}
		var projects []string
		for rows.Next() {
			var p string
			_ = rows.Scan(&p)
			projects = append(projects, p)
		}
		rows.Close()
		conn := sqlx.NewMysql(w.s.dsn[svc])
		for _, p := range projects {
			if p == "trial-audit" {
				continue
			}
			v, err := audit.Verify(context.Background(), conn, p)
			if err != nil || v.Break != nil || v.Rows == 0 {
				t.Errorf("%s: chain of %q: %+v %v", svc, p, v, err)
			}
		}
	}
}
