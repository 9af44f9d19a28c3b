package logic

import (
	"context"
	"errors"
	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/alerting"
	"github.com/openepro/epro/report-rpc/internal/store"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type AcknowledgeAlertLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewAcknowledgeAlertLogic(ctx context.Context, svcCtx *svc.ServiceContext) *AcknowledgeAlertLogic {
	return &AcknowledgeAlertLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// AcknowledgeAlert moves an open alert to acknowledged, recording who and when.
func (l *AcknowledgeAlertLogic) AcknowledgeAlert(in *report.AlertActionRequest) (*report.AlertInfo, error) {
	who := actor.From(l.ctx).UserID
	a, err := l.svcCtx.Store.TransitionAlert(l.ctx, in.ProjectId, in.AlertId, in.SiteId, "alert.acknowledge",
		alerting.Acknowledge, "status = 'acknowledged', acknowledged_by = ?, acknowledged_at = NOW(3)", who)
	if errors.Is(err, store.ErrAlertNotFound) {
		return nil, errs.NotFound("ALERT_NOT_FOUND", "alert not found")
	}
	if err != nil {
		return nil, err
	}
	return toAlert(a), nil
}
