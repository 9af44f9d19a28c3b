// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package audit

import (
	"context"
	"time"

	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/audittrail"
	"github.com/openepro/epro/project-api/internal/authz"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	rpc "github.com/openepro/epro/report-rpc/report"
	"golang.org/x/sync/errgroup"

	"github.com/zeromicro/go-zero/core/logx"
)

type VerifyAuditLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Walk the trial's hash-chained audit trail and name the first broken link
func NewVerifyAuditLogic(ctx context.Context, svcCtx *svc.ServiceContext) *VerifyAuditLogic {
	return &VerifyAuditLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// VerifyAudit checks the trial's chain in epro_project and, through report-rpc, in epro_report, at once.
func (l *VerifyAuditLogic) VerifyAudit(req *types.ProjectPath) (resp *types.AuditVerifyResp, err error) {
	ctx, _, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.AuditRead, access.Target{})
	if err != nil {
		return nil, err
	}
	var project, report types.AuditChain
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		v, err := audit.Verify(gctx, l.svcCtx.DB, req.ID)
		project = types.AuditChain{Source: audittrail.SourceProject, Rows: v.Rows, HeadSeq: v.HeadAt, Intact: v.Break == nil}
		if b := v.Break; b != nil {
			project.BrokenID, project.BrokenSeq, project.BrokenReason = b.ID, b.Seq, b.Reason
		}
		return err
	})
	g.Go(func() error {
		v, err := l.svcCtx.ReportRpc.VerifyAudit(gctx, &rpc.VerifyAuditRequest{ProjectId: req.ID})
		if err != nil {
			return err
		}
		report = types.AuditChain{Source: audittrail.SourceReport, Rows: v.Rows, HeadSeq: v.HeadSeq, Intact: v.Intact,
			BrokenID: v.BrokenId, BrokenSeq: v.BrokenSeq, BrokenReason: v.BrokenReason}
		return nil
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if !project.Intact || !report.Intact {
		l.Errorf("audit chain of trial %s broken: project %v, report %v", req.ID, project.Intact, report.Intact)
	}
	return &types.AuditVerifyResp{ProjectID: req.ID, Intact: project.Intact && report.Intact,
		CheckedAt: time.Now().UTC().Format(time.RFC3339), Chains: []types.AuditChain{project, report}}, nil
}
