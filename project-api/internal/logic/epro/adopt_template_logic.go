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

type AdoptTemplateLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Publish a built-in instrument in a trial
func NewAdoptTemplateLogic(ctx context.Context, svcCtx *svc.ServiceContext) *AdoptTemplateLogic {
	return &AdoptTemplateLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// AdoptTemplate publishes a built-in instrument in a trial.
func (l *AdoptTemplateLogic) AdoptTemplate(req *types.AdoptReq) (resp *types.QuestionnaireView, err error) {
	ctx, _, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.QuestionnaireEdit, access.Target{})
	if err != nil {
		return nil, err
	}
	out, err := l.svcCtx.ReportRpc.AdoptTemplate(ctx, &rpc.AdoptTemplateRequest{ProjectId: req.ID, Template: req.Template})
	if err != nil {
		return nil, err
	}
	v := toQuestionnaire(out, false)
	return &v, nil
}
