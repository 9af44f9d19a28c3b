// Package review holds the rules of reviewing submitted reports: corrections as new versions, what an electronic
// signature binds to (21 CFR Part 11 §11.50, §11.70, §11.200) and when it no longer holds. It is pure: no
// database, no go-zero, no gRPC.
package review

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/openepro/epro/common/errs"
)

// Signature meanings (§11.50(a)(3)).
const (
	MeaningReviewed = "reviewed"
	MeaningApproved = "approved"
)

// Reasons of refusals.
const (
	ReasonUsernameRequired = "USERNAME_REQUIRED" // first signing of a session without the user ID
	ReasonNotCorrectable   = "NOT_CORRECTABLE"   // a short report has no questionnaire answers to correct
	ReasonNothingChanged   = "CORRECTION_NO_CHANGE"
)

// ParseMeaning reads a signature's meaning.
func ParseMeaning(s string) (string, error) {
	switch m := strings.ToLower(strings.TrimSpace(s)); m {
	case MeaningReviewed, MeaningApproved:
		return m, nil
	}
	return "", errs.Invalid(errs.ReasonFieldFormat, "meaning must be %q or %q", MeaningReviewed, MeaningApproved)
}

// Version is one version of a report's content: version 1 is the submission, later ones corrections.
type Version struct {
	ReportID      string
	Number        int
	Questionnaire string // url|version
	Items         string // QuestionnaireResponse items JSON, canonical as stored
}

// ContentHash is what a signature binds to: SHA-256 over the report id, the version number, the questionnaire
// and the answers, as a JSON array (unambiguous field boundaries).
func ContentHash(v Version) string {
	b, _ := json.Marshal([]any{v.ReportID, v.Number, v.Questionnaire, v.Items})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Signed is a stored signature as far as validity goes.
type Signed struct {
	Version     int
	ContentHash string
}

// Validity says whether a signature still stands for the report as it is now.
type Validity struct {
	Valid  bool
	Reason string // why not
}

// Check compares a signature with the report's current version.
func Check(s Signed, current Version) Validity {
	switch {
	case s.Version < current.Number:
		return Validity{Reason: fmt.Sprintf("invalidated: the report was corrected to version %d after this signature", current.Number)}
	case s.Version != current.Number || s.ContentHash != ContentHash(current):
		return Validity{Reason: "invalidated: the signed content no longer matches its hash"}
	}
	return Validity{Valid: true}
}

// DiffAnswers lists the answers a correction changes, by item path (linkId, nested with "/"), as [old, new]
// JSON values (nil where an answer is added or removed). Both inputs are QuestionnaireResponse items JSON.
func DiffAnswers(oldItems, newItems string) (map[string][2]any, error) {
	a, err := flatten(oldItems)
	if err != nil {
		return nil, err
	}
	b, err := flatten(newItems)
	if err != nil {
		return nil, err
	}
	out := map[string][2]any{}
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		if a[k] != b[k] {
			out[k] = [2]any{raw(a[k]), raw(b[k])}
		}
	}
	return out, nil
}

func raw(s string) any {
	if s == "" {
		return nil
	}
	return json.RawMessage(s)
}

type item struct {
	LinkID string            `json:"linkId"`
	Answer []json.RawMessage `json:"answer"`
	Item   []item            `json:"item"`
}

// flatten maps each answered item's path to its answers' JSON (answers' nested items are walked too).
func flatten(items string) (map[string]string, error) {
	var top []item
	if items != "" {
		if err := json.Unmarshal([]byte(items), &top); err != nil {
			return nil, fmt.Errorf("review: items: %w", err)
		}
	}
	out := map[string]string{}
	var walk func(prefix string, its []item) error
	walk = func(prefix string, its []item) error {
		for _, it := range its {
			p := prefix + it.LinkID
			if len(it.Answer) > 0 {
				vals := make([]json.RawMessage, len(it.Answer))
				for i, a := range it.Answer {
					var ans struct {
						Item []item `json:"item"`
					}
					if err := json.Unmarshal(a, &ans); err != nil {
						return err
					}
					if err := walk(p+"/", ans.Item); err != nil {
						return err
					}
					// the answer's value only: nested items are compared on their own paths
					var m map[string]json.RawMessage
					_ = json.Unmarshal(a, &m)
					delete(m, "item")
					vals[i], _ = json.Marshal(m)
				}
				b, _ := json.Marshal(vals)
				out[p] = string(b)
			}
			if err := walk(p+"/", it.Item); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk("", top)
}
