// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package file

import (
	"context"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/mask"
	"github.com/openepro/epro/project-api/internal/access"
	auditlog "github.com/openepro/epro/project-api/internal/audit"
	"github.com/openepro/epro/project-api/internal/authz"
	rpc "github.com/openepro/epro/report-rpc/report"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type ReportPdfLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Download a report's PDF summary (rendered for the viewer: the participant's name masked unless ?reveal=true and phi.read); audited
func NewReportPdfLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ReportPdfLogic {
	return &ReportPdfLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// ReportPdf renders the report's summary for this viewer and returns the stored file to stream. The
// participant's name is masked unless the viewer asks to reveal it and holds phi.read; sponsors get no name.
func (l *ReportPdfLogic) ReportPdf(req *types.ReportPdfReq) (resp *types.FileRef, err error) {
	r, err := l.svcCtx.ReportRpc.GetReport(l.ctx, &rpc.GetReportRequest{ReportId: req.ReportID})
	if err != nil {
		return nil, err
	}
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, r.ProjectId, access.ReportRead, access.Target{})
	if err != nil {
		return nil, err
	}
	target := c.RecordTarget(r.SiteId, r.PatientId)
	d, err := access.Authorize(c.Membership, access.ReportRead, target)
	if err != nil {
		return nil, err
	}
	reveal := false
	if req.Reveal {
		if _, err := access.Authorize(c.Membership, access.PHIRead, access.Target{SiteID: r.SiteId}); err != nil {
			return nil, err
		}
		reveal = true
	}
	h := &rpc.RenderPdfRequest{ReportId: r.ReportId}
	if p, err := l.svcCtx.Projects.FindOne(ctx, r.ProjectId); err == nil {
		h.TrialName = p.Name
	}
	if s, err := l.svcCtx.Sites.FindOne(ctx, r.SiteId); err == nil {
		h.SiteName = s.Code + " " + s.Name
	}
	if !d.DeIdentified {
		if pt, err := l.svcCtx.Participants.FindOneByProjectIdSubjectCode(ctx, r.ProjectId, r.PatientId); err == nil {
			users, err := l.svcCtx.UserRpc.BatchGetUsers(ctx, &user.BatchGetUsersRequest{UserIDs: []int64{pt.UserId}, RevealPhi: reveal})
			if err == nil && len(users.Users) == 1 {
				h.ParticipantName = users.Users[0].Name
				if !reveal {
					h.ParticipantName = mask.Name(h.ParticipantName)
				}
			}
		}
	}
	out, err := l.svcCtx.ReportRpc.RenderPdf(ctx, h)
	if err != nil {
		return nil, err
	}
	auditlog.Event(ctx, l.svcCtx.DB, audit.Entry{Action: "download.report_pdf", EntityType: "report", EntityID: r.ReportId,
		ProjectID: r.ProjectId, Changes: map[string][2]any{"sha256": {nil, out.Sha256}, "revealed": {nil, reveal}}})
	return &types.FileRef{StorageKey: out.StorageKey, Sha256: out.Sha256, SizeBytes: out.SizeBytes,
		ContentType: "application/pdf", FileName: "report-" + r.ReportId + ".pdf"}, nil
}
