// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package member

import (
	"context"
	"errors"

	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/model"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/zeromicro/go-zero/core/logx"
	"golang.org/x/sync/errgroup"
)

type GetProjectMembersLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// List a trial's members with their names (looked up in user-rpc) and roles
func NewGetProjectMembersLogic(ctx context.Context, svcCtx *svc.ServiceContext) *GetProjectMembersLogic {
	return &GetProjectMembersLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// GetProjectMembers reads the trial's member ids and roles from epro_project and looks the users up in user-rpc
// concurrently: bounded by MemberLookupConcurrency, cancelled by the request's context, the first error cancelling
// the rest. Results keep the database order (by user id).
func (l *GetProjectMembersLogic) GetProjectMembers(req *types.ProjectMembersReq) (resp *types.ProjectMembersResponse, err error) {
	if _, err := l.svcCtx.Projects.FindOne(l.ctx, req.ID); errors.Is(err, model.ErrNotFound) {
		return nil, errs.NotFound(errs.ReasonProjectMissing, "project not found")
	} else if err != nil {
		return nil, err
	}
	rows, err := l.svcCtx.Members.FindByProject(l.ctx, req.ID)
	if err != nil {
		return nil, err
	}
	members := make([]types.Member, len(rows))
	g, ctx := errgroup.WithContext(l.ctx)
	g.SetLimit(l.svcCtx.Config.MemberLookupConcurrency)
	for i, row := range rows {
		g.Go(func() error {
			info, err := l.svcCtx.UserRpc.GetUserInfo(ctx, &user.GetUserInfoRequest{UserID: row.UserId})
			if err != nil {
				return err
			}
			members[i] = types.Member{UserID: info.UserID, Name: info.Name, Role: row.Role}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return &types.ProjectMembersResponse{ProjectID: req.ID, Members: members}, nil
}
