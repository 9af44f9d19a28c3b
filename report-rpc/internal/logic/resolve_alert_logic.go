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

type ResolveAlertLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewResolveAlertLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ResolveAlertLogic {
	return &ResolveAlertLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// ResolveAlert moves an acknowledged alert to resolved with a note.
func (l *ResolveAlertLogic) ResolveAlert(in *report.AlertActionRequest) (*report.AlertInfo, error) {
	who := actor.From(l.ctx).UserID
	check := func(status string) error { return alerting.Resolve(status, in.Note) }
	a, err := l.svcCtx.Store.TransitionAlert(l.ctx, in.ProjectId, in.AlertId, in.SiteId, "alert.resolve", check,
		"status = 'resolved', resolved_by = ?, resolved_at = NOW(3), resolution_note = ?", who, in.Note)
	if errors.Is(err, store.ErrAlertNotFound) {
		return nil, errs.NotFound("ALERT_NOT_FOUND", "alert not found")
	}
	if err != nil {
		return nil, err
	}
	return toAlert(a), nil
}
