// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package epro

import (
	"net/http"

	"github.com/openepro/epro/project-api/internal/logic/epro"
	"github.com/openepro/epro/project-api/internal/reqbody"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// A trial's acknowledgement deadline and scoring thresholds
func PutAlertSettingsHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req types.AlertSettings
		if err := reqbody.Parse(r, &req); err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}

		l := epro.NewPutAlertSettingsLogic(r.Context(), svcCtx)
		resp, err := l.PutAlertSettings(&req)
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		} else {
			httpx.OkJsonCtx(r.Context(), w, resp)
		}
	}
}
