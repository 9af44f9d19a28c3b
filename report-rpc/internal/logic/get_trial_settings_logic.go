package logic

import (
	"context"
	"encoding/json"
	"time"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type GetTrialSettingsLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewGetTrialSettingsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *GetTrialSettingsLogic {
	return &GetTrialSettingsLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// GetTrialSettings returns a trial's acknowledgement deadline and thresholds (defaults filled in).
func (l *GetTrialSettingsLogic) GetTrialSettings(in *report.GetTrialSettingsRequest) (*report.TrialSettings, error) {
	st, err := l.svcCtx.Store.TrialSettings(l.ctx, in.ProjectId)
	if err != nil {
		return nil, err
	}
	th, _ := json.Marshal(st.Thresholds.WithDefaults())
	return &report.TrialSettings{ProjectId: in.ProjectId, AckDeadlineMinutes: int32(st.AckDeadline / time.Minute), Thresholds: string(th)}, nil
}
