// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package review

import (
	"context"

	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/openepro/epro/project-api/internal/views"
	rpc "github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type ReportVersionsLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Every version of a report with its scores, and its signatures with their validity
func NewReportVersionsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ReportVersionsLogic {
	return &ReportVersionsLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// ReportVersions shows a report's history to whoever may read the report.
func (l *ReportVersionsLogic) ReportVersions(req *types.ReportRef) (resp *types.ReportVersionsResp, err error) {
	ctx, err := authorizeOnReport(l.ctx, l.svcCtx, req.ID, req.ReportID, access.ReportRead)
	if err != nil {
		return nil, err
	}
	out, err := l.svcCtx.ReportRpc.ReportVersions(ctx, &rpc.ReportVersionsRequest{ProjectId: req.ID, ReportId: req.ReportID})
	if err != nil {
		return nil, err
	}
	resp = &types.ReportVersionsResp{ReportID: out.ReportId, SubjectCode: out.PatientId, SiteID: out.SiteId,
		Questionnaire: out.Questionnaire, CurrentVersion: out.CurrentVersion,
		Versions: make([]types.ReportVersionView, 0, len(out.Versions)), Signatures: make([]types.SignatureView, 0, len(out.Signatures))}
	for _, v := range out.Versions {
		resp.Versions = append(resp.Versions, types.ReportVersionView{Version: v.Version, Items: views.RawJSON(v.Items),
			Reason: v.Reason, AuthorID: v.AuthorId, AuthorRole: v.AuthorRole, CreatedAt: v.CreatedAt,
			ContentHash: v.ContentHash, Scores: views.Scores(v.Scores)})
	}
	for _, s := range out.Signatures {
		resp.Signatures = append(resp.Signatures, views.Signature(s))
	}
	return resp, nil
}
