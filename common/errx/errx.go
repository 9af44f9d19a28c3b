// Package errx is the suite's one error mapping: domain errors (common/errs) to standard gRPC codes with a
// google.rpc.ErrorInfo reason on the server side, and gRPC statuses or domain errors to an HTTP status and the
// {"error","reason"} envelope at the gateway. Internal error text never reaches a client.
package errx

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"

	"github.com/go-sql-driver/mysql"
	"github.com/openepro/epro/common/errs"
	"github.com/zeromicro/go-zero/core/breaker"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Domain is the ErrorInfo domain of every reason this suite emits.
const Domain = "epro"

// Body is the error envelope of every HTTP error response.
type Body struct {
	Error  string `json:"error"`
	Reason string `json:"reason"`
}

type mapping struct {
	code codes.Code
	http int
}

// The single table: kind → gRPC code → HTTP status. Business errors never use the codes go-zero's breaker counts
// (DeadlineExceeded, Internal, Unavailable, DataLoss, Unimplemented, ResourceExhausted) except where the meaning is
// exactly that (Unavailable, Exhausted).
var kinds = map[errs.Kind]mapping{
	errs.KindInternal:           {codes.Internal, http.StatusInternalServerError},
	errs.KindInvalid:            {codes.InvalidArgument, http.StatusBadRequest},
	errs.KindNotFound:           {codes.NotFound, http.StatusNotFound},
	errs.KindConflict:           {codes.AlreadyExists, http.StatusConflict},
	errs.KindForbidden:          {codes.PermissionDenied, http.StatusForbidden},
	errs.KindUnauthenticated:    {codes.Unauthenticated, http.StatusUnauthorized},
	errs.KindFailedPrecondition: {codes.FailedPrecondition, http.StatusConflict},
	errs.KindExhausted:          {codes.ResourceExhausted, http.StatusTooManyRequests},
	errs.KindUnavailable:        {codes.Unavailable, http.StatusServiceUnavailable},
	errs.KindTooLarge:           {codes.InvalidArgument, http.StatusRequestEntityTooLarge},
	errs.KindUnsupportedMedia:   {codes.InvalidArgument, http.StatusUnsupportedMediaType},
}

// codeHTTP maps gRPC codes coming back from a service; built from kinds plus the codes no kind produces.
var codeHTTP = func() map[codes.Code]int {
	m := map[codes.Code]int{
		codes.DeadlineExceeded: http.StatusGatewayTimeout,
		codes.Canceled:         499, // client closed the request
		codes.OutOfRange:       http.StatusBadRequest,
		codes.Unimplemented:    http.StatusNotImplemented,
	}
	for _, k := range []errs.Kind{errs.KindInternal, errs.KindInvalid, errs.KindNotFound, errs.KindConflict,
		errs.KindForbidden, errs.KindUnauthenticated, errs.KindFailedPrecondition, errs.KindExhausted, errs.KindUnavailable} {
		m[kinds[k].code] = kinds[k].http
	}
	return m
}()

const (
	msgInternal    = "internal error"
	msgUnavailable = "a service is temporarily unavailable, please retry"
	msgTimeout     = "the request timed out, please retry"
)

// ToStatus converts err into a gRPC status. Domain errors keep their message and carry their reason in an
// ErrorInfo; status errors pass through; context errors become DeadlineExceeded/Canceled; anything else becomes
// Internal with a generic message.
func ToStatus(err error) *status.Status {
	if err == nil {
		return nil
	}
	if e, ok := errs.As(err); ok {
		m := kinds[e.Kind]
		msg := e.Message
		if e.Kind == errs.KindInternal {
			msg = msgInternal
		}
		st := status.New(m.code, msg)
		info := &errdetails.ErrorInfo{Reason: e.Reason, Domain: Domain}
		if refined[e.Kind] {
			// InvalidArgument says too little for the gateway: the kind travels along so it answers 413/415.
			info.Metadata = map[string]string{metaKind: e.Kind.String()}
		}
		if withInfo, derr := st.WithDetails(info); derr == nil {
			return withInfo
		}
		return st
	}
	if st, ok := status.FromError(err); ok {
		return st
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return status.New(codes.DeadlineExceeded, msgTimeout)
	case errors.Is(err, context.Canceled):
		return status.New(codes.Canceled, "request canceled")
	case errors.Is(err, breaker.ErrServiceUnavailable): // a go-zero breaker (SQL or RPC client) is open
		return ToStatus(errs.Wrap(err, errs.KindUnavailable, errs.ReasonUnavailable, msgUnavailable))
	case storeUnavailable(err):
		return ToStatus(errs.Wrap(err, errs.KindUnavailable, "DATABASE_UNAVAILABLE", "the database is unavailable: retry shortly"))
	}
	return status.New(codes.Internal, msgInternal)
}

// ConnectionLost reports a database connection refused or dropped: the server is down or restarting and says so
// at once (no timeout was waited for).
func ConnectionLost(err error) bool {
	return errors.Is(err, driver.ErrBadConn) || errors.Is(err, mysql.ErrInvalidConn) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF)
}

