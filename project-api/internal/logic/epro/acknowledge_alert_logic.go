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

type AcknowledgeAlertLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Acknowledge an open alert
func NewAcknowledgeAlertLogic(ctx context.Context, svcCtx *svc.ServiceContext) *AcknowledgeAlertLogic {
	return &AcknowledgeAlertLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// AcknowledgeAlert acknowledges an open alert (roles with alert.manage; another site's alert is not found).
func (l *AcknowledgeAlertLogic) AcknowledgeAlert(req *types.AlertActionReq) (resp *types.AlertView, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.AlertManage, access.Target{})
	if err != nil {
		return nil, err
	}
	out, err := l.svcCtx.ReportRpc.AcknowledgeAlert(ctx, &rpc.AlertActionRequest{ProjectId: req.ID, AlertId: req.AlertID, SiteId: c.Decision.SiteID})
	if err != nil {
		return nil, err
	}
	v := toAlert(out)
	return &v, nil
}
