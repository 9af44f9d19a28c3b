package logic

import (
	"context"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/questionnaire"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type PutQuestionnaireLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewPutQuestionnaireLogic(ctx context.Context, svcCtx *svc.ServiceContext) *PutQuestionnaireLogic {
	return &PutQuestionnaireLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// PutQuestionnaire stores a draft or publishes a version; a published version is immutable.
func (l *PutQuestionnaireLogic) PutQuestionnaire(in *report.PutQuestionnaireRequest) (*report.QuestionnaireInfo, error) {
	if in.ProjectId == "" {
		return nil, errs.Invalid(errs.ReasonFieldRequired, "projectId is required")
	}
	q, err := questionnaire.Parse([]byte(in.Definition))
	if err != nil {
		return nil, err
	}
	row, err := l.svcCtx.Store.PutQuestionnaire(l.ctx, in.ProjectId, q, []byte(in.Definition), "")
	if err != nil {
		return nil, err
	}
	return toQuestionnaire(row), nil
}
