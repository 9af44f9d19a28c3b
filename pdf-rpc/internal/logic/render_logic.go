package logic

import (
	"context"
	"errors"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/pdf-rpc/internal/storage"
	"io"
	"time"
	"unicode/utf8"

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

// Render draws a report summary and stores it. Rendering is bounded in concurrency and time; a missing font or a
// broken summary is a clear error.
func (l *RenderLogic) Render(in *pdf.RenderRequest) (*pdf.RenderResponse, error) {
	if in.ReportId == "" {
		return nil, errs.Invalid(errs.ReasonFieldRequired, "reportId is required")
	}
	received, err := time.Parse(time.RFC3339Nano, in.ReceivedAt)
	if err != nil {
		return nil, errs.Invalid(errs.ReasonFieldFormat, "receivedAt must be an RFC 3339 time")
	}
	if utf8.RuneCountInString(in.Notes) > shortreport.MaxNotesLen || len(in.Items) > 500 || len(in.Trend) > 366 || len(in.AttachmentIds) > 10 {
		return nil, errs.Invalid(errs.ReasonFieldTooLong, "summary is too large (notes ≤ 10000 characters, ≤ 500 items, ≤ 366 trend points, ≤ 10 photos)")
	}
	s := render.Summary{ReportID: in.ReportId, PatientID: in.PatientId, ParticipantName: in.ParticipantName,
		TrialName: in.TrialName, SiteName: in.SiteName, Questionnaire: in.Questionnaire, QuestionnaireTitle: in.QuestionnaireTitle,
		Score: in.Score, Notes: in.Notes, ReceivedAt: received, AuthoredAt: in.AuthoredAt, AIResult: in.AiResult,
		TrendInstrument: in.TrendInstrument}
	for _, it := range in.Items {
		s.Items = append(s.Items, render.Item{Question: it.Question, Answer: it.Answer})
	}
	for _, sc := range in.Scores {
		s.Scores = append(s.Scores, render.Score{Instrument: sc.Instrument, Total: sc.Total, Band: sc.Band, RuleSet: sc.RuleSet})
	}
	for _, a := range in.Alerts {
		s.Alerts = append(s.Alerts, render.Alert{Rule: a.Rule, Severity: a.Severity, Status: a.Status, Reason: a.Reason})
	}
	for _, p := range in.Trend {
		s.Trend = append(s.Trend, render.Point{Date: p.Date, Total: p.Total})
	}
	for _, id := range in.AttachmentIds {
		a, err := l.svcCtx.Attachments.FindOne(l.ctx, id)
		if err != nil {
			continue // a photo that is gone is left out, not fatal
		}
		if thumb, err := readAll(l.ctx, l.svcCtx.Store, a.ThumbKey); err == nil {
			s.Thumbnails = append(s.Thumbnails, thumb)
		}
	}

	ctx, cancel := context.WithTimeout(l.ctx, l.svcCtx.Config.RenderTimeout)
	defer cancel()
	if d := l.svcCtx.Config.BenchRenderDelay; d > 0 { // make bench: a slow PDF service
		select {
		case <-time.After(d):
		case <-ctx.Done():
			return nil, errs.New(errs.KindUnavailable, "RENDER_TIMEOUT", "rendering took longer than %s", l.svcCtx.Config.RenderTimeout)
		}
	}
	select { // bounded concurrency: wait for a slot or give up with the caller
	case l.svcCtx.Renders <- struct{}{}:
	case <-ctx.Done():
		return nil, errs.New(errs.KindUnavailable, "RENDER_BUSY", "all renderers are busy, retry later")
	}
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() { // the slot is held until the render really ends, even when the caller stopped waiting
		defer func() { <-l.svcCtx.Renders }()
		data, err := l.svcCtx.Renderer.Render(s, time.Now())
		done <- result{data, err}
	}()
	var res result
	select {
	case res = <-done:
	case <-ctx.Done():
		return nil, errs.New(errs.KindUnavailable, "RENDER_TIMEOUT", "rendering took longer than %s", l.svcCtx.Config.RenderTimeout)
	}
	switch {
	case errors.Is(res.err, render.ErrInvalid):
		return nil, errs.Invalid("RENDER_INPUT", "%s", res.err.Error())
	case errors.Is(res.err, render.ErrNoFont):
		return nil, errs.New(errs.KindFailedPrecondition, "RENDER_NO_FONT", "the CJK font is not installed on the PDF service")
	case res.err != nil:
		return nil, res.err
	}
	obj, err := l.svcCtx.Store.Put(l.ctx, res.data, ".pdf")
	if err != nil {
		return nil, err
	}
	if err := l.svcCtx.Documents.Record(l.ctx, &model.Documents{ReportId: in.ReportId, Kind: "summary",
		StorageKey: obj.Key, Sha256: obj.SHA256, SizeBytes: obj.Size}, audit.Entry{Action: "document.store",
		EntityType: "report", EntityID: in.ReportId, ProjectID: in.ProjectId, Changes: map[string][2]any{
			"summary.sha256": {nil, obj.SHA256}, "summary.storageKey": {nil, obj.Key}}}); err != nil {
		return nil, err
	}
	return &pdf.RenderResponse{StorageKey: obj.Key, Sha256: obj.SHA256, SizeBytes: obj.Size}, nil
}

func readAll(ctx context.Context, st storage.Store, key string) ([]byte, error) {
	rc, err := st.Open(ctx, key)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, 4<<20))
}
