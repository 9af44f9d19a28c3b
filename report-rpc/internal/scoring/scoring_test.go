package scoring

import (
	"testing"

	"github.com/openepro/epro/report-rpc/internal/questionnaire"
)

// answers gives each of n items the weights in ws (item linkIds i0, i1, …), with item 9 of PHQ-9 as given.
func answers(ws []int, item9 int) questionnaire.Answers {
	a := questionnaire.Answers{}
	for i, w := range ws {
		f := float64(w)
		a[string(rune('a'+i))] = []questionnaire.Value{{Weight: &f}}
	}
	if item9 >= 0 {
		f := float64(item9)
		a[PHQ9Item9] = []questionnaire.Value{{Weight: &f}}
	}
	return a
}

// spread makes len weights (each 0..max) summing to total.
func spread(total, n, max int) []int {
	ws := make([]int, n)
	for i := range ws {
		w := min(max, total)
		ws[i], total = w, total-w
	}
	return ws
}

func TestPHQ9BandEdges(t *testing.T) {
	cases := []struct {
		total int
		band  string
		alert string // rule of the total alert, "" for none
		sev   Severity
	}{
		{0, "minimal", "", 0}, {4, "minimal", "", 0}, {5, "mild", "", 0}, {9, "mild", "", 0},
		{10, "moderate", "phq9.total", Review}, {14, "moderate", "phq9.total", Review},
		{15, "moderately severe", "phq9.total", Review}, {19, "moderately severe", "phq9.total", Review},
		{20, "severe", "phq9.total", High}, {24, "severe", "phq9.total", High},
	}
	for _, c := range cases {
		s, ok, err := Compute(Current, PHQ9, answers(spread(c.total, 8, 3), 0), Thresholds{}, Previous{})
		if err != nil || !ok || s.Total != c.total || s.Band != c.band {
			t.Fatalf("total %d: %+v %v", c.total, s, err)
		}
		var got []Alert
		for _, a := range s.Alerts {
			if a.Rule == "phq9.total" {
				got = append(got, a)
			}
		}
		if c.alert == "" && len(got) != 0 || c.alert != "" && (len(got) != 1 || got[0].Severity != c.sev) {
			t.Errorf("total %d: alerts %+v", c.total, s.Alerts)
		}
	}
	s, _, _ := Compute(Current, PHQ9, answers(spread(24, 8, 3), 3), Thresholds{}, Previous{})
	if s.Total != 27 || s.Band != "severe" {
		t.Fatalf("max: %+v", s)
	}
}

func TestPHQ9Item9IsUrgentWhateverTheTotal(t *testing.T) {
	for _, item9 := range []int{1, 2, 3} {
		s, _, _ := Compute(Current, PHQ9, answers(spread(0, 8, 3), item9), Thresholds{PHQ9Review: 27, PHQ9High: 27}, Previous{})
		if len(s.Alerts) == 0 || s.Alerts[0].Rule != "phq9.item9" || s.Alerts[0].Severity != Urgent {
			t.Fatalf("item 9 = %d: %+v", item9, s.Alerts)
		}
	}
	s, _, _ := Compute(Current, PHQ9, answers(spread(3, 8, 3), 0), Thresholds{}, Previous{})
	if len(s.Alerts) != 0 {
		t.Fatalf("item 9 = 0: %+v", s.Alerts)
	}
}

func TestGAD7BandEdges(t *testing.T) {
	for _, c := range []struct {
		total int
		band  string
		alert bool
	}{{0, "minimal", false}, {4, "minimal", false}, {5, "mild", false}, {9, "mild", false}, {10, "moderate", true},
		{14, "moderate", true}, {15, "severe", true}, {21, "severe", true}} {
		s, _, _ := Compute(Current, GAD7, answers(spread(c.total, 7, 3), -1), Thresholds{}, Previous{})
		if s.Total != c.total || s.Band != c.band || (len(s.Alerts) == 1) != c.alert {
			t.Errorf("GAD-7 %d: %+v", c.total, s)
		}
	}
}

func TestPainNRS(t *testing.T) {
	for _, c := range []struct {
		score int
		band  string
		high  bool
	}{{0, "none", false}, {1, "mild", false}, {3, "mild", false}, {4, "moderate", false}, {6, "moderate", false},
		{7, "severe", true}, {10, "severe", true}} {
		s, _, _ := Compute(Current, PainNRS, answers([]int{c.score}, -1), Thresholds{}, Previous{})
		if s.Total != c.score || s.Band != c.band || (len(s.Alerts) == 1) != c.high {
			t.Errorf("pain %d: %+v", c.score, s)
		}
	}
	rise := func(prev, now int) bool {
		s, _, _ := Compute(Current, PainNRS, answers([]int{now}, -1), Thresholds{}, Previous{Total: prev, Found: true})
		for _, a := range s.Alerts {
			if a.Rule == "pain.rise" {
				return true
			}
		}
		return false
	}
	if !rise(2, 4) || rise(2, 3) || rise(5, 3) {
		t.Error("pain rise of 2 vs previous report")
	}
	s, _, _ := Compute(Current, PainNRS, answers([]int{5}, -1), Thresholds{PainHigh: 5}, Previous{})
	if len(s.Alerts) != 1 {
		t.Error("trial threshold not applied")
	}
}

func TestUnknownRuleSetAndUnscoredForms(t *testing.T) {
	if _, _, err := Compute(RuleSet{ID: "x", Version: "9"}, PHQ9, nil, Thresholds{}, Previous{}); err == nil {
		t.Error("unknown rule set accepted")
	}
	if _, ok, err := Compute(Current, "", nil, Thresholds{}, Previous{}); ok || err != nil {
		t.Error("an unscored form was scored")
	}
	if Urgent.Escalated() != Urgent || Review.Escalated() != High {
		t.Error("escalation order")
	}
}
