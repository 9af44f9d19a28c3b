package logic

import (
	"context"
	"errors"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/pdf-rpc/internal/storage"
	"io"
	"os"
	"strings"

	"github.com/openepro/epro/pdf-rpc/internal/svc"
	"github.com/openepro/epro/pdf-rpc/pdf"

	"github.com/zeromicro/go-zero/core/logx"
)

type DownloadLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewDownloadLogic(ctx context.Context, svcCtx *svc.ServiceContext) *DownloadLogic {
	return &DownloadLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// chunkSize is the size of each streamed piece.
const chunkSize = 64 << 10

// Download streams a stored file; the first chunk carries its content type and size.
func (l *DownloadLogic) Download(in *pdf.DownloadRequest, stream pdf.Pdf_DownloadServer) error {
	rc, err := l.svcCtx.Store.Open(stream.Context(), in.StorageKey)
	if errors.Is(err, storage.ErrNotFound) {
		return errs.NotFound("FILE_NOT_FOUND", "file not found")
	}
	if err != nil {
		return err
	}
	defer rc.Close()
	var size int64
	if st, ok := rc.(interface{ Stat() (os.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil {
			size = fi.Size()
		}
	}
	ct := "application/pdf"
	switch {
	case strings.HasSuffix(in.StorageKey, ".jpg"):
		ct = "image/jpeg"
	case strings.HasSuffix(in.StorageKey, ".png"):
		ct = "image/png"
	}
	buf := make([]byte, chunkSize)
	first := true
	for {
		n, err := rc.Read(buf)
		if n > 0 {
			c := &pdf.Chunk{Data: buf[:n]}
			if first {
				c.ContentType, c.SizeBytes, first = ct, size, false
			}
			if err := stream.Send(c); err != nil {
				return err
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
