// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package epro

import (
	"context"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authn"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListTemplatesLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Built-in instruments (PHQ-9, GAD-7, pain NRS, daily wellbeing) with zh and en text
func NewListTemplatesLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListTemplatesLogic {
	return &ListTemplatesLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// ListTemplates lists the built-in instruments (any staff member).
func (l *ListTemplatesLogic) ListTemplates() (resp *types.TemplateList, err error) {
	p, err := authn.From(l.ctx)
	if err != nil {
		return nil, err
	}
	if p.Kind != authn.KindStaff {
		return nil, errs.New(errs.KindForbidden, access.ReasonDenied, "only staff list templates")
	}
	out, err := l.svcCtx.ReportRpc.ListTemplates(l.ctx, &rpc.ListTemplatesRequest{})
	if err != nil {
		return nil, err
	}
	resp = &types.TemplateList{Templates: []types.QuestionnaireView{}}
	for _, t := range out.Templates {
		resp.Templates = append(resp.Templates, toQuestionnaire(t, true))
	}
	return resp, nil
}
