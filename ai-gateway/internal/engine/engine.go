// Package engine is ai-gateway's built-in risk engine: a deterministic, offline lexicon and rule engine for
// Chinese and English free text. It is negation-aware ("没有想自杀的念头", "denies chest pain" raise nothing),
// reports each matched signal with its byte span, and is driven by a versioned lexicon data file, not code
// literals. It imports nothing of go-zero or gRPC.
package engine

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Level is a risk level, ordered from none to urgent.
type Level int

// Risk levels.
const (
	None Level = iota
	Low
	Medium
	High
	Urgent
)

var levelNames = [...]string{"none", "low", "medium", "high", "urgent"}

func (l Level) String() string { return levelNames[l] }

// ParseLevel reads a level name.
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if n == s {
			return Level(i), nil
		}
	}
	return None, fmt.Errorf("unknown risk level %q", s)
}

// Signal is one matched lexicon entry.
type Signal struct {
	ID    string
	Level Level
	Start int // byte offsets into the assessed text
	End   int
}

// Result is the engine's assessment of one text.
type Result struct {
	Level       Level
	Sentiment   float64 // -1 .. 1
	Signals     []Signal
	Version     string
	Explanation string
}

type lexiconFile struct {
	Version        string         `json:"version"`
	NegationWindow map[string]int `json:"negationWindow"`
	ClauseBreaks   string         `json:"clauseBreaks"`
	Negations      langTerms      `json:"negations"`
	Signals        []struct {
		ID    string `json:"id"`
		Level string `json:"level"`
		langTerms
	} `json:"signals"`
	Sentiment struct {
		Positive langTerms `json:"positive"`
		Negative langTerms `json:"negative"`
	} `json:"sentiment"`
}

type langTerms struct {
	ZH []string `json:"zh"`
	EN []string `json:"en"`
}

type term struct {
	text  string // lower-case for English
	id    string
	level Level
	en    bool
	kind  int // kindSignal, kindPositive, kindNegative
}

const (
	kindSignal = iota
	kindPositive
	kindNegative
)

// Engine assesses text with one lexicon version. It is safe for concurrent use.
type Engine struct {
	version      string
	terms        []term // signals by severity, then longest first (see Parse)
	zhNegations  []string
	enNegations  map[string]bool
	zhWindow     int
	enWindow     int
	clauseBreaks string
}

//go:embed lexicon/*.json
var lexicons embed.FS

// DefaultLexicon is the lexicon file New loads when given no name.
const DefaultLexicon = "builtin-v1.json"

// New loads a lexicon embedded under lexicon/ (DefaultLexicon when name is empty).
func New(name string) (*Engine, error) {
	if name == "" {
		name = DefaultLexicon
	}
	raw, err := lexicons.ReadFile("lexicon/" + name)
	if err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	return Parse(raw)
}

