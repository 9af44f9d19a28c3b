// Package errs holds the suite's domain errors: a kind (what went wrong, in terms every edge understands),
// a machine-readable reason and a message safe to show to a client. It imports nothing of go-zero or gRPC,
// so domain packages can use it; common/errx translates it at the edges.
package errs

import (
	"errors"
	"fmt"
)

// Kind classifies a domain error. Each kind maps to one standard gRPC code and one HTTP status (see common/errx).
type Kind int

const (
	// KindInternal is an unexpected failure; its message never reaches a client.
	KindInternal Kind = iota
	// KindInvalid is bad input: the message names the field and the rule.
	KindInvalid
	// KindNotFound is a missing entity.
	KindNotFound
	// KindConflict is an entity that already exists.
	KindConflict
	// KindForbidden is an authenticated caller without the right.
	KindForbidden
	// KindUnauthenticated is a missing or wrong credential.
	KindUnauthenticated
	// KindFailedPrecondition is a valid request the current state does not allow.
	KindFailedPrecondition
	// KindExhausted is a rate or quota limit.
	KindExhausted
	// KindUnavailable is a dependency that is down; the caller may retry.
	KindUnavailable
	// KindTooLarge is a request body or file over its limit (InvalidArgument over gRPC, 413 over HTTP).
	KindTooLarge
	// KindUnsupportedMedia is a body or file of the wrong content type (InvalidArgument over gRPC, 415 over HTTP).
	KindUnsupportedMedia
)

var kindNames = [...]string{"internal", "invalid", "not found", "conflict", "forbidden", "unauthenticated",
	"failed precondition", "exhausted", "unavailable", "too large", "unsupported media"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Error is a domain error.
type Error struct {
	Kind    Kind
	Reason  string // machine-readable, UPPER_SNAKE, stable across releases
	Message string // for clients: names the field and the rule, never echoes input values
	cause   error
}

func (e *Error) Error() string {
	if e.cause != nil {
		return e.Message + ": " + e.cause.Error()
	}
	return e.Message
}

// Unwrap returns the underlying cause, if any.
func (e *Error) Unwrap() error { return e.cause }

// New returns an error of the given kind.
func New(kind Kind, reason, format string, args ...any) *Error {
	return &Error{Kind: kind, Reason: reason, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an error of the given kind keeping cause for logs; clients see only the message.
func Wrap(cause error, kind Kind, reason, message string) *Error {
	return &Error{Kind: kind, Reason: reason, Message: message, cause: cause}
}

// Invalid reports bad input; the message must name the field and the rule.
func Invalid(reason, format string, args ...any) *Error {
	return New(KindInvalid, reason, format, args...)
}

// NotFound reports a missing entity.
func NotFound(reason, format string, args ...any) *Error {
	return New(KindNotFound, reason, format, args...)
}

// As returns the domain error in err's chain, if any.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// KindOf returns the kind of err: KindInternal for anything that is not a domain error.
func KindOf(err error) Kind {
	if e, ok := As(err); ok {
		return e.Kind
	}
	return KindInternal
}

// Reasons shared by more than one service.
const (
	ReasonInternal       = "INTERNAL"
	ReasonUnavailable    = "UNAVAILABLE"
	ReasonTimeout        = "TIMEOUT"
	ReasonMalformedJSON  = "MALFORMED_JSON"
	ReasonEmptyBody      = "EMPTY_BODY"
	ReasonBodyTooLarge   = "BODY_TOO_LARGE"
	ReasonMediaType      = "UNSUPPORTED_MEDIA_TYPE"
	ReasonFieldRequired  = "FIELD_REQUIRED"
	ReasonFieldType      = "FIELD_TYPE"
	ReasonFieldRange     = "FIELD_RANGE"
	ReasonFieldTooLong   = "FIELD_TOO_LONG"
	ReasonFieldFormat    = "FIELD_FORMAT"
	ReasonNotFound       = "NOT_FOUND"
	ReasonUserNotFound   = "USER_NOT_FOUND"
	ReasonProjectMissing = "PROJECT_NOT_FOUND"
	ReasonReportNotFound = "REPORT_NOT_FOUND"
)
