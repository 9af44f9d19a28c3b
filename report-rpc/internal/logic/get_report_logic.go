package logic

import (
	"context"
	"encoding/json"
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

// GetReport returns one report with its items, every score (current and superseded, with the rule set), its
// alerts and the state of its AI and PDF tasks; NotFound (REPORT_NOT_FOUND) when unknown.
func (l *GetReportLogic) GetReport(in *report.GetReportRequest) (*report.GetReportResponse, error) {
	if in.ReportId == "" {
		return nil, errs.Invalid(errs.ReasonFieldRequired, "reportId is required")
	}
	d, err := l.svcCtx.Store.GetDetail(l.ctx, in.ReportId)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errs.NotFound(errs.ReasonReportNotFound, "report not found")
	}
	if err != nil {
		return nil, err
	}
	r := d.Row
	states, err := l.svcCtx.Store.TaskStates(l.ctx, r.Id)
	if err != nil {
		return nil, err
	}
	resp := &report.GetReportResponse{ReportId: r.Id, PatientId: r.PatientId, Score: r.Score, Notes: r.Notes,
		ReceivedAt: ts(r.ReceivedAt), ProjectId: r.ProjectId, SiteId: r.SiteId, Items: r.Items.String,
		ClientSubmissionId: r.ClientSubmissionId.String}
	if r.QuestionnaireUrl != "" {
		resp.Questionnaire = r.QuestionnaireUrl + "|" + r.QuestionnaireVersion
	}
	if r.AuthoredAt.Valid {
		resp.AuthoredAt = r.AuthoredAt.Time.In(time.FixedZone("", int(r.AuthoredOffsetMin)*60)).Format(time.RFC3339Nano)
	}
	if r.AttachmentIds.Valid {
		_ = json.Unmarshal([]byte(r.AttachmentIds.String), &resp.AttachmentIds)
	}
	for _, s := range d.Scores {
		resp.Scores = append(resp.Scores, toScore(s))
	}
	for _, a := range d.Alerts {
		resp.Alerts = append(resp.Alerts, toAlert(a))
	}
	for _, s := range states {
		resp.Tasks = append(resp.Tasks, &report.TaskState{Task: s.Task, Status: s.Status, Attempts: int32(s.Attempts),
			Result: s.Result, UpdatedAt: ts(s.UpdatedAt)})
	}
	return resp, nil
}
