package scoring

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/openepro/epro/report-rpc/internal/questionnaire"
)

var phq9Links = []string{"44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"}
var phq9Codes = []string{"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"} // weights 0..3

// FuzzPHQ9 drives the whole path a PHQ-9 response takes (parse, validate against the published template,
// score) with arbitrary answers: it never panics, a client mistake is a validation error, and every response
// that validates is scored within 0..27 with the band of its total, and urgent whenever item 9 is ≥ 1.
func FuzzPHQ9(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 1}, "")
	f.Add([]byte{3, 3, 3, 3, 3, 3, 3, 3, 3}, "")
	f.Add([]byte{1, 2, 3, 0, 1, 2, 3, 0, 0}, "")
	f.Add([]byte{9, 0, 0}, `[{"linkId":"44260-8","answer":[{"valueCoding":{"code":"LA6571-9"}},{"valueCoding":{"code":"LA6571-9"}}]}]`)
	tp, ok := questionnaire.TemplateByName("phq-9")
	if !ok {
		f.Fatal("no phq-9 template")
	}
	f.Fuzz(func(t *testing.T, picks []byte, extra string) {
		raw := extra
		if raw == "" { // build a response from picks: byte i chooses item i's option (values ≥ 4 leave it out)
			var items []string
			for i, p := range picks {
				if i >= len(phq9Links) || p >= 4 {
					continue
				}
				items = append(items, fmt.Sprintf(`{"linkId":%q,"answer":[{"valueCoding":{"code":%q}}]}`, phq9Links[i], phq9Codes[p]))
			}
			raw = "[" + strings.Join(items, ",") + "]"
		}
		items, err := questionnaire.ParseItems(json.RawMessage(raw))
		if err != nil {
			return
		}
		ans, err := tp.Q.Validate(items)
		if err != nil {
			return // named client errors are FuzzValidate's business
		}
		s, ok, err := Compute(Current, PHQ9, ans, Thresholds{}, Previous{})
		if err != nil || !ok {
			t.Fatalf("a valid PHQ-9 response was not scored: %v", err)
		}
		if s.Total < 0 || s.Total > 27 {
			t.Fatalf("total %d outside 0..27", s.Total)
		}
		if s.Band != bandOf(phq9Bands, s.Total) {
			t.Fatalf("band %q for total %d", s.Band, s.Total)
		}
		urgent := slices.ContainsFunc(s.Alerts, func(a Alert) bool { return a.Severity == Urgent })
		if item9 := weight(ans, PHQ9Item9); (item9 >= 1) != urgent {
			t.Fatalf("item 9 weight %d, urgent %v", item9, urgent)
		}
	})
}
