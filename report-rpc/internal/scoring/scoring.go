// Package scoring holds the scoring and alert rules as code: versioned rule sets, each score stored with the id
// and version of the rule set that produced it. PHQ-9, GAD-7 and the pain NRS follow docs/domain.md; alert
// thresholds are configurable per trial, but PHQ-9 item 9 stays a hard rule. It imports nothing of go-zero or gRPC.
package scoring

import (
	"fmt"

	"github.com/openepro/epro/report-rpc/internal/questionnaire"
)

// RuleSet identifies the rules that produced a score.
type RuleSet struct {
	ID      string
	Version string
}

// Current is the rule set new reports are scored with.
var Current = RuleSet{ID: "epro-core", Version: "1.0.0"}

// Instruments, by the canonical URL of their questionnaire.
const (
	PHQ9    = "phq-9"
	GAD7    = "gad-7"
	PainNRS = "pain-nrs"
)

var instrumentByURL = map[string]string{
	"https://openepro.org/fhir/Questionnaire/phq-9":    PHQ9,
	"https://openepro.org/fhir/Questionnaire/gad-7":    GAD7,
	"https://openepro.org/fhir/Questionnaire/pain-nrs": PainNRS,
}

// Instrument returns the scored instrument a questionnaire URL is, or "" for an unscored form.
func Instrument(url string) string { return instrumentByURL[url] }

// Severity of an alert, ordered.
type Severity int

// Severities.
const (
	Review Severity = iota + 1
	High
	Urgent
)

var severityNames = map[Severity]string{Review: "review", High: "high", Urgent: "urgent"}

func (s Severity) String() string { return severityNames[s] }

// ParseSeverity reads a severity name.
func ParseSeverity(s string) (Severity, bool) {
	for k, v := range severityNames {
		if v == s {
			return k, true
		}
	}
	return 0, false
}

// Escalated is the next severity up (urgent stays urgent).
func (s Severity) Escalated() Severity {
	if s >= Urgent {
		return Urgent
	}
	return s + 1
}

// Thresholds are a trial's alert thresholds; zero fields take the defaults of docs/domain.md.
type Thresholds struct {
	PHQ9Review    int `json:"phq9Review,omitempty"`    // total ≥ → review (10)
	PHQ9High      int `json:"phq9High,omitempty"`      // total ≥ → high (20)
	GAD7Review    int `json:"gad7Review,omitempty"`    // total ≥ → review (10)
	PainHigh      int `json:"painHigh,omitempty"`      // score ≥ → high (7)
	PainRiseAlert int `json:"painRiseAlert,omitempty"` // rise vs previous report ≥ → review (2)
}

// WithDefaults fills zero fields.
func (t Thresholds) WithDefaults() Thresholds {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&t.PHQ9Review, 10)
	def(&t.PHQ9High, 20)
	def(&t.GAD7Review, 10)
	def(&t.PainHigh, 7)
	def(&t.PainRiseAlert, 2)
	return t
}

// Alert is what a rule raises.
type Alert struct {
	Rule     string // e.g. phq9.item9
	Severity Severity
	Reason   string
}

// Score is a scored report.
type Score struct {
	Instrument string
	Total      int
	Band       string
	RuleSet    RuleSet
	Alerts     []Alert
}

// Previous is what rules comparing with the participant's previous report need.
type Previous struct {
	Total int
	Found bool
}

type band struct {
	max  int
	name string
}

var (
	phq9Bands = []band{{4, "minimal"}, {9, "mild"}, {14, "moderate"}, {19, "moderately severe"}, {27, "severe"}}
	gad7Bands = []band{{4, "minimal"}, {9, "mild"}, {14, "moderate"}, {21, "severe"}}
	painBands = []band{{0, "none"}, {3, "mild"}, {6, "moderate"}, {10, "severe"}}
)

func bandOf(bands []band, total int) string {
	for _, b := range bands {
		if total <= b.max {
			return b.name
		}
	}
	return bands[len(bands)-1].name
}

// PHQ9Item9 is the linkId of "thoughts that you would be better off dead" (LOINC 44260-8).
const PHQ9Item9 = "44260-8"

// Compute scores validated answers of instrument with rule set rs. It returns ok=false for an unscored form.
func Compute(rs RuleSet, instrument string, ans questionnaire.Answers, th Thresholds, prev Previous) (Score, bool, error) {
	if rs != Current {
		return Score{}, false, fmt.Errorf("scoring: unknown rule set %s %s", rs.ID, rs.Version)
	}
	th = th.WithDefaults()
	s := Score{Instrument: instrument, RuleSet: rs}
	switch instrument {
	case PHQ9:
		s.Total = sum(ans)
		s.Band = bandOf(phq9Bands, s.Total)
		// a hard rule: item 9 at any frequency is urgent, whatever the total and the trial's thresholds
		if w := weight(ans, PHQ9Item9); w >= 1 {
			s.Alerts = append(s.Alerts, Alert{Rule: "phq9.item9", Severity: Urgent, Reason: "PHQ-9 item 9 (thoughts of self-harm) answered ≥ 1"})
		}
		switch {
		case s.Total >= th.PHQ9High:
			s.Alerts = append(s.Alerts, Alert{Rule: "phq9.total", Severity: High, Reason: fmt.Sprintf("PHQ-9 total %d ≥ %d", s.Total, th.PHQ9High)})
		case s.Total >= th.PHQ9Review:
			s.Alerts = append(s.Alerts, Alert{Rule: "phq9.total", Severity: Review, Reason: fmt.Sprintf("PHQ-9 total %d ≥ %d", s.Total, th.PHQ9Review)})
		}
	case GAD7:
		s.Total = sum(ans)
		s.Band = bandOf(gad7Bands, s.Total)
		if s.Total >= th.GAD7Review {
			s.Alerts = append(s.Alerts, Alert{Rule: "gad7.total", Severity: Review, Reason: fmt.Sprintf("GAD-7 total %d ≥ %d", s.Total, th.GAD7Review)})
		}
	case PainNRS:
		s.Total = sum(ans)
		s.Band = bandOf(painBands, s.Total)
		if s.Total >= th.PainHigh {
			s.Alerts = append(s.Alerts, Alert{Rule: "pain.level", Severity: High, Reason: fmt.Sprintf("pain %d ≥ %d", s.Total, th.PainHigh)})
		}
		if prev.Found && s.Total-prev.Total >= th.PainRiseAlert {
			s.Alerts = append(s.Alerts, Alert{Rule: "pain.rise", Severity: Review,
				Reason: fmt.Sprintf("pain rose by %d (from %d) ≥ %d", s.Total-prev.Total, prev.Total, th.PainRiseAlert)})
		}
	default:
		return Score{}, false, nil
	}
	return s, true, nil
}

func weight(ans questionnaire.Answers, link string) int {
	t := 0
	for _, v := range ans[link] {
		if v.Weight != nil {
			t += int(*v.Weight)
		}
	}
	return t
}

func sum(ans questionnaire.Answers) int {
	t := 0
	for link := range ans {
		t += weight(ans, link)
	}
	return t
}
