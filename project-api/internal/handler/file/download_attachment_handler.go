// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package file

import (
	"net/http"

	"github.com/openepro/epro/project-api/internal/filestream"
	"github.com/openepro/epro/project-api/internal/logic/file"
	"github.com/openepro/epro/project-api/internal/reqbody"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// Download a photo or its thumbnail (?thumb=true): the participant's own, or staff per the permission table; audited
func DownloadAttachmentHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req types.AttachmentPath
		if err := reqbody.Parse(r, &req); err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}

		l := file.NewDownloadAttachmentLogic(r.Context(), svcCtx)
		resp, err := l.DownloadAttachment(&req)
		if err == nil {
			err = filestream.Stream(r.Context(), w, svcCtx.PdfRpc, resp, false)
		}
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		}
	}
}
