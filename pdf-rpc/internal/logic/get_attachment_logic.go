package logic

import (
	"context"
	"errors"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/pdf-rpc/internal/model"

	"github.com/openepro/epro/pdf-rpc/internal/svc"
	"github.com/openepro/epro/pdf-rpc/pdf"

	"github.com/zeromicro/go-zero/core/logx"
)

type GetAttachmentLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewGetAttachmentLogic(ctx context.Context, svcCtx *svc.ServiceContext) *GetAttachmentLogic {
	return &GetAttachmentLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// GetAttachment returns an attachment's record.
func (l *GetAttachmentLogic) GetAttachment(in *pdf.GetAttachmentRequest) (*pdf.AttachmentInfo, error) {
	a, err := l.svcCtx.Attachments.FindOne(l.ctx, in.AttachmentId)
	if errors.Is(err, model.ErrNotFound) {
		return nil, errs.NotFound("ATTACHMENT_NOT_FOUND", "attachment not found")
	}
	if err != nil {
		return nil, err
	}
	return toAttachment(a), nil
}