// storeUnavailable reports a database that cannot be reached (refused, reset, timed out, shutting down): the
// caller may retry, and a client gets a fast 503, not a 500.
func storeUnavailable(err error) bool {
	var netErr *net.OpError
	var myErr *mysql.MySQLError
	switch {
	case ConnectionLost(err), errors.As(err, &netErr):
		return true
	case errors.As(err, &myErr):
		// 1040 too many connections, 1053 server shutdown in progress, 1927 connection killed
		return myErr.Number == 1040 || myErr.Number == 1053 || myErr.Number == 1927
	}
	return false
}

// refined are the kinds that share InvalidArgument over gRPC but have their own HTTP status.
var refined = map[errs.Kind]bool{errs.KindTooLarge: true, errs.KindUnsupportedMedia: true}

const metaKind = "kind"

func errorInfo(err error) *errdetails.ErrorInfo {
	st, ok := status.FromError(err)
	if !ok {
		return nil
	}
	for _, d := range st.Details() {
		if info, ok := d.(*errdetails.ErrorInfo); ok {
			return info
		}
	}
	return nil
}

// Reason returns the ErrorInfo reason of a gRPC status error, or "" when it carries none.
func Reason(err error) string {
	if info := errorInfo(err); info != nil {
		return info.Reason
	}
	return ""
}

// refinedHTTP returns the HTTP status of an InvalidArgument status whose ErrorInfo names a refined kind.
func refinedHTTP(err error) (int, bool) {
	info := errorInfo(err)
	if info == nil || info.Domain != Domain {
		return 0, false
	}
	for k := range refined {
		if info.Metadata[metaKind] == k.String() {
			return kinds[k].http, true
		}
	}
	return 0, false
}

// Retryable reports an error that says nothing about the request itself: the database or a service is
// unavailable (down, or its breaker open) or the deadline passed. Trying the same work again at once, or split
// into parts, only adds load.
func Retryable(err error) bool {
	switch ToStatus(err).Code() {
	case codes.Unavailable, codes.DeadlineExceeded:
		return true
	}
	return false
}

// IsNotFound reports whether err (a domain error or a gRPC status error) means "not found".
func IsNotFound(err error) bool {
	if e, ok := errs.As(err); ok {
		return e.Kind == errs.KindNotFound
	}
	return status.Code(err) == codes.NotFound
}

// HTTP returns the HTTP status and envelope for err: a domain error raised in the gateway itself, or a gRPC
// status error returned by a service. Messages of internal, unavailable and timeout errors are generic.
func HTTP(err error) (int, Body) {
	if e, ok := errs.As(err); ok {
		if e.Kind == errs.KindInternal {
			return http.StatusInternalServerError, Body{Error: msgInternal, Reason: errs.ReasonInternal}
		}
		return kinds[e.Kind].http, Body{Error: e.Message, Reason: e.Reason}
	}
	st := ToStatus(err)
	code := st.Code()
	httpStatus, ok := codeHTTP[code]
	if !ok {
		httpStatus = http.StatusInternalServerError
	}
	reason := Reason(st.Err())
	switch code {
	case codes.Unavailable:
		if reason == "" {
			return httpStatus, Body{Error: msgUnavailable, Reason: errs.ReasonUnavailable}
		}
	case codes.DeadlineExceeded:
		return httpStatus, Body{Error: msgTimeout, Reason: errs.ReasonTimeout}
	case codes.Internal, codes.Unknown, codes.DataLoss, codes.Unimplemented:
		return http.StatusInternalServerError, Body{Error: msgInternal, Reason: errs.ReasonInternal}
	case codes.InvalidArgument:
		if h, ok := refinedHTTP(st.Err()); ok {
			httpStatus = h
		}
	}
	if reason == "" {
		// A status without our ErrorInfo comes from the transport, not from our code: its text is not for clients.
		return httpStatus, Body{Error: http.StatusText(httpStatus), Reason: code.String()}
	}
	return httpStatus, Body{Error: st.Message(), Reason: reason}
}

// UnaryServerInterceptor turns every error a handler returns into a proper status (see ToStatus) and reports
// internal ones to logf without their values, so no business error leaves a service as Unknown.
func UnaryServerInterceptor(logf func(ctx context.Context, method string, err error)) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		resp, err := handler(ctx, req)
		if err == nil {
			return resp, nil
		}
		st := ToStatus(err)
		if logf != nil && (st.Code() == codes.Internal || st.Code() == codes.Unavailable && !isDomain(err)) {
			logf(ctx, info.FullMethod, err)
		}
		return resp, st.Err()
	}
}

func isDomain(err error) bool {
	_, ok := errs.As(err)
	return ok
}

// Redact describes err for logs without the values a database error may quote (a duplicate key's value, say).
func Redact(err error) string {
	var myErr *mysql.MySQLError
	if errors.As(err, &myErr) {
		return fmt.Sprintf("mysql error %d (%s)", myErr.Number, string(myErr.SQLState[:]))
	}
	if e, ok := errs.As(err); ok {
		return e.Kind.String() + " " + e.Reason
	}
	return err.Error()
}
