package logic

import (
	"context"
	"github.com/google/uuid"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/pdf-rpc/internal/imaging"
	"github.com/openepro/epro/pdf-rpc/internal/model"
	"time"

	"github.com/openepro/epro/pdf-rpc/internal/svc"
	"github.com/openepro/epro/pdf-rpc/pdf"

	"github.com/zeromicro/go-zero/core/logx"
)

type PutAttachmentLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewPutAttachmentLogic(ctx context.Context, svcCtx *svc.ServiceContext) *PutAttachmentLogic {
	return &PutAttachmentLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// PutAttachment checks a photo, re-encodes it without metadata, makes a thumbnail and stores both.
func (l *PutAttachmentLogic) PutAttachment(in *pdf.PutAttachmentRequest) (*pdf.AttachmentInfo, error) {
	if in.ProjectId == "" || in.PatientId == "" {
		return nil, errs.Invalid(errs.ReasonFieldRequired, "projectId and patientId are required")
	}
	if len(in.Data) > 0 {
		if err := imaging.CheckDeclared(imaging.Sniff(in.Data), in.FileName, in.DeclaredType); err != nil {
			return nil, err
		}
	}
	img, err := imaging.Clean(in.Data, l.svcCtx.Limits)
	if err != nil {
		return nil, err
	}
	ext := ".jpg"
	if img.ContentType == "image/png" {
		ext = ".png"
	}
	obj, err := l.svcCtx.Store.Put(l.ctx, img.Data, ext)
	if err != nil {
		return nil, err
	}
	thumb, err := l.svcCtx.Store.Put(l.ctx, img.Thumb, ".jpg")
	if err != nil {
		return nil, err
	}
	a := &model.Attachments{Id: uuid.NewString(), ProjectId: in.ProjectId, SiteId: in.SiteId, PatientId: in.PatientId,
		ContentType: img.ContentType, Width: int64(img.Width), Height: int64(img.Height), SizeBytes: obj.Size,
		StorageKey: obj.Key, Sha256: obj.SHA256, ThumbKey: thumb.Key}
	if err := l.svcCtx.Attachments.InsertAudited(l.ctx, a, audit.Entry{Action: "attachment.store", EntityType: "attachment",
		EntityID: a.Id, ProjectID: a.ProjectId, Changes: map[string][2]any{"contentType": {nil, a.ContentType},
			"sha256": {nil, a.Sha256}, "sizeBytes": {nil, a.SizeBytes}}}); err != nil {
		return nil, err
	}
	a.CreatedAt = time.Now().UTC()
	return toAttachment(a), nil
}

func toAttachment(a *model.Attachments) *pdf.AttachmentInfo {
	return &pdf.AttachmentInfo{AttachmentId: a.Id, ProjectId: a.ProjectId, SiteId: a.SiteId, PatientId: a.PatientId,
		ContentType: a.ContentType, Width: a.Width, Height: a.Height, SizeBytes: a.SizeBytes, StorageKey: a.StorageKey,
		Sha256: a.Sha256, ThumbKey: a.ThumbKey, CreatedAt: a.CreatedAt.UTC().Format(time.RFC3339)}
}
