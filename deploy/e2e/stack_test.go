package e2e

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	aimig "github.com/openepro/epro/ai-gateway/migrations"
	"github.com/openepro/epro/common/testkit"
	pdfmig "github.com/openepro/epro/pdf-rpc/migrations"
	projectmig "github.com/openepro/epro/project-api/migrations"
	reportmig "github.com/openepro/epro/report-rpc/migrations"
	usermig "github.com/openepro/epro/user-rpc/migrations"
)

// stack is the whole suite running as separate processes: etcd, Redis, the five services, each on free ports,
// each with its own fresh MariaDB database.
type stack struct {
	t       *testing.T
	dir     string
	bins    string
	etcd    string
	redis   string
	dsn     map[string]string // service → DSN of its database
	ports   map[string]int    // service → listen port
	dev     map[string]int    // service → DevServer port
	procs   map[string]*testkit.Process
	storage string
	gateway string
	llm     *fakeLLM // the AI team's model server, faked: speaks chat-completions
	// etcdProc is the private etcd (the fault tests stop and restart it)
	etcdProc *testkit.Process
	// tweak, by instance name, edits a config before it is written (the benchmark's and fault tests' settings)
	tweak map[string]func(string) string
}

var services = []string{"user-rpc", "ai-gateway", "pdf-rpc", "report-rpc", "project-api"}

const (
	adminPassword = "e2e-admin-password"
	jwtSecret     = "e2e-jwt-secret-0123456789abcdef"
)

func repoRoot(t *testing.T) string {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// buildServices compiles the five binaries once per test binary run.
func buildServices(t *testing.T, out string) {
	t.Helper()
	root := repoRoot(t)
	for _, svc := range services {
		cmd := exec.Command("go", "build", "-o", filepath.Join(out, svc), ".")
		cmd.Dir = filepath.Join(root, svc)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build %s: %v\n%s", svc, err, b)
		}
	}
}

func startStack(t *testing.T) *stack {
	return startStackWith(t, nil)
}

// startStackWith starts the stack with config tweaks per instance name.
func startStackWith(t *testing.T, tweak map[string]func(string) string) *stack {
	return startStackOn(t, testkit.AdminDSN(), tweak)
}

// startStackOn starts the stack with its databases on the MariaDB server of adminDSN (a private one, say).
func startStackOn(t *testing.T, adminDSN string, tweak map[string]func(string) string) *stack {
	t.Helper()
	s := &stack{t: t, dir: t.TempDir(), dsn: map[string]string{}, ports: map[string]int{}, dev: map[string]int{},
		procs: map[string]*testkit.Process{}, tweak: tweak}
	s.dsn["user-rpc"] = testkit.NewDatabaseOn(t, adminDSN, "user", usermig.FS)
	s.dsn["project-api"] = testkit.NewDatabaseOn(t, adminDSN, "project", projectmig.FS)
	s.dsn["report-rpc"] = testkit.NewDatabaseOn(t, adminDSN, "report", reportmig.FS)
	s.dsn["pdf-rpc"] = testkit.NewDatabaseOn(t, adminDSN, "pdf", pdfmig.FS)
	s.dsn["ai-gateway"] = testkit.NewDatabaseOn(t, adminDSN, "ai", aimig.FS)
	s.llm = startFakeLLM(t)
	s.etcd, s.etcdProc = testkit.StartEtcd(t)
	s.redis = testkit.StartRedis(t)
	s.bins = filepath.Join(s.dir, "bin")
	buildServices(t, s.bins)
	s.storage = filepath.Join(s.dir, "storage")
	for _, svc := range services {
		s.ports[svc] = testkit.FreePort(t)
		s.dev[svc] = testkit.FreePort(t)
	}
	s.gateway = fmt.Sprintf("http://127.0.0.1:%d", s.ports["project-api"])
	for _, svc := range services {
		s.start(svc)
	}
	// the gateway is ready once it routes; report-rpc and user-rpc are found through etcd
	return s
}

const common = `Mode: test
Log:
  Mode: console
  Encoding: plain
  Level: info
DevServer:
  Enabled: true
  Host: 127.0.0.1
  Port: %d
`

