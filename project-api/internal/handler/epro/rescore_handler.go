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

// Score the trial's reports again with the current rule set (old scores kept, audited)
func RescoreHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req types.RescoreReq
		if err := reqbody.Parse(r, &req); err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}

		l := epro.NewRescoreLogic(r.Context(), svcCtx)
		resp, err := l.Rescore(&req)
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		} else {
			httpx.OkJsonCtx(r.Context(), w, resp)
		}
	}
}
