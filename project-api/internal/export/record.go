// Package export writes a trial's reports in the formats sponsors and statisticians read — CSV, CDISC ODM 1.3.2
// (Snapshot and Transactional with audit records) and an HL7 FHIR R4 Bundle — streaming, one record at a time, and
// makes the de-identified variant (pseudonymous keys, per-participant date shifting, no free text). It is pure:
// no go-zero, no gRPC; the gateway feeds it records and an io.Writer.
package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Format names.
const (
	FormatCSV  = "csv"
	FormatODM  = "odm"
	FormatFHIR = "fhir"
)

// Variants.
const (
	VariantFull         = "full"
	VariantDeidentified = "deidentified"
)

// Record is one report as an export shows it.
type Record struct {
	ReportID      string
	SubjectKey    string // the subject code, or its pseudonym
	SiteCode      string
	Questionnaire string // url|version; empty for a short report
	AuthoredAt    time.Time
	HasAuthored   bool
	ReceivedAt    time.Time
	Notes         string
	ShortScore    int64
	Versions      []Version // 1 (the submission) first
	Scores        []Score
}

// Current is the latest version.
func (r *Record) Current() Version {
	if len(r.Versions) == 0 {
		return Version{Number: 1}
	}
	return r.Versions[len(r.Versions)-1]
}

// Version is one version of a report's answers.
type Version struct {
	Number     int
	Items      []Item
	At         time.Time
	AuthorID   int64 // 0: the participant
	AuthorRole string
	Reason     string
}

// Score is a current score.
type Score struct {
	Instrument, Band, RuleSetID, RuleSetVersion string
	Total                                       int64
}

// Item is a QuestionnaireResponse item.
type Item struct {
	LinkID string   `json:"linkId"`
	Text   string   `json:"text,omitempty"`
	Answer []Answer `json:"answer,omitempty"`
	Item   []Item   `json:"item,omitempty"`
}

// Answer is one answer: a single value[x] and answers' nested items.
type Answer struct {
	Kind  string          // "valueCoding", "valueString", …
	Value json.RawMessage // its JSON
	Item  []Item
}

// UnmarshalJSON reads {"valueX": …, "item": […]}.
func (a *Answer) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	for k, v := range m {
		switch {
		case k == "item":
			if err := json.Unmarshal(v, &a.Item); err != nil {
				return err
			}
		case strings.HasPrefix(k, "value"):
			a.Kind, a.Value = k, v
		}
	}
	return nil
}

// MarshalJSON writes {"valueX": …, "item": […]}.
func (a Answer) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	if a.Kind != "" {
		k, _ := json.Marshal(a.Kind)
		b.Write(k)
		b.WriteByte(':')
		b.Write(a.Value)
	}
	if len(a.Item) > 0 {
		if a.Kind != "" {
			b.WriteByte(',')
		}
		items, err := json.Marshal(a.Item)
		if err != nil {
			return nil, err
		}
		b.WriteString(`"item":`)
		b.Write(items)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// ParseItems reads stored items JSON ("" is none).
func ParseItems(s string) ([]Item, error) {
	if s == "" {
		return nil, nil
	}
	var items []Item
	if err := json.Unmarshal([]byte(s), &items); err != nil {
		return nil, fmt.Errorf("export: items: %w", err)
	}
	return items, nil
}

// Text is the answer's value as text: a coding's code, a number, a boolean, a date, a string.
func (a Answer) Text() string {
	switch a.Kind {
	case "valueCoding":
		var c struct{ Code string }
		_ = json.Unmarshal(a.Value, &c)
		return c.Code
	case "valueString", "valueDate", "valueDateTime", "valueTime", "valueUri":
		var s string
		_ = json.Unmarshal(a.Value, &s)
		return s
	case "valueAttachment":
		return "[attachment]"
	}
	return string(a.Value) // numbers, booleans
}

// FreeText reports whether an answer is free text (dropped from de-identified exports).
func (a Answer) FreeText() bool {
	return a.Kind == "valueString" || a.Kind == "valueAttachment" || a.Kind == "valueUri"
}

// Flat maps each answered item's linkId to its answers as text, joined by "|" when it repeats; answers' nested
// items are included under their own linkIds.
func Flat(items []Item) map[string]string {
	out := map[string]string{}
	var walk func([]Item)
	walk = func(its []Item) {
		for _, it := range its {
			if len(it.Answer) > 0 {
				vals := make([]string, len(it.Answer))
				for i, a := range it.Answer {
					vals[i] = a.Text()
					walk(a.Item)
				}
				out[it.LinkID] = strings.Join(vals, "|")
			}
			walk(it.Item)
		}
	}
	walk(items)
	return out
}

// changed compares two versions' flat answers: linkId → transaction (Insert, Update, Remove), sorted.
func changed(prev, cur map[string]string) []string {
	var keys []string
	for k, v := range cur {
		if old, ok := prev[k]; !ok || old != v {
			keys = append(keys, k)
		}
	}
	for k := range prev {
		if _, ok := cur[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}
