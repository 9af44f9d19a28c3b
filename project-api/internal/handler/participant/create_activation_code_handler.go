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

// Issue a one-time activation code (valid 72 hours) with which the participant sets their own PIN
func CreateActivationCodeHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req types.ParticipantPath
		if err := reqbody.Parse(r, &req); err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}

		l := participant.NewCreateActivationCodeLogic(r.Context(), svcCtx)
		resp, err := l.CreateActivationCode(&req)
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		} else {
			httpx.OkJsonCtx(r.Context(), w, resp)
		}
	}
}
