package authn

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v4"
)

func sign(t *testing.T, secret string, c jwt.MapClaims, method jwt.SigningMethod) string {
	t.Helper()
	tok, err := jwt.NewWithClaims(method, c).SignedString([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestVerifierAcceptsWhatSignIssues(t *testing.T) {
	now := time.Now()
	v := NewVerifier("new-secret", "old-secret", 100)
	part := Principal{UserID: 7, Kind: KindParticipant, ProjectID: "demo-trial", SiteID: 3, ParticipantID: 11, SubjectCode: "BJ01-001"}
	staff := Principal{UserID: 2, Kind: KindStaff, PlatformAdmin: true}
	for _, p := range []Principal{part, staff} {
		for _, secret := range []string{"new-secret", "old-secret"} { // a rotation: the previous secret still verifies
			tok, err := Sign(secret, time.Hour, p, now)
			if err != nil {
				t.Fatal(err)
			}
			var session string
			for range 2 { // second time from the cache
				got, err := v.Verify(tok)
				if len(got.SessionID) < 16 || session != "" && got.SessionID != session {
					t.Fatalf("%s: session %q, then %q", secret, session, got.SessionID)
				}
				session, got.SessionID = got.SessionID, ""
				if err != nil || got != p {
					t.Fatalf("%s: got %+v, %v; want %+v", secret, got, err, p)
				}
			}
			// each login is a new session
			again, _ := Sign(secret, time.Hour, p, now)
			if got, _ := v.Verify(again); got.SessionID == session {
				t.Fatalf("two logins share session %q", session)
			}
		}
	}
}

func TestVerifierRefuses(t *testing.T) {
	now := time.Now()
	v := NewVerifier("s3cret", "", 100)
	good, _ := Sign("s3cret", time.Hour, Principal{UserID: 1, Kind: KindStaff}, now)
	h, rest, _ := strings.Cut(good, ".")
	payload, _, _ := strings.Cut(rest, ".")
	forged := base64.RawURLEncoding.EncodeToString([]byte(`{"exp":9999999999,"uid":1,"knd":"staff","adm":true}`))
	cases := map[string]string{
		"empty":          "",
		"garbage":        "not.a.token",
		"wrong secret":   sign(t, "other", jwt.MapClaims{"exp": now.Add(time.Hour).Unix(), "uid": 1, "knd": "staff"}, jwt.SigningMethodHS256),
		"expired":        sign(t, "s3cret", jwt.MapClaims{"exp": now.Add(-time.Second).Unix(), "uid": 1, "knd": "staff"}, jwt.SigningMethodHS256),
		"no expiry":      sign(t, "s3cret", jwt.MapClaims{"uid": 1, "knd": "staff"}, jwt.SigningMethodHS256),
		"not yet valid":  sign(t, "s3cret", jwt.MapClaims{"exp": now.Add(time.Hour).Unix(), "nbf": now.Add(time.Hour).Unix(), "uid": 1, "knd": "staff"}, jwt.SigningMethodHS256),
		"HS512":          sign(t, "s3cret", jwt.MapClaims{"exp": now.Add(time.Hour).Unix(), "uid": 1, "knd": "staff"}, jwt.SigningMethodHS512),
		"alg none":       base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + payload + ".",
		"payload swap":   h + "." + forged + "." + strings.Split(good, ".")[2],
		"unknown kind":   sign(t, "s3cret", jwt.MapClaims{"exp": now.Add(time.Hour).Unix(), "uid": 1, "knd": "robot"}, jwt.SigningMethodHS256),
		"no user":        sign(t, "s3cret", jwt.MapClaims{"exp": now.Add(time.Hour).Unix(), "knd": "staff"}, jwt.SigningMethodHS256),
		"participant ∅":  sign(t, "s3cret", jwt.MapClaims{"exp": now.Add(time.Hour).Unix(), "uid": 1, "knd": "participant"}, jwt.SigningMethodHS256),
		"extra segments": good + ".x",
	}
	for name, tok := range cases {
		if p, err := v.Verify(tok); err == nil {
			t.Errorf("%s: accepted as %+v", name, p)
		}
	}
}

// A cached token still expires, and the cache stays bounded.
func TestVerifierCacheExpiresAndIsBounded(t *testing.T) {
	clock := time.Now()
	v := NewVerifier("s", "", 10)
	v.now = func() time.Time { return clock }
	tok, _ := Sign("s", time.Minute, Principal{UserID: 1, Kind: KindStaff}, clock)
	if _, err := v.Verify(tok); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(2 * time.Minute)
	if _, err := v.Verify(tok); err == nil {
		t.Fatal("an expired token was accepted from the cache")
	}
	for i := range 100 {
		tok, _ := Sign("s", time.Hour, Principal{UserID: int64(i + 1), Kind: KindStaff}, clock)
		if _, err := v.Verify(tok); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(v.cache); n > 10 {
		t.Fatalf("cache holds %d tokens, bound 10", n)
	}
}
