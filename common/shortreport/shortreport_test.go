package shortreport

import (
	"strings"
	"testing"

	"github.com/openepro/epro/common/errs"
)

func TestDecode(t *testing.T) {
	long := strings.Repeat("痛", MaxNotesLen+1)
	tests := []struct {
		name   string
		body   string
		reason string // "" = valid
		inMsg  string // the message must name this field/rule
	}{
		{"valid", `{"patientId":"P-12345","score":85,"notes":"steady"}`, "", ""},
		{"valid without notes", `{"patientId":"P-1","score":0}`, "", ""},
		{"valid edge 100", `{"patientId":"P-1","score":100}`, "", ""},
		{"empty body", ``, errs.ReasonEmptyBody, "empty"},
		{"whitespace body", "  \n", errs.ReasonEmptyBody, "empty"},
		{"malformed", `{"patientId":"P-1","score":`, errs.ReasonMalformedJSON, "JSON"},
		{"array", `[1,2]`, errs.ReasonMalformedJSON, "JSON object"},
		{"trailing garbage", `{"patientId":"P-1","score":1} x`, errs.ReasonMalformedJSON, "JSON"},
		{"missing patientId", `{"score":1}`, errs.ReasonFieldRequired, "patientId"},
		{"null patientId", `{"patientId":null,"score":1}`, errs.ReasonFieldRequired, "patientId"},
		{"empty patientId", `{"patientId":"","score":1}`, errs.ReasonFieldRequired, "patientId"},
		{"numeric patientId", `{"patientId":12,"score":1}`, errs.ReasonFieldType, "patientId must be a string"},
		{"control char patientId", `{"patientId":"P\u0000","score":1}`, errs.ReasonFieldFormat, "patientId"},
		{"long patientId", `{"patientId":"` + strings.Repeat("x", 65) + `","score":1}`, errs.ReasonFieldTooLong, "patientId"},
		{"missing score", `{"patientId":"P-1"}`, errs.ReasonFieldRequired, "score is required"},
		{"null score", `{"patientId":"P-1","score":null}`, errs.ReasonFieldRequired, "score is required"},
		{"string score", `{"patientId":"P-1","score":"85"}`, errs.ReasonFieldType, "score must be an integer"},
		{"fraction score", `{"patientId":"P-1","score":85.5}`, errs.ReasonFieldType, "score must be an integer"},
		{"exponent score", `{"patientId":"P-1","score":1e2}`, errs.ReasonFieldType, "score must be an integer"},
		{"bool score", `{"patientId":"P-1","score":true}`, errs.ReasonFieldType, "score must be an integer"},
		{"negative score", `{"patientId":"P-1","score":-1}`, errs.ReasonFieldRange, "score must be between 0 and 100"},
		{"score 101", `{"patientId":"P-1","score":101}`, errs.ReasonFieldRange, "score must be between 0 and 100"},
		{"huge score", `{"patientId":"P-1","score":99999999999999999999999}`, errs.ReasonFieldRange, "score"},
		{"numeric notes", `{"patientId":"P-1","score":1,"notes":5}`, errs.ReasonFieldType, "notes must be a string"},
		{"long notes", `{"patientId":"P-1","score":1,"notes":"` + long + `"}`, errs.ReasonFieldTooLong, "notes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Decode([]byte(tt.body), false)
			if tt.reason == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if r.PatientID == "" {
					t.Fatal("patientId not decoded")
				}
				return
			}
			e, ok := errs.As(err)
			if !ok {
				t.Fatalf("want domain error %s, got %v", tt.reason, err)
			}
			if e.Kind != errs.KindInvalid || e.Reason != tt.reason {
				t.Fatalf("want invalid/%s, got %s/%s (%s)", tt.reason, e.Kind, e.Reason, e.Message)
			}
			if !strings.Contains(e.Message, tt.inMsg) {
				t.Fatalf("message %q does not contain %q", e.Message, tt.inMsg)
			}
		})
	}
}

func TestDecodeNeverEchoesInput(t *testing.T) {
	secret := "张三-13812345678"
	bodies := []string{
		`{"patientId":"` + secret + `","score":"` + secret + `"}`,
		`{"patientId":"` + secret + `", "score": 1, "notes": ` + secret + `}`,
		`{"patientId":` + secret + `}`,
	}
	for _, b := range bodies {
		_, err := Decode([]byte(b), false)
		if err == nil {
			t.Fatalf("expected an error for %q", b)
		}
		if strings.Contains(err.Error(), "13812345678") || strings.Contains(err.Error(), "张三") {
			t.Fatalf("error echoes input: %v", err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"patientId":"P-1","score":85,"notes":"x"}`, `{"score":1e309}`, `{`, ``, `[]`, `{"patientId":"\ud800"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := Decode(body, false)
		if err == nil {
			if verr := r.Validate(); verr != nil {
				t.Fatalf("Decode accepted what Validate rejects: %v", verr)
			}
			return
		}
		if errs.KindOf(err) != errs.KindInvalid {
			t.Fatalf("non-client error for client input: %v", err)
		}
	})
}

func TestDecodePatientOptional(t *testing.T) {
	r, err := Decode([]byte(`{"score":5,"notes":"x"}`), true)
	if err != nil || r.PatientID != "" || r.Score != 5 {
		t.Fatalf("%+v %v", r, err)
	}
	if _, err := Decode([]byte(`{"score":500}`), true); errs.KindOf(err) != errs.KindInvalid {
		t.Fatalf("range still checked: %v", err)
	}
	if _, err := Decode([]byte(`{"patientId":"","score":5}`), true); errs.KindOf(err) != errs.KindInvalid {
		t.Fatalf("an empty patientId is still wrong: %v", err)
	}
}
