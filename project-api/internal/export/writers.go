package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Writer writes records one at a time: Begin, Write for each record (grouped by subject), End.
type Writer interface {
	Begin() error
	Write(r *Record) error
	End() error
}

// Meta is what every format needs to know about the export.
type Meta struct {
	ProjectID      string
	ProjectName    string
	Variant        string
	Created        time.Time
	FileOID        string
	Questionnaires []string // the trial's questionnaire definitions (FHIR R4 Questionnaire JSON): CSV columns, ODM metadata, FHIR resources
}

// Check reports a questionnaire definition the writers could not read, so the caller can refuse the export
// before its first byte is sent.
func (m Meta) Check() error {
	_, _, err := questionnaires(m.Questionnaires)
	return err
}

// ---- CSV ----------------------------------------------------------------------------------------------

type csvWriter struct {
	w    *csv.Writer
	meta Meta
	cols []string // the questionnaires' item linkIds, one column each
}

// NewCSV writes one row per report: keys, times, the current scores, then one column per questionnaire item.
func NewCSV(w io.Writer, m Meta) Writer { return &csvWriter{w: csv.NewWriter(w), meta: m} }

func (c *csvWriter) full() bool { return c.meta.Variant != VariantDeidentified }

func (c *csvWriter) Begin() error {
	head := []string{"report_id", "subject", "site", "questionnaire", "version", "authored_at", "received_at",
		"score_instrument", "score_total", "score_band", "rule_set", "short_score"}
	if c.full() {
		head = append(head, "notes")
	}
	_, items, err := questionnaires(c.meta.Questionnaires)
	if err != nil {
		return err
	}
	for _, it := range items {
		c.cols = append(c.cols, it.LinkID)
	}
	return c.w.Write(append(head, c.cols...))
}

func (c *csvWriter) Write(r *Record) error {
	authored := ""
	if r.HasAuthored {
		authored = r.AuthoredAt.Format(time.RFC3339)
	}
	var inst, total, band, rules string
	if len(r.Scores) > 0 {
		s := r.Scores[0]
		inst, total, band, rules = s.Instrument, strconv.FormatInt(s.Total, 10), s.Band, s.RuleSetID+" "+s.RuleSetVersion
	}
	short := ""
	if r.Questionnaire == "" {
		short = strconv.FormatInt(r.ShortScore, 10)
	}
	row := []string{r.ReportID, r.SubjectKey, r.SiteCode, r.Questionnaire, strconv.Itoa(r.Current().Number), authored,
		r.ReceivedAt.UTC().Format(time.RFC3339), inst, total, band, rules, short}
	if c.full() {
		row = append(row, r.Notes)
	}
	answers := Flat(r.Current().Items)
	for _, col := range c.cols {
		row = append(row, answers[col])
	}
	for i := range row {
		row[i] = cell(row[i])
	}
	return c.w.Write(row)
}

func (c *csvWriter) End() error {
	c.w.Flush()
	return c.w.Error()
}

// cell keeps a spreadsheet from running a value as a formula (CSV injection): text starting with = + - @ or a
// control character gets a leading apostrophe. Numbers (a negative score, say) are left alone.
func cell(s string) string {
	if s == "" {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// ---- CDISC ODM 1.3.2 ----------------------------------------------------------------------------------

// ODM file types.
const (
	ODMSnapshot      = "Snapshot"
	ODMTransactional = "Transactional"
)

type odmWriter struct {
	bw      *bufio.Writer
	enc     *xml.Encoder
	meta    Meta
	kind    string
	subject string // the open SubjectData
}

// NewODM writes a CDISC ODM 1.3.2 file: the Study with its MetaDataVersion (forms, items with their questions and
// code lists, from the trial's questionnaires), then ClinicalData: a SubjectData per subject, a StudyEventData per report
// (repeat key: the report id), its form's items. Snapshot holds each report's current answers; Transactional
// holds every version as successive transactions, each ItemData with its AuditRecord (UserRef, LocationRef,
// DateTimeStamp, ReasonForChange on corrections).
func NewODM(w io.Writer, m Meta, fileType string) Writer {
	bw := bufio.NewWriter(w)
	return &odmWriter{bw: bw, enc: xml.NewEncoder(bw), meta: m, kind: fileType}
}

func start(name string, attrs ...string) xml.StartElement {
	se := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	return se
}

func (o *odmWriter) open(name string, attrs ...string) error {
	return o.enc.EncodeToken(start(name, attrs...))
}

func (o *odmWriter) close(name string) error {
	return o.enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}})
}

func (o *odmWriter) leaf(name, text string, attrs ...string) error {
	if err := o.open(name, attrs...); err != nil {
		return err
	}
	if text != "" {
		if err := o.enc.EncodeToken(xml.CharData(text)); err != nil {
			return err
		}
	}
	return o.close(name)
}

