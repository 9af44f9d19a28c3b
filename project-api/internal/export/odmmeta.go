package export

import (
	"encoding/json"
	"fmt"
)

// The MetaDataVersion an ODM file's ClinicalData refers to: one study event (an ePRO report, repeating), a form and
// an item group per questionnaire version, an item per answerable question (its text as the Question) and a code
// list per choice question. A short report (the seed's score and notes) is a form of its own.
const mdvOID = "MDV.epro.1"

type question struct {
	LinkID, Text, Type string
	Options            []struct{ Code, Display string }
}

type form struct {
	OID, Name string
	Items     []string // linkIds, in questionnaire order
}

// odmDataType maps a FHIR item type to an ODM data type.
func odmDataType(fhirType string) string {
	switch fhirType {
	case "integer":
		return "integer"
	case "decimal":
		return "float"
	case "boolean":
		return "boolean"
	case "date":
		return "date"
	case "dateTime":
		return "datetime"
	case "time":
		return "time"
	}
	return "text"
}

// questionnaires reads the forms and the answerable items (not groups or display items) of questionnaire
// definitions (FHIR R4 Questionnaire JSON): a form per definition, each item once (the first definition naming a
// linkId describes it), in the order the definitions are given. CSV columns and ODM metadata both come from it.
func questionnaires(definitions []string) ([]form, []question, error) {
	type def struct {
		LinkID       string `json:"linkId"`
		Text         string `json:"text"`
		Type         string `json:"type"`
		AnswerOption []struct {
			ValueCoding struct{ Code, Display string } `json:"valueCoding"`
		} `json:"answerOption"`
		Item []def `json:"item"`
	}
	var forms []form
	var items []question
	seen := map[string]bool{}
	for _, raw := range definitions {
		var q struct {
			URL, Version, Title string
			Item                []def
		}
		if err := json.Unmarshal([]byte(raw), &q); err != nil {
			return nil, nil, fmt.Errorf("export: questionnaire definition: %w", err)
		}
		f := form{OID: formOID(q.URL + "|" + q.Version), Name: q.Title}
		if f.Name == "" {
			f.Name = q.URL
		}
		var walk func([]def)
		walk = func(ds []def) {
			for _, d := range ds {
				if d.Type != "group" && d.Type != "display" && d.LinkID != "" {
					f.Items = append(f.Items, d.LinkID)
					if !seen[d.LinkID] {
						seen[d.LinkID] = true
						it := question{LinkID: d.LinkID, Text: d.Text, Type: d.Type}
						for _, o := range d.AnswerOption {
							it.Options = append(it.Options, struct{ Code, Display string }{o.ValueCoding.Code, o.ValueCoding.Display})
						}
						items = append(items, it)
					}
				}
				walk(d.Item)
			}
		}
		walk(q.Item)
		forms = append(forms, f)
	}
	return forms, items, nil
}

// odmMetadata is the trial's questionnaires plus the short report's form (the seed's score and notes).
func odmMetadata(definitions []string) ([]form, []question, error) {
	forms, items, err := questionnaires(definitions)
	if err != nil {
		return nil, nil, err
	}
	forms = append([]form{{OID: formOID(""), Name: "Short report (score and notes)", Items: []string{"SHORT_SCORE", "NOTES"}}}, forms...)
	items = append([]question{{LinkID: "SHORT_SCORE", Text: "Score (0-100)", Type: "integer"}, {LinkID: "NOTES", Text: "Notes", Type: "text"}}, items...)
	return forms, items, nil
}

// study writes the Study element: global variables and the MetaDataVersion.
func (o *odmWriter) study() error {
	forms, items, err := odmMetadata(o.meta.Questionnaires)
	if err != nil {
		return err
	}
	name := o.meta.ProjectName
	if name == "" {
		name = o.meta.ProjectID
	}
	steps := []func() error{
		func() error { return o.open("Study", "OID", "S."+o.meta.ProjectID) },
		func() error { return o.open("GlobalVariables") },
		func() error { return o.leaf("StudyName", name) },
		func() error { return o.leaf("StudyDescription", "ePRO reports of trial "+o.meta.ProjectID) },
		func() error { return o.leaf("ProtocolName", o.meta.ProjectID) },
		func() error { return o.close("GlobalVariables") },
		func() error { return o.open("MetaDataVersion", "OID", mdvOID, "Name", "ePRO questionnaires") },
		func() error { return o.open("Protocol") },
		func() error { return o.leaf("StudyEventRef", "", "StudyEventOID", "SE.EPRO", "Mandatory", "No") },
		func() error { return o.close("Protocol") },
		func() error {
			return o.open("StudyEventDef", "OID", "SE.EPRO", "Name", "ePRO report", "Repeating", "Yes", "Type", "Unscheduled")
		},
	}
	for _, f := range forms {
		steps = append(steps, func() error { return o.leaf("FormRef", "", "FormOID", f.OID, "Mandatory", "No") })
	}
	steps = append(steps, func() error { return o.close("StudyEventDef") })
	for _, f := range forms {
		group := "IG" + f.OID[1:]
		steps = append(steps,
			func() error { return o.open("FormDef", "OID", f.OID, "Name", f.Name, "Repeating", "No") },
			func() error { return o.leaf("ItemGroupRef", "", "ItemGroupOID", group, "Mandatory", "Yes") },
			func() error { return o.close("FormDef") })
	}
	for _, f := range forms {
		group := "IG" + f.OID[1:]
		steps = append(steps, func() error { return o.open("ItemGroupDef", "OID", group, "Name", f.Name, "Repeating", "No") })
		for _, id := range f.Items {
			steps = append(steps, func() error { return o.leaf("ItemRef", "", "ItemOID", "I."+id, "Mandatory", "No") })
		}
		steps = append(steps, func() error { return o.close("ItemGroupDef") })
	}
	for _, it := range items {
		steps = append(steps, func() error {
			if err := o.open("ItemDef", "OID", "I."+it.LinkID, "Name", it.LinkID, "DataType", odmDataType(it.Type)); err != nil {
				return err
			}
			if it.Text != "" {
				if err := o.open("Question"); err != nil {
					return err
				}
				if err := o.leaf("TranslatedText", it.Text); err != nil {
					return err
				}
				if err := o.close("Question"); err != nil {
					return err
				}
			}
			if len(it.Options) > 0 {
				if err := o.leaf("CodeListRef", "", "CodeListOID", "CL."+it.LinkID); err != nil {
					return err
				}
			}
			return o.close("ItemDef")
		})
	}
	for _, it := range items {
		if len(it.Options) == 0 {
			continue
		}
		steps = append(steps, func() error {
			if err := o.open("CodeList", "OID", "CL."+it.LinkID, "Name", it.LinkID, "DataType", "text"); err != nil {
				return err
			}
			for _, opt := range it.Options {
				if err := o.open("CodeListItem", "CodedValue", opt.Code); err != nil {
					return err
				}
				if opt.Display != "" {
					if err := o.open("Decode"); err != nil {
						return err
					}
					if err := o.leaf("TranslatedText", opt.Display); err != nil {
						return err
					}
					if err := o.close("Decode"); err != nil {
						return err
					}
				}
				if err := o.close("CodeListItem"); err != nil {
					return err
				}
			}
			return o.close("CodeList")
		})
	}
	steps = append(steps, func() error { return o.close("MetaDataVersion") }, func() error { return o.close("Study") })
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
