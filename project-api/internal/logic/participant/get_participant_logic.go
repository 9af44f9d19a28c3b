// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package participant

import (
	"context"
	"fmt"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/project-api/internal/access"
	auditlog "github.com/openepro/epro/project-api/internal/audit"
	"github.com/openepro/epro/project-api/internal/authz"
	"github.com/openepro/epro/project-api/internal/model"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type GetParticipantLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// One participant; identifiers masked unless ?reveal=true and the role may see PHI (audited)
func NewGetParticipantLogic(ctx context.Context, svcCtx *svc.ServiceContext) *GetParticipantLogic {
	return &GetParticipantLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// GetParticipant returns one participant. ?reveal=true shows identifiers unmasked to roles with phi.read and is
// audited; a participant may read only themselves; another site's participant is 403 for a site-limited role.
func (l *GetParticipantLogic) GetParticipant(req *types.ParticipantPath) (resp *types.Participant, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.ParticipantRead,
		access.Target{ParticipantID: req.ParticipantID})
	if err != nil {
		return nil, err
	}
	p, err := findParticipant(ctx, l.svcCtx, req.ID, req.ParticipantID)
	if err != nil {
		return nil, err
	}
	if _, err := access.Authorize(c.Membership, access.ParticipantRead, access.Target{SiteID: p.SiteId,
		ParticipantID: p.Id}); err != nil {
		return nil, err
	}
	if req.Reveal {
		if _, err := access.Authorize(c.Membership, access.PHIRead, access.Target{SiteID: p.SiteId}); err != nil {
			return nil, err
		}
		auditlog.Event(ctx, l.svcCtx.DB, audit.Entry{Action: "participant.reveal_phi", EntityType: "participant",
			EntityID: fmt.Sprint(p.Id), ProjectID: req.ID})
	}
	var u map[int64]*user.UserRecord
	if !c.Decision.DeIdentified {
		if u, err = identities(ctx, l.svcCtx, []*model.Participants{p}, req.Reveal); err != nil {
			return nil, err
		}
	}
	out := view(p, u[p.UserId], c.Decision)
	return &out, nil
}
