package review

import (
	"encoding/json"
	"strings"
	"testing"
)

const v1Items = `[{"linkId":"phq9-1","answer":[{"valueCoding":{"code":"0"}}]},{"linkId":"grp","item":[{"linkId":"note","answer":[{"valueString":"ok"}]}]}]`
const v2Items = `[{"linkId":"phq9-1","answer":[{"valueCoding":{"code":"2"}}]},{"linkId":"grp","item":[{"linkId":"note","answer":[{"valueString":"ok"}]}]},{"linkId":"phq9-9","answer":[{"valueCoding":{"code":"1"}}]}]`

func TestDiffAnswersNamesChangedPaths(t *testing.T) {
	d, err := DiffAnswers(v1Items, v2Items)
	if err != nil {
		t.Fatal(err)
	}
	if len(d) != 2 || d["phq9-9"][0] != nil || d["phq9-1"][0] == nil {
		t.Fatalf("diff %v", d)
	}
	if !strings.Contains(stringOf(d["phq9-1"][1]), `"2"`) {
		t.Fatalf("new value %s", stringOf(d["phq9-1"][1]))
	}
	if same, _ := DiffAnswers(v1Items, v1Items); len(same) != 0 {
		t.Fatalf("no change: %v", same)
	}
	if _, err := DiffAnswers("{", v1Items); err == nil {
		t.Fatal("bad JSON accepted")
	}
}

func stringOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestSignatureValidity(t *testing.T) {
	v1 := Version{ReportID: "r1", Number: 1, Questionnaire: "u|1", Items: v1Items}
	sig := Signed{Version: 1, ContentHash: ContentHash(v1)}
	if c := Check(sig, v1); !c.Valid {
		t.Fatalf("fresh signature: %+v", c)
	}
	v2 := Version{ReportID: "r1", Number: 2, Questionnaire: "u|1", Items: v2Items}
	if c := Check(sig, v2); c.Valid || !strings.Contains(c.Reason, "corrected to version 2") {
		t.Fatalf("after correction: %+v", c)
	}
	tampered := v1
	tampered.Items = v2Items
	if c := Check(sig, tampered); c.Valid || !strings.Contains(c.Reason, "hash") {
		t.Fatalf("content changed under the signature: %+v", c)
	}
	if ContentHash(v1) == ContentHash(Version{ReportID: "r2", Number: 1, Questionnaire: "u|1", Items: v1Items}) {
		t.Fatal("the hash must bind the report id")
	}
}

func TestParseMeaning(t *testing.T) {
	for in, want := range map[string]string{"reviewed": MeaningReviewed, " Approved ": MeaningApproved} {
		if got, err := ParseMeaning(in); err != nil || got != want {
			t.Errorf("%q: %q %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "signed", "author"} {
		if _, err := ParseMeaning(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
