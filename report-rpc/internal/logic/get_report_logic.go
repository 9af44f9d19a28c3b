package logic

import (
	"context"

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
	// todo: add your logic here and delete this line

	return &report.GetReportResponse{}, nil
}
