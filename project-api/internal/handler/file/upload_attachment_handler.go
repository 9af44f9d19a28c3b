// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package file

import (
	"net/http"

	"github.com/openepro/epro/project-api/internal/filestream"
	"github.com/openepro/epro/project-api/internal/logic/file"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// Upload a photo (multipart field file; JPEG or PNG, sniffed from the content) with the participant's token
func UploadAttachmentHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		data, name, declared, err := filestream.ReadUpload(r, "file", int64(svcCtx.Config.MaxPhotoBytes))
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}
		l := file.NewUploadAttachmentLogic(r.Context(), svcCtx)
		resp, err := l.Upload(data, name, declared)
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		} else {
			httpx.OkJsonCtx(r.Context(), w, resp)
		}
	}
}