// Parse builds an engine from lexicon JSON.
func Parse(raw []byte) (*Engine, error) {
	var f lexiconFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	if f.Version == "" {
		return nil, fmt.Errorf("lexicon: version is required")
	}
	e := &Engine{version: f.Version, zhNegations: f.Negations.ZH, enNegations: map[string]bool{},
		zhWindow: f.NegationWindow["zh"], enWindow: f.NegationWindow["en"], clauseBreaks: f.ClauseBreaks}
	for _, n := range f.Negations.EN {
		e.enNegations[strings.ToLower(n)] = true
	}
	add := func(ts langTerms, id string, level Level, kind int) {
		for _, s := range ts.ZH {
			e.terms = append(e.terms, term{text: s, id: id, level: level, kind: kind})
		}
		for _, s := range ts.EN {
			e.terms = append(e.terms, term{text: strings.ToLower(s), id: id, level: level, en: true, kind: kind})
		}
	}
	for _, s := range f.Signals {
		level, err := ParseLevel(s.Level)
		if err != nil {
			return nil, fmt.Errorf("lexicon signal %s: %w", s.ID, err)
		}
		add(s.langTerms, s.ID, level, kindSignal)
	}
	add(f.Sentiment.Positive, "positive", None, kindPositive)
	add(f.Sentiment.Negative, "negative", None, kindNegative)
	// Risk signals first, the most severe first, then the longest: where "胸口痛" (urgent) and "痛得厉害" (medium)
	// overlap, the urgent reading wins; sentiment words only fill what no signal took.
	sort.SliceStable(e.terms, func(i, j int) bool {
		a, b := e.terms[i], e.terms[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.level != b.level {
			return a.level > b.level
		}
		return len(a.text) > len(b.text)
	})
	return e, nil
}

// Version is the lexicon version recorded with every assessment.
func (e *Engine) Version() string { return e.version }

// Assess returns the risk level, sentiment and matched signals of text.
func (e *Engine) Assess(text string) Result {
	lower := asciiLower(text) // same byte offsets as text
	taken := make([]bool, len(text))
	var signals []Signal
	pos, neg := 0, 0
	for _, t := range e.terms {
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], t.text)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(t.text)
			from = end
			if t.en && !wordBounded(lower, start, end) || overlaps(taken, start, end) {
				continue
			}
			mark(taken, start, end)
			if e.negated(lower, start, t.en) {
				continue
			}
			switch t.kind {
			case kindSignal:
				signals = append(signals, Signal{ID: t.id, Level: t.level, Start: start, End: end})
			case kindPositive:
				pos++
			case kindNegative:
				neg++
			}
		}
	}
	sort.Slice(signals, func(i, j int) bool { return signals[i].Start < signals[j].Start })
	level := None
	for _, s := range signals {
		if s.Level > level {
			level = s.Level
		}
		neg++ // a risk signal weighs on the sentiment too
	}
	r := Result{Level: level, Signals: signals, Version: e.version}
	if pos+neg > 0 {
		// (pos-neg)/(pos+neg+1): one word never reaches ±1
		r.Sentiment = float64(pos-neg) / float64(pos+neg+1)
	}
	r.Explanation = explain(r)
	return r
}

func explain(r Result) string {
	if len(r.Signals) == 0 {
		return "no risk signal found"
	}
	parts := make([]string, 0, len(r.Signals))
	for _, s := range r.Signals {
		parts = append(parts, fmt.Sprintf("%s (%s) at %d-%d", s.ID, s.Level, s.Start, s.End))
	}
	return fmt.Sprintf("risk %s from %s", r.Level, strings.Join(parts, ", "))
}

// negated reports whether a negation cue stands shortly before start, in the same clause.
func (e *Engine) negated(text string, start int, en bool) bool {
	before := text[:start]
	if i := strings.LastIndexAny(before, e.clauseBreaks); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		before = before[i+size:]
	}
	if en {
		words := strings.FieldsFunc(before, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
		if len(words) > e.enWindow {
			words = words[len(words)-e.enWindow:]
		}
		for _, w := range words {
			if e.enNegations[w] {
				return true
			}
		}
		// also catch Chinese negation right before an English term in mixed text
	}
	runes := []rune(before)
	if len(runes) > e.zhWindow {
		runes = runes[len(runes)-e.zhWindow:]
	}
	window := string(runes)
	for _, n := range e.zhNegations {
		if strings.Contains(window, n) {
			return true
		}
	}
	return false
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'' || c == '-'
}

func wordBounded(s string, start, end int) bool {
	return (start == 0 || !isWordByte(s[start-1])) && (end == len(s) || !isWordByte(s[end]) || s[end] == 's')
}

func overlaps(taken []bool, start, end int) bool {
	for i := start; i < end; i++ {
		if taken[i] {
			return true
		}
	}
	return false
}

func mark(taken []bool, start, end int) {
	for i := start; i < end; i++ {
		taken[i] = true
	}
}
