package e2e

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openepro/epro/common/testkit"
)

type download struct {
	status  int
	header  http.Header
	body    []byte
	variant string
}

func get(t *testing.T, url, token string) download {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: reading the body: %v", url, err)
	}
	return download{status: resp.StatusCode, header: resp.Header, body: body, variant: resp.Header.Get("X-Export-Variant")}
}

// testExports: CSV, ODM (both file types) and FHIR exports through the gateway, validated against the official
// schemas; sponsors get the de-identified variant only, and it names no one; every export is audited with the
// SHA-256 of what was sent.
func testExports(t *testing.T, w *world) {
	base := w.url("/api/v1/projects/trial-a/exports/")
	for _, c := range []struct {
		token, path string
		status      int
	}{
		{w.crcA1, "csv", 403}, {w.monitor, "csv", 403}, {w.patientA1, "csv", 403}, {w.crcB1, "csv", 403},
		{w.pi, "xls", 404}, {w.pi, "csv?type=transactional", 400}, {w.pi, "odm?type=diff", 400},
		{w.pi, "csv?variant=raw", 400}, {w.pi, "csv?from=yesterday", 400}, {w.sponsor, "csv?variant=full", 403},
	} {
		if d := get(t, base+c.path, c.token); d.status != c.status {
			t.Fatalf("%s: %d %s, want %d", c.path, d.status, d.body, c.status)
		}
	}

	// full CSV: one row per report of the trial, current answers
	d := get(t, base+"csv", w.pi)
	if d.status != 200 || !strings.HasPrefix(d.header.Get("Content-Type"), "text/csv") || d.variant != "full" ||
		!strings.Contains(d.header.Get("Content-Disposition"), "attachment") || d.header.Get("Cache-Control") != "no-store" {
		t.Fatalf("csv: %d %v", d.status, d.header)
	}
	rows, err := csv.NewReader(bytes.NewReader(d.body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var phq []string
	for _, r := range rows[1:] {
		if r[col["report_id"]] == w.phqReport {
			phq = r
		}
	}
	if phq == nil || phq[col["subject"]] != "A1-001" || phq[col["site"]] != "A1" || phq[col["44260-8"]] != "LA6569-3" ||
		phq[col["notes"]] != "晚上睡不好" {
		t.Fatalf("PHQ-9 row %v of %d rows (columns %v)", phq, len(rows), rows[0])
	}
	csvSum := sha256.Sum256(d.body)

	// ODM, both file types, validate against the CDISC ODM 1.3.2 XSD; the FHIR R4 Bundle against the official schema
	for _, typ := range []string{"snapshot", "transactional"} {
		for _, who := range []string{w.pi, w.sponsor} {
			d := get(t, base+"odm?type="+typ, who)
			if d.status != 200 || !strings.HasPrefix(d.header.Get("Content-Type"), "application/xml") {
				t.Fatalf("odm %s: %d %s", typ, d.status, d.body)
			}
			testkit.ValidateODM(t, d.body)
			if typ == "transactional" && d.variant == "full" && (!strings.Contains(string(d.body), "<ReasonForChange>transcribed") ||
				!strings.Contains(string(d.body), `SubjectKey="A1-001"`)) && w.phqReport != "" {
				t.Fatalf("transactional ODM lacks the correction's audit record")
			}
			if d.variant == "deidentified" {
				assertNoIdentifiers(t, "odm "+typ, d.body)
			}
		}
	}
	for _, who := range []string{w.pi, w.sponsor} {
		d := get(t, base+"fhir", who)
		if d.status != 200 || !strings.HasPrefix(d.header.Get("Content-Type"), "application/fhir+json") {
			t.Fatalf("fhir: %d %s", d.status, d.body)
		}
		if err := testkit.ValidateFHIR(t, d.body); err != nil {
			t.Fatalf("fhir bundle (%s) does not validate: %v", d.variant, err)
		}
		var b struct {
			Type  string
			Entry []struct{ Resource map[string]any }
		}
		_ = json.Unmarshal(d.body, &b)
		kinds := map[string]int{}
		for _, e := range b.Entry {
			kinds[e.Resource["resourceType"].(string)]++
		}
		if b.Type != "collection" || kinds["Questionnaire"] == 0 || kinds["Patient"] < 2 || kinds["QuestionnaireResponse"] == 0 {
			t.Fatalf("fhir bundle: %s %v", b.Type, kinds)
		}
		if d.variant == "deidentified" {
			assertNoIdentifiers(t, "fhir", d.body)
		}
	}

	// the sponsor's CSV: pseudonymous keys, shifted dates, no free text
	d = get(t, base+"csv", w.sponsor)
	if d.status != 200 || d.variant != "deidentified" {
		t.Fatalf("sponsor csv: %d %s", d.status, d.body)
	}
	assertNoIdentifiers(t, "csv", d.body)
	rows, _ = csv.NewReader(bytes.NewReader(d.body)).ReadAll()
	if _, hasNotes := col["notes"]; !hasNotes || len(rows) < 2 || strings.Contains(strings.Join(rows[0], ","), "notes") {
		t.Fatalf("de-identified csv header: %v", rows[0])
	}
	today := time.Now().UTC().Format("2006-01-02")
	for _, r := range rows[1:] {
		if !strings.HasPrefix(r[1], "S-") || strings.HasPrefix(r[6], today) || strings.HasPrefix(r[0], w.phqReport[:8]) {
			t.Fatalf("de-identified row keeps a key or a real date: %v", r)
		}
	}

	// audited, with the hash of exactly what was sent
	var page auditPage
	must(t, 200, "GET", w.url("/api/v1/projects/trial-a/audit?action=export.&limit=100"), w.pi, nil).decode(t, &page)
	found := false
	for _, e := range page.Entries {
		if e.Action == "export.csv" && e.Changes["sha256"][1] == hex.EncodeToString(csvSum[:]) && e.Changes["outcome"][1] == "complete" &&
			e.Changes["variant"][1] == "full" && e.ActorID == w.staffIDs["pi"] {
			found = true
		}
	}
	if !found || len(page.Entries) < 8 {
		t.Fatalf("export audit rows: %+v", page.Entries)
	}
}

// assertNoIdentifiers fails when a de-identified export holds a subject code, a name, a phone or national ID
// number, free text the participants wrote, or the time the PHQ-9 was answered (day shifts keep the time of day, never the date).
func assertNoIdentifiers(t *testing.T, what string, body []byte) {
	t.Helper()
	for _, id := range []string{"A1-001", "A2-001", "张三", "欧阳娜娜", "13812345678", "110101199003071234", "晚上睡不好",
		"最近不想活了", "steady improvement", "2026-12-02T23:59:12", "2026-12-03T07:59:12", "transcribed"} {
		if bytes.Contains(body, []byte(id)) {
			t.Fatalf("de-identified %s export contains %q", what, id)
		}
	}
}
