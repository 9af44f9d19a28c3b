// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package participant

import (
	"context"
	"errors"
	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/logic/auth"
	"github.com/openepro/epro/project-api/internal/model"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type ActivateLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// A participant sets their PIN with a one-time activation code; the code is used up
func NewActivateLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ActivateLogic {
	return &ActivateLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// Activate lets a participant set their PIN with a one-time code. A wrong or used code and an unknown subject
// answer alike (401) and count as failed logins for throttling.
func (l *ActivateLogic) Activate(req *types.ActivateReq) error {
	t := auth.NewThrottle(l.ctx, l.svcCtx, "participant:"+req.ProjectID+":"+req.SubjectCode)
	if err := t.Check(l.ctx); err != nil {
		return err
	}
	invalid := errs.New(errs.KindUnauthenticated, "INVALID_ACTIVATION_CODE", "invalid or expired activation code")
	p, err := l.svcCtx.Participants.FindOneByProjectIdSubjectCode(l.ctx, req.ProjectID, req.SubjectCode)
	if errors.Is(err, model.ErrNotFound) {
		t.Failed(l.ctx)
		return invalid
	}
	if err != nil {
		return err
	}
	id, ok, err := l.svcCtx.Activations.Consume(l.ctx, p.Id, HashCode(req.Code))
	if err != nil {
		return err
	}
	if !ok {
		t.Failed(l.ctx)
		return invalid
	}
	a := actor.From(l.ctx)
	a.UserID, a.Role = p.UserId, string(access.Participant)
	if _, err := l.svcCtx.UserRpc.SetPassword(actor.With(l.ctx, a), &user.SetPasswordRequest{UserID: p.UserId, NewPassword: req.Pin}); err != nil {
		_ = l.svcCtx.Activations.Release(l.ctx, id) // a PIN that breaks the rules must not use the code up
		return err
	}
	return nil
}
