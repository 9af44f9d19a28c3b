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

type PutAlertSettingsLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// A trial's acknowledgement deadline and scoring thresholds
func NewPutAlertSettingsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *PutAlertSettingsLogic {
	return &PutAlertSettingsLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// PutAlertSettings sets a trial's acknowledgement deadline and scoring thresholds.
func (l *PutAlertSettingsLogic) PutAlertSettings(req *types.AlertSettings) (resp *types.AlertSettings, err error) {
	ctx, _, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.SettingsManage, access.Target{})
	if err != nil {
		return nil, err
	}
	out, err := l.svcCtx.ReportRpc.PutTrialSettings(ctx, &rpc.TrialSettings{ProjectId: req.ID,
		AckDeadlineMinutes: req.AckDeadlineMinutes, Thresholds: req.Thresholds})
	if err != nil {
		return nil, err
	}
	return &types.AlertSettings{ID: req.ID, AckDeadlineMinutes: out.AckDeadlineMinutes, Thresholds: out.Thresholds}, nil
}
