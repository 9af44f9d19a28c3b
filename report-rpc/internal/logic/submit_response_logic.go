package logic

import (
	"context"
	"encoding/json"
	"github.com/google/uuid"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/common/shortreport"
	"github.com/openepro/epro/report-rpc/internal/questionnaire"
	"github.com/openepro/epro/report-rpc/internal/scoring"
	"github.com/openepro/epro/report-rpc/internal/store"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type SubmitResponseLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewSubmitResponseLogic(ctx context.Context, svcCtx *svc.ServiceContext) *SubmitResponseLogic {
	return &SubmitResponseLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// SubmitResponse validates a questionnaire response against its published definition, scores it, raises alerts
// and commits it with its tasks. The same clientSubmissionId from the same participant returns the original report.
func (l *SubmitResponseLogic) SubmitResponse(in *report.SubmitResponseRequest) (*report.SubmitResponseResponse, error) {
	switch {
	case in.ProjectId == "" || in.PatientId == "":
		return nil, errs.Invalid(errs.ReasonFieldRequired, "projectId and patientId are required")
	case uuid.Validate(in.ClientSubmissionId) != nil:
		return nil, errs.Invalid(errs.ReasonFieldFormat, "clientSubmissionId must be a UUID")
	case utf8.RuneCountInString(in.Notes) > shortreport.MaxNotesLen || !utf8.ValidString(in.Notes):
		return nil, errs.Invalid(errs.ReasonFieldTooLong, "notes must be at most %d characters of UTF-8 text", shortreport.MaxNotesLen)
	case len(in.AttachmentIds) > 10:
		return nil, errs.Invalid(errs.ReasonFieldRange, "attachmentIds must hold at most 10 ids")
	}
	authored, err := time.Parse(time.RFC3339Nano, in.AuthoredAt)
	if err != nil {
		return nil, errs.Invalid(errs.ReasonFieldFormat, "authoredAt must be a device time with its offset (RFC 3339)")
	}
	received := time.Now().UTC().Truncate(time.Microsecond)
	if authored.After(received.Add(24 * time.Hour)) {
		return nil, errs.Invalid(errs.ReasonFieldRange, "authoredAt must not be in the future")
	}
	url, version, ok := strings.Cut(in.Questionnaire, "|")
	if !ok || url == "" || version == "" {
		return nil, errs.Invalid(errs.ReasonFieldFormat, "questionnaire must be \"url|version\"")
	}
	q, items, answers, err := validated(l.ctx, l.svcCtx, in.ProjectId, url, version, in.Items)
	if err != nil {
		return nil, err
	}
	settings, err := l.svcCtx.Store.TrialSettings(l.ctx, in.ProjectId)
	if err != nil {
		return nil, err
	}
	var scores []scoring.Score
	if inst := scoring.Instrument(q.URL); inst != "" {
		prev, err := l.svcCtx.Store.PreviousScore(l.ctx, in.ProjectId, in.PatientId, inst)
		if err != nil {
			return nil, err
		}
		sc, ok, err := scoring.Compute(scoring.Current, inst, answers, settings.Thresholds, prev)
		if err != nil {
			return nil, err
		}
		if ok {
			scores = append(scores, sc)
		}
	}
	id, err := uuid.NewV7()
	if err != nil {
		return nil, err
	}
	_, offset := authored.Zone()
	canonicalItems, _ := json.Marshal(items)
	resp := store.Response{
		Report: store.Report{ID: id.String(), ProjectID: in.ProjectId, SiteID: in.SiteId, PatientID: in.PatientId,
			Notes: in.Notes, ReceivedAt: received},
		QuestionnaireURL: q.URL, QuestionnaireVersion: q.Version, ClientSubmissionID: strings.ToLower(in.ClientSubmissionId),
		Items: string(canonicalItems), AttachmentIDs: in.AttachmentIds, AuthoredAt: authored, AuthoredOffsetMin: offset / 60,
		Scores: scores,
	}
	reportID, duplicate, err := l.svcCtx.Store.CreateResponse(l.ctx, resp, received.Add(settings.AckDeadline))
	if err != nil {
		return nil, err
	}
	if !duplicate {
		l.svcCtx.Tasks.Enqueue(reportID) // committed: from here the outbox guarantees the tasks run
	}
	d, err := l.svcCtx.Store.GetDetail(l.ctx, reportID)
	if err != nil {
		return nil, err
	}
	out := &report.SubmitResponseResponse{ReportId: reportID, Duplicate: duplicate, ReceivedAt: ts(d.Row.ReceivedAt)}
	for _, s := range d.Scores {
		out.Scores = append(out.Scores, toScore(s))
	}
	for _, a := range d.Alerts {
		out.Alerts = append(out.Alerts, toAlert(a))
	}
	return out, nil
}

// validated parses a response's items and validates them against the published questionnaire url|version of the
// trial (a submission, or a correction against the version the participant answered).
func validated(ctx context.Context, s *svc.ServiceContext, projectID, url, version, itemsJSON string) (
	*questionnaire.Questionnaire, []questionnaire.ResponseItem, questionnaire.Answers, error) {
	q, err := s.Questionnaire(ctx, projectID, url, version)
	if err != nil {
		return nil, nil, nil, err
	}
	items, err := questionnaire.ParseItems(json.RawMessage(itemsJSON))
	if err != nil {
		return nil, nil, nil, err
	}
	answers, err := q.Validate(items)
	if err != nil {
		return nil, nil, nil, err
	}
	return q, items, answers, nil
}