func (o *odmWriter) Begin() error {
	if _, err := o.bw.WriteString(xml.Header); err != nil {
		return err
	}
	desc := "ePRO reports of trial " + o.meta.ProjectID
	if o.meta.Variant == VariantDeidentified {
		desc += " (de-identified: pseudonymous subject keys, shifted dates, no free text)"
	}
	se := start("ODM", "xmlns", "http://www.cdisc.org/ns/odm/v1.3", "ODMVersion", "1.3.2", "FileType", o.kind,
		"FileOID", o.meta.FileOID, "CreationDateTime", o.meta.Created.UTC().Format(time.RFC3339), "Description", desc,
		"Originator", "ePRO suite", "SourceSystem", "epro project-api")
	if o.kind == ODMTransactional {
		se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: "Granularity"}, Value: "All"})
	}
	if err := o.enc.EncodeToken(se); err != nil {
		return err
	}
	if err := o.study(); err != nil {
		return err
	}
	return o.open("ClinicalData", "StudyOID", "S."+o.meta.ProjectID, "MetaDataVersionOID", mdvOID)
}

func formOID(questionnaire string) string {
	if questionnaire == "" {
		return "F.SHORT_REPORT"
	}
	url, version, _ := strings.Cut(questionnaire, "|")
	return "F." + url[strings.LastIndex(url, "/")+1:] + "." + version
}

func (o *odmWriter) Write(r *Record) error {
	if r.SubjectKey != o.subject {
		if o.subject != "" {
			if err := o.close("SubjectData"); err != nil {
				return err
			}
		}
		o.subject = r.SubjectKey
		attrs := []string{"SubjectKey", r.SubjectKey}
		if o.kind == ODMTransactional {
			attrs = append(attrs, "TransactionType", "Upsert")
		}
		if err := o.open("SubjectData", attrs...); err != nil {
			return err
		}
		if err := o.leaf("SiteRef", "", "LocationOID", "L."+r.SiteCode); err != nil {
			return err
		}
	}
	tx := func(attrs ...string) []string {
		if o.kind == ODMTransactional {
			return append(attrs, "TransactionType", "Upsert")
		}
		return attrs
	}
	if err := o.open("StudyEventData", tx("StudyEventOID", "SE.EPRO", "StudyEventRepeatKey", r.ReportID)...); err != nil {
		return err
	}
	form := formOID(r.Questionnaire)
	if err := o.open("FormData", tx("FormOID", form)...); err != nil {
		return err
	}
	group := "IG" + strings.TrimPrefix(form, "F")
	if o.kind == ODMSnapshot {
		if err := o.items(group, r, r.Current(), nil); err != nil {
			return err
		}
	} else {
		prev := map[string]string{}
		for _, v := range r.Versions {
			if err := o.items(group, r, v, prev); err != nil {
				return err
			}
			prev = Flat(v.Items)
		}
	}
	if err := o.close("FormData"); err != nil {
		return err
	}
	return o.close("StudyEventData")
}

// items writes one ItemGroupData: a snapshot's answers (prev nil), or one version's transactions against prev.
func (o *odmWriter) items(group string, r *Record, v Version, prev map[string]string) error {
	cur := Flat(v.Items)
	if r.Questionnaire == "" { // a short report: its score and notes are its items
		cur = map[string]string{"SHORT_SCORE": strconv.FormatInt(r.ShortScore, 10)}
		if r.Notes != "" {
			cur["NOTES"] = r.Notes
		}
	}
	var keys []string
	if prev == nil {
		keys = changed(map[string]string{}, cur)
	} else {
		keys = changed(prev, cur)
	}
	if len(keys) == 0 {
		return nil
	}
	if err := o.open("ItemGroupData", o.txAttr([]string{"ItemGroupOID", group}, "Upsert")...); err != nil {
		return err
	}
	for _, k := range keys {
		val, ok := cur[k]
		txType := "Insert"
		if _, had := prev[k]; !ok {
			txType = "Remove"
		} else if had {
			txType = "Update"
		}
		attrs := o.txAttr([]string{"ItemOID", "I." + k}, txType)
		if ok {
			attrs = append(attrs, "Value", val)
		}
		if err := o.open("ItemData", attrs...); err != nil {
			return err
		}
		if o.kind == ODMTransactional {
			if err := o.audit(r, v); err != nil {
				return err
			}
		}
		if err := o.close("ItemData"); err != nil {
			return err
		}
	}
	return o.close("ItemGroupData")
}

func (o *odmWriter) txAttr(attrs []string, t string) []string {
	if o.kind == ODMTransactional {
		return append(attrs, "TransactionType", t)
	}
	return attrs
}

