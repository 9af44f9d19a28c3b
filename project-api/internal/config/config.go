// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package config

import (
	"time"

	"github.com/zeromicro/go-zero/core/service"
	"github.com/zeromicro/go-zero/core/stores/redis"
	"github.com/zeromicro/go-zero/rest"
	"github.com/zeromicro/go-zero/zrpc"
)

// Config is project-api's configuration (etc/project-api.yaml; ${VAR}s are read from the environment).
type Config struct {
	rest.RestConf
	// DataSource is the DSN of epro_project (trials, sites, members, participants).
	DataSource string
	// Auth signs and verifies access tokens (internal/authn). AccessSecret signs; during a rotation PrevSecret
	// (the old secret) still verifies. MaxCachedTokens bounds the verified tokens kept until they expire.
	Auth struct {
		AccessSecret    string
		AccessExpire    int64  `json:",default=3600"`
		PrevSecret      string `json:",optional"`
		MaxCachedTokens int    `json:",default=20000"`
	}
	// Redis holds login throttling counters.
	Redis redis.RedisConf
	// LoginThrottle: failures allowed per account and per client IP within Window seconds before 429.
	LoginThrottle struct {
		Window           int `json:",default=900"`
		AccountFailures  int `json:",default=5"`
		ClientIPFailures int `json:",default=5"`
	}
	// UserRpc and ReportRpc reach the services through etcd (or direct Endpoints).
	UserRpc   zrpc.RpcClientConf
	ReportRpc zrpc.RpcClientConf
	PdfRpc    zrpc.RpcClientConf
	// BenchNoDownstream makes POST /v1/report answer after decoding, validation and the token check without
	// calling report-rpc (nothing is stored). For make bench's gateway comparison only; never set it in production.
	BenchNoDownstream bool `json:",optional"`
	// MaxPhotoBytes bounds an uploaded photo (pdf-rpc enforces its own limit too).
	MaxPhotoBytes int `json:",default=10485760"`
	// MemberLookup is how the members listing finds names: "batch" (BatchGetUsers in chunks of 100, default)
	// or "each" (the seed's one GetUserInfo per member; kept for the benchmark that compares the two).
	MemberLookup string `json:",default=batch,options=batch|each"`
	// MemberLookupConcurrency bounds the concurrent user-rpc calls of one members listing.
	MemberLookupConcurrency int `json:",default=16,range=[1:256]"`
	// MemberNameCacheTTL keeps display names looked up for members listings in process (at most 100 000): a
	// renamed account shows its new name in listings after at most this long.
	MemberNameCacheTTL time.Duration `json:",default=30s"`
	// MemberListCacheTTL keeps a trial's member list for listings (this instance drops it when it adds a member;
	// another instance's addition shows after at most this long).
	MemberListCacheTTL time.Duration `json:",default=5s"`

	// ExportKey is the secret of de-identified exports' pseudonyms (HMAC-SHA256): subject and report keys and
	// date shifts cannot be recomputed without it, and stay the same from one export to the next. At least 16 bytes.
	ExportKey string
	// ExportTimeout bounds one streamed export (the usual Timeout would cut it short).
	ExportTimeout time.Duration `json:",default=10m"`

	Protection Protection
}

// Protection is the gateway's own request protection, derived from RestConf by Prepare: go-zero's shedder
// (cgroup-wide CPU) and timeout middleware (a goroutine and a buffered writer per request) are replaced by
// cheaper equivalents in internal/middleware, configured by the same keys.
type Protection struct {
	// ShedCPUThreshold is RestConf.CpuThreshold applied to this process's own CPU (0: no shedding; only Mode pro sheds).
	ShedCPUThreshold int64 `json:",optional"`
	// AccessLog keeps go-zero's per-request log line (off by default: at peak it is a log write per report and a
	// sixth of the gateway's CPU; Prometheus on the DevServer counts requests per route, code and latency, and
	// every 5xx is logged by the error handler).
	AccessLog bool `json:",optional"`
	// MemoryLimit is the Go runtime's soft memory limit in MiB (0: none); it makes the collector return garbage
	// before the heap doubles under load.
	MemoryLimit int64 `json:",default=32"`
	// Breaker is go-zero's Middlewares.Breaker, applied by internal/middleware.Breaker (set by Prepare).
	Breaker bool `json:",optional"`
	// GCPercent is GOGC (0: the runtime's 100). The gateway keeps a few MiB live and allocates a few KiB per
	// request, so at GOGC 100 it collects dozens of times a second under load (a tenth of its CPU, pprof); 400
	// collects a quarter as often, and MemoryLimit still caps the heap.
	GCPercent int `json:",default=400"`
	// RequestTimeout is RestConf.Timeout: every request's context deadline; the server's read timeout is 0.8×
	// and its write timeout 1.1× of it, as go-zero sets them.
	RequestTimeout time.Duration `json:",optional"`
}

// Prepare fills the derived settings after loading.
func (c *Config) Prepare() {
	c.Protection.RequestTimeout = time.Duration(c.Timeout) * time.Millisecond
	c.Protection.ShedCPUThreshold = 0
	if c.Mode == service.ProMode {
		c.Protection.ShedCPUThreshold = c.CpuThreshold
	}
	c.CpuThreshold = 0
	c.Middlewares.Shedding = false
	c.Middlewares.Timeout = false
	c.Middlewares.Log = c.Protection.AccessLog
	// go-zero's stat middleware keeps every request's duration for a minute to log percentiles (megabytes at
	// peak); Prometheus has the same histogram.
	c.Middlewares.Metrics = false
	// Spans go nowhere without an exporter: tracing middleware only when telemetry is configured.
	c.Middlewares.Trace = c.Telemetry.Endpoint != ""
	// Body limits are enforced per route by internal/reqbody (413 with the error envelope); go-zero's own MaxBytes
	// middleware would answer 413 with an empty body first.
	c.Middlewares.MaxBytes = false
	// go-zero's breaker answers an open circuit with an empty 503 and counts the 503s the services send on purpose
	// (a database outage: report-rpc's fast DATABASE_UNAVAILABLE) as failures, so it stayed open for seconds after
	// the database was back (make faults). internal/middleware.Breaker is the same Google SRE breaker per route,
	// counting 500 and 504 only and answering with the error envelope.
	c.Protection.Breaker = c.Middlewares.Breaker
	c.Middlewares.Breaker = false
	// The route breaker counts timeouts and internal errors; the services answer 503 at once on their own when a
	// dependency is down. go-zero's client breakers in series with it count those deliberate 503s as failures and,
	// after MariaDB came back, kept rejecting for the rest of their 10 s window (make faults): off.
	c.UserRpc.Middlewares.Breaker = false
	c.ReportRpc.Middlewares.Breaker = false
	c.PdfRpc.Middlewares.Breaker = false
}
