package logic

import (
	"context"
	"encoding/json"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/scoring"
	"github.com/openepro/epro/report-rpc/internal/store"
	"strings"
	"time"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type PutTrialSettingsLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewPutTrialSettingsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *PutTrialSettingsLogic {
	return &PutTrialSettingsLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// PutTrialSettings changes a trial's acknowledgement deadline (1 minute to 7 days) and thresholds.
func (l *PutTrialSettingsLogic) PutTrialSettings(in *report.TrialSettings) (*report.TrialSettings, error) {
	if in.AckDeadlineMinutes < 1 || in.AckDeadlineMinutes > 7*24*60 {
		return nil, errs.Invalid(errs.ReasonFieldRange, "ackDeadlineMinutes must be between 1 and 10080")
	}
	var th scoring.Thresholds
	if in.Thresholds != "" {
		dec := json.NewDecoder(strings.NewReader(in.Thresholds))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&th); err != nil {
			return nil, errs.Invalid(errs.ReasonFieldFormat, "thresholds must be a JSON object of phq9Review, phq9High, gad7Review, painHigh, painRiseAlert")
		}
	}
	for _, v := range []int{th.PHQ9Review, th.PHQ9High, th.GAD7Review, th.PainHigh, th.PainRiseAlert} {
		if v < 0 || v > 27 {
			return nil, errs.Invalid(errs.ReasonFieldRange, "thresholds must be between 0 (default) and 27")
		}
	}
	if err := l.svcCtx.Store.PutTrialSettings(l.ctx, in.ProjectId, store.Settings{
		AckDeadline: time.Duration(in.AckDeadlineMinutes) * time.Minute, Thresholds: th}); err != nil {
		return nil, err
	}
	return NewGetTrialSettingsLogic(l.ctx, l.svcCtx).GetTrialSettings(&report.GetTrialSettingsRequest{ProjectId: in.ProjectId})
}
