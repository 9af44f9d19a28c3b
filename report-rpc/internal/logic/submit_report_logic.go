package logic

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/openepro/epro/common/shortreport"
	"github.com/openepro/epro/report-rpc/internal/store"
	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type SubmitReportLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewSubmitReportLogic(ctx context.Context, svcCtx *svc.ServiceContext) *SubmitReportLogic {
	return &SubmitReportLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// SubmitReport validates and commits a short report, then schedules its AI and PDF tasks.
func (l *SubmitReportLogic) SubmitReport(in *report.SubmitReportRequest) (*report.SubmitReportResponse, error) {
	r := shortreport.Report{PatientID: in.PatientId, Score: in.Score, Notes: in.Notes}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return nil, err
	}
	rec := store.Report{ID: id.String(), ProjectID: in.ProjectId, SiteID: in.SiteId, PatientID: r.PatientID, Score: r.Score, Notes: r.Notes,
		ReceivedAt: time.Now().UTC().Truncate(time.Microsecond)}
	if err := l.svcCtx.Store.Create(l.ctx, rec); err != nil {
		return nil, err
	}
	l.svcCtx.Tasks.Enqueue(rec.ID) // committed: from here the outbox guarantees the tasks run
	return &report.SubmitReportResponse{ReportId: rec.ID, PatientId: rec.PatientID,
		ReceivedAt: rec.ReceivedAt.Format(time.RFC3339Nano)}, nil
}
