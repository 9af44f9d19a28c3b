// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package epro

import (
	"context"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type PutQuestionnaireLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Store a FHIR Questionnaire: status draft stays editable, active publishes (immutable)
func NewPutQuestionnaireLogic(ctx context.Context, svcCtx *svc.ServiceContext) *PutQuestionnaireLogic {
	return &PutQuestionnaireLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// PutQuestionnaire stores a draft or publishes a version of a FHIR Questionnaire.
func (l *PutQuestionnaireLogic) PutQuestionnaire(req *types.PutQuestionnaireReq) (resp *types.QuestionnaireView, err error) {
	ctx, _, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.QuestionnaireEdit, access.Target{})
	if err != nil {
		return nil, err
	}
	out, err := l.svcCtx.ReportRpc.PutQuestionnaire(ctx, &rpc.PutQuestionnaireRequest{ProjectId: req.ID, Definition: req.Definition})
	if err != nil {
		return nil, err
	}
	v := toQuestionnaire(out, false)
	return &v, nil
}
