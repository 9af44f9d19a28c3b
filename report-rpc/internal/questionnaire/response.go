package questionnaire

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/openepro/epro/common/errs"
)

// ResponseItem is an item of a FHIR QuestionnaireResponse.
type ResponseItem struct {
	LinkID string         `json:"linkId"`
	Text   string         `json:"text,omitempty"`
	Answer []Answer       `json:"answer,omitempty"`
	Item   []ResponseItem `json:"item,omitempty"`
}

// Attachment is the part of a FHIR Attachment a response refers to: an uploaded file's id.
type Attachment struct {
	ID          string `json:"id,omitempty"`
	URL         string `json:"url,omitempty"`
	ContentType string `json:"contentType,omitempty"`
}

// Answer is one answer: exactly one value[x].
type Answer struct {
	ValueBoolean    *bool          `json:"valueBoolean,omitempty"`
	ValueDecimal    *float64       `json:"valueDecimal,omitempty"`
	ValueInteger    *int64         `json:"valueInteger,omitempty"`
	ValueDate       *string        `json:"valueDate,omitempty"`
	ValueDateTime   *string        `json:"valueDateTime,omitempty"`
	ValueString     *string        `json:"valueString,omitempty"`
	ValueCoding     *Coding        `json:"valueCoding,omitempty"`
	ValueAttachment *Attachment    `json:"valueAttachment,omitempty"`
	Item            []ResponseItem `json:"item,omitempty"`
}

// Value is a validated answer value.
type Value struct {
	Bool    *bool
	Int     *int64
	Decimal *float64
	String  *string // string, text, date, dateTime
	Coding  *Coding
	Weight  *float64 // the chosen option's ordinal weight
}

// Answers maps a linkId to its validated values.
type Answers map[string][]Value

// MaxStringLen bounds a string or text answer when the item sets no maxLength.
const MaxStringLen = 10000

func invalid(path, format string, args ...any) error {
	return errs.Invalid(ReasonResponse, "%s: %s", path, fmt.Sprintf(format, args...))
}

// ParseItems decodes QuestionnaireResponse items; errors name no values.
func ParseItems(raw json.RawMessage) ([]ResponseItem, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, invalid("items", "is required")
	}
	var items []ResponseItem
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, invalid("items", "must be a list of QuestionnaireResponse items (linkId, answer[].value[x], item[])")
	}
	return items, nil
}

// Validate checks response items against q: known linkIds at the right level, each linkId once, answer types,
// allowed codes, repeats, no answer to a disabled item, and every enabled required item answered. It returns the
// answers by linkId.
func (q *Questionnaire) Validate(items []ResponseItem) (Answers, error) {
	ans := Answers{}
	seen := map[string]string{}
	// first pass: collect raw values (without checks) so enableWhen can look at any answer
	var collect func([]ResponseItem)
	raw := map[string][]Answer{}
	collect = func(list []ResponseItem) {
		for _, ri := range list {
			raw[ri.LinkID] = append(raw[ri.LinkID], ri.Answer...)
			collect(ri.Item)
		}
	}
	collect(items)
	if err := q.walk(q.Item, items, "item", raw, seen, ans); err != nil {
		return nil, err
	}
	if err := q.required(q.Item, "item", raw, ans); err != nil {
		return nil, err
	}
	return ans, nil
}

