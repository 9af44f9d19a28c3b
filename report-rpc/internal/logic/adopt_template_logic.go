package logic

import (
	"context"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/questionnaire"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type AdoptTemplateLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewAdoptTemplateLogic(ctx context.Context, svcCtx *svc.ServiceContext) *AdoptTemplateLogic {
	return &AdoptTemplateLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// AdoptTemplate publishes a built-in template in a trial.
func (l *AdoptTemplateLogic) AdoptTemplate(in *report.AdoptTemplateRequest) (*report.QuestionnaireInfo, error) {
	if in.ProjectId == "" {
		return nil, errs.Invalid(errs.ReasonFieldRequired, "projectId is required")
	}
	t, ok := questionnaire.TemplateByName(in.Template)
	if !ok {
		return nil, errs.Invalid("TEMPLATE_UNKNOWN", "template must be one of gad-7, pain-nrs, phq-9, wellbeing")
	}
	row, err := l.svcCtx.Store.PutQuestionnaire(l.ctx, in.ProjectId, t.Q, t.Raw, t.Name)
	if err != nil {
		return nil, err
	}
	return toQuestionnaire(row), nil
}
