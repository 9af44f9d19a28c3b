// Package questionnaire reads FHIR R4 Questionnaire resources and validates QuestionnaireResponse items against
// them. It supports the item types ePRO instruments use (group, display, boolean, decimal, integer, string, text,
// date, dateTime, choice), required, repeats, answerOption codings with ordinal weights (SDC itemWeight or the
// ordinalValue extension), enableWhen/enableBehavior and nested items. Every error names its path (item[8].answer[0])
// and the rule. It imports nothing of go-zero or gRPC.
package questionnaire

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/openepro/epro/common/errs"
)

// Item types.
const (
	TypeGroup    = "group"
	TypeDisplay  = "display"
	TypeBoolean  = "boolean"
	TypeDecimal  = "decimal"
	TypeInteger  = "integer"
	TypeString   = "string"
	TypeText     = "text"
	TypeDate     = "date"
	TypeDateTime = "dateTime"
	TypeChoice   = "choice"
	TypeAttach   = "attachment"
)

var supportedTypes = map[string]bool{TypeGroup: true, TypeDisplay: true, TypeBoolean: true, TypeDecimal: true,
	TypeInteger: true, TypeString: true, TypeText: true, TypeDate: true, TypeDateTime: true, TypeChoice: true, TypeAttach: true}

// Extension URLs for answer weights.
const (
	ExtItemWeight   = "http://hl7.org/fhir/StructureDefinition/itemWeight"
	ExtOrdinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
	ExtTranslation  = "http://hl7.org/fhir/StructureDefinition/translation"
)

// Reasons of questionnaire errors.
const (
	ReasonDefinition = "QUESTIONNAIRE_INVALID"
	ReasonResponse   = "RESPONSE_INVALID"
)

// Coding is a FHIR Coding.
type Coding struct {
	System    string      `json:"system,omitempty"`
	Code      string      `json:"code"`
	Display   string      `json:"display,omitempty"`
	Extension []Extension `json:"extension,omitempty"`
}

// Extension is the subset of a FHIR extension used here.
type Extension struct {
	URL          string      `json:"url"`
	ValueDecimal *float64    `json:"valueDecimal,omitempty"`
	ValueString  *string     `json:"valueString,omitempty"`
	ValueCode    *string     `json:"valueCode,omitempty"`
	Extension    []Extension `json:"extension,omitempty"`
}

// Option is an allowed answer of a choice item.
type Option struct {
	ValueCoding *Coding     `json:"valueCoding,omitempty"`
	Extension   []Extension `json:"extension,omitempty"`
}

// Weight returns the option's ordinal weight (SDC itemWeight or ordinalValue, on the option or its coding).
func (o Option) Weight() (float64, bool) {
	exts := o.Extension
	if o.ValueCoding != nil {
		exts = append(append([]Extension{}, exts...), o.ValueCoding.Extension...)
	}
	for _, e := range exts {
		if (e.URL == ExtItemWeight || e.URL == ExtOrdinalValue) && e.ValueDecimal != nil {
			return *e.ValueDecimal, true
		}
	}
	return 0, false
}

// EnableWhen is one condition of an item's enableWhen.
type EnableWhen struct {
	Question      string   `json:"question"`
	Operator      string   `json:"operator"`
	AnswerBoolean *bool    `json:"answerBoolean,omitempty"`
	AnswerInteger *int64   `json:"answerInteger,omitempty"`
	AnswerDecimal *float64 `json:"answerDecimal,omitempty"`
	AnswerString  *string  `json:"answerString,omitempty"`
	AnswerCoding  *Coding  `json:"answerCoding,omitempty"`
}

// Item is a questionnaire item.
type Item struct {
	LinkID  string   `json:"linkId"`
	Code    []Coding `json:"code,omitempty"`
	Text    string   `json:"text,omitempty"`
	TextExt *struct {
		Extension []Extension `json:"extension,omitempty"`
	} `json:"_text,omitempty"`
	Type           string       `json:"type"`
	Required       bool         `json:"required,omitempty"`
	Repeats        bool         `json:"repeats,omitempty"`
	ReadOnly       bool         `json:"readOnly,omitempty"`
	MaxLength      int          `json:"maxLength,omitempty"`
	EnableWhen     []EnableWhen `json:"enableWhen,omitempty"`
	EnableBehavior string       `json:"enableBehavior,omitempty"`
	AnswerOption   []Option     `json:"answerOption,omitempty"`
	Item           []Item       `json:"item,omitempty"`
}

// TextIn returns the item's text in lang ("zh", "en"), falling back to its text.
func (it Item) TextIn(lang string) string {
	if it.TextExt != nil {
		for _, e := range it.TextExt.Extension {
			if e.URL != ExtTranslation {
				continue
			}
			var l, content string
			for _, sub := range e.Extension {
				switch {
				case sub.URL == "lang" && sub.ValueCode != nil:
					l = *sub.ValueCode
				case sub.URL == "content" && sub.ValueString != nil:
					content = *sub.ValueString
				}
			}
			if strings.HasPrefix(l, lang) && content != "" {
				return content
			}
		}
	}
	return it.Text
}