func (q *Questionnaire) walk(defs []Item, items []ResponseItem, path string, raw map[string][]Answer,
	seen map[string]string, ans Answers) error {
	byID := make(map[string]*Item, len(defs))
	for i := range defs {
		byID[defs[i].LinkID] = &defs[i]
	}
	for i, ri := range items {
		p := fmt.Sprintf("%s[%d]", path, i)
		def, ok := byID[ri.LinkID]
		if !ok {
			if _, elsewhere := q.index[ri.LinkID]; elsewhere {
				return invalid(p+".linkId", "item %q is not part of this group", ri.LinkID)
			}
			return invalid(p+".linkId", "unknown linkId %q in %s", clip(ri.LinkID), q.Canonical())
		}
		if first, dup := seen[ri.LinkID]; dup {
			return invalid(p+".linkId", "linkId %q appears twice (first at %s)", ri.LinkID, first)
		}
		seen[ri.LinkID] = p
		enabled := q.enabled(def, raw)
		switch def.Type {
		case TypeGroup:
			if len(ri.Answer) > 0 {
				return invalid(p+".answer", "a group has no answers; its items go under item[]")
			}
			if !enabled && len(ri.Item) > 0 {
				return invalid(p, "group %q is disabled by its enableWhen and must not be answered", def.LinkID)
			}
			if err := q.walk(def.Item, ri.Item, p+".item", raw, seen, ans); err != nil {
				return err
			}
			continue
		case TypeDisplay:
			if len(ri.Answer) > 0 {
				return invalid(p+".answer", "display item %q takes no answer", def.LinkID)
			}
			continue
		}
		if len(ri.Item) > 0 {
			return invalid(p+".item", "only groups have nested items")
		}
		if len(ri.Answer) == 0 {
			continue
		}
		if !enabled {
			return invalid(p+".answer", "item %q is disabled by its enableWhen and must not be answered", def.LinkID)
		}
		if len(ri.Answer) > 1 && !def.Repeats {
			return invalid(p+".answer", "item %q takes one answer (repeats is false)", def.LinkID)
		}
		for j, a := range ri.Answer {
			v, err := checkAnswer(def, a, fmt.Sprintf("%s.answer[%d]", p, j))
			if err != nil {
				return err
			}
			ans[def.LinkID] = append(ans[def.LinkID], v)
		}
	}
	return nil
}

func (q *Questionnaire) required(defs []Item, path string, raw map[string][]Answer, ans Answers) error {
	for i := range defs {
		def := &defs[i]
		p := fmt.Sprintf("%s[%d]", path, i)
		if !q.enabled(def, raw) {
			continue
		}
		if def.Type == TypeGroup {
			if err := q.required(def.Item, p+".item", raw, ans); err != nil {
				return err
			}
			continue
		}
		if def.Required && len(ans[def.LinkID]) == 0 {
			return invalid(p, "required item %q has no answer", def.LinkID)
		}
	}
	return nil
}

func clip(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}

func checkAnswer(def *Item, a Answer, p string) (Value, error) {
	n := 0
	for _, set := range []bool{a.ValueBoolean != nil, a.ValueDecimal != nil, a.ValueInteger != nil, a.ValueDate != nil,
		a.ValueDateTime != nil, a.ValueString != nil, a.ValueCoding != nil, a.ValueAttachment != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return Value{}, invalid(p, "an answer has exactly one value[x]")
	}
	if len(a.Item) > 0 {
		return Value{}, invalid(p+".item", "nested answer items are not supported")
	}
	want := map[string]string{TypeBoolean: "valueBoolean", TypeDecimal: "valueDecimal", TypeInteger: "valueInteger",
		TypeString: "valueString", TypeText: "valueString", TypeDate: "valueDate", TypeDateTime: "valueDateTime",
		TypeChoice: "valueCoding", TypeAttach: "valueAttachment"}[def.Type]
	wrong := func() (Value, error) {
		return Value{}, invalid(p, "item %q is of type %s: the answer must be %s", def.LinkID, def.Type, want)
	}
	switch def.Type {
	case TypeBoolean:
		if a.ValueBoolean == nil {
			return wrong()
		}
		return Value{Bool: a.ValueBoolean}, nil
	case TypeInteger:
		if a.ValueInteger == nil {
			return wrong()
		}
		return Value{Int: a.ValueInteger}, nil
	case TypeDecimal:
		switch {
		case a.ValueDecimal != nil:
			return Value{Decimal: a.ValueDecimal}, nil
		case a.ValueInteger != nil:
			d := float64(*a.ValueInteger)
			return Value{Decimal: &d}, nil
		}
		return wrong()
	case TypeString, TypeText:
		if a.ValueString == nil {
			return wrong()
		}
		limit := MaxStringLen
		if def.MaxLength > 0 {
			limit = def.MaxLength
		}
		if !utf8.ValidString(*a.ValueString) || utf8.RuneCountInString(*a.ValueString) > limit {
			return Value{}, invalid(p+".valueString", "must be at most %d characters of UTF-8 text", limit)
		}
		return Value{String: a.ValueString}, nil
	case TypeDate:
		if a.ValueDate == nil {
			return wrong()
		}
		if !validDate(*a.ValueDate) {
			return Value{}, invalid(p+".valueDate", "must be a date YYYY, YYYY-MM or YYYY-MM-DD")
		}
		return Value{String: a.ValueDate}, nil
	case TypeDateTime:
		if a.ValueDateTime == nil {
			return wrong()
		}
		if _, err := time.Parse(time.RFC3339, *a.ValueDateTime); err != nil && !validDate(*a.ValueDateTime) {
			return Value{}, invalid(p+".valueDateTime", "must be a FHIR dateTime (YYYY-MM-DDThh:mm:ss+zz:zz)")
		}
		return Value{String: a.ValueDateTime}, nil
	case TypeChoice:
		if a.ValueCoding == nil {
			return wrong()
		}
		for _, o := range def.AnswerOption {
			c := o.ValueCoding
			if c.Code == a.ValueCoding.Code && (a.ValueCoding.System == "" || c.System == "" || c.System == a.ValueCoding.System) {
				v := Value{Coding: c}
				if w, ok := o.Weight(); ok {
					v.Weight = &w
				}
				return v, nil
			}
		}
		return Value{}, invalid(p+".valueCoding", "code %q is not an answer option of item %q", clip(a.ValueCoding.Code), def.LinkID)
	case TypeAttach:
		if a.ValueAttachment == nil {
			return wrong()
		}
		if a.ValueAttachment.ID == "" || len(a.ValueAttachment.ID) > 64 {
			return Value{}, invalid(p+".valueAttachment.id", "must name an uploaded attachment")
		}
		id := a.ValueAttachment.ID
		return Value{String: &id}, nil
	}
	return wrong()
}

