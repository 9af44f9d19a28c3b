// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package member

import (
	"context"
	"strconv"

	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
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

// GetProjectMembers reads the trial's member ids and roles from epro_project and looks the users up in user-rpc:
// by default with BatchGetUsers, ids in chunks of at most 100 fetched concurrently, names kept for
// MemberNameCacheTTL so a large trial's listing costs little more than a small one's; with MemberLookup "each", the
// seed's one GetUserInfo per member (kept for the benchmark). Either way concurrency is bounded by
// MemberLookupConcurrency, the request's context cancels the rest on the first error, and results keep the
// database order (by user id).
func (l *GetProjectMembersLogic) GetProjectMembers(req *types.ProjectMembersReq) (resp *types.ProjectMembersResponse, err error) {
	ctx, _, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.MemberRead, access.Target{})
	if err != nil {
		return nil, err
	}
	// concurrent listings of one trial share one query (Take loads once per key)
	cached, err := l.svcCtx.MemberLists.Take(req.ID, func() (any, error) { return l.svcCtx.Members.FindByProject(ctx, req.ID) })
	if err != nil {
		return nil, err
	}
	rows := cached.([]*model.ProjectMembers)
	var members []types.Member
	if l.svcCtx.Config.MemberLookup == "each" {
		members, err = l.lookupEach(ctx, rows)
	} else {
		members, err = l.lookupBatch(ctx, rows)
	}
	if err != nil {
		return nil, err
	}
	return &types.ProjectMembersResponse{ProjectID: req.ID, Members: members}, nil
}

// batchSize is the most ids one BatchGetUsers call carries.
const batchSize = 100

func (l *GetProjectMembersLogic) lookupBatch(ctx context.Context, rows []*model.ProjectMembers) ([]types.Member, error) {
	members := make([]types.Member, len(rows))
	names := l.svcCtx.UserNames
	var missing []int // indexes of rows whose name is not cached
	for i, r := range rows {
		if name, ok := names.Get(strconv.FormatInt(r.UserId, 10)); ok {
			members[i] = types.Member{UserID: r.UserId, Name: name.(string), Role: r.Role}
		} else {
			missing = append(missing, i)
		}
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(l.svcCtx.Config.MemberLookupConcurrency)
	for start := 0; start < len(missing); start += batchSize {
		chunk := missing[start:min(start+batchSize, len(missing))]
		g.Go(func() error {
			ids := make([]int64, len(chunk))
			for i, at := range chunk {
				ids[i] = rows[at].UserId
			}
			resp, err := l.svcCtx.UserRpc.BatchGetUsers(ctx, &user.BatchGetUsersRequest{UserIDs: ids})
			if err != nil {
				return err
			}
			found := make(map[int64]string, len(resp.Users))
			for _, u := range resp.Users {
				found[u.UserID] = u.Name
				names.Set(strconv.FormatInt(u.UserID, 10), u.Name)
			}
			for _, at := range chunk {
				r := rows[at]
				name, ok := found[r.UserId]
				if !ok {
					return errs.NotFound(errs.ReasonUserNotFound, "user %d of this project not found", r.UserId)
				}
				members[at] = types.Member{UserID: r.UserId, Name: name, Role: r.Role}
			}
			return nil
		})
	}
	return members, g.Wait()
}

func (l *GetProjectMembersLogic) lookupEach(ctx context.Context, rows []*model.ProjectMembers) ([]types.Member, error) {
	members := make([]types.Member, len(rows))
	g, ctx := errgroup.WithContext(ctx)
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
	return members, g.Wait()
}