func (o *odmWriter) audit(r *Record, v Version) error {
	user := "U.participant"
	if v.AuthorID > 0 {
		user = fmt.Sprintf("U.%d", v.AuthorID)
	}
	if err := o.open("AuditRecord"); err != nil {
		return err
	}
	if err := o.leaf("UserRef", "", "UserOID", user); err != nil {
		return err
	}
	if err := o.leaf("LocationRef", "", "LocationOID", "L."+r.SiteCode); err != nil {
		return err
	}
	if err := o.leaf("DateTimeStamp", v.At.UTC().Format(time.RFC3339Nano)); err != nil {
		return err
	}
	if v.Reason != "" {
		if err := o.leaf("ReasonForChange", v.Reason); err != nil {
			return err
		}
	}
	return o.close("AuditRecord")
}

func (o *odmWriter) End() error {
	if o.subject != "" {
		if err := o.close("SubjectData"); err != nil {
			return err
		}
	}
	if err := o.close("ClinicalData"); err != nil {
		return err
	}
	if err := o.close("ODM"); err != nil {
		return err
	}
	if err := o.enc.Flush(); err != nil {
		return err
	}
	if _, err := o.bw.WriteString("\n"); err != nil {
		return err
	}
	return o.bw.Flush()
}

// ---- HL7 FHIR R4 Bundle -------------------------------------------------------------------------------

type fhirWriter struct {
	bw      *bufio.Writer
	meta    Meta
	n       int
	subject string
}

// NewFHIR writes a Bundle (type collection): the trial's Questionnaires, a pseudonymous Patient per subject
// (an id and, in the full variant, the subject code as identifier: no name, no contact), and each report's current
// version as a QuestionnaireResponse (status amended when corrected).
func NewFHIR(w io.Writer, m Meta) Writer { return &fhirWriter{bw: bufio.NewWriter(w), meta: m} }

func (f *fhirWriter) entry(fullURL string, resource any) error {
	b, err := json.Marshal(resource)
	if err != nil {
		return err
	}
	if f.n > 0 {
		f.bw.WriteByte(',')
	}
	f.n++
	u, _ := json.Marshal(fullURL)
	fmt.Fprintf(f.bw, "\n{\"fullUrl\":%s,\"resource\":", u)
	f.bw.Write(b)
	f.bw.WriteByte('}')
	return nil
}

func (f *fhirWriter) Begin() error {
	fmt.Fprintf(f.bw, `{"resourceType":"Bundle","type":"collection","timestamp":%q,"entry":[`, f.meta.Created.UTC().Format(time.RFC3339))
	for _, def := range f.meta.Questionnaires {
		var q map[string]any
		if err := json.Unmarshal([]byte(def), &q); err != nil {
			return fmt.Errorf("export: questionnaire: %w", err)
		}
		q["resourceType"] = "Questionnaire"
		url, _ := q["url"].(string)
		version, _ := q["version"].(string)
		if err := f.entry(url+"/_history/"+version, q); err != nil {
			return err
		}
	}
	return nil
}

func patientID(subject string) string {
	id := make([]byte, 0, len(subject))
	for _, c := range []byte(subject) { // FHIR ids: [A-Za-z0-9\-\.]{1,64}
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' {
			id = append(id, c)
		} else {
			id = append(id, '-')
		}
	}
	if len(id) > 64 {
		id = id[:64]
	}
	return string(id)
}

func (f *fhirWriter) Write(r *Record) error {
	pid := patientID(r.SubjectKey)
	if r.SubjectKey != f.subject {
		f.subject = r.SubjectKey
		p := map[string]any{"resourceType": "Patient", "id": pid,
			"meta": map[string]any{"security": []map[string]string{{"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue",
				"code": "PSEUDED", "display": "pseudonymized"}}}}
		if f.meta.Variant != VariantDeidentified {
			p["identifier"] = []map[string]string{{"system": "urn:epro:" + f.meta.ProjectID + ":subject", "value": r.SubjectKey}}
		}
		if err := f.entry("urn:epro:Patient/"+pid, p); err != nil {
			return err
		}
	}
	if r.Questionnaire == "" { // a short report is no questionnaire answer: FHIR exports carry questionnaire reports
		return nil
	}
	cur := r.Current()
	status := "completed"
	if cur.Number > 1 {
		status = "amended"
	}
	qr := map[string]any{"resourceType": "QuestionnaireResponse", "id": patientID(r.ReportID), "status": status,
		"questionnaire": r.Questionnaire, "subject": map[string]string{"reference": "Patient/" + pid},
		"authored": r.ReceivedAt.UTC().Format(time.RFC3339), "item": cur.Items}
	if r.HasAuthored {
		qr["authored"] = r.AuthoredAt.Format(time.RFC3339)
	}
	if len(cur.Items) == 0 {
		delete(qr, "item")
	}
	return f.entry("urn:epro:QuestionnaireResponse/"+patientID(r.ReportID), qr)
}

func (f *fhirWriter) End() error {
	f.bw.WriteString("\n]}\n")
	return f.bw.Flush()
}
