package errx

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"

	"github.com/go-sql-driver/mysql"
	"github.com/openepro/epro/common/errs"
	"github.com/zeromicro/go-zero/core/breaker"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func TestDomainErrorRoundTrip(t *testing.T) {
	tests := []struct {
		err  *errs.Error
		code codes.Code
		http int
	}{
		{errs.Invalid(errs.ReasonFieldRange, "score must be between 0 and 100"), codes.InvalidArgument, 400},
		{errs.NotFound(errs.ReasonUserNotFound, "user 9 not found"), codes.NotFound, 404},
		{errs.New(errs.KindConflict, "DUP", "exists"), codes.AlreadyExists, 409},
		{errs.New(errs.KindForbidden, "NO", "no"), codes.PermissionDenied, 403},
		{errs.New(errs.KindUnauthenticated, "AUTH", "login"), codes.Unauthenticated, 401},
		{errs.New(errs.KindFailedPrecondition, "STATE", "state"), codes.FailedPrecondition, 409},
		{errs.New(errs.KindExhausted, "LIMIT", "slow down"), codes.ResourceExhausted, 429},
		{errs.New(errs.KindUnavailable, "DOWN", "down"), codes.Unavailable, 503},
		{errs.New(errs.KindTooLarge, "FILE_TOO_LARGE", "file must be at most 10 bytes"), codes.InvalidArgument, 413},
		{errs.New(errs.KindUnsupportedMedia, "UNSUPPORTED_IMAGE_TYPE", "file must be a JPEG"), codes.InvalidArgument, 415},
	}
	for _, tt := range tests {
		// server side: domain error → status with reason
		st := ToStatus(fmt.Errorf("wrapped: %w", tt.err))
		if st.Code() != tt.code || st.Message() != tt.err.Message || Reason(st.Err()) != tt.err.Reason {
			t.Errorf("%s: status %v reason %q", tt.err.Reason, st, Reason(st.Err()))
		}
		// gateway side: the status as a client receives it → HTTP
		code, body := HTTP(st.Err())
		if code != tt.http || body.Reason != tt.err.Reason || body.Error != tt.err.Message {
			t.Errorf("%s: HTTP %d %+v", tt.err.Reason, code, body)
		}
		// gateway's own domain errors map the same way
		if code, _ := HTTP(tt.err); code != tt.http {
			t.Errorf("%s: direct HTTP %d", tt.err.Reason, code)
		}
	}
}

func TestInternalDetailsNeverReachClients(t *testing.T) {
	leaky := &mysql.MySQLError{Number: 1062, Message: "Duplicate entry '13812345678' for key 'uk'"}
	for _, err := range []error{leaky, errors.New("dial tcp 10.0.0.5:3306: connection refused"),
		errs.Wrap(leaky, errs.KindInternal, "X", "boom")} {
		st := ToStatus(err)
		if st.Code() != codes.Internal || st.Message() != "internal error" {
			t.Errorf("%v → %v", err, st)
		}
		code, body := HTTP(st.Err())
		if code != 500 || body.Error != "internal error" || body.Reason != errs.ReasonInternal {
			t.Errorf("%v → %d %+v", err, code, body)
		}
	}
	if r := Redact(fmt.Errorf("insert: %w", leaky)); strings.Contains(r, "13812345678") || !strings.Contains(r, "1062") {
		t.Errorf("redacted text: %q", r)
	}
}

func TestTransportStatuses(t *testing.T) {
	tests := []struct {
		err    error
		http   int
		reason string
	}{
		{status.Error(codes.Unavailable, "connection refused 10.1.2.3"), http.StatusServiceUnavailable, errs.ReasonUnavailable},
		{status.Error(codes.DeadlineExceeded, "context deadline exceeded"), http.StatusGatewayTimeout, errs.ReasonTimeout},
		{context.DeadlineExceeded, http.StatusGatewayTimeout, errs.ReasonTimeout},
		{status.Error(codes.Unknown, "panic: x"), 500, errs.ReasonInternal},
		{status.Error(codes.NotFound, "grpc says"), 404, "NotFound"},
	}
	for _, tt := range tests {
		code, body := HTTP(tt.err)
		if code != tt.http || body.Reason != tt.reason {
			t.Errorf("%v → %d %+v", tt.err, code, body)
		}
		if body.Error == "connection refused 10.1.2.3" || body.Error == "panic: x" || body.Error == "grpc says" {
			t.Errorf("transport text leaked: %q", body.Error)
		}
	}
}

// A database that cannot be reached is a retryable 503, never a 500; other driver errors stay internal.
func TestDatabaseUnavailableIs503(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	for name, err := range map[string]error{
		"refused":      fmt.Errorf("query: %w", refused),
		"bad conn":     driver.ErrBadConn,
		"invalid conn": mysql.ErrInvalidConn,
		"shutdown":     &mysql.MySQLError{Number: 1053},
	} {
		if code, body := HTTP(ToStatus(err).Err()); code != http.StatusServiceUnavailable || body.Reason != "DATABASE_UNAVAILABLE" {
			t.Errorf("%s: %d %+v", name, code, body)
		}
	}
	if code, body := HTTP(ToStatus(breaker.ErrServiceUnavailable).Err()); code != http.StatusServiceUnavailable || body.Reason != errs.ReasonUnavailable {
		t.Errorf("open breaker: %d %+v", code, body)
	}
	if code, _ := HTTP(&mysql.MySQLError{Number: 1146, Message: "Table 'x' doesn't exist"}); code != http.StatusInternalServerError {
		t.Errorf("a schema error is internal, got %d", code)
	}
}

func TestRetryable(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{breaker.ErrServiceUnavailable, true},
		{fmt.Errorf("insert: %w", syscall.ECONNREFUSED), true},
		{context.DeadlineExceeded, true},
		{&mysql.MySQLError{Number: 1062, Message: "Duplicate entry"}, false},
		{errs.Invalid(errs.ReasonFieldRange, "score must be 0..100"), false},
		{errors.New("something else"), false},
	} {
		if got := Retryable(c.err); got != c.want {
			t.Errorf("Retryable(%v) = %v", c.err, got)
		}
	}
}
