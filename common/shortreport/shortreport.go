// Package shortreport holds the rules of the seed's short report ({"patientId","score","notes"}): decoding a JSON
// body with errors that name the field and the rule, and validation shared by the gateway and report-rpc.
// It never puts input values into error messages: a body may hold PHI.
package shortreport

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/openepro/epro/common/errs"
)

// Limits of a short report.
const (
	MinScore        = 0
	MaxScore        = 100
	MaxPatientIDLen = 64    // characters
	MaxNotesLen     = 10000 // characters
	// MaxBodyBytes bounds a short report's JSON body: the longest notes in 4-byte UTF-8 plus room for the rest.
	MaxBodyBytes = 64 << 10
)

// Report is a validated short report.
type Report struct {
	PatientID string
	Score     int64
	Notes     string
}

// wire keeps score raw so that a missing score, a string and a fraction are told apart.
type wire struct {
	PatientID *string         `json:"patientId"`
	Score     json.RawMessage `json:"score"`
	Notes     *string         `json:"notes"`
}

// Decode parses and validates a JSON body. With patientOptional, a missing patientId is left empty for the
// caller to fill in (from the participant's token) before Validate.
func Decode(body []byte, patientOptional bool) (Report, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return Report{}, errs.Invalid(errs.ReasonEmptyBody, "request body is empty: expected a JSON object")
	}
	if body[0] != '{' {
		return Report{}, errs.Invalid(errs.ReasonMalformedJSON, "request body must be a JSON object")
	}
	var w wire
	if err := json.Unmarshal(body, &w); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			return Report{}, errs.Invalid(errs.ReasonFieldType, "%s must be a %s", typeErr.Field, expected(typeErr.Field))
		}
		// json's syntax errors quote the offending input; say only where it broke.
		var syntaxErr *json.SyntaxError
		if errors.As(err, &syntaxErr) {
			return Report{}, errs.Invalid(errs.ReasonMalformedJSON, "request body is not valid JSON (error at byte %d)", syntaxErr.Offset)
		}
		return Report{}, errs.Invalid(errs.ReasonMalformedJSON, "request body is not valid JSON")
	}
	r := Report{}
	switch {
	case w.PatientID != nil:
		r.PatientID = *w.PatientID
		if r.PatientID == "" {
			return Report{}, errs.Invalid(errs.ReasonFieldRequired, "patientId must not be empty")
		}
	case !patientOptional:
		return Report{}, errs.Invalid(errs.ReasonFieldRequired, "patientId is required")
	}
	score, err := parseScore(w.Score)
	if err != nil {
		return Report{}, err
	}
	r.Score = score
	if w.Notes != nil {
		r.Notes = *w.Notes
	}
	if r.PatientID == "" { // optional and absent: everything else must still hold
		probe := r
		probe.PatientID = "-"
		return r, probe.Validate()
	}
	return r, r.Validate()
}

func expected(field string) string {
	if field == "score" {
		return "integer"
	}
	return "string"
}

func parseScore(raw json.RawMessage) (int64, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return 0, errs.Invalid(errs.ReasonFieldRequired, "score is required")
	}
	c := raw[0]
	if c != '-' && (c < '0' || c > '9') {
		return 0, errs.Invalid(errs.ReasonFieldType, "score must be an integer")
	}
	n, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		var numErr *strconv.NumError
		if errors.As(err, &numErr) && numErr.Err == strconv.ErrRange {
			return 0, scoreRange()
		}
		// 85.5, 1e2 and the like
		return 0, errs.Invalid(errs.ReasonFieldType, "score must be an integer")
	}
	return n, nil
}

func scoreRange() error {
	return errs.Invalid(errs.ReasonFieldRange, "score must be between %d and %d", MinScore, MaxScore)
}

// Validate checks the rules of a short report; report-rpc applies it to every submission whatever its source.
func (r Report) Validate() error {
	switch {
	case r.PatientID == "":
		return errs.Invalid(errs.ReasonFieldRequired, "patientId must not be empty")
	case !utf8.ValidString(r.PatientID) || !printable(r.PatientID):
		return errs.Invalid(errs.ReasonFieldFormat, "patientId must be printable text without control characters")
	case utf8.RuneCountInString(r.PatientID) > MaxPatientIDLen:
		return errs.Invalid(errs.ReasonFieldTooLong, "patientId must be at most %d characters", MaxPatientIDLen)
	case r.Score < MinScore || r.Score > MaxScore:
		return scoreRange()
	case !utf8.ValidString(r.Notes):
		return errs.Invalid(errs.ReasonFieldFormat, "notes must be valid UTF-8 text")
	case utf8.RuneCountInString(r.Notes) > MaxNotesLen:
		return errs.Invalid(errs.ReasonFieldTooLong, "notes must be at most %d characters", MaxNotesLen)
	}
	return nil
}

func printable(s string) bool {
	for _, c := range s {
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	return true
}

// ProcessedNotes is the seed's echo of the notes in the acknowledgement.
func ProcessedNotes(notes string) string { return "Validated: " + notes }
