package engine

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestCorpus measures the engine on a labelled corpus of short zh/en sentences (negations and mixed language
// included) and prints precision and recall per level. Urgent recall must be 1.0: missing an urgent sentence is
// the one error the built-in engine may not make.
func TestCorpus(t *testing.T) {
	e, err := New("")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type counts struct{ tp, predicted, actual int }
	per := map[Level]*counts{}
	for l := None; l <= Urgent; l++ {
		per[l] = &counts{}
	}
	total, correct := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		label, text, ok := strings.Cut(line, "\t")
		want, err := ParseLevel(label)
		if !ok || err != nil {
			t.Fatalf("bad corpus line %q", line)
		}
		got := e.Assess(text).Level
		total++
		per[want].actual++
		per[got].predicted++
		if got == want {
			correct++
			per[got].tp++
		} else {
			t.Logf("miss: %-6s → %-6s %s", want, got, text)
		}
	}
	if total < 200 {
		t.Fatalf("corpus has %d sentences, want at least 200", total)
	}
	t.Logf("%d sentences, accuracy %.3f (lexicon %s)", total, float64(correct)/float64(total), e.Version())
	t.Logf("%-7s %9s %9s %6s", "level", "precision", "recall", "n")
	for l := Urgent; l >= None; l-- {
		c := per[l]
		p, r := ratio(c.tp, c.predicted), ratio(c.tp, c.actual)
		t.Logf("%-7s %9.3f %9.3f %6d", l, p, r, c.actual)
	}
	if u := per[Urgent]; u.tp != u.actual {
		t.Fatalf("urgent recall %.3f, must be 1.0", ratio(u.tp, u.actual))
	}
	if acc := float64(correct) / float64(total); acc < 0.9 {
		t.Fatalf("accuracy %.3f below 0.9", acc)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
