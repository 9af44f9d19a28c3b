package participant

import (
	"context"
	"errors"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/model"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/openepro/epro/user-rpc/user"
)

// view builds the participant as the decision allows: de-identified (no name or identifiers) for sponsors,
// masked identifiers by default, unmasked only when revealed and allowed.
func view(p *model.Participants, u *user.UserRecord, d access.Decision) types.Participant {
	out := types.Participant{ParticipantID: p.Id, ProjectID: p.ProjectId, SiteID: p.SiteId, SubjectCode: p.SubjectCode,
		Arm: p.Arm, Status: p.Status, EnrolledAt: p.CreatedAt.UTC().Format(time.RFC3339), Masked: true}
	if d.DeIdentified {
		out.DeIdentified = true
		return out
	}
	if u != nil {
		out.Name, out.Phone, out.NationalID, out.Masked = u.Name, u.Phone, u.NationalId, u.Masked
	}
	return out
}

// identities looks the participants' identities up in user-rpc in one call per 100.
func identities(ctx context.Context, s *svc.ServiceContext, rows []*model.Participants, reveal bool) (map[int64]*user.UserRecord, error) {
	out := make(map[int64]*user.UserRecord, len(rows))
	for start := 0; start < len(rows); start += 100 {
		end := min(start+100, len(rows))
		ids := make([]int64, 0, end-start)
		for _, r := range rows[start:end] {
			ids = append(ids, r.UserId)
		}
		resp, err := s.UserRpc.BatchGetUsers(ctx, &user.BatchGetUsersRequest{UserIDs: ids, RevealPhi: reveal})
		if err != nil {
			return nil, err
		}
		for _, u := range resp.Users {
			out[u.UserID] = u
		}
	}
	return out, nil
}

// findParticipant loads a participant of the project or answers 404.
func findParticipant(ctx context.Context, s *svc.ServiceContext, projectID string, id int64) (*model.Participants, error) {
	p, err := s.Participants.FindOne(ctx, id)
	if errors.Is(err, model.ErrNotFound) || err == nil && p.ProjectId != projectID {
		return nil, errs.NotFound("PARTICIPANT_NOT_FOUND", "participant not found")
	}
	return p, err
}

func isDuplicate(err error) bool {
	var myErr *mysql.MySQLError
	return errors.As(err, &myErr) && myErr.Number == 1062
}
