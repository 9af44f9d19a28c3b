// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package epro

import (
	"context"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authn"
	"github.com/openepro/epro/project-api/internal/authz"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListQuestionnairesLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// A trial's questionnaires, every version
func NewListQuestionnairesLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListQuestionnairesLogic {
	return &ListQuestionnairesLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// ListQuestionnaires lists a trial's questionnaires with their definitions (members and its participants).
func (l *ListQuestionnairesLogic) ListQuestionnaires(req *types.ProjectPath) (resp *types.QuestionnaireList, err error) {
	action := access.TrialRead
	if p, _ := authn.From(l.ctx); p.Kind == authn.KindParticipant {
		action = access.ReportSubmit // a participant needs the forms to fill in
	}
	ctx, _, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, action, access.Target{})
	if err != nil {
		return nil, err
	}
	out, err := l.svcCtx.ReportRpc.ListQuestionnaires(ctx, &rpc.ListQuestionnairesRequest{ProjectId: req.ID})
	if err != nil {
		return nil, err
	}
	resp = &types.QuestionnaireList{Questionnaires: []types.QuestionnaireView{}}
	for _, q := range out.Questionnaires {
		resp.Questionnaires = append(resp.Questionnaires, toQuestionnaire(q, true))
	}
	return resp, nil
}
