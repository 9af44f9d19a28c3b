// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package review

import (
	"context"
	"encoding/json"

	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/openepro/epro/project-api/internal/views"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type CorrectReportLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Correct a submitted questionnaire report: a new version with a reason; the original stays readable
func NewCorrectReportLogic(ctx context.Context, svcCtx *svc.ServiceContext) *CorrectReportLogic {
	return &CorrectReportLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// CorrectReport lets site staff (or the PI) store a corrected version of a report at a site they may edit.
func (l *CorrectReportLogic) CorrectReport(req *types.CorrectionReq) (resp *types.CorrectionResp, err error) {
	ctx, err := authorizeOnReport(l.ctx, l.svcCtx, req.ID, req.ReportID, access.ReportCorrect)
	if err != nil {
		return nil, err
	}
	items, err := json.Marshal(req.Items)
	if err != nil {
		return nil, err
	}
	out, err := l.svcCtx.ReportRpc.CorrectReport(ctx, &rpc.CorrectReportRequest{ProjectId: req.ID, ReportId: req.ReportID,
		Items: string(items), Reason: req.Reason})
	if err != nil {
		return nil, err
	}
	return &types.CorrectionResp{ReportID: out.ReportId, Version: out.Version, Scores: views.Scores(out.Scores),
		Alerts: views.Alerts(out.Alerts), Changes: out.Changes}, nil
}
