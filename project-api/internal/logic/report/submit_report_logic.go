// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package report

import (
	"context"

	"github.com/openepro/epro/common/shortreport"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type SubmitReportLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Submit a short report (seed contract); 200 only once it is committed
func NewSubmitReportLogic(ctx context.Context, svcCtx *svc.ServiceContext) *SubmitReportLogic {
	return &SubmitReportLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// SubmitReport hands the validated report to report-rpc, which answers only after the commit.
func (l *SubmitReportLogic) SubmitReport(req *types.SubmitReportReq) (resp *types.SubmitReportResp, err error) {
	out, err := l.svcCtx.ReportRpc.SubmitReport(l.ctx, &rpc.SubmitReportRequest{
		PatientId: req.PatientID, Score: req.Score, Notes: req.Notes,
	})
	if err != nil {
		return nil, err
	}
	return &types.SubmitReportResp{Status: "processed", ReportID: out.ReportId, PatientID: out.PatientId,
		ProcessedNotes: shortreport.ProcessedNotes(req.Notes)}, nil
}
