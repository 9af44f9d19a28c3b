package svc

import (
	"context"
	"errors"
	"sync"

	"fmt"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/questionnaire"
	"os"

	"github.com/google/uuid"
	"github.com/openepro/epro/ai-gateway/ai"
	"github.com/openepro/epro/ai-gateway/aigateway"
	"github.com/openepro/epro/common/boot"
	"github.com/openepro/epro/pdf-rpc/pdf"
	"github.com/openepro/epro/pdf-rpc/pdf_client"
	"github.com/openepro/epro/report-rpc/internal/config"
	"github.com/openepro/epro/report-rpc/internal/store"
	"github.com/openepro/epro/report-rpc/internal/tasks"
	"github.com/zeromicro/go-zero/core/logx"
	"github.com/zeromicro/go-zero/zrpc"
)

// ServiceContext holds report-rpc's dependencies.
type ServiceContext struct {
	Config config.Config
	Store  *store.Store
	Tasks  *tasks.Runner
	Pdf    pdf_client.Pdf
	// parsed published questionnaires: a published version never changes, so it is parsed once
	definitions sync.Map // project|url|version → *questionnaire.Questionnaire
}

// Questionnaire returns a trial's published questionnaire version, parsed; an unknown or unpublished one is a
// client error naming the field.
func (s *ServiceContext) Questionnaire(ctx context.Context, projectID, url, version string) (*questionnaire.Questionnaire, error) {
	key := projectID + "|" + url + "|" + version
	if q, ok := s.definitions.Load(key); ok {
		return q.(*questionnaire.Questionnaire), nil
	}
	row, err := s.Store.Questionnaire(ctx, projectID, url, version)
	if errors.Is(err, store.ErrNotFound) || err == nil && row.Status != "active" {
		return nil, errs.Invalid("QUESTIONNAIRE_UNKNOWN", "questionnaire: no published questionnaire %s|%s in this project", url, version)
	}
	if err != nil {
		return nil, err
	}
	q, err := questionnaire.Parse([]byte(row.Definition))
	if err != nil {
		return nil, err
	}
	s.definitions.Store(key, q)
	return q, nil
}

// NewServiceContext connects to epro_report, ai-gateway and pdf-rpc and prepares (but does not start) the runner.
func NewServiceContext(c config.Config) *ServiceContext {
	boot.NoClientContentLogs(ai.AiGateway_ServiceDesc, pdf.Pdf_ServiceDesc) // bodies carry PHI
	st := store.New(boot.SQL(c.DataSource))
	st.EnableGroupCommit(store.GroupCommit{Committers: c.GroupCommit.Committers, MaxBatch: c.GroupCommit.MaxBatch,
		Timeout: c.GroupCommit.Timeout})
	host, _ := os.Hostname()
	t := c.Tasks
	pdfClient := pdf_client.NewPdf(zrpc.MustNewClient(c.PdfRpc))
	runner := tasks.NewRunner(tasks.Config{
		Owner:   fmt.Sprintf("%s/%d/%s", host, os.Getpid(), uuid.NewString()[:8]),
		Workers: t.Workers, QueueSize: t.QueueSize, TaskTimeout: t.TaskTimeout, Lease: t.Lease,
		SweepInterval: t.SweepInterval,
		Policy:        tasks.Policy{MaxAttempts: t.MaxAttempts, BaseDelay: t.RetryBase, MaxDelay: t.RetryMax},
	}, st,
		aigateway.NewAiGateway(zrpc.MustNewClient(c.AiRpc)),
		pdfClient,
		logx.Errorf)
	return &ServiceContext{Config: c, Store: st, Tasks: runner, Pdf: pdfClient}
}
