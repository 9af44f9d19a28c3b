// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package report

import (
	"context"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

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

func (l *SubmitReportLogic) SubmitReport(req *types.SubmitReportReq) (resp *types.SubmitReportResp, err error) {
	// todo: add your logic here and delete this line

	return
}
