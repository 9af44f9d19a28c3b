package questionnaire

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/openepro/epro/common/errs"
)

func tmpl(t *testing.T, name string) *Questionnaire {
	t.Helper()
	tp, ok := TemplateByName(name)
	if !ok {
		t.Fatalf("no template %s", name)
	}
	return tp.Q
}

func TestTemplatesParseWithBothLanguages(t *testing.T) {
	ts, err := Templates()
	if err != nil || len(ts) != 4 {
		t.Fatalf("templates: %d %v", len(ts), err)
	}
	for _, tp := range ts {
		for _, it := range tp.Q.Item {
			if it.TextIn("en") == "" || it.TextIn("zh") == it.TextIn("en") {
				t.Errorf("%s %s: zh/en text %q / %q", tp.Name, it.LinkID, it.TextIn("zh"), it.TextIn("en"))
			}
		}
	}
	phq := tmpl(t, "phq-9")
	it9, ok := phq.Lookup("44260-8")
	if !ok || it9.TextIn("zh") == "" {
		t.Fatal("PHQ-9 item 9 missing")
	}
	if w, ok := it9.AnswerOption[3].Weight(); !ok || w != 3 {
		t.Fatalf("weight %v %v", w, ok)
	}
}

// phq answers item i (1..9) with weight w.
func phqItems(ws ...int) []ResponseItem {
	codes := []string{"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"}
	links := []string{"44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"}
	var out []ResponseItem
	for i, w := range ws {
		out = append(out, ResponseItem{LinkID: links[i], Answer: []Answer{{ValueCoding: &Coding{System: "http://loinc.org", Code: codes[w]}}}})
	}
	return out
}

