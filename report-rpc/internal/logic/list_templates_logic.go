package logic

import (
	"context"
	"github.com/openepro/epro/report-rpc/internal/questionnaire"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListTemplatesLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewListTemplatesLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListTemplatesLogic {
	return &ListTemplatesLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// ListTemplates lists the built-in instruments with zh and en text.
func (l *ListTemplatesLogic) ListTemplates(in *report.ListTemplatesRequest) (*report.ListTemplatesResponse, error) {
	ts, err := questionnaire.Templates()
	if err != nil {
		return nil, err
	}
	out := &report.ListTemplatesResponse{}
	for _, t := range ts {
		out.Templates = append(out.Templates, &report.QuestionnaireInfo{Url: t.Q.URL, Version: t.Q.Version, Title: t.Q.Title,
			Status: t.Q.Status, Definition: string(t.Raw), Template: t.Name})
	}
	return out, nil
}
