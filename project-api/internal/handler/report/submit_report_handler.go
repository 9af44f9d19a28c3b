// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package report

import (
	"net/http"

	"github.com/openepro/epro/project-api/internal/logic/report"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// Submit a short report (seed contract); 200 only once it is committed
func SubmitReportHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req types.SubmitReportReq
		if err := httpx.Parse(r, &req); err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}

		l := report.NewSubmitReportLogic(r.Context(), svcCtx)
		resp, err := l.SubmitReport(&req)
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		} else {
			httpx.OkJsonCtx(r.Context(), w, resp)
		}
	}
}