func (s *stack) config(svc string) string {
	etcd := fmt.Sprintf("Etcd:\n  Hosts: [%s]\n  Key: %%s\n", s.etcd)
	client := func(name, key string) string {
		return fmt.Sprintf("%s:\n  Etcd:\n    Hosts: [%s]\n    Key: %s\n  Timeout: 5000\n", name, s.etcd, key)
	}
	head := fmt.Sprintf(common, s.dev[svc])
	q := func(v string) string { return `"` + strings.ReplaceAll(v, `"`, `\"`) + `"` }
	switch svc {
	case "user-rpc":
		return fmt.Sprintf("Name: user.rpc\nListenOn: 127.0.0.1:%d\n", s.ports[svc]) + head + fmt.Sprintf(etcd, "user.rpc") +
			"DataSource: " + q(s.dsn[svc]) + "\nCache:\n  - Host: " + s.redis + "\nBootstrap:\n  AdminUser: admin\n  AdminPassword: " + adminPassword + "\n" +
			"Phi:\n  Keys: t1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\n  ActiveKey: t1\n"
	case "ai-gateway":
		return fmt.Sprintf("Name: ai.rpc\nListenOn: 127.0.0.1:%d\n", s.ports[svc]) + head + fmt.Sprintf(etcd, "ai.rpc") +
			"DataSource: " + q(s.dsn[svc]) + "\n" +
			"Providers:\n  - Name: hospital-llm\n    BaseURL: " + s.llm.URL + "/v1\n    Model: fake-model\n    APIKey: e2e-key\n    Timeout: 3s\n" +
			"TrialProviders:\n  trial-b: hospital-llm\n"
	case "pdf-rpc":
		return fmt.Sprintf("Name: pdf.rpc\nListenOn: 127.0.0.1:%d\n", s.ports[svc]) + head + fmt.Sprintf(etcd, "pdf.rpc") +
			"DataSource: " + q(s.dsn[svc]) + "\nStorageDir: " + q(s.storage) + "\n"
	case "report-rpc":
		return fmt.Sprintf("Name: report.rpc\nListenOn: 127.0.0.1:%d\n", s.ports[svc]) + head + fmt.Sprintf(etcd, "report.rpc") +
			"DataSource: " + q(s.dsn[svc]) + "\n" + client("AiRpc", "ai.rpc") + client("PdfRpc", "pdf.rpc") +
			"Tasks:\n  TaskTimeout: 3s\n  Lease: 5s\n  SweepInterval: 200ms\n  RetryBase: 200ms\n  RetryMax: 1s\n  MaxAttempts: 50\n"
	case "project-api":
		return fmt.Sprintf("Name: project-api\nHost: 127.0.0.1\nPort: %d\n", s.ports[svc]) + head +
			"DataSource: " + q(s.dsn[svc]) + "\n" + client("UserRpc", "user.rpc") + client("ReportRpc", "report.rpc") + client("PdfRpc", "pdf.rpc") +
			"Auth:\n  AccessSecret: " + jwtSecret + "\n  AccessExpire: 600\n" + "ExportKey: e2e-export-key-0123456789\n" +
			"Redis:\n  Host: " + s.redis + "\n  Type: node\n" +
			// one client IP (loopback) runs every test: the per-IP quota is raised, the per-account one is the default
			"LoginThrottle:\n  ClientIPFailures: 1000\n"
	}
	s.t.Fatalf("unknown service %s", svc)
	return ""
}

// start launches one service and waits for its health endpoint.
func (s *stack) start(svc string) {
	s.startAs(svc, svc)
}

// startAs launches an instance of svc under name (a second report-rpc, say) on ports of its own.
func (s *stack) startAs(name, svc string) {
	t := s.t
	t.Helper()
	if _, ok := s.ports[name]; !ok {
		s.ports[name], s.dev[name] = testkit.FreePort(t), testkit.FreePort(t)
	}
	cfg := filepath.Join(s.dir, name+".yaml")
	conf := s.config(svc)
	if name != svc { // same service, own ports
		conf = strings.ReplaceAll(conf, fmt.Sprintf(":%d\n", s.ports[svc]), fmt.Sprintf(":%d\n", s.ports[name]))
		conf = strings.ReplaceAll(conf, fmt.Sprintf("Port: %d\n", s.dev[svc]), fmt.Sprintf("Port: %d\n", s.dev[name]))
		conf = strings.ReplaceAll(conf, fmt.Sprintf("Port: %d\n", s.ports[svc]), fmt.Sprintf("Port: %d\n", s.ports[name]))
	}
	if f := s.tweak[name]; f != nil {
		conf = f(conf)
	}
	if err := os.WriteFile(cfg, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	p := testkit.Start(t, s.dir, name, nil, filepath.Join(s.bins, svc), "-f", cfg)
	s.procs[name] = p
	testkit.WaitHTTP(t, fmt.Sprintf("http://127.0.0.1:%d/healthz", s.dev[name]), 30*time.Second, p)
}

// stop ends one service gracefully (it deregisters from etcd).
func (s *stack) stop(svc string) {
	s.procs[svc].Stop(syscall.SIGTERM, 15*time.Second)
}

func (s *stack) logs() string {
	var b strings.Builder
	for _, svc := range services {
		if p := s.procs[svc]; p != nil {
			fmt.Fprintf(&b, "--- %s\n%s\n", svc, p.Tail(15))
		}
	}
	return b.String()
}

// waitRoutable polls url until it answers with want.
func (s *stack) waitRoutable(url string, want int) {
	s.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	var last int
	for time.Now().Before(deadline) {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			last = resp.StatusCode
			if last == want {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("%s: last status %d, want %d\n%s", url, last, want, s.logs())
}
