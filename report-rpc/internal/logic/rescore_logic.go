package logic

import (
	"context"
	"encoding/json"

	"github.com/openepro/epro/common/auditchain"
	"github.com/openepro/epro/report-rpc/internal/questionnaire"
	"github.com/openepro/epro/report-rpc/internal/scoring"
	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type RescoreLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewRescoreLogic(ctx context.Context, svcCtx *svc.ServiceContext) *RescoreLogic {
	return &RescoreLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// Rescore scores a trial's questionnaire reports again with the current rule set. Old scores stay, marked
// superseded; each change is audited. Reports already scored with the current rule set are left alone.
func (l *RescoreLogic) Rescore(in *report.RescoreRequest) (*report.RescoreResponse, error) {
	reason, err := auditchain.CheckReason("reason", in.Reason)
	if err != nil {
		return nil, err
	}
	targets, err := l.svcCtx.Store.RescoreTargets(l.ctx, in.ProjectId, scoring.Current)
	if err != nil {
		return nil, err
	}
	settings, err := l.svcCtx.Store.TrialSettings(l.ctx, in.ProjectId)
	if err != nil {
		return nil, err
	}
	n := int64(0)
	for _, t := range targets {
		q, err := questionnaire.Parse([]byte(t.Definition))
		if err != nil {
			return nil, err
		}
		items, err := questionnaire.ParseItems(json.RawMessage(t.Report.Items.String))
		if err != nil {
			return nil, err
		}
		answers, err := q.Validate(items)
		if err != nil {
			return nil, err
		}
		sc, ok, err := scoring.Compute(scoring.Current, scoring.Instrument(q.URL), answers, settings.Thresholds, scoring.Previous{})
		if err != nil || !ok {
			continue
		}
		if err := l.svcCtx.Store.ReplaceScore(l.ctx, t.Report, sc, reason); err != nil {
			return nil, err
		}
		n++
	}
	return &report.RescoreResponse{Rescored: n, RuleSetId: scoring.Current.ID, RuleSetVersion: scoring.Current.Version}, nil
}
