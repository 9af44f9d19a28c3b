// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package participant

import (
	"context"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
	"github.com/openepro/epro/project-api/internal/model"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type ListParticipantsLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Participants the caller may see (a site-limited role sees its site only)
func NewListParticipantsLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ListParticipantsLogic {
	return &ListParticipantsLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// ListParticipants lists the participants the caller may see: a site-limited role its site only, a sponsor
// de-identified rows, identifiers always masked in lists.
func (l *ListParticipantsLogic) ListParticipants(req *types.ListParticipantsReq) (resp *types.ParticipantList, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.ParticipantRead,
		access.Target{SiteID: req.SiteID})
	if err != nil {
		return nil, err
	}
	site := req.SiteID
	if c.Decision.SiteID != 0 {
		site = c.Decision.SiteID
	}
	rows, err := l.svcCtx.Participants.List(ctx, req.ID, site)
	if err != nil {
		return nil, err
	}
	if c.Decision.ParticipantID != 0 { // a participant sees only themselves
		var own []*model.Participants
		for _, r := range rows {
			if r.Id == c.Decision.ParticipantID {
				own = append(own, r)
			}
		}
		rows = own
	}
	var users map[int64]*user.UserRecord
	if !c.Decision.DeIdentified {
		if users, err = identities(ctx, l.svcCtx, rows, false); err != nil {
			return nil, err
		}
	}
	resp = &types.ParticipantList{Participants: make([]types.Participant, 0, len(rows))}
	for _, r := range rows {
		resp.Participants = append(resp.Participants, view(r, users[r.UserId], c.Decision))
	}
	return resp, nil
}
