package logic

import (
	"context"
	"fmt"
	"github.com/openepro/epro/common/errs"
	"time"

	"github.com/openepro/epro/ai-gateway/ai"
	"github.com/openepro/epro/ai-gateway/internal/svc"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListAssessmentsLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewListAssessmentsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListAssessmentsLogic {
	return &ListAssessmentsLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// ListAssessments returns every assessment of a report, oldest first (the governance record).
func (l *ListAssessmentsLogic) ListAssessments(in *ai.ListAssessmentsRequest) (*ai.ListAssessmentsResponse, error) {
	if in.ReportId == "" {
		return nil, errs.Invalid(errs.ReasonFieldRequired, "reportId is required")
	}
	rows, err := l.svcCtx.Governance.List(l.ctx, in.ReportId)
	if err != nil {
		return nil, err
	}
	out := &ai.ListAssessmentsResponse{}
	for _, r := range rows {
		out.Assessments = append(out.Assessments, &ai.Assessment{AssessmentId: fmt.Sprint(r.Id), ReportId: r.ReportId,
			ProjectId: r.ProjectId, Engine: r.Engine, Model: r.Model, EngineVersion: r.EngineVersion, InputHash: r.InputHash,
			RiskLevel: r.RiskLevel, Sentiment: r.Sentiment, Output: r.Output, LatencyMs: r.LatencyMs, Fallback: r.Fallback == 1,
			FallbackReason: r.FallbackReason, Cached: r.Cached == 1, CreatedAt: r.CreatedAt.UTC().Format(time.RFC3339Nano)})
	}
	return out, nil
}
