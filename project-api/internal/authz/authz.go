// Package authz applies the permission table (internal/access) to a request: it finds the caller's membership in
// the trial and asks access.Authorize. An unknown trial is 404; a trial the caller does not belong to, or an
// action their role does not allow, is 403.
package authz

import (
	"context"
	"errors"

	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authn"
	"github.com/openepro/epro/project-api/internal/model"
)

// Caller is an authorised request in one trial.
type Caller struct {
	authn.Principal
	Membership access.Membership
	Decision   access.Decision
}

// Members is the lookup authz needs.
type Members interface {
	FindOneByProjectIdUserId(ctx context.Context, projectID string, userID int64) (*model.ProjectMembers, error)
}

// Projects is the lookup authz needs.
type Projects interface {
	FindOne(ctx context.Context, id string) (*model.Projects, error)
}

func projectNotFound() error { return errs.NotFound(errs.ReasonProjectMissing, "project not found") }

func notMember() error {
	return errs.New(errs.KindForbidden, access.ReasonDenied, "you are not a member of this project")
}

// Check authorises action on target in projectID and returns ctx carrying the actor for audit rows and services.
func Check(ctx context.Context, projects Projects, members Members, projectID string, action access.Action,
	target access.Target) (context.Context, Caller, error) {
	p, err := authn.From(ctx)
	if err != nil {
		return ctx, Caller{}, err
	}
	if _, err := projects.FindOne(ctx, projectID); errors.Is(err, model.ErrNotFound) {
		return ctx, Caller{}, projectNotFound()
	} else if err != nil {
		return ctx, Caller{}, err
	}
	c := Caller{Principal: p}
	switch {
	case p.Kind == authn.KindParticipant:
		if p.ProjectID != projectID {
			return ctx, Caller{}, notMember()
		}
		c.Membership = access.Membership{Role: access.Participant, ParticipantID: p.ParticipantID, SiteID: p.SiteID}
	case p.PlatformAdmin:
		c.Membership = access.Membership{Role: access.Admin}
	default:
		m, err := members.FindOneByProjectIdUserId(ctx, projectID, p.UserID)
		if errors.Is(err, model.ErrNotFound) {
			return ctx, Caller{}, notMember()
		}
		if err != nil {
			return ctx, Caller{}, err
		}
		c.Membership = access.Membership{Role: access.Role(m.Role), SiteID: m.SiteId}
	}
	if c.Decision, err = access.Authorize(c.Membership, action, target); err != nil {
		return ctx, Caller{}, err
	}
	a := actor.From(ctx)
	a.UserID, a.Role = p.UserID, string(c.Membership.Role)
	return actor.With(ctx, a), c, nil
}

// PlatformAdmin checks that the caller is a platform administrator (creating trials and staff accounts).
func PlatformAdmin(ctx context.Context) (context.Context, authn.Principal, error) {
	p, err := authn.From(ctx)
	if err != nil {
		return ctx, p, err
	}
	if !p.PlatformAdmin {
		return ctx, p, errs.New(errs.KindForbidden, access.ReasonDenied, "only platform administrators may do this")
	}
	a := actor.From(ctx)
	a.UserID, a.Role = p.UserID, "PLATFORM_ADMIN"
	return actor.With(ctx, a), p, nil
}

// RecordTarget is the target of an action on one participant's record (a report, a photo) at a site: for a
// participant caller it names them only when the record is their own, so the table's own-records scope refuses
// anyone else's.
func (c Caller) RecordTarget(siteID int64, subjectCode string) access.Target {
	t := access.Target{SiteID: siteID}
	if c.Membership.Role == access.Participant {
		t.ParticipantID = -1
		if subjectCode == c.SubjectCode {
			t.ParticipantID = c.ParticipantID
		}
	}
	return t
}
