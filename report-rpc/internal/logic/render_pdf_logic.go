package logic

import (
	"context"
	"errors"

	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/store"
	"github.com/openepro/epro/report-rpc/internal/summary"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type RenderPdfLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewRenderPdfLogic(ctx context.Context, svcCtx *svc.ServiceContext) *RenderPdfLogic {
	return &RenderPdfLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// RenderPdf renders a report's summary (answers, scores, alerts, AI result, score trend, photos) through pdf-rpc.

// RenderPdf renders a report's summary through pdf-rpc with the viewer's header.
func (l *RenderPdfLogic) RenderPdf(in *report.RenderPdfRequest) (*report.RenderPdfResponse, error) {
	req, err := summary.Build(l.ctx, l.svcCtx.Store, in.ReportId, summary.Header{TrialName: in.TrialName,
		SiteName: in.SiteName, ParticipantName: in.ParticipantName})
	if errors.Is(err, store.ErrNotFound) {
		return nil, errs.NotFound(errs.ReasonReportNotFound, "report not found")
	}
	if err != nil {
		return nil, err
	}
	out, err := l.svcCtx.Pdf.Render(l.ctx, req)
	if err != nil {
		return nil, err
	}
	return &report.RenderPdfResponse{StorageKey: out.StorageKey, Sha256: out.Sha256, SizeBytes: out.SizeBytes}, nil
}
