// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package report

import (
	"context"

	"github.com/google/uuid"
	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/common/shortreport"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authn"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type SubmitReportLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Submit a short report (seed contract); 200 only once it is committed
func NewSubmitReportLogic(ctx context.Context, svcCtx *svc.ServiceContext) *SubmitReportLogic {
	return &SubmitReportLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// SubmitReport hands the validated report to report-rpc, which answers only after the commit. Only a
// participant token may submit, and only for itself: patientId, when given, must be the token's subject code.
func (l *SubmitReportLogic) SubmitReport(req *types.SubmitReportReq) (resp *types.SubmitReportResp, err error) {
	p, err := authn.From(l.ctx)
	if err != nil {
		return nil, err
	}
	if p.Kind != authn.KindParticipant {
		return nil, errs.New(errs.KindForbidden, access.ReasonDenied, "only a participant token may submit reports")
	}
	if req.PatientID == "" {
		req.PatientID = p.SubjectCode
	} else if req.PatientID != p.SubjectCode {
		return nil, errs.New(errs.KindForbidden, access.ReasonDenied, "patientId must be the token's own participant")
	}
	if l.svcCtx.Config.BenchNoDownstream { // make bench: the gateway path alone
		return &types.SubmitReportResp{Status: "processed", ReportID: uuid.NewString(), PatientID: req.PatientID,
			ProcessedNotes: shortreport.ProcessedNotes(req.Notes)}, nil
	}
	a := actor.From(l.ctx)
	a.UserID, a.Role = p.UserID, string(access.Participant)
	out, err := l.svcCtx.ReportRpc.SubmitReport(actor.With(l.ctx, a), &rpc.SubmitReportRequest{
		PatientId: req.PatientID, Score: req.Score, Notes: req.Notes, ProjectId: p.ProjectID, SiteId: p.SiteID,
	})
	if err != nil {
		return nil, err
	}
	return &types.SubmitReportResp{Status: "processed", ReportID: out.ReportId, PatientID: out.PatientId,
		ProcessedNotes: shortreport.ProcessedNotes(req.Notes)}, nil
}
