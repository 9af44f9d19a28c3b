// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package auth

import (
	"context"
	"errors"
	"github.com/openepro/epro/project-api/internal/audit"
	"github.com/openepro/epro/project-api/internal/authn"
	"github.com/openepro/epro/project-api/internal/model"
	"github.com/openepro/epro/user-rpc/user"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"math"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type PatientLoginLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Participant login with the trial, subject code and PIN: a JWT for that participant in that trial
func NewPatientLoginLogic(ctx context.Context, svcCtx *svc.ServiceContext) *PatientLoginLogic {
	return &PatientLoginLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// PatientLogin checks a participant's PIN in one trial and issues a token for that participant in that trial.
// An unknown trial or subject code answers exactly like a wrong PIN.
func (l *PatientLoginLogic) PatientLogin(req *types.PatientLoginReq) (resp *types.LoginResp, err error) {
	t := NewThrottle(l.ctx, l.svcCtx, "participant:"+req.ProjectID+":"+req.SubjectCode)
	if err := t.Check(l.ctx); err != nil {
		return nil, err
	}
	// An unknown trial or subject code still costs one credential check (an id no account has), so the
	// answer and its timing do not tell which part was wrong.
	userID := int64(math.MaxInt64)
	pt, err := l.svcCtx.Participants.FindOneByProjectIdSubjectCode(l.ctx, req.ProjectID, req.SubjectCode)
	if err == nil {
		userID = pt.UserId
	} else if !errors.Is(err, model.ErrNotFound) {
		return nil, err
	}
	who, err := l.svcCtx.UserRpc.VerifyCredentials(l.ctx, &user.VerifyCredentialsRequest{UserID: userID, Password: req.Pin})
	if status.Code(err) == codes.Unauthenticated {
		t.Failed(l.ctx)
		audit.Login(l.ctx, l.svcCtx.DB, 0, "login.failed", "participant")
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	p := authn.Principal{UserID: who.UserID, Kind: authn.KindParticipant, ProjectID: pt.ProjectId, SiteID: pt.SiteId,
		ParticipantID: pt.Id, SubjectCode: pt.SubjectCode}
	resp, err = issue(l.svcCtx, p, who.Name)
	if err == nil {
		audit.Login(l.ctx, l.svcCtx.DB, who.UserID, "login", "participant")
	}
	return resp, err
}
