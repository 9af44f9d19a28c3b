// Package filestream streams stored files from pdf-rpc to HTTP clients, and reads multipart uploads with a limit.
package filestream

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/pdf-rpc/pdf"
	"github.com/openepro/epro/pdf-rpc/pdf_client"
	"github.com/openepro/epro/project-api/internal/types"
)

// Stream copies a stored file to w. Errors before the first byte are returned for the error handler; later ones
// can only cut the response short.
func Stream(ctx context.Context, w http.ResponseWriter, c pdf_client.Pdf, ref *types.FileRef, attachment bool) error {
	stream, err := c.Download(ctx, &pdf.DownloadRequest{StorageKey: ref.StorageKey})
	if err != nil {
		return err
	}
	first, err := stream.Recv()
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", ref.ContentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store") // health data: never cached by proxies or browsers
	if ref.Sha256 != "" {
		h.Set("X-Content-SHA256", ref.Sha256)
	}
	if first.SizeBytes > 0 {
		h.Set("Content-Length", fmt.Sprint(first.SizeBytes))
	}
	disposition := "inline"
	if attachment {
		disposition = "attachment"
	}
	h.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": ref.FileName}))
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(first.Data); err != nil {
		return nil
	}
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return nil // headers are out; the client sees a short body
		}
		if _, err := w.Write(chunk.Data); err != nil {
			return nil
		}
	}
}

// ReadUpload reads the multipart part named field, at most limit bytes, and returns it with its file name and
// declared content type.
func ReadUpload(r *http.Request, field string, limit int64) (data []byte, fileName, declared string, err error) {
	ct, _, perr := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if perr != nil || !strings.HasPrefix(ct, "multipart/form-data") {
		return nil, "", "", errs.New(errs.KindUnsupportedMedia, errs.ReasonMediaType, "Content-Type must be multipart/form-data with a %q part", field)
	}
	if r.ContentLength > limit+64<<10 {
		return nil, "", "", tooLarge(limit)
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, "", "", errs.Invalid(errs.ReasonFieldFormat, "request body is not valid multipart/form-data")
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return nil, "", "", errs.Invalid(errs.ReasonFieldRequired, "%s is required (a multipart file part)", field)
		}
		if err != nil {
			return nil, "", "", errs.Invalid(errs.ReasonFieldFormat, "request body is not valid multipart/form-data")
		}
		if part.FormName() != field {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(part, limit+1))
		if err != nil {
			return nil, "", "", errs.Invalid(errs.ReasonFieldFormat, "%s could not be read", field)
		}
		if int64(len(data)) > limit {
			return nil, "", "", tooLarge(limit)
		}
		return data, part.FileName(), part.Header.Get("Content-Type"), nil
	}
}

func tooLarge(limit int64) error {
	return errs.New(errs.KindTooLarge, errs.ReasonBodyTooLarge, "file must be at most %d bytes", limit)
}
