package logic

import (
	"context"

	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListAuditLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewListAuditLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListAuditLogic {
	return &ListAuditLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// ListAudit pages a trial's audit rows in epro_report (questionnaires, settings, alerts, scores), newest first.
func (l *ListAuditLogic) ListAudit(in *report.AuditFilter) (*report.ListAuditResponse, error) {
	from, err := audit.ParseTime("from", in.From)
	if err != nil {
		return nil, err
	}
	to, err := audit.ParseTime("to", in.To)
	if err != nil {
		return nil, err
	}
	rows, err := l.svcCtx.Store.Audit(l.ctx, audit.Filter{ProjectID: in.ProjectId, EntityType: in.EntityType,
		EntityID: in.EntityId, Action: in.Action, ActorID: in.ActorId, From: from, To: to, BeforeID: in.BeforeId,
		Limit: int(in.Limit)})
	if err != nil {
		return nil, err
	}
	out := &report.ListAuditResponse{Entries: make([]*report.AuditEntry, len(rows))}
	for i, r := range rows {
		out.Entries[i] = &report.AuditEntry{Id: r.ID, Seq: r.Seq, OccurredAt: audit.FormatTime(r.OccurredAt),
			ActorId: r.ActorID, ActorRole: r.ActorRole, Action: r.Action, EntityType: r.EntityType, EntityId: r.EntityID,
			Changes: r.Changes, Reason: r.Reason, RequestId: r.RequestID, ClientIp: r.ClientIP, PrevHash: r.PrevHash,
			Hash: r.Hash}
	}
	return out, nil
}
