package middleware

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/openepro/epro/common/errx"
	"github.com/openepro/epro/common/shed"
	"github.com/zeromicro/go-zero/core/breaker"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// overloadedBody is the 503 a shed request gets.
var overloadedBody = errx.Body{Error: "the service is overloaded: retry shortly", Reason: "OVERLOADED"}

// circuitOpenBody is the 503 a request gets while its route's breaker is open.
var circuitOpenBody = errx.Body{Error: "the service is failing: retry shortly", Reason: "CIRCUIT_OPEN"}

// Breaker is go-zero's Google SRE breaker, one per route (go-zero applies Use middlewares route by route, so each
// call of the returned function is one route). It counts 500 and 504 as failures — not 503, which the services
// answer on purpose and fast when a dependency is down, and which must not keep the route closed once it is back —
// and answers an open circuit with the error envelope and Retry-After.
func Breaker(enabled bool) func(http.HandlerFunc) http.HandlerFunc {
	return func(next http.HandlerFunc) http.HandlerFunc {
		if !enabled {
			return next
		}
		brk := breaker.NewBreaker()
		return func(w http.ResponseWriter, r *http.Request) {
			promise, err := brk.Allow()
			if err != nil {
				w.Header().Set("Retry-After", "1")
				httpx.WriteJsonCtx(r.Context(), w, http.StatusServiceUnavailable, circuitOpenBody)
				return
			}
			cw := &codeWriter{ResponseWriter: w, code: http.StatusOK}
			defer func() {
				if cw.code == http.StatusInternalServerError || cw.code == http.StatusGatewayTimeout {
					promise.Reject(http.StatusText(cw.code))
				} else {
					promise.Accept()
				}
			}()
			next(cw, r)
		}
	}
}

// Shedding refuses requests with 503 while s says this process is overloaded (common/shed: its own CPU, not the
// whole machine's). A request answered 503 or 504 does not count as a pass.
func Shedding(s *shed.Shedder) func(http.HandlerFunc) http.HandlerFunc {
	return func(next http.HandlerFunc) http.HandlerFunc {
		if !s.Enabled() {
			return next
		}
		return func(w http.ResponseWriter, r *http.Request) {
			done, err := s.Allow()
			if err != nil {
				w.Header().Set("Retry-After", "1")
				httpx.WriteJsonCtx(r.Context(), w, http.StatusServiceUnavailable, overloadedBody)
				return
			}
			cw := &codeWriter{ResponseWriter: w, code: http.StatusOK}
			defer func() { done(cw.code != http.StatusServiceUnavailable && cw.code != http.StatusGatewayTimeout) }()
			next(cw, r)
		}
	}
}

// Deadline gives every request's context a deadline of d: the calls it makes downstream (gRPC, SQL) end with
// it, and the error mapping answers 504. go-zero's timeout middleware does the same by running the handler in a
// second goroutine behind a buffered response writer, which costs a third of the gateway's throughput; the
// server's read and write timeouts (set at start) bound slow clients. The deadline's timer is made only when
// something waits on the context (a downstream call): a request answered from the gateway alone costs none.
func Deadline(d time.Duration, long LongRoutes) func(http.HandlerFunc) http.HandlerFunc {
	return func(next http.HandlerFunc) http.HandlerFunc {
		if d <= 0 {
			return next
		}
		return func(w http.ResponseWriter, r *http.Request) {
			limit := d
			if long.Match != nil && long.Match(r) {
				// a streamed export runs for minutes: its own deadline, and the connection's write deadline with it
				limit = long.Timeout
				_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(limit + limit/10))
			}
			ctx := &lazyDeadline{Context: r.Context(), deadline: time.Now().Add(limit)}
			defer ctx.release()
			next(w, r.WithContext(ctx))
		}
	}
}

// lazyDeadline is context.WithDeadline whose timer starts the first time someone asks for Done (or for Err past
// the deadline). Deadline reports the deadline at once, so gRPC sends it downstream either way.
type lazyDeadline struct {
	context.Context // the request's own context (ends when the client goes away)
	deadline        time.Time
	released        atomic.Bool
	once            sync.Once
	ctx             context.Context // set once: the real deadline context, or released after the handler returned
	cancel          context.CancelFunc
}

// released is the context of a request whose handler has returned.
var released = func() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}()

func (c *lazyDeadline) start() {
	c.once.Do(func() {
		if c.released.Load() {
			c.ctx = released
			return
		}
		c.ctx, c.cancel = context.WithDeadline(c.Context, c.deadline)
	})
}

// Deadline is the request's deadline.
func (c *lazyDeadline) Deadline() (time.Time, bool) { return c.deadline, true }

// Done closes at the deadline or when the request ends.
func (c *lazyDeadline) Done() <-chan struct{} {
	c.start()
	return c.ctx.Done()
}

// Err is context.DeadlineExceeded past the deadline and the parent's error before it (the two can differ only
// then), context.Canceled once the handler has returned.
func (c *lazyDeadline) Err() error {
	if !c.released.Load() && time.Now().Before(c.deadline) {
		return c.Context.Err()
	}
	c.start()
	return c.ctx.Err()
}

// release ends the context when the handler returns, stopping the timer if one was made.
func (c *lazyDeadline) release() {
	c.released.Store(true)
	c.start()
	if c.cancel != nil {
		c.cancel()
	}
}

// LongRoutes are requests (matched by Match) that get Timeout instead of the usual deadline.
type LongRoutes struct {
	Match   func(*http.Request) bool
	Timeout time.Duration
}

// codeWriter records the status code; it keeps http.Flusher for streamed downloads.
type codeWriter struct {
	http.ResponseWriter
	code int
}

func (w *codeWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *codeWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the connection.
func (w *codeWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
