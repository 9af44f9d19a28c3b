package logic

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/openepro/epro/common/auditchain"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/review"
	"github.com/openepro/epro/report-rpc/internal/scoring"
	"github.com/openepro/epro/report-rpc/internal/store"
	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type CorrectReportLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewCorrectReportLogic(ctx context.Context, svcCtx *svc.ServiceContext) *CorrectReportLogic {
	return &CorrectReportLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// CorrectReport stores a staff correction as a new version (the original is never overwritten), scores it,
// raises any alert it calls for and audits the changed answers with the reason.
func (l *CorrectReportLogic) CorrectReport(in *report.CorrectReportRequest) (*report.CorrectReportResponse, error) {
	reason, err := auditchain.CheckReason("reason", in.Reason)
	if err != nil {
		return nil, err
	}
	h, err := history(l.ctx, l.svcCtx, in.ProjectId, in.ReportId)
	if err != nil {
		return nil, err
	}
	r := h.Report
	if r.QuestionnaireUrl == "" {
		return nil, errs.New(errs.KindFailedPrecondition, review.ReasonNotCorrectable, "only questionnaire reports can be corrected")
	}
	// the correction is answered against the version the participant answered
	q, items, answers, err := validated(l.ctx, l.svcCtx, r.ProjectId, r.QuestionnaireUrl, r.QuestionnaireVersion, in.Items)
	if err != nil {
		return nil, err
	}
	canonical, _ := json.Marshal(items)
	changes, err := review.DiffAnswers(h.Current().Items, string(canonical))
	if err != nil {
		return nil, err
	}
	if len(changes) == 0 {
		return nil, errs.New(errs.KindFailedPrecondition, review.ReasonNothingChanged, "items are the same as the current version's: nothing to correct")
	}
	settings, err := l.svcCtx.Store.TrialSettings(l.ctx, r.ProjectId)
	if err != nil {
		return nil, err
	}
	var scores []scoring.Score
	if inst := scoring.Instrument(q.URL); inst != "" {
		sc, ok, err := scoring.Compute(scoring.Current, inst, answers, settings.Thresholds, scoring.Previous{})
		if err != nil {
			return nil, err
		}
		if ok {
			scores = append(scores, sc)
		}
	}
	version := h.Current().Number + 1
	if err := l.svcCtx.Store.Correct(l.ctx, store.Correction{Report: r, Version: version, Items: string(canonical),
		Reason: reason, Changes: changes, Scores: scores, AckDue: time.Now().Add(settings.AckDeadline)}); err != nil {
		return nil, err
	}
	d, err := l.svcCtx.Store.GetDetail(l.ctx, r.Id)
	if err != nil {
		return nil, err
	}
	out := &report.CorrectReportResponse{ReportId: r.Id, Version: int32(version), Changes: map[string]string{}}
	for _, s := range d.Scores {
		if s.Current == 1 {
			out.Scores = append(out.Scores, toScore(s))
		}
	}
	for _, a := range d.Alerts {
		out.Alerts = append(out.Alerts, toAlert(a))
	}
	for path, c := range changes {
		out.Changes[path] = fmt.Sprintf("%s → %s", jsonOrNone(c[0]), jsonOrNone(c[1]))
	}
	return out, nil
}

func jsonOrNone(v any) string {
	if v == nil {
		return "(none)"
	}
	b, _ := json.Marshal(v)
	return string(b)
}