// Questionnaire is a FHIR R4 Questionnaire.
type Questionnaire struct {
	ResourceType string   `json:"resourceType"`
	ID           string   `json:"id,omitempty"`
	URL          string   `json:"url"`
	Version      string   `json:"version"`
	Name         string   `json:"name,omitempty"`
	Title        string   `json:"title,omitempty"`
	Status       string   `json:"status"`
	Code         []Coding `json:"code,omitempty"`
	Item         []Item   `json:"item"`

	index map[string]*Item
}

// Canonical is "url|version", how responses name the questionnaire they answer.
func (q *Questionnaire) Canonical() string { return q.URL + "|" + q.Version }

// Lookup returns the item with linkID.
func (q *Questionnaire) Lookup(linkID string) (*Item, bool) {
	it, ok := q.index[linkID]
	return it, ok
}

func invalidDef(path, format string, args ...any) error {
	return errs.Invalid(ReasonDefinition, "%s: %s", path, fmt.Sprintf(format, args...))
}

// Parse reads and checks a Questionnaire definition.
func Parse(raw []byte) (*Questionnaire, error) {
	var q Questionnaire
	if err := json.Unmarshal(raw, &q); err != nil {
		return nil, invalidDef("questionnaire", "not a valid Questionnaire JSON resource")
	}
	switch {
	case q.ResourceType != "Questionnaire":
		return nil, invalidDef("resourceType", "must be Questionnaire")
	case q.Status != "draft" && q.Status != "active" && q.Status != "retired":
		return nil, invalidDef("status", "must be draft, active or retired")
	case q.URL == "" || len(q.URL) > 255 || strings.ContainsAny(q.URL, "| "):
		return nil, invalidDef("url", "is required: an absolute URL of at most 255 characters without '|' or spaces")
	case q.Version == "" || len(q.Version) > 32 || strings.ContainsAny(q.Version, "| "):
		return nil, invalidDef("version", "is required: at most 32 characters without '|' or spaces")
	case len(q.Item) == 0:
		return nil, invalidDef("item", "a questionnaire needs at least one item")
	}
	q.index = map[string]*Item{}
	if err := q.indexItems(q.Item, "item"); err != nil {
		return nil, err
	}
	if err := q.checkEnableWhen(q.Item, "item"); err != nil {
		return nil, err
	}
	return &q, nil
}

func (q *Questionnaire) indexItems(items []Item, path string) error {
	for i := range items {
		it := &items[i]
		p := fmt.Sprintf("%s[%d]", path, i)
		switch {
		case it.LinkID == "" || len(it.LinkID) > 64:
			return invalidDef(p+".linkId", "is required, at most 64 characters")
		case q.index[it.LinkID] != nil:
			return invalidDef(p+".linkId", "%q is used twice; linkIds must be unique", it.LinkID)
		case !supportedTypes[it.Type]:
			return invalidDef(p+".type", "must be one of group, display, boolean, decimal, integer, string, text, date, dateTime, choice, attachment")
		case it.Type == TypeChoice && len(it.AnswerOption) == 0:
			return invalidDef(p+".answerOption", "a choice item needs answer options")
		case it.Type == TypeGroup && len(it.Item) == 0:
			return invalidDef(p+".item", "a group needs items")
		case it.Type != TypeGroup && len(it.Item) > 0:
			return invalidDef(p+".item", "only groups have nested items here")
		case it.EnableBehavior != "" && it.EnableBehavior != "all" && it.EnableBehavior != "any":
			return invalidDef(p+".enableBehavior", "must be all or any")
		}
		for j, o := range it.AnswerOption {
			if o.ValueCoding == nil || o.ValueCoding.Code == "" {
				return invalidDef(fmt.Sprintf("%s.answerOption[%d]", p, j), "needs a valueCoding with a code")
			}
		}
		q.index[it.LinkID] = it
		if err := q.indexItems(it.Item, p+".item"); err != nil {
			return err
		}
	}
	return nil
}

var operators = map[string]bool{"exists": true, "=": true, "!=": true, ">": true, "<": true, ">=": true, "<=": true}

func (q *Questionnaire) checkEnableWhen(items []Item, path string) error {
	for i, it := range items {
		p := fmt.Sprintf("%s[%d]", path, i)
		for j, ew := range it.EnableWhen {
			ep := fmt.Sprintf("%s.enableWhen[%d]", p, j)
			if _, ok := q.index[ew.Question]; !ok || ew.Question == it.LinkID {
				return invalidDef(ep+".question", "must name another item's linkId")
			}
			if !operators[ew.Operator] {
				return invalidDef(ep+".operator", "must be one of exists, =, !=, >, <, >=, <=")
			}
		}
		if err := q.checkEnableWhen(it.Item, p+".item"); err != nil {
			return err
		}
	}
	return nil
}
