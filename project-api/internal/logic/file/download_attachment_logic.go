// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package file

import (
	"context"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/pdf-rpc/pdf"
	"github.com/openepro/epro/project-api/internal/access"
	auditlog "github.com/openepro/epro/project-api/internal/audit"
	"github.com/openepro/epro/project-api/internal/authz"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type DownloadAttachmentLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Download a photo or its thumbnail (?thumb=true): the participant's own, or staff per the permission table; audited
func NewDownloadAttachmentLogic(ctx context.Context, svcCtx *svc.ServiceContext) *DownloadAttachmentLogic {
	return &DownloadAttachmentLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// DownloadAttachment returns a photo (or its thumbnail) to stream: the participant's own, or staff who may read
// reports at the photo's site. Every download is audited.
func (l *DownloadAttachmentLogic) DownloadAttachment(req *types.AttachmentPath) (resp *types.FileRef, err error) {
	a, err := l.svcCtx.PdfRpc.GetAttachment(l.ctx, &pdf.GetAttachmentRequest{AttachmentId: req.AttachmentID})
	if err != nil {
		return nil, err
	}
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, a.ProjectId, access.ReportRead, access.Target{})
	if err != nil {
		return nil, err
	}
	target := c.RecordTarget(a.SiteId, a.PatientId)
	d, err := access.Authorize(c.Membership, access.ReportRead, target)
	if err != nil {
		return nil, err
	}
	if d.DeIdentified { // a photo may show a face: not de-identified data
		return nil, errs.New(errs.KindForbidden, access.ReasonDenied, "photos are not available in de-identified access")
	}
	ref := &types.FileRef{StorageKey: a.StorageKey, Sha256: a.Sha256, SizeBytes: a.SizeBytes, ContentType: a.ContentType,
		FileName: "photo-" + a.AttachmentId}
	if req.Thumb {
		ref = &types.FileRef{StorageKey: a.ThumbKey, ContentType: "image/jpeg", FileName: "thumb-" + a.AttachmentId + ".jpg"}
	}
	auditlog.Event(ctx, l.svcCtx.DB, audit.Entry{Action: "download.attachment", EntityType: "attachment", EntityID: a.AttachmentId,
		ProjectID: a.ProjectId, Changes: map[string][2]any{"thumb": {nil, req.Thumb}}})
	return ref, nil
}
