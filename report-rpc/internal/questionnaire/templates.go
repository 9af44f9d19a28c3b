package questionnaire

import (
	"embed"
	"fmt"
	"sort"
	"strings"
)

//go:embed templates/*.json
var templateFS embed.FS

// Template is a built-in instrument a trial can adopt.
type Template struct {
	Name string // file name without .json: phq-9, gad-7, pain-nrs, wellbeing
	Raw  []byte
	Q    *Questionnaire
}

// Templates returns the built-in templates (PHQ-9, GAD-7, pain NRS, daily wellbeing), in name order.
func Templates() ([]Template, error) {
	entries, err := templateFS.ReadDir("templates")
	if err != nil {
		return nil, err
	}
	var out []Template
	for _, e := range entries {
		raw, err := templateFS.ReadFile("templates/" + e.Name())
		if err != nil {
			return nil, err
		}
		q, err := Parse(raw)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", e.Name(), err)
		}
		out = append(out, Template{Name: strings.TrimSuffix(e.Name(), ".json"), Raw: raw, Q: q})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// TemplateByName returns one built-in template.
func TemplateByName(name string) (Template, bool) {
	ts, _ := Templates()
	for _, t := range ts {
		if t.Name == name {
			return t, true
		}
	}
	return Template{}, false
}
