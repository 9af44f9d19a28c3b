// Package authn issues the gateway's JWTs (HS256), verifies them (Verifier, used by the Authn middleware) and reads
// the verified caller back from the request context.
package authn

import (
	"context"
	"crypto/rand"
	"encoding/base64"
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
	claimSession     = "sid" // the login session: e-signatures need the user ID on a session's first signing
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
	// SessionID names the login session the token was issued for (random per login).
	SessionID string
}

// Sign issues a token for p valid for ttl.
func Sign(secret string, ttl time.Duration, p Principal, now time.Time) (string, error) {
	claims := jwt.MapClaims{
		"iat": now.Unix(), "exp": now.Add(ttl).Unix(),
		claimUser: p.UserID, claimKind: p.Kind, claimAdmin: p.PlatformAdmin, claimSession: p.SessionID,
	}
	if p.SessionID == "" {
		b := make([]byte, 12)
		if _, err := rand.Read(b); err != nil {
			return "", err
		}
		claims[claimSession] = base64.RawURLEncoding.EncodeToString(b)
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

// From reads the principal the Authn middleware verified for this request.
func From(ctx context.Context) (Principal, error) {
	if p, ok := ctx.Value(principalKey{}).(Principal); ok && p.UserID > 0 {
		return p, nil
	}
	return Principal{}, unauthenticated()
}
