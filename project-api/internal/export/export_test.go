package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/openepro/epro/common/testkit"
)

var templates = "../../../report-rpc/internal/questionnaire/templates/"

func readDef(t *testing.T, name string) string {
	b, err := os.ReadFile(templates + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func items(t *testing.T, s string) []Item {
	it, err := ParseItems(s)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

// sample is two subjects: a PHQ-9 report corrected once, a wellbeing report with free text and a date-free
// photo flag, and a short report.
func sample(t *testing.T) []*Record {
	cst := time.FixedZone("CST", 8*3600)
	phq := func(first string) string {
		return `[{"linkId":"44250-9","answer":[{"valueCoding":{"system":"http://loinc.org","code":"` + first + `"}}]},` +
			`{"linkId":"44260-8","answer":[{"valueCoding":{"system":"http://loinc.org","code":"LA6569-3"}}]}]`
	}
	received := time.Date(2026, 12, 3, 0, 0, 12, 345678000, time.UTC)
	return []*Record{
		{ReportID: "0193a1b2-0000-7000-8000-000000000001", SubjectKey: "A1-001", SiteCode: "A1",
			Questionnaire: "https://openepro.org/fhir/Questionnaire/phq-9|1.0.0",
			AuthoredAt:    time.Date(2026, 12, 3, 7, 59, 12, 0, cst), HasAuthored: true, ReceivedAt: received,
			Notes: "晚上睡不好, call 13812345678",
			Versions: []Version{
				{Number: 1, Items: items(t, phq("LA6568-5")), At: received},
				{Number: 2, Items: items(t, phq("LA6570-1")), At: received.Add(48 * time.Hour), AuthorID: 7, AuthorRole: "CRC",
					Reason: "transcribed from the paper diary of 张三"},
			},
			Scores: []Score{{Instrument: "phq9", Total: 3, Band: "minimal", RuleSetID: "epro-core", RuleSetVersion: "1.0.0"}}},
		{ReportID: "0193a1b2-0000-7000-8000-000000000002", SubjectKey: "A1-001", SiteCode: "A1",
			Questionnaire: "https://openepro.org/fhir/Questionnaire/wellbeing|1.0.0", ReceivedAt: received.Add(time.Hour),
			Versions: []Version{{Number: 1, At: received.Add(time.Hour), Items: items(t,
				`[{"linkId":"mood","answer":[{"valueCoding":{"code":"good"}}]},{"linkId":"symptoms","answer":[{"valueString":"=HYPERLINK(\"x\") 头痛, 张三 says hi"}]},{"linkId":"has-photo","answer":[{"valueBoolean":false}]}]`)}}},
		{ReportID: "0193a1b2-0000-7000-8000-000000000003", SubjectKey: "A2-001", SiteCode: "A2", ReceivedAt: received,
			ShortScore: 85, Notes: "Patient shows steady improvement", Versions: []Version{{Number: 1, At: received}}},
	}
}

func meta(t *testing.T, variant string) Meta {
	defs := []string{readDef(t, "phq-9.json"), readDef(t, "wellbeing.json")}
	return Meta{ProjectID: "trial-a", Variant: variant, Created: time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC),
		FileOID: "EXPORT.trial-a.1", Questionnaires: defs}
}

func write(t *testing.T, w Writer, recs []*Record) {
	if err := w.Begin(); err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.End(); err != nil {
		t.Fatal(err)
	}
}

func deidentified(t *testing.T) []*Record {
	d := NewDeidentifier([]byte("export-test-key-0123456789abcdef"), "trial-a")
	recs := sample(t)
	for _, r := range recs {
		d.Apply(r)
	}
	return recs
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	write(t, NewCSV(&b, meta(t, VariantFull)), sample(t))
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	phq, well, short := rows[1], rows[2], rows[3]
	if phq[col["version"]] != "2" || phq[col["44250-9"]] != "LA6570-1" || phq[col["score_total"]] != "3" ||
		phq[col["authored_at"]] != "2026-12-03T07:59:12+08:00" {
		t.Errorf("PHQ-9 row: %v", phq)
	}
	if well[col["mood"]] != "good" || !strings.HasPrefix(well[col["symptoms"]], "'=HYPERLINK") || well[col["has-photo"]] != "false" {
		t.Errorf("wellbeing row (formulas must be defused): %v", well)
	}
	if short[col["short_score"]] != "85" || short[col["notes"]] != "Patient shows steady improvement" {
		t.Errorf("short report row: %v", short)
	}
}

// identifiers are the subject codes, names, phone numbers, real dates and free text of the sample.
var identifiers = []string{"A1-001", "A2-001", "张三", "13812345678", "2026-12-03", "晚上睡不好", "steady improvement",
	"HYPERLINK", "0193a1b2", "transcribed", "+08:00"}

func TestDeidentifiedExportsCarryNoIdentifiers(t *testing.T) {
	for _, f := range []struct {
		name string
		w    func(*bytes.Buffer, Meta) Writer
	}{
		{"csv", func(b *bytes.Buffer, m Meta) Writer { return NewCSV(b, m) }},
		{"odm", func(b *bytes.Buffer, m Meta) Writer { return NewODM(b, m, ODMTransactional) }},
		{"fhir", func(b *bytes.Buffer, m Meta) Writer { return NewFHIR(b, m) }},
	} {
		var b bytes.Buffer
		write(t, f.w(&b, meta(t, VariantDeidentified)), deidentified(t))
		for _, id := range identifiers {
			if strings.Contains(b.String(), id) {
				t.Errorf("%s: de-identified export contains %q", f.name, id)
			}
		}
	}
	d := NewDeidentifier([]byte("export-test-key-0123456789abcdef"), "trial-a")
	recs := deidentified(t)
	// one subject, one consistent offset: intervals between a participant's reports stay true
	if recs[0].SubjectKey != recs[1].SubjectKey || recs[1].ReceivedAt.Sub(recs[0].ReceivedAt) != time.Hour {
		t.Errorf("shift not consistent: %+v / %+v", recs[0], recs[1])
	}
	if s := d.Shift("A1-001"); s == 0 || s%(24*time.Hour) != 0 || s > MaxShiftDays*24*time.Hour || s < -MaxShiftDays*24*time.Hour {
		t.Errorf("shift %s", s)
	}
	if NewDeidentifier([]byte("another key"), "trial-a").SubjectKey("A1-001") == d.SubjectKey("A1-001") {
		t.Error("pseudonyms must depend on the secret key")
	}
}

// TestODMValidatesAgainstTheSchema checks both file types, full and de-identified, with xmllint against the
// official CDISC ODM 1.3.2 XSD (offline).
func TestODMValidatesAgainstTheSchema(t *testing.T) {
	for _, kind := range []string{ODMSnapshot, ODMTransactional} {
		for _, variant := range []string{VariantFull, VariantDeidentified} {
			recs := sample(t)
			if variant == VariantDeidentified {
				recs = deidentified(t)
			}
			var b bytes.Buffer
			write(t, NewODM(&b, meta(t, variant), kind), recs)
			testkit.ValidateODM(t, b.Bytes())
			s := b.String()
			if kind == ODMTransactional && variant == VariantFull && (!strings.Contains(s, `TransactionType="Update"`) ||
				!strings.Contains(s, "<ReasonForChange>transcribed from the paper diary") || !strings.Contains(s, `<UserRef UserOID="U.7">`) ||
				!strings.Contains(s, `<LocationRef LocationOID="L.A1">`) || !strings.Contains(s, "<DateTimeStamp>2026-12-05T00:00:12.345678Z")) {
				t.Errorf("transactional file lacks the correction's audit record:\n%s", s)
			}
			clinical := s[strings.Index(s, "<ClinicalData"):]
			if kind == ODMSnapshot && (strings.Contains(clinical, "AuditRecord") || !strings.Contains(clinical, `Value="LA6570-1"`) ||
				strings.Contains(clinical, `Value="LA6568-5"`)) {
				t.Errorf("snapshot must hold the current answers only:\n%s", clinical)
			}
			// the metadata the data refers to: the question, its code list, the form
			for _, want := range []string{`<ItemDef OID="I.44250-9" Name="44250-9" DataType="text"><Question><TranslatedText>Little interest`,
				`<CodeList OID="CL.44250-9"`, `<CodeListItem CodedValue="LA6570-1"><Decode><TranslatedText>More than half the days`,
				`<FormDef OID="F.phq-9.1.0.0"`, `<ItemDef OID="I.has-photo" Name="has-photo" DataType="boolean">`,
				`MetaDataVersionOID="MDV.epro.1"`} {
				if !strings.Contains(s, want) {
					t.Errorf("%s %s lacks %s", kind, variant, want)
				}
			}
		}
	}
}

// TestFHIRBundleValidatesAgainstTheSchema checks the Bundle against the official FHIR R4 JSON schema.
func TestFHIRBundleValidatesAgainstTheSchema(t *testing.T) {
	for _, variant := range []string{VariantFull, VariantDeidentified} {
		recs := sample(t)
		if variant == VariantDeidentified {
			recs = deidentified(t)
		}
		var b bytes.Buffer
		write(t, NewFHIR(&b, meta(t, variant)), recs)
		if err := testkit.ValidateFHIR(t, b.Bytes()); err != nil {
			t.Fatalf("%s bundle does not validate: %v\n%s", variant, err, b.String())
		}
		var bundle struct {
			Type  string
			Entry []struct{ Resource map[string]any }
		}
		_ = json.Unmarshal(b.Bytes(), &bundle)
		kinds := map[string]int{}
		for _, e := range bundle.Entry {
			kinds[e.Resource["resourceType"].(string)]++
			if e.Resource["resourceType"] == "QuestionnaireResponse" && e.Resource["status"] == "amended" &&
				!strings.Contains(mustJSON(e.Resource["item"]), "LA6570-1") {
				t.Errorf("amended response must carry the corrected answer: %v", e.Resource)
			}
		}
		if bundle.Type != "collection" || kinds["Questionnaire"] != 2 || kinds["Patient"] != 2 || kinds["QuestionnaireResponse"] != 2 {
			t.Fatalf("%s bundle: %s %v", variant, bundle.Type, kinds)
		}
		// the validator does reject what FHIR does not allow
		broken := strings.Replace(b.String(), `"status":"amended"`, `"status":"corrected"`, 1)
		if testkit.ValidateFHIR(t, []byte(broken)) == nil {
			t.Fatal("a QuestionnaireResponse with status \"corrected\" passed the schema")
		}
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
