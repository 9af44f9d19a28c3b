// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package participant

import (
	"context"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type SetParticipantPinLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Set a participant's PIN
func NewSetParticipantPinLogic(ctx context.Context, svcCtx *svc.ServiceContext) *SetParticipantPinLogic {
	return &SetParticipantPinLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// SetParticipantPin sets a participant's PIN (staff with participant.pin at the participant's site; audited in
// user-rpc).
func (l *SetParticipantPinLogic) SetParticipantPin(req *types.SetPinReq) error {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.ParticipantPin, access.Target{})
	if err != nil {
		return err
	}
	p, err := findParticipant(ctx, l.svcCtx, req.ID, req.ParticipantID)
	if err != nil {
		return err
	}
	if _, err := access.Authorize(c.Membership, access.ParticipantPin, access.Target{SiteID: p.SiteId}); err != nil {
		return err
	}
	_, err = l.svcCtx.UserRpc.SetPassword(ctx, &user.SetPasswordRequest{UserID: p.UserId, NewPassword: req.Pin})
	return err
}
