package logic

import (
	"context"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/alerting"
	"github.com/openepro/epro/report-rpc/internal/scoring"
	"github.com/openepro/epro/report-rpc/internal/store"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListAlertsLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewListAlertsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListAlertsLogic {
	return &ListAlertsLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// ListAlerts filters a trial's alerts by site, severity and status, most severe and oldest first.
func (l *ListAlertsLogic) ListAlerts(in *report.ListAlertsRequest) (*report.ListAlertsResponse, error) {
	if in.Severity != "" {
		if _, ok := scoring.ParseSeverity(in.Severity); !ok {
			return nil, errs.Invalid(errs.ReasonFieldFormat, "severity must be review, high or urgent")
		}
	}
	if in.Status != "" && !alerting.Statuses[in.Status] {
		return nil, errs.Invalid(errs.ReasonFieldFormat, "status must be open, acknowledged or resolved")
	}
	limit := int(in.Limit)
	if limit <= 0 || limit > 500 {
		limit = 200
	}
	rows, err := l.svcCtx.Store.Alerts(l.ctx, store.AlertFilter{ProjectID: in.ProjectId, SiteID: in.SiteId,
		Severity: in.Severity, Status: in.Status, Limit: limit})
	if err != nil {
		return nil, err
	}
	out := &report.ListAlertsResponse{}
	for _, a := range rows {
		out.Alerts = append(out.Alerts, toAlert(a))
	}
	return out, nil
}
