// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package audit

import (
	"net/http"

	"github.com/openepro/epro/project-api/internal/logic/audit"
	"github.com/openepro/epro/project-api/internal/reqbody"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// Walk the trial's hash-chained audit trail and name the first broken link
func VerifyAuditHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req types.ProjectPath
		if err := reqbody.Parse(r, &req); err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}

		l := audit.NewVerifyAuditLogic(r.Context(), svcCtx)
		resp, err := l.VerifyAudit(&req)
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		} else {
			httpx.OkJsonCtx(r.Context(), w, resp)
		}
	}
}
