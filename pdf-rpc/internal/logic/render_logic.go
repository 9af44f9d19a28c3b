package logic

import (
	"context"
	"errors"
	"time"

	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/common/shortreport"
	"github.com/openepro/epro/pdf-rpc/internal/model"
	"github.com/openepro/epro/pdf-rpc/internal/render"
	"github.com/openepro/epro/pdf-rpc/internal/svc"
	"github.com/openepro/epro/pdf-rpc/pdf"

	"github.com/zeromicro/go-zero/core/logx"
)

type RenderLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewRenderLogic(ctx context.Context, svcCtx *svc.ServiceContext) *RenderLogic {
	return &RenderLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// Render draws a one-page summary of a report and stores it; rendering the same input again stores nothing new.
func (l *RenderLogic) Render(in *pdf.RenderRequest) (*pdf.RenderResponse, error) {
	if in.ReportId == "" {
		return nil, errs.Invalid(errs.ReasonFieldRequired, "reportId is required")
	}
	received, err := time.Parse(time.RFC3339Nano, in.ReceivedAt)
	if err != nil {
		return nil, errs.Invalid(errs.ReasonFieldFormat, "receivedAt must be an RFC 3339 time")
	}
	report := shortreport.Report{PatientID: in.PatientId, Score: in.Score, Notes: in.Notes}
	if err := report.Validate(); err != nil {
		return nil, err
	}

	select { // bounded concurrency: wait for a slot or give up with the caller
	case l.svcCtx.Renders <- struct{}{}:
		defer func() { <-l.svcCtx.Renders }()
	case <-l.ctx.Done():
		return nil, l.ctx.Err()
	}
	data, err := render.RenderSummary(render.Summary{ReportID: in.ReportId, PatientID: in.PatientId,
		Score: in.Score, Notes: in.Notes, ReceivedAt: received})
	if errors.Is(err, render.ErrInvalid) {
		return nil, errs.Invalid("RENDER_INPUT", "%s", err.Error())
	}
	if err != nil {
		return nil, err
	}
	obj, err := l.svcCtx.Store.Put(l.ctx, data, ".pdf")
	if err != nil {
		return nil, err
	}
	if err := l.svcCtx.Documents.Record(l.ctx, &model.Documents{ReportId: in.ReportId, Kind: "summary",
		StorageKey: obj.Key, Sha256: obj.SHA256, SizeBytes: obj.Size}); err != nil {
		return nil, err
	}
	return &pdf.RenderResponse{StorageKey: obj.Key, Sha256: obj.SHA256, SizeBytes: obj.Size}, nil
}
