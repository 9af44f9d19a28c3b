// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package participant

import (
	"context"
	"errors"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
	"github.com/openepro/epro/project-api/internal/model"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type EnrollParticipantLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Enroll a participant at a site
func NewEnrollParticipantLogic(ctx context.Context, svcCtx *svc.ServiceContext) *EnrollParticipantLogic {
	return &EnrollParticipantLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// EnrollParticipant enrolls a participant at a site: the identity (name, phone, national ID sealed at rest, PIN)
// goes to user-rpc, the enrolment (trial, site, subject code, arm) to epro_project. A used subject code is 409.
func (l *EnrollParticipantLogic) EnrollParticipant(req *types.EnrollReq) (resp *types.Participant, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.ParticipantEnroll,
		access.Target{SiteID: req.SiteID})
	if err != nil {
		return nil, err
	}
	if s, err := l.svcCtx.Sites.FindOne(ctx, req.SiteID); errors.Is(err, model.ErrNotFound) || err == nil && s.ProjectId != req.ID {
		return nil, errs.Invalid("SITE_NOT_IN_PROJECT", "siteId must be a site of this project")
	} else if err != nil {
		return nil, err
	}
	if _, err := l.svcCtx.Participants.FindOneByProjectIdSubjectCode(ctx, req.ID, req.SubjectCode); err == nil {
		return nil, subjectTaken()
	} else if !errors.Is(err, model.ErrNotFound) {
		return nil, err
	}
	created, err := l.svcCtx.UserRpc.CreateUser(ctx, &user.CreateUserRequest{Kind: "participant", Name: req.Name,
		Password: req.Pin, Phone: req.Phone, NationalId: req.NationalID})
	if err != nil {
		return nil, err
	}
	p := &model.Participants{ProjectId: req.ID, SubjectCode: req.SubjectCode, SiteId: req.SiteID, Arm: req.Arm,
		UserId: created.UserID, Status: "enrolled"}
	p.Id, err = l.svcCtx.Participants.EnrollAudited(ctx, p, audit.Entry{Action: "participant.enroll", EntityType: "participant",
		ProjectID: req.ID, Changes: map[string][2]any{"subjectCode": {nil, p.SubjectCode}, "siteId": {nil, p.SiteId},
			"arm": {nil, p.Arm}, "userId": {nil, p.UserId}}})
	if err != nil {
		// the identity must not outlive a failed enrolment (e.g. a concurrent enrolment took the code)
		_, _ = l.svcCtx.UserRpc.DisableUser(ctx, &user.DisableUserRequest{UserID: created.UserID})
		if isDuplicate(err) {
			return nil, subjectTaken()
		}
		return nil, err
	}
	if p, err = l.svcCtx.Participants.FindOne(ctx, p.Id); err != nil {
		return nil, err
	}
	u, err := identities(ctx, l.svcCtx, []*model.Participants{p}, false)
	if err != nil {
		return nil, err
	}
	out := view(p, u[p.UserId], c.Decision)
	return &out, nil
}

func subjectTaken() error {
	return errs.New(errs.KindConflict, "SUBJECT_CODE_TAKEN", "subjectCode is already used in this project")
}