func validDate(s string) bool {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// enabled evaluates an item's enableWhen against the raw answers.
func (q *Questionnaire) enabled(def *Item, raw map[string][]Answer) bool {
	if len(def.EnableWhen) == 0 {
		return true
	}
	any := def.EnableBehavior == "any"
	for _, ew := range def.EnableWhen {
		ok := condition(ew, raw[ew.Question])
		if any && ok {
			return true
		}
		if !any && !ok {
			return false
		}
	}
	return !any
}

func condition(ew EnableWhen, answers []Answer) bool {
	if ew.Operator == "exists" {
		want := ew.AnswerBoolean == nil || *ew.AnswerBoolean
		return (len(answers) > 0) == want
	}
	for _, a := range answers {
		c, ok := compare(ew, a)
		if !ok {
			continue
		}
		switch ew.Operator {
		case "=":
			if c == 0 {
				return true
			}
		case "!=":
			if c != 0 {
				return true
			}
		case ">":
			if c > 0 {
				return true
			}
		case "<":
			if c < 0 {
				return true
			}
		case ">=":
			if c >= 0 {
				return true
			}
		case "<=":
			if c <= 0 {
				return true
			}
		}
	}
	return false
}

// compare returns the answer compared with the condition's value (-1, 0, 1) and whether they are comparable.
func compare(ew EnableWhen, a Answer) (int, bool) {
	num := func(x, y float64) int {
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	switch {
	case ew.AnswerCoding != nil && a.ValueCoding != nil:
		same := a.ValueCoding.Code == ew.AnswerCoding.Code &&
			(ew.AnswerCoding.System == "" || a.ValueCoding.System == "" || a.ValueCoding.System == ew.AnswerCoding.System)
		if same {
			return 0, true
		}
		return 1, true
	case ew.AnswerBoolean != nil && a.ValueBoolean != nil:
		if *ew.AnswerBoolean == *a.ValueBoolean {
			return 0, true
		}
		return 1, true
	case ew.AnswerInteger != nil && a.ValueInteger != nil:
		return num(float64(*a.ValueInteger), float64(*ew.AnswerInteger)), true
	case ew.AnswerDecimal != nil && a.ValueDecimal != nil:
		return num(*a.ValueDecimal, *ew.AnswerDecimal), true
	case ew.AnswerInteger != nil && a.ValueDecimal != nil:
		return num(*a.ValueDecimal, float64(*ew.AnswerInteger)), true
	case ew.AnswerString != nil && a.ValueString != nil:
		return strings.Compare(*a.ValueString, *ew.AnswerString), true
	}
	return 0, false
}
