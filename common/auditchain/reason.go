package auditchain

import (
	"strings"
	"unicode/utf8"

	"github.com/openepro/epro/common/errs"
)

// ReasonRequired is the error reason of a change to clinical data sent without a reason for change.
const ReasonRequired = "REASON_REQUIRED"

// MaxReasonRunes bounds a reason for change (audit_log.reason is varchar(512)).
const MaxReasonRunes = 500

// CheckReason enforces EU Annex 11 / ICH E6(R3): an edit of clinical data states why. It returns the reason
// trimmed, or a 400-kind error naming the field and the rule.
func CheckReason(field, reason string) (string, error) {
	r := strings.TrimSpace(reason)
	switch {
	case r == "":
		return "", errs.New(errs.KindInvalid, ReasonRequired, "%s is required: changes to clinical data need a reason for change", field)
	case utf8.RuneCountInString(r) > MaxReasonRunes:
		return "", errs.Invalid(errs.ReasonFieldTooLong, "%s must be at most %d characters", field, MaxReasonRunes)
	}
	return r, nil
}
