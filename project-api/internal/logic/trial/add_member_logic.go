// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package trial

import (
	"context"
	"errors"
	"fmt"
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

type AddMemberLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Add a member with a role, optionally limited to a site
func NewAddMemberLogic(ctx context.Context, svcCtx *svc.ServiceContext) *AddMemberLogic {
	return &AddMemberLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// AddMember gives a staff user a role in a trial, optionally limited to one of its sites (required for the
// site roles SUB_I and CRC). The user must exist and be staff; a second membership is 409.
func (l *AddMemberLogic) AddMember(req *types.AddMemberReq) (resp *types.MemberAdded, err error) {
	ctx, _, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.MemberManage, access.Target{})
	if err != nil {
		return nil, err
	}
	role, err := access.ParseRole(req.Role)
	if err != nil {
		return nil, err
	}
	if role.SiteLimited() && req.SiteID == 0 {
		return nil, errs.Invalid(errs.ReasonFieldRequired, "siteId is required for role %s", role)
	}
	if req.SiteID != 0 {
		if s, err := l.svcCtx.Sites.FindOne(ctx, req.SiteID); errors.Is(err, model.ErrNotFound) || err == nil && s.ProjectId != req.ID {
			return nil, errs.Invalid("SITE_NOT_IN_PROJECT", "siteId must be a site of this project")
		} else if err != nil {
			return nil, err
		}
	}
	users, err := l.svcCtx.UserRpc.BatchGetUsers(ctx, &user.BatchGetUsersRequest{UserIDs: []int64{req.UserID}})
	if err != nil {
		return nil, err
	}
	if len(users.Users) != 1 || users.Users[0].Kind != "staff" || users.Users[0].Status != "active" {
		return nil, errs.Invalid("USER_NOT_STAFF", "userId must be an active staff account")
	}
	pm := &model.ProjectMembers{ProjectId: req.ID, UserId: req.UserID, Role: string(role), SiteId: req.SiteID}
	err = l.svcCtx.Members.AddAudited(ctx, pm, audit.Entry{Action: "member.add", EntityType: "member",
		EntityID: fmt.Sprint(req.UserID), ProjectID: req.ID,
		Changes: map[string][2]any{"role": {nil, pm.Role}, "siteId": {nil, pm.SiteId}}})
	if isDuplicate(err) {
		return nil, errs.New(errs.KindConflict, "ALREADY_MEMBER", "the user is already a member of this project")
	}
	if err != nil {
		return nil, err
	}
	l.svcCtx.MemberLists.Del(req.ID) // this instance's listings show the new member at once
	return &types.MemberAdded{ProjectID: req.ID, UserID: req.UserID, Role: pm.Role, SiteID: pm.SiteId}, nil
}