func TestValidatePHQ9(t *testing.T) {
	q := tmpl(t, "phq-9")
	ans, err := q.Validate(phqItems(0, 1, 2, 3, 0, 1, 2, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	if w := ans["44260-8"][0].Weight; w == nil || *w != 1 {
		t.Fatalf("item 9 weight %v", w)
	}
}

func expectErr(t *testing.T, err error, path, rule string) {
	t.Helper()
	e, ok := errs.As(err)
	if !ok || e.Kind != errs.KindInvalid {
		t.Fatalf("want invalid, got %v", err)
	}
	if !strings.HasPrefix(e.Message, path+":") || !strings.Contains(e.Message, rule) {
		t.Fatalf("message %q, want path %s and %q", e.Message, path, rule)
	}
}

func TestValidateRules(t *testing.T) {
	phq := tmpl(t, "phq-9")
	well := tmpl(t, "wellbeing")
	yes, no := true, false
	txt := "ok"
	n := int64(2)

	_, err := phq.Validate(phqItems(0, 1, 2, 3, 0, 1, 2, 3)) // 8 of 9 answered
	expectErr(t, err, "item[9]", "required item \"44260-8\" has no answer")

	items := phqItems(0, 1, 2, 3, 0, 1, 2, 3, 1)
	items[8].Answer[0].ValueCoding.Code = "LA9999-9"
	_, err = phq.Validate(items)
	expectErr(t, err, "item[8].answer[0].valueCoding", "is not an answer option")

	items = phqItems(0, 1, 2, 3, 0, 1, 2, 3, 1)
	items[2].Answer = []Answer{{ValueInteger: &n}}
	_, err = phq.Validate(items)
	expectErr(t, err, "item[2].answer[0]", "must be valueCoding")

	items = phqItems(0, 1, 2, 3, 0, 1, 2, 3, 1)
	items[4].Answer = append(items[4].Answer, items[4].Answer[0])
	_, err = phq.Validate(items)
	expectErr(t, err, "item[4].answer", "takes one answer (repeats is false)")

	items = append(phqItems(0, 1, 2, 3, 0, 1, 2, 3, 1), phqItems(2)[0])
	_, err = phq.Validate(items)
	expectErr(t, err, "item[9].linkId", "appears twice")

	items = append(phqItems(0, 1, 2, 3, 0, 1, 2, 3, 1), ResponseItem{LinkID: "nope", Answer: []Answer{{ValueBoolean: &yes}}})
	_, err = phq.Validate(items)
	expectErr(t, err, "item[9].linkId", "unknown linkId")

	items = append(phqItems(0, 1, 2, 3, 0, 1, 2, 3, 1), ResponseItem{LinkID: "phq9-intro", Answer: []Answer{{ValueString: &txt}}})
	_, err = phq.Validate(items)
	expectErr(t, err, "item[9].answer", "takes no answer")

	items = phqItems(0, 1, 2, 3, 0, 1, 2, 3, 1)
	items[0].Answer[0].ValueBoolean = &yes // two value[x]
	_, err = phq.Validate(items)
	expectErr(t, err, "item[0].answer[0]", "exactly one value[x]")

	mood := ResponseItem{LinkID: "mood", Answer: []Answer{{ValueCoding: &Coding{Code: "4"}}}}
	photo := ResponseItem{LinkID: "photo", Answer: []Answer{{ValueAttachment: &Attachment{ID: "att-1"}}}}
	// enableWhen: a photo without has-photo = true is an answer to a disabled item
	_, err = well.Validate([]ResponseItem{mood, photo})
	expectErr(t, err, "item[1].answer", "disabled by its enableWhen")
	_, err = well.Validate([]ResponseItem{mood, {LinkID: "has-photo", Answer: []Answer{{ValueBoolean: &no}}}, photo})
	expectErr(t, err, "item[2].answer", "disabled")
	if _, err := well.Validate([]ResponseItem{mood, {LinkID: "has-photo", Answer: []Answer{{ValueBoolean: &yes}}}, photo}); err != nil {
		t.Fatalf("enabled photo: %v", err)
	}
	long := strings.Repeat("痛", 2001)
	_, err = well.Validate([]ResponseItem{mood, {LinkID: "symptoms", Answer: []Answer{{ValueString: &long}}}})
	expectErr(t, err, "item[1].answer[0].valueString", "at most 2000 characters")
}

func TestEnableWhenOperators(t *testing.T) {
	def := `{"resourceType":"Questionnaire","status":"active","url":"http://x/q","version":"1","item":[
	 {"linkId":"n","type":"integer"},
	 {"linkId":"gt","type":"boolean","enableWhen":[{"question":"n","operator":">","answerInteger":5}]},
	 {"linkId":"ex","type":"boolean","enableWhen":[{"question":"n","operator":"exists","answerBoolean":false}]},
	 {"linkId":"any","type":"boolean","enableBehavior":"any","enableWhen":[
	   {"question":"n","operator":"=","answerInteger":1},{"question":"n","operator":"=","answerInteger":9}]},
	 {"linkId":"all","type":"boolean","required":true,"enableWhen":[
	   {"question":"n","operator":">=","answerInteger":3},{"question":"n","operator":"<=","answerInteger":4}]}]}`
	q, err := Parse([]byte(def))
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	with := func(n int64, link string) error {
		items := []ResponseItem{{LinkID: "n", Answer: []Answer{{ValueInteger: &n}}}}
		if link != "" {
			items = append(items, ResponseItem{LinkID: link, Answer: []Answer{{ValueBoolean: &yes}}})
		}
		_, err := q.Validate(items)
		return err
	}
	cases := []struct {
		n    int64
		link string
		ok   bool
	}{
		{6, "gt", true}, {5, "gt", false}, {9, "any", true}, {2, "any", false}, {3, "all", true},
		{5, "all", false}, {3, "", false} /* all is required when enabled */, {5, "", true}, {1, "ex", false},
	}
	for _, c := range cases {
		if err := with(c.n, c.link); (err == nil) != c.ok {
			t.Errorf("n=%d answering %q: %v", c.n, c.link, err)
		}
	}
	if _, err := q.Validate([]ResponseItem{{LinkID: "ex", Answer: []Answer{{ValueBoolean: &yes}}}}); err != nil {
		t.Errorf("exists=false with no answer to n: %v", err)
	}
}

func TestParseRejectsBadDefinitions(t *testing.T) {
	base := func(items string) string {
		return `{"resourceType":"Questionnaire","status":"active","url":"http://x/q","version":"1","item":` + items + `}`
	}
	cases := map[string][2]string{
		"duplicate linkId": {base(`[{"linkId":"a","type":"string"},{"linkId":"a","type":"string"}]`), "item[1].linkId"},
		"unknown type":     {base(`[{"linkId":"a","type":"quantity"}]`), "item[0].type"},
		"choice w/o opts":  {base(`[{"linkId":"a","type":"choice"}]`), "item[0].answerOption"},
		"bad enableWhen":   {base(`[{"linkId":"a","type":"string","enableWhen":[{"question":"zz","operator":"="}]}]`), "item[0].enableWhen[0].question"},
		"no version":       {`{"resourceType":"Questionnaire","status":"active","url":"http://x/q","item":[{"linkId":"a","type":"string"}]}`, "version"},
		"not a Q":          {`{"resourceType":"Patient"}`, "resourceType"},
		"bad status":       {`{"resourceType":"Questionnaire","status":"final","url":"u","version":"1","item":[]}`, "status"},
		"nested in leaf":   {base(`[{"linkId":"a","type":"string","item":[{"linkId":"b","type":"string"}]}]`), "item[0].item"},
	}
	for name, c := range cases {
		_, err := Parse([]byte(c[0]))
		e, ok := errs.As(err)
		if !ok || !strings.HasPrefix(e.Message, c[1]+":") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestNestedGroups(t *testing.T) {
	def := `{"resourceType":"Questionnaire","status":"active","url":"http://x/g","version":"1","item":[
	 {"linkId":"g","type":"group","item":[{"linkId":"g.a","type":"string","required":true}]}]}`
	q, err := Parse([]byte(def))
	if err != nil {
		t.Fatal(err)
	}
	s := "x"
	if _, err := q.Validate([]ResponseItem{{LinkID: "g", Item: []ResponseItem{{LinkID: "g.a", Answer: []Answer{{ValueString: &s}}}}}}); err != nil {
		t.Fatal(err)
	}
	_, err = q.Validate([]ResponseItem{{LinkID: "g.a", Answer: []Answer{{ValueString: &s}}}})
	expectErr(t, err, "item[0].linkId", "not part of this group")
	_, err = q.Validate([]ResponseItem{{LinkID: "g"}})
	expectErr(t, err, "item[0].item[0]", "required")
}

func FuzzValidate(f *testing.F) {
	f.Add(`[{"linkId":"44260-8","answer":[{"valueCoding":{"code":"LA6569-3"}}]}]`)
	f.Add(`[{"linkId":"mood","answer":[{"valueCoding":{"code":"4"}}]},{"linkId":"photo","answer":[{"valueAttachment":{"id":"x"}}]}]`)
	f.Add(`[{"linkId":"g","item":[{"linkId":"g","item":[]}]}]`)
	qs, _ := Templates()
	f.Fuzz(func(t *testing.T, raw string) {
		items, err := ParseItems(json.RawMessage(raw))
		if err != nil {
			return
		}
		for _, tp := range qs {
			if _, err := tp.Q.Validate(items); err != nil && errs.KindOf(err) != errs.KindInvalid {
				t.Fatalf("%s: non-client error %v", tp.Name, err)
			}
		}
	})
}
