// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package participant

import (
	"net/http"

	"github.com/openepro/epro/project-api/internal/logic/participant"
	"github.com/openepro/epro/project-api/internal/reqbody"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// A participant sets their PIN with a one-time activation code; the code is used up
func ActivateHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req types.ActivateReq
		if err := reqbody.Parse(r, &req); err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}

		l := participant.NewActivateLogic(r.Context(), svcCtx)
		err := l.Activate(&req)
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		} else {
			httpx.Ok(w)
		}
	}
}
