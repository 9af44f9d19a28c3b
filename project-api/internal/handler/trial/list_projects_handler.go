// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package trial

import (
	"net/http"

	"github.com/openepro/epro/project-api/internal/logic/trial"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// Trials the caller belongs to
func ListProjectsHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		l := trial.NewListProjectsLogic(r.Context(), svcCtx)
		resp, err := l.ListProjects()
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		} else {
			httpx.OkJsonCtx(r.Context(), w, resp)
		}
	}
}
