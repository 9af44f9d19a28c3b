package logic

import (
	"context"

	"github.com/openepro/epro/report-rpc/internal/review"
	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type ReportVersionsLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewReportVersionsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ReportVersionsLogic {
	return &ReportVersionsLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// ReportVersions returns every version of a report with its scores, and the signatures with their validity.
func (l *ReportVersionsLogic) ReportVersions(in *report.ReportVersionsRequest) (*report.ReportVersionsResponse, error) {
	h, err := history(l.ctx, l.svcCtx, in.ProjectId, in.ReportId)
	if err != nil {
		return nil, err
	}
	r := h.Report
	out := &report.ReportVersionsResponse{ReportId: r.Id, ProjectId: r.ProjectId, SiteId: r.SiteId, PatientId: r.PatientId,
		CurrentVersion: int32(h.Current().Number)}
	if r.QuestionnaireUrl != "" {
		out.Questionnaire = r.QuestionnaireUrl + "|" + r.QuestionnaireVersion
	}
	for i, v := range h.Versions {
		rv := &report.ReportVersion{Version: int32(v.Number), Items: v.Items, ContentHash: review.ContentHash(v),
			CreatedAt: ts(r.ReceivedAt)}
		if i > 0 {
			c := h.Corrected[i-1]
			rv.Reason, rv.AuthorId, rv.AuthorRole, rv.CreatedAt = c.Reason, c.CorrectedBy, c.CorrectedRole, ts(c.CreatedAt)
		}
		for _, s := range h.Scores {
			if int(s.ReportVersion) == v.Number {
				rv.Scores = append(rv.Scores, toScore(s))
			}
		}
		out.Versions = append(out.Versions, rv)
	}
	for i := range h.Signatures {
		out.Signatures = append(out.Signatures, toSignature(h, i))
	}
	return out, nil
}
