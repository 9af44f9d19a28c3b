// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package report

import (
	"net/http"

	"github.com/openepro/epro/common/shortreport"
	"github.com/openepro/epro/project-api/internal/logic/report"
	"github.com/openepro/epro/project-api/internal/reqbody"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// Submit a short report (seed contract); 200 only once it is committed.
// The body is decoded by common/shortreport instead of httpx.Parse: its errors name the field and the rule and
// never quote the body, which may hold PHI.
func SubmitReportHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, release, err := reqbody.ReadJSON(r, shortreport.MaxBodyBytes)
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}
		in, err := shortreport.Decode(body, true) // patientId may come from the token
		release()
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
			return
		}
		req := types.SubmitReportReq{PatientID: in.PatientID, Score: in.Score, Notes: in.Notes}

		l := report.NewSubmitReportLogic(r.Context(), svcCtx)
		resp, err := l.SubmitReport(&req)
		if err != nil {
			httpx.ErrorCtx(r.Context(), w, err)
		} else {
			httpx.OkJsonCtx(r.Context(), w, resp)
		}
	}
}
