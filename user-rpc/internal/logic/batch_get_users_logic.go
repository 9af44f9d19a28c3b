package logic

import (
	"context"

	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/user-rpc/internal/model"

	"github.com/openepro/epro/user-rpc/internal/svc"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/zeromicro/go-zero/core/logx"
)

type BatchGetUsersLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewBatchGetUsersLogic(ctx context.Context, svcCtx *svc.ServiceContext) *BatchGetUsersLogic {
	return &BatchGetUsersLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// MaxBatch is the most ids one BatchGetUsers call takes.
const MaxBatch = 100

// BatchGetUsers looks up many users in one call; unknown ids are left out, the rest keep the request's order.
func (l *BatchGetUsersLogic) BatchGetUsers(in *user.BatchGetUsersRequest) (*user.BatchGetUsersResponse, error) {
	if len(in.UserIDs) > MaxBatch {
		return nil, errs.Invalid(errs.ReasonFieldRange, "userIDs must hold at most %d ids", MaxBatch)
	}
	rows, err := l.svcCtx.Users.FindMany(l.ctx, in.UserIDs)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*model.Users, len(rows))
	for _, r := range rows {
		byID[r.Id] = r
	}
	resp := &user.BatchGetUsersResponse{Users: make([]*user.UserRecord, 0, len(rows))}
	for _, id := range in.UserIDs {
		r, ok := byID[id]
		if !ok {
			continue
		}
		delete(byID, id) // a repeated id is answered once
		rec, err := toRecord(l.svcCtx.Phi, r, in.RevealPhi)
		if err != nil {
			return nil, err
		}
		resp.Users = append(resp.Users, rec)
	}
	return resp, nil
}
