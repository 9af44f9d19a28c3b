package logic

import (
	"context"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type VerifyAuditLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewVerifyAuditLogic(ctx context.Context, svcCtx *svc.ServiceContext) *VerifyAuditLogic {
	return &VerifyAuditLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// VerifyAudit walks a trial's audit hash chain in epro_report and names the first broken link.
func (l *VerifyAuditLogic) VerifyAudit(in *report.VerifyAuditRequest) (*report.VerifyAuditResponse, error) {
	v, err := l.svcCtx.Store.VerifyAudit(l.ctx, in.ProjectId)
	if err != nil {
		return nil, err
	}
	out := &report.VerifyAuditResponse{Rows: v.Rows, Intact: v.Break == nil, HeadSeq: v.HeadAt}
	if b := v.Break; b != nil {
		out.BrokenId, out.BrokenSeq, out.BrokenReason = b.ID, b.Seq, b.Reason
	}
	return out, nil
}
