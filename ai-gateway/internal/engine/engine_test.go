package engine

import (
	"testing"
)

func TestAssessRules(t *testing.T) {
	e, err := New("")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want Level
	}{
		{"没有想自杀的念头", None},
		{"no suicidal thoughts", None},
		{"Patient denies chest pain", None},
		{"不想活了", Urgent},
		{"我想自杀", Urgent},
		{"今天胸痛", Urgent},
		{"晚上呼吸困难", Urgent},
		{"I can't breathe at night", Urgent},
		{"Patient shows steady improvement", None},
		{"有点失眠", Low},
		{"发烧两天，没有胸痛", Medium},
		{"no fever, but chest pain since morning", Urgent},
		{"今天感觉好多了", None},
		{"", None},
	}
	for _, tt := range tests {
		got := e.Assess(tt.text)
		if got.Level != tt.want {
			t.Errorf("%q: level %s, want %s (%s)", tt.text, got.Level, tt.want, got.Explanation)
		}
		for _, s := range got.Signals {
			if s.Start < 0 || s.End > len(tt.text) || s.Start >= s.End {
				t.Errorf("%q: bad span %d-%d", tt.text, s.Start, s.End)
			}
		}
		if got.Sentiment < -1 || got.Sentiment > 1 {
			t.Errorf("%q: sentiment %v out of range", tt.text, got.Sentiment)
		}
	}
}

func TestSentimentDirection(t *testing.T) {
	e, _ := New("")
	if s := e.Assess("Patient shows steady improvement, feeling better").Sentiment; s <= 0 {
		t.Errorf("positive text scored %v", s)
	}
	if s := e.Assess("疼痛加重，很难受").Sentiment; s >= 0 {
		t.Errorf("negative text scored %v", s)
	}
}

func TestSpanPointsAtTerm(t *testing.T) {
	e, _ := New("")
	text := "昨晚胸痛"
	r := e.Assess(text)
	if len(r.Signals) != 1 || text[r.Signals[0].Start:r.Signals[0].End] != "胸痛" {
		t.Fatalf("signals %+v", r.Signals)
	}
}

func FuzzAssess(f *testing.F) {
	f.Add("没有想自杀的念头 but chest pain")
	f.Fuzz(func(t *testing.T, s string) {
		e, _ := New("")
		r := e.Assess(s)
		for _, sig := range r.Signals {
			if sig.Start < 0 || sig.End > len(s) || sig.Start >= sig.End {
				t.Fatalf("bad span %+v", sig)
			}
		}
	})
}
