package logic

import (
	"context"
	"errors"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/store"
	"time"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListReportsLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewListReportsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListReportsLogic {
	return &ListReportsLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// ListReports lists a trial's reports, newest first, with cursor pagination.
func (l *ListReportsLogic) ListReports(in *report.ListReportsRequest) (*report.ListReportsResponse, error) {
	f := store.ReportFilter{ProjectID: in.ProjectId, SiteID: in.SiteId, PatientID: in.PatientId,
		QuestionnaireURL: in.QuestionnaireUrl, Cursor: in.Cursor, Limit: int(in.Limit)}
	if f.Limit == 0 {
		f.Limit = 50
	}
	if f.Limit < 1 || f.Limit > 100 {
		return nil, errs.Invalid(errs.ReasonFieldRange, "limit must be between 1 and 100")
	}
	for _, t := range []struct {
		name string
		raw  string
		dst  *time.Time
	}{{"from", in.From, &f.From}, {"to", in.To, &f.To}} {
		if t.raw == "" {
			continue
		}
		v, err := time.Parse(time.RFC3339, t.raw)
		if err != nil {
			return nil, errs.Invalid(errs.ReasonFieldFormat, "%s must be an RFC 3339 time", t.name)
		}
		*t.dst = v
	}
	rows, scores, next, err := l.svcCtx.Store.ListReports(l.ctx, f)
	if errors.Is(err, store.ErrBadCursor) {
		return nil, errs.Invalid(errs.ReasonFieldFormat, "cursor is not one this API issued")
	}
	if err != nil {
		return nil, err
	}
	out := &report.ListReportsResponse{NextCursor: next}
	for _, r := range rows {
		sum := &report.ReportSummary{ReportId: r.Id, SiteId: r.SiteId, PatientId: r.PatientId, ReceivedAt: ts(r.ReceivedAt),
			AuthoredAt: nts(r.AuthoredAt)}
		if r.QuestionnaireUrl != "" {
			sum.Questionnaire = r.QuestionnaireUrl + "|" + r.QuestionnaireVersion
		}
		for _, s := range scores[r.Id] {
			sum.Scores = append(sum.Scores, toScore(s))
		}
		out.Reports = append(out.Reports, sum)
	}
	return out, nil
}
