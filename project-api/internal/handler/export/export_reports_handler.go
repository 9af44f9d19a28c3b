// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package export

import (
	"mime"
	"net/http"

	"github.com/openepro/epro/project-api/internal/logic/export"
	"github.com/openepro/epro/project-api/internal/reqbody"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// Stream the trial's reports as CSV, CDISC ODM 1.3.2 (?type=snapshot|transactional) or an HL7 FHIR R4 Bundle; sponsors get the de-identified variant; audited
func ExportReportsHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req types.ExportReq
		if err := reqbody.Parse(r, &req); err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}

		l := export.NewExportReportsLogic(r.Context(), svcCtx)
		info, err := l.ExportReports(&req)
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}
		h := w.Header()
		h.Set("Content-Type", info.ContentType)
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": info.FileName}))
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-store") // health data: never cached by proxies or browsers
		h.Set("X-Export-Variant", info.Variant)
		w.WriteHeader(http.StatusOK)
		// From here the status is sent. A failure midway (logged and audited) drops the connection without the
		// final chunk, so the client sees an error instead of a file that merely looks complete.
		if err := l.Stream(w); err != nil {
			if conn, _, herr := http.NewResponseController(w).Hijack(); herr == nil {
				_ = conn.Close()
			}
		}
	}
}
