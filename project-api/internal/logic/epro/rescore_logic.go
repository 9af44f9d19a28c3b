// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package epro

import (
	"context"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type RescoreLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Score the trial's reports again with the current rule set (old scores kept, audited)
func NewRescoreLogic(ctx context.Context, svcCtx *svc.ServiceContext) *RescoreLogic {
	return &RescoreLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// Rescore scores the trial's reports again with the current rule set; old scores are kept, each change audited.
func (l *RescoreLogic) Rescore(req *types.RescoreReq) (resp *types.RescoreResp, err error) {
	ctx, _, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.ReportRescore, access.Target{})
	if err != nil {
		return nil, err
	}
	out, err := l.svcCtx.ReportRpc.Rescore(ctx, &rpc.RescoreRequest{ProjectId: req.ID, Reason: req.Reason})
	if err != nil {
		return nil, err
	}
	return &types.RescoreResp{Rescored: out.Rescored, RuleSetID: out.RuleSetId, RuleSetVersion: out.RuleSetVersion}, nil
}
