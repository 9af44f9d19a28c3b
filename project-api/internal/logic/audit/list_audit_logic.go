// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package audit

import (
	"context"

	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/audittrail"
	"github.com/openepro/epro/project-api/internal/authz"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/openepro/epro/project-api/internal/views"
	rpc "github.com/openepro/epro/report-rpc/report"
	"golang.org/x/sync/errgroup"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListAuditLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// A trial's audit trail, newest first, across the gateway's and report-rpc's records (filtered, paged)
func NewListAuditLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListAuditLogic {
	return &ListAuditLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// entry adapts an API entry for merging.
type entry struct{ types.AuditEntry }

func (e entry) AuditID() int64    { return e.ID }
func (e entry) AuditTime() string { return e.OccurredAt }

// ListAudit reads one page of the trial's audit rows from epro_project and from report-rpc at once and merges them.
func (l *ListAuditLogic) ListAudit(req *types.AuditListReq) (resp *types.AuditListResp, err error) {
	ctx, _, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.AuditRead, access.Target{})
	if err != nil {
		return nil, err
	}
	from, err := audit.ParseTime("from", req.From)
	if err != nil {
		return nil, err
	}
	to, err := audit.ParseTime("to", req.To)
	if err != nil {
		return nil, err
	}
	limit := req.Limit
	switch {
	case limit == 0:
		limit = 50
	case limit < 1 || limit > 500:
		return nil, errs.Invalid(errs.ReasonFieldRange, "limit must be between 1 and 500")
	}
	cur, err := audittrail.ParseCursor(req.Cursor)
	if err != nil {
		return nil, err
	}
	f := audit.Filter{ProjectID: req.ID, EntityType: req.EntityType, EntityID: req.EntityID, Action: req.Action,
		ActorID: req.ActorID, From: from, To: to, Limit: limit}

	var project, report []entry
	g, gctx := errgroup.WithContext(ctx)
	if cur.Project != audittrail.Exhausted {
		g.Go(func() error {
			pf := f
			pf.BeforeID = cur.Project
			rows, err := audit.List(gctx, l.svcCtx.DB, pf)
			for _, r := range rows {
				project = append(project, entry{types.AuditEntry{Source: audittrail.SourceProject, ID: r.ID, Seq: r.Seq,
					OccurredAt: audit.FormatTime(r.OccurredAt), ActorID: r.ActorID, ActorRole: r.ActorRole, Action: r.Action,
					EntityType: r.EntityType, EntityID: r.EntityID, Changes: views.RawJSON(r.Changes), Reason: r.Reason,
					RequestID: r.RequestID, ClientIP: r.ClientIP, Hash: r.Hash}})
			}
			return err
		})
	}
	if cur.Report != audittrail.Exhausted {
		g.Go(func() error {
			out, err := l.svcCtx.ReportRpc.ListAudit(gctx, &rpc.AuditFilter{ProjectId: req.ID, EntityType: req.EntityType,
				EntityId: req.EntityID, Action: req.Action, ActorId: req.ActorID, From: req.From, To: req.To,
				BeforeId: cur.Report, Limit: int32(limit)})
			for _, r := range out.GetEntries() {
				report = append(report, entry{types.AuditEntry{Source: audittrail.SourceReport, ID: r.Id, Seq: r.Seq,
					OccurredAt: r.OccurredAt, ActorID: r.ActorId, ActorRole: r.ActorRole, Action: r.Action,
					EntityType: r.EntityType, EntityID: r.EntityId, Changes: views.RawJSON(r.Changes), Reason: r.Reason,
					RequestID: r.RequestId, ClientIP: r.ClientIp, Hash: r.Hash}})
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	merged, next := audittrail.Merge(project, report, limit, cur)
	resp = &types.AuditListResp{ProjectID: req.ID, Entries: make([]types.AuditEntry, len(merged)), NextCursor: next}
	for i, e := range merged {
		resp.Entries[i] = e.AuditEntry
	}
	return resp, nil
}
