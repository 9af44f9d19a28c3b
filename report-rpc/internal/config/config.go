package config

import (
	"time"

	"github.com/zeromicro/go-zero/zrpc"
)

// Config is report-rpc's configuration (etc/report.yaml; ${VAR}s are read from the environment).
type Config struct {
	zrpc.RpcServerConf
	// DataSource is the DSN of epro_report.
	DataSource string
	// AiRpc and PdfRpc reach ai-gateway and pdf-rpc through etcd (or direct Endpoints).
	AiRpc  zrpc.RpcClientConf
	PdfRpc zrpc.RpcClientConf
	// GroupCommit batches concurrent short reports into multi-row transactions (Committers 0: one each).
	// A report is still acknowledged only after the transaction holding it has committed.
	GroupCommit struct {
		Committers int           `json:",default=4,range=[0:64]"`
		MaxBatch   int           `json:",default=128,range=[1:1000]"`
		Timeout    time.Duration `json:",default=5s"`
	}
	// Tasks tunes the follow-up tasks run after each committed report.
	Tasks struct {
		Workers       int           `json:",default=64,range=[1:1024]"`
		QueueSize     int           `json:",default=4096,range=[1:1000000]"`
		TaskTimeout   time.Duration `json:",default=10s"`
		Lease         time.Duration `json:",default=60s"`
		SweepInterval time.Duration `json:",default=2s"`
		MaxAttempts   int64         `json:",default=10,range=[1:100]"`
		RetryBase     time.Duration `json:",default=1s"`
		RetryMax      time.Duration `json:",default=5m"`
	}
}
