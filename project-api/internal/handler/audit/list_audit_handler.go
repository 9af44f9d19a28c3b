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

// A trial's audit trail, newest first, across the gateway's and report-rpc's records (filtered, paged)
func ListAuditHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req types.AuditListReq
		if err := reqbody.Parse(r, &req); err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}

		l := audit.NewListAuditLogic(r.Context(), svcCtx)
		resp, err := l.ListAudit(&req)
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		} else {
			httpx.OkJsonCtx(r.Context(), w, resp)
		}
	}
}
