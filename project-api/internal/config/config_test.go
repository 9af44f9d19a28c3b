package config

import (
	"testing"
	"time"

	"github.com/zeromicro/go-zero/core/conf"
)

// The shipped config loads, and Prepare swaps go-zero's shedder and timeout middleware for the gateway's own.
func TestShippedConfigPrepare(t *testing.T) {
	for k, v := range map[string]string{"EPRO_PROJECT_DSN": "u:p@tcp(127.0.0.1:3306)/epro_project", "EPRO_JWT_SECRET": "s",
		"EPRO_REDIS_ADDR": "127.0.0.1:6379", "EPRO_ETCD_HOSTS": "127.0.0.1:2379"} {
		t.Setenv(k, v)
	}
	var c Config
	if err := conf.Load("../../etc/project-api.yaml", &c, conf.UseEnv()); err != nil {
		t.Fatal(err)
	}
	c.Prepare()
	p := c.Protection
	if p.ShedCPUThreshold != 900 || c.CpuThreshold != 0 || c.Middlewares.Shedding {
		t.Errorf("shedding: own threshold %d, go-zero's %d/%v; want 900 and off", p.ShedCPUThreshold, c.CpuThreshold, c.Middlewares.Shedding)
	}
	if p.RequestTimeout != 5*time.Second || c.Middlewares.Timeout {
		t.Errorf("timeout: %s, go-zero's on=%v", p.RequestTimeout, c.Middlewares.Timeout)
	}
	if p.MemoryLimit != 32 || p.AccessLog || c.Middlewares.Log || c.Middlewares.Trace {
		t.Errorf("memory limit %d MiB, access log %v/%v, trace %v", p.MemoryLimit, p.AccessLog, c.Middlewares.Log, c.Middlewares.Trace)
	}
	if c.ReportRpc.Middlewares.Breaker || c.UserRpc.Middlewares.Breaker || c.PdfRpc.Middlewares.Breaker || !c.ReportRpc.Middlewares.Timeout {
		t.Errorf("client middlewares: %+v", c.ReportRpc.Middlewares)
	}
	if !c.Middlewares.Prometheus || !c.Protection.Breaker || c.Middlewares.Breaker || !c.Middlewares.Recover || !c.Middlewares.MaxConns {
		t.Errorf("production protections must stay on: %+v", c.Middlewares)
	}
	c.Mode = "dev"
	c.CpuThreshold = 900
	c.Prepare()
	if c.Protection.ShedCPUThreshold != 0 {
		t.Error("only Mode pro sheds, as in go-zero")
	}
}
