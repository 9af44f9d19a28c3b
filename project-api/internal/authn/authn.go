// Package authn issues the gateway's JWTs and reads the caller back from a verified token's claims, which go-zero's
// JWT middleware puts into the request context.
package authn

import (
	"context"
	"encoding/json"
	"time"

	"github.com/golang-jwt/jwt/v4"
	"github.com/openepro/epro/common/errs"
)

// Principal kinds.
const (
	KindStaff       = "staff"
	KindParticipant = "participant"
)

// Claim names.
const (
	claimUser        = "uid"
	claimKind        = "knd"
	claimAdmin       = "adm"
	claimProject     = "pid"
	claimParticipant = "ptc"
	claimSite        = "sit"
	claimSubject     = "scd" // not "sub": go-zero drops registered claims from the context
)

// Principal is who a token speaks for.
type Principal struct {
	UserID        int64
	Kind          string
	PlatformAdmin bool
	// participants only: their trial, site, participant id and subject code
	ProjectID     string
	SiteID        int64
	ParticipantID int64
	SubjectCode   string
}

// Sign issues a token for p valid for ttl.
func Sign(secret string, ttl time.Duration, p Principal, now time.Time) (string, error) {
	claims := jwt.MapClaims{
		"iat": now.Unix(), "exp": now.Add(ttl).Unix(),
		claimUser: p.UserID, claimKind: p.Kind, claimAdmin: p.PlatformAdmin,
	}
	if p.Kind == KindParticipant {
		claims[claimProject], claims[claimSite], claims[claimParticipant], claims[claimSubject] =
			p.ProjectID, p.SiteID, p.ParticipantID, p.SubjectCode
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret))
}

func unauthenticated() error {
	return errs.New(errs.KindUnauthenticated, "UNAUTHENTICATED", "a valid access token is required")
}

// From reads the principal of the verified token in ctx.
func From(ctx context.Context) (Principal, error) {
	var p Principal
	var ok bool
	if p.UserID, ok = number(ctx, claimUser); !ok || p.UserID <= 0 {
		return Principal{}, unauthenticated()
	}
	p.Kind, _ = ctx.Value(claimKind).(string)
	p.PlatformAdmin, _ = ctx.Value(claimAdmin).(bool)
	switch p.Kind {
	case KindStaff:
	case KindParticipant:
		p.ProjectID, _ = ctx.Value(claimProject).(string)
		p.SubjectCode, _ = ctx.Value(claimSubject).(string)
		p.SiteID, _ = number(ctx, claimSite)
		if p.ParticipantID, ok = number(ctx, claimParticipant); !ok || p.ProjectID == "" {
			return Principal{}, unauthenticated()
		}
	default:
		return Principal{}, unauthenticated()
	}
	return p, nil
}

func number(ctx context.Context, key string) (int64, bool) {
	switch v := ctx.Value(key).(type) {
	case json.Number:
		n, err := v.Int64()
		return n, err == nil
	case float64:
		return int64(v), true
	case int64:
		return v, true
	}
	return 0, false
}
