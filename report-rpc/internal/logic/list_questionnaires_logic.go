package logic

import (
	"context"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListQuestionnairesLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewListQuestionnairesLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListQuestionnairesLogic {
	return &ListQuestionnairesLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// ListQuestionnaires lists a trial's questionnaires, every version.
func (l *ListQuestionnairesLogic) ListQuestionnaires(in *report.ListQuestionnairesRequest) (*report.ListQuestionnairesResponse, error) {
	rows, err := l.svcCtx.Store.Questionnaires(l.ctx, in.ProjectId)
	if err != nil {
		return nil, err
	}
	out := &report.ListQuestionnairesResponse{}
	for _, r := range rows {
		out.Questionnaires = append(out.Questionnaires, toQuestionnaire(r))
	}
	return out, nil
}
