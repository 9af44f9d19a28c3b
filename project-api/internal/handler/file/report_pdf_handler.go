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

// Download a report's PDF summary (rendered for the viewer: the participant's name masked unless ?reveal=true and phi.read); audited
func ReportPdfHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req types.ReportPdfReq
		if err := reqbody.Parse(r, &req); err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}

		l := file.NewReportPdfLogic(r.Context(), svcCtx)
		resp, err := l.ReportPdf(&req)
		if err == nil {
			err = filestream.Stream(r.Context(), w, svcCtx.PdfRpc, resp, true)
		}
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		}
	}
}
