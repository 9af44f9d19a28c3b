// Package alerting is the alert lifecycle: open → acknowledged (who, when) → resolved (note), with escalation of
// open alerts whose acknowledgement deadline passed. It imports nothing of go-zero or gRPC.
package alerting

import (
	"strings"
	"unicode/utf8"

	"github.com/openepro/epro/common/errs"
)

// Statuses.
const (
	Open         = "open"
	Acknowledged = "acknowledged"
	Resolved     = "resolved"
)

// Sources of alerts.
const (
	SourceRule = "rule"
	SourceAI   = "ai"
)

// ReasonState is the reason of a transition the current status does not allow.
const ReasonState = "ALERT_STATE"

// MaxNoteLen bounds a resolution note.
const MaxNoteLen = 2000

// Acknowledge checks that an alert in status may be acknowledged.
func Acknowledge(status string) error {
	if status != Open {
		return errs.New(errs.KindFailedPrecondition, ReasonState, "only an open alert can be acknowledged (it is %s)", status)
	}
	return nil
}

// Resolve checks that an alert in status may be resolved with note.
func Resolve(status, note string) error {
	switch {
	case status != Acknowledged:
		return errs.New(errs.KindFailedPrecondition, ReasonState, "only an acknowledged alert can be resolved (it is %s)", status)
	case strings.TrimSpace(note) == "":
		return errs.Invalid(errs.ReasonFieldRequired, "note is required to resolve an alert")
	case utf8.RuneCountInString(note) > MaxNoteLen:
		return errs.Invalid(errs.ReasonFieldTooLong, "note must be at most %d characters", MaxNoteLen)
	}
	return nil
}

// Statuses lists the valid statuses, for filters.
var Statuses = map[string]bool{Open: true, Acknowledged: true, Resolved: true}
