// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package file

import (
	"context"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/pdf-rpc/pdf"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authn"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type UploadAttachmentLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Upload a photo (multipart field file; JPEG or PNG, sniffed from the content) with the participant's token
func NewUploadAttachmentLogic(ctx context.Context, svcCtx *svc.ServiceContext) *UploadAttachmentLogic {
	return &UploadAttachmentLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// Upload stores a participant's photo for their trial and site: pdf-rpc sniffs, limits and re-encodes it.
func (l *UploadAttachmentLogic) Upload(data []byte, fileName, declaredType string) (*types.AttachmentView, error) {
	p, err := authn.From(l.ctx)
	if err != nil {
		return nil, err
	}
	if p.Kind != authn.KindParticipant {
		return nil, errs.New(errs.KindForbidden, access.ReasonDenied, "only a participant token may upload photos")
	}
	a, err := l.svcCtx.PdfRpc.PutAttachment(l.ctx, &pdf.PutAttachmentRequest{ProjectId: p.ProjectID, SiteId: p.SiteID,
		PatientId: p.SubjectCode, Data: data, FileName: fileName, DeclaredType: declaredType})
	if err != nil {
		return nil, err
	}
	return &types.AttachmentView{AttachmentID: a.AttachmentId, ContentType: a.ContentType, Width: a.Width, Height: a.Height,
		SizeBytes: a.SizeBytes, Sha256: a.Sha256}, nil
}
