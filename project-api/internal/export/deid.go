package export

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"time"
)

// Deidentifier makes the sponsors' variant of records: subject and report keys replaced by keyed hashes
// (HMAC-SHA256 with a secret the sponsor never sees, so keys cannot be recomputed from subject codes), every date
// of a participant shifted by the same whole number of days (intervals between their reports stay true), and free
// text dropped (notes, string and attachment answers, reasons for change). PIPL still counts the result as
// personal information (去标识化), so exports stay permission-checked and audited.
type Deidentifier struct {
	key     []byte
	project string
}

// MaxShiftDays bounds the date shift: each participant's dates move by 1 to MaxShiftDays days, earlier or later.
const MaxShiftDays = 180

// NewDeidentifier returns a de-identifier for one trial's export.
func NewDeidentifier(key []byte, projectID string) *Deidentifier {
	return &Deidentifier{key: key, project: projectID}
}

func (d *Deidentifier) mac(kind, v string) []byte {
	m := hmac.New(sha256.New, d.key)
	m.Write([]byte(kind + "\x00" + d.project + "\x00" + v))
	return m.Sum(nil)
}

// SubjectKey is a subject code's pseudonym.
func (d *Deidentifier) SubjectKey(subject string) string {
	return "S-" + hex.EncodeToString(d.mac("subject", subject)[:8])
}

// ReportKey is a report id's pseudonym (report ids are time-ordered UUIDs: they carry the real receive time).
func (d *Deidentifier) ReportKey(reportID string) string {
	return "R-" + hex.EncodeToString(d.mac("report", reportID)[:8])
}

// Shift is the subject's date offset: never zero, the same in every export of the trial.
func (d *Deidentifier) Shift(subject string) time.Duration {
	n := binary.BigEndian.Uint32(d.mac("shift", subject)[:4])
	days := int(n%MaxShiftDays) + 1
	if n&(1<<31) != 0 {
		days = -days
	}
	return time.Duration(days) * 24 * time.Hour
}

// Apply de-identifies r in place.
func (d *Deidentifier) Apply(r *Record) {
	shift := d.Shift(r.SubjectKey)
	r.SubjectKey, r.ReportID = d.SubjectKey(r.SubjectKey), d.ReportKey(r.ReportID)
	r.Notes = ""
	if r.HasAuthored { // the device's offset would hint at where the participant was: UTC only
		r.AuthoredAt = r.AuthoredAt.UTC().Add(shift)
	}
	r.ReceivedAt = r.ReceivedAt.Add(shift)
	for i := range r.Versions {
		v := &r.Versions[i]
		v.At = v.At.Add(shift)
		v.Items = scrubItems(v.Items, shift)
		if v.Reason != "" {
			v.Reason = "[withheld in de-identified exports]"
		}
	}
}

// scrubItems drops free-text answers (and items left with nothing) and shifts date answers.
func scrubItems(items []Item, shift time.Duration) []Item {
	var out []Item
	for _, it := range items {
		it.Text = ""
		var answers []Answer
		for _, a := range it.Answer {
			if a.FreeText() {
				continue
			}
			a.Value = shiftValue(a.Kind, a.Value, shift)
			a.Item = scrubItems(a.Item, shift)
			answers = append(answers, a)
		}
		it.Answer = answers
		it.Item = scrubItems(it.Item, shift)
		if len(it.Answer) > 0 || len(it.Item) > 0 {
			out = append(out, it)
		}
	}
	return out
}

func shiftValue(kind string, v json.RawMessage, shift time.Duration) json.RawMessage {
	var s string
	if (kind != "valueDate" && kind != "valueDateTime") || json.Unmarshal(v, &s) != nil {
		return v
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			if layout == "2006-01-02" {
				s = t.Add(shift).Format(layout)
			} else {
				s = t.UTC().Add(shift).Format(time.RFC3339)
			}
			b, _ := json.Marshal(s)
			return b
		}
	}
	// a partial date (a year, a year-month) cannot be shifted by days: drop its precision to the year
	if len(s) >= 4 {
		b, _ := json.Marshal(s[:4])
		return b
	}
	return v
}
