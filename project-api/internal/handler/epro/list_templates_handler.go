// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package epro

import (
	"net/http"

	"github.com/openepro/epro/project-api/internal/logic/epro"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// Built-in instruments (PHQ-9, GAD-7, pain NRS, daily wellbeing) with zh and en text
func ListTemplatesHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		l := epro.NewListTemplatesLogic(r.Context(), svcCtx)
		resp, err := l.ListTemplates()
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		} else {
			httpx.OkJsonCtx(r.Context(), w, resp)
		}
	}
}
