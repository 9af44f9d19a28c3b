package logic

import (
	"context"
	"time"

	"github.com/openepro/epro/common/errs"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type ProjectSummaryLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewProjectSummaryLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ProjectSummaryLogic {
	return &ProjectSummaryLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// ProjectSummary counts a trial's reports and open alerts and lists the most recent reports. Alerts arrive with the
// reports issue; until then the count is a real zero, not a guess.
func (l *ProjectSummaryLogic) ProjectSummary(in *report.ProjectSummaryRequest) (*report.ProjectSummaryResponse, error) {
	if in.ProjectId == "" {
		return nil, errs.Invalid(errs.ReasonFieldRequired, "projectId is required")
	}
	if in.Recent < 0 || in.Recent > 50 {
		return nil, errs.Invalid(errs.ReasonFieldRange, "recent must be between 0 and 50")
	}
	sum, err := l.svcCtx.Store.ProjectSummary(l.ctx, in.ProjectId, in.SiteIds, int(in.Recent))
	if err != nil {
		return nil, err
	}
	resp := &report.ProjectSummaryResponse{ReportCount: sum.Count}
	for _, r := range sum.Recent {
		resp.Recent = append(resp.Recent, &report.ReportBrief{ReportId: r.ID, PatientId: r.PatientID, SiteId: r.SiteID,
			Score: r.Score, ReceivedAt: r.ReceivedAt.Format(time.RFC3339Nano)})
	}
	return resp, nil
}
