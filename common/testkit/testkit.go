// Package testkit starts and provisions the real infrastructure the suite's integration and end-to-end tests
// use: a fresh MariaDB database per test with the service's migrations applied, and private etcd and Redis
// servers on free loopback ports. Everything it creates is removed when the test ends.
package testkit

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/openepro/epro/common/dbx"
)

// AdminDSN is the MariaDB account tests use to create and drop their databases: EPRO_TEST_MYSQL_DSN, or
// root with an empty password on 127.0.0.1:3306 (the machine's and CI's local server).
func AdminDSN() string {
	if dsn := os.Getenv("EPRO_TEST_MYSQL_DSN"); dsn != "" {
		return dsn
	}
	return "root:@tcp(127.0.0.1:3306)/"
}

// require fails the test when infrastructure is missing and EPRO_REQUIRE_INFRA is set (make test sets it);
// otherwise it skips with the reason, so a bare `go test` on a laptop says what it needs.
func require(t testing.TB, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if os.Getenv("EPRO_REQUIRE_INFRA") != "" {
		t.Fatalf("%s is required: %v", what, err)
	}
	t.Skipf("skipped: %s is not available (%v); `make test` provides it", what, err)
}

// NewDatabase creates a database named after prefix with a random suffix, applies migrations to it and drops
// it when the test ends. It returns a DSN for the new database, normalised with dbx.Normalize.
func NewDatabase(t testing.TB, prefix string, migrations fs.FS) string {
	t.Helper()
	return NewDatabaseOn(t, AdminDSN(), prefix, migrations)
}

// NewDatabaseOn is NewDatabase on the server of adminDSN (a private MariaDB, say).
func NewDatabaseOn(t testing.TB, adminDSN, prefix string, migrations fs.FS) string {
	t.Helper()
	cfg, err := mysql.ParseDSN(adminDSN)
	if err != nil {
		t.Fatalf("EPRO_TEST_MYSQL_DSN: %v", err)
	}
	admin, err := sql.Open("mysql", cfg.FormatDSN())
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = admin.PingContext(ctx)
		cancel()
	}
	require(t, "MariaDB at "+cfg.Addr, err)
	t.Cleanup(func() { admin.Close() })

	cfg.DBName = fmt.Sprintf("t_%s_%s", prefix, RandomHex(4))
	dsn := cfg.FormatDSN()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := dbx.Migrate(ctx, dsn, migrations); err != nil {
		t.Fatalf("migrate %s: %v", cfg.DBName, err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS `" + cfg.DBName + "`"); err != nil {
			t.Errorf("drop %s: %v", cfg.DBName, err)
		}
	})
	norm, err := dbx.Normalize(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return norm
}

// OpenDB opens dsn and closes it when the test ends.
func OpenDB(t testing.TB, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// RandomHex returns n random bytes as hex.
func RandomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// FreePort returns a loopback TCP port that was free a moment ago.
func FreePort(t testing.TB) int {
	t.Helper()
	// Ports come from below the kernel's ephemeral range (32768–60999 by default): a port from that range may be
	// free now and taken a moment later as the local end of some outgoing connection (load tests open
	// thousands), and the service meant to listen on it fails with "address already in use".
	portMu.Lock()
	defer portMu.Unlock()
	for range 1000 {
		p := 20000 + mrand.IntN(12000)
		if portsGiven[p] {
			continue
		}
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p))
		if err != nil {
			continue
		}
		l.Close()
		portsGiven[p] = true
		return p
	}
	t.Fatal("no free port in 20000-31999")
	return 0
}

var (
	portMu     sync.Mutex
	portsGiven = map[int]bool{} // never hand out the same port twice in one test binary
)

// Process is a child process a test started; it is stopped when the test ends.
type Process struct {
	Name string
	Cmd  *exec.Cmd
	Log  string // file holding its stdout and stderr
	done chan struct{}

	t         testing.TB
	dir, bin  string
	env, args []string
	restarts  int
}

