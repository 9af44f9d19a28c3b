package testkit

import (
	"context"
	"database/sql"
	"fmt"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// MariaDB is a private MariaDB server a test starts, kills and restarts itself (its own data directory and
// port), so fault tests never touch the machine's shared server.
type MariaDB struct {
	t    testing.TB
	Dir  string
	Port int
	proc *Process
	runs int
}

// StartMariaDB initialises a data directory with mariadb-install-db (root, empty password, loopback only) and
// starts mariadbd on a free port. It is stopped when the test ends.
func StartMariaDB(t testing.TB) *MariaDB {
	t.Helper()
	install, err := exec.LookPath("mariadb-install-db")
	require(t, "mariadb-install-db (Debian mariadb-server)", err)
	m := &MariaDB{t: t, Dir: t.TempDir(), Port: FreePort(t)}
	out, err := exec.Command(install, "--no-defaults", "--datadir="+filepath.Join(m.Dir, "data"), "--user=root",
		"--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve").CombinedOutput()
	if err != nil {
		t.Fatalf("mariadb-install-db: %v\n%s", err, out)
	}
	// one cleanup for every run of the server, registered before any database on it: databases are dropped
	// first, then the server stops
	t.Cleanup(func() {
		if m.proc != nil {
			m.proc.Stop(syscall.SIGTERM, 30*time.Second)
		}
	})
	m.Start()
	return m
}

// AdminDSN is root on this server.
func (m *MariaDB) AdminDSN() string { return fmt.Sprintf("root:@tcp(127.0.0.1:%d)/", m.Port) }

// Start starts (or restarts) mariadbd on the same data directory and port and waits until it answers.
func (m *MariaDB) Start() {
	t := m.t
	t.Helper()
	bin := "/usr/sbin/mariadbd"
	m.runs++
	m.proc = startProcess(t, m.Dir, fmt.Sprintf("mariadbd-%d", m.runs), nil, bin, "--no-defaults",
		"--datadir="+filepath.Join(m.Dir, "data"), fmt.Sprintf("--port=%d", m.Port), "--bind-address=127.0.0.1",
		"--socket="+filepath.Join(m.Dir, "mysqld.sock"), "--pid-file="+filepath.Join(m.Dir, "mysqld.pid"),
		"--user=root", "--skip-name-resolve", "--innodb-buffer-pool-size=128M", "--max-connections=500",
		"--innodb-flush-log-at-trx-commit=1")
	db, err := sql.Open("mysql", m.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err = db.PingContext(ctx)
		cancel()
		if err == nil {
			return
		}
		if m.proc.Exited() {
			t.Fatalf("mariadbd exited:\n%s", m.proc.Tail(20))
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("mariadbd on port %d not answering: %v\n%s", m.Port, err, m.proc.Tail(20))
}

// Kill ends mariadbd with SIGKILL, as a crash or a power cut would: only what was committed survives.
func (m *MariaDB) Kill() {
	m.proc.Stop(syscall.SIGKILL, 10*time.Second)
}
