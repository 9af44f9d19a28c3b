package logic

import (
	"context"
	"github.com/openepro/epro/common/errs"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type ScoreHistoryLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewScoreHistoryLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ScoreHistoryLogic {
	return &ScoreHistoryLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// ScoreHistory returns a participant's scores over time, for charts.
func (l *ScoreHistoryLogic) ScoreHistory(in *report.ScoreHistoryRequest) (*report.ScoreHistoryResponse, error) {
	if in.ProjectId == "" || in.PatientId == "" {
		return nil, errs.Invalid(errs.ReasonFieldRequired, "projectId and patientId are required")
	}
	rows, err := l.svcCtx.Store.ScoreHistory(l.ctx, in.ProjectId, in.PatientId, in.Instrument)
	if err != nil {
		return nil, err
	}
	out := &report.ScoreHistoryResponse{}
	for _, r := range rows {
		out.Points = append(out.Points, &report.ScorePoint{ReportId: r.ReportId, Instrument: r.Instrument, Total: r.Total,
			Band: r.Band, AuthoredAt: nts(r.AuthoredAt), ReceivedAt: ts(r.ReceivedAt)})
	}
	return out, nil
}