// Start runs a command with its output in a log file under dir and stops it (SIGTERM, then SIGKILL) at cleanup.
func Start(t testing.TB, dir, name string, env []string, bin string, args ...string) *Process {
	t.Helper()
	p := startProcess(t, dir, name, env, bin, args...)
	t.Cleanup(func() { p.Stop(syscall.SIGTERM, 10*time.Second) })
	return p
}

// startProcess is Start without the cleanup: the caller stops the process.
func startProcess(t testing.TB, dir, name string, env []string, bin string, args ...string) *Process {
	t.Helper()
	logPath := filepath.Join(dir, name+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// own process group (Stop signals the whole group); killed with the test binary if it dies without cleanup
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		t.Fatalf("start %s: %v", name, err)
	}
	p := &Process{Name: name, Cmd: cmd, Log: logPath, done: make(chan struct{}), t: t, dir: dir, env: env, bin: bin, args: args}
	go func() { _ = cmd.Wait(); logFile.Close(); close(p.done) }()
	return p
}

// Stop sends sig and waits up to grace before killing the process group.
func (p *Process) Stop(sig syscall.Signal, grace time.Duration) {
	select {
	case <-p.done:
		return
	default:
	}
	_ = syscall.Kill(-p.Cmd.Process.Pid, sig)
	select {
	case <-p.done:
	case <-time.After(grace):
		_ = syscall.Kill(-p.Cmd.Process.Pid, syscall.SIGKILL)
		<-p.done
	}
}

// Restart starts the same command again (after Stop), logging to <name>-<n>.log.
func (p *Process) Restart() *Process {
	p.restarts++
	q := Start(p.t, p.dir, fmt.Sprintf("%s-%d", p.Name, p.restarts), p.env, p.bin, p.args...)
	q.Name, q.restarts = p.Name, p.restarts
	return q
}

// Exited reports whether the process has ended.
func (p *Process) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Tail returns the last lines of the process's log, for failure messages.
func (p *Process) Tail(n int) string {
	b, _ := os.ReadFile(p.Log)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// WaitHTTP polls url until it answers 200 or the timeout passes.
func WaitHTTP(t testing.TB, url string, timeout time.Duration, p *Process) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if p != nil && p.Exited() {
			t.Fatalf("%s exited before it was ready:\n%s", p.Name, p.Tail(30))
		}
		time.Sleep(100 * time.Millisecond)
	}
	msg := ""
	if p != nil {
		msg = p.Tail(30)
	}
	t.Fatalf("%s not ready after %s\n%s", url, timeout, msg)
}

// StartEtcd starts a private etcd (Debian's etcd-server) on free loopback ports and returns its client endpoint.
func StartEtcd(t testing.TB) (string, *Process) {
	t.Helper()
	bin, err := exec.LookPath("etcd")
	require(t, "etcd (Debian etcd-server; deploy/scripts/deps.sh test installs it)", err)
	dir := t.TempDir()
	client := fmt.Sprintf("127.0.0.1:%d", FreePort(t))
	peer := fmt.Sprintf("http://127.0.0.1:%d", FreePort(t))
	p := Start(t, dir, "etcd", []string{"ETCD_UNSUPPORTED_ARCH=" + goarch()}, bin,
		"--name", "test", "--data-dir", filepath.Join(dir, "data"),
		"--listen-client-urls", "http://"+client, "--advertise-client-urls", "http://"+client,
		"--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
		"--initial-cluster", "test="+peer, "--log-level", "warn")
	WaitHTTP(t, "http://"+client+"/health", 20*time.Second, p)
	return client, p
}

// StartRedis starts a private, memory-only redis-server on a free loopback port and returns its address.
func StartRedis(t testing.TB) string {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	require(t, "redis-server", err)
	dir := t.TempDir()
	port := FreePort(t)
	p := Start(t, dir, "redis", nil, bin, "--bind", "127.0.0.1", "--port", fmt.Sprint(port),
		"--save", "", "--appendonly", "no", "--dir", dir)
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			return addr
		}
		if p.Exited() {
			t.Fatalf("redis exited:\n%s", p.Tail(20))
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("redis not ready on %s", addr)
	return ""
}
