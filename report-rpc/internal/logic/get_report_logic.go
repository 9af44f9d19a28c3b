package logic

import (
	"context"
	"errors"
	"time"

	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/store"
	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type GetReportLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewGetReportLogic(ctx context.Context, svcCtx *svc.ServiceContext) *GetReportLogic {
	return &GetReportLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// GetReport returns one report with the state of its tasks; NotFound (REPORT_NOT_FOUND) when unknown.
func (l *GetReportLogic) GetReport(in *report.GetReportRequest) (*report.GetReportResponse, error) {
	if in.ReportId == "" {
		return nil, errs.Invalid(errs.ReasonFieldRequired, "reportId is required")
	}
	r, err := l.svcCtx.Store.Get(l.ctx, in.ReportId)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errs.NotFound(errs.ReasonReportNotFound, "report not found")
	}
	if err != nil {
		return nil, err
	}
	states, err := l.svcCtx.Store.TaskStates(l.ctx, r.ID)
	if err != nil {
		return nil, err
	}
	resp := &report.GetReportResponse{ReportId: r.ID, PatientId: r.PatientID, Score: r.Score, Notes: r.Notes,
		ReceivedAt: r.ReceivedAt.Format(time.RFC3339Nano)}
	for _, s := range states {
		resp.Tasks = append(resp.Tasks, &report.TaskState{Task: s.Task, Status: s.Status, Attempts: int32(s.Attempts),
			Result: s.Result, UpdatedAt: s.UpdatedAt.UTC().Format(time.RFC3339Nano)})
	}
	return resp, nil
}
