// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package epro

import (
	"context"
	"encoding/json"
	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/pdf-rpc/pdf"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authn"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type SubmitQuestionnaireLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Submit a questionnaire response (participant token); idempotent by clientSubmissionId
func NewSubmitQuestionnaireLogic(ctx context.Context, svcCtx *svc.ServiceContext) *SubmitQuestionnaireLogic {
	return &SubmitQuestionnaireLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// SubmitQuestionnaire submits a questionnaire response with the participant's token: the trial, site and subject
// come from the token. The same clientSubmissionId returns the original report (duplicate: true).
func (l *SubmitQuestionnaireLogic) SubmitQuestionnaire(req *types.SubmitQuestionnaireReq) (resp *types.SubmitQuestionnaireResp, err error) {
	p, err := authn.From(l.ctx)
	if err != nil {
		return nil, err
	}
	if p.Kind != authn.KindParticipant {
		return nil, errs.New(errs.KindForbidden, access.ReasonDenied, "only a participant token may submit reports")
	}
	items, err := json.Marshal(req.Items)
	if err != nil {
		return nil, errs.Invalid(errs.ReasonFieldFormat, "items must be a list of QuestionnaireResponse items")
	}
	for i, id := range req.AttachmentIDs { // only the participant's own uploads
		att, err := l.svcCtx.PdfRpc.GetAttachment(l.ctx, &pdf.GetAttachmentRequest{AttachmentId: id})
		if err != nil || att.ProjectId != p.ProjectID || att.PatientId != p.SubjectCode {
			return nil, errs.Invalid("ATTACHMENT_UNKNOWN", "attachmentIds[%d]: not one of your uploads", i)
		}
	}
	a := actor.From(l.ctx)
	a.UserID, a.Role = p.UserID, string(access.Participant)
	out, err := l.svcCtx.ReportRpc.SubmitResponse(actor.With(l.ctx, a), &rpc.SubmitResponseRequest{
		ProjectId: p.ProjectID, SiteId: p.SiteID, PatientId: p.SubjectCode, Questionnaire: req.Questionnaire,
		Items: string(items), ClientSubmissionId: req.ClientSubmissionID, AuthoredAt: req.AuthoredAt, Notes: req.Notes,
		AttachmentIds: req.AttachmentIDs})
	if err != nil {
		return nil, err
	}
	return &types.SubmitQuestionnaireResp{ReportID: out.ReportId, Duplicate: out.Duplicate, ReceivedAt: out.ReceivedAt,
		Scores: toScores(out.Scores), Alerts: toAlerts(out.Alerts)}, nil
}
