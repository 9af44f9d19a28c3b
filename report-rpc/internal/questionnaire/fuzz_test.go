package questionnaire

import (
	"testing"

	"github.com/openepro/epro/common/errs"
)

// FuzzParse feeds arbitrary definitions to Parse, which trial staff upload: it never panics, rejects with a
// client error (the path and the rule), and a definition it accepts can validate an empty response.
func FuzzParse(f *testing.F) {
	qs, err := Templates()
	if err != nil {
		f.Fatal(err)
	}
	for _, tp := range qs {
		f.Add(string(tp.Raw))
	}
	f.Add(`{"resourceType":"Questionnaire","url":"u","version":"1","status":"active","item":[{"linkId":"a","type":"choice","enableWhen":[{"question":"a","operator":"=","answerBoolean":true}]}]}`)
	f.Add(`{"resourceType":"Questionnaire","item":[{"linkId":"g","type":"group","item":[{"linkId":"g","type":"string"}]}]}`)
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := Parse([]byte(raw))
		if err != nil {
			if errs.KindOf(err) != errs.KindInvalid {
				t.Fatalf("non-client error %v", err)
			}
			return
		}
		if _, err := q.Validate(nil); err != nil && errs.KindOf(err) != errs.KindInvalid {
			t.Fatalf("validate: non-client error %v", err)
		}
	})
}
