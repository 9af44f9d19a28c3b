package authn

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strings"
	"sync"
	"time"
)

// Verifier checks the gateway's access tokens (HS256, signed with the current secret or, during a rotation, the
// previous one) and remembers the ones it verified until they expire.
//
// go-zero's JWT middleware re-parses every token on every request (base64, JSON into a map, HMAC, a context
// value per claim): a fifth of the gateway's CPU on the patient app's report path. A participant's app sends
// the same token for up to an hour, so a verified token — its exact bytes, signature included — maps to its
// principal and expiry; a token is never trusted unverified, and an expired one is refused even when cached.
type Verifier struct {
	secrets [][]byte
	now     func() time.Time

	mu    sync.RWMutex
	cache map[string]verified
	max   int
}

type verified struct {
	p   Principal
	exp time.Time
}

// NewVerifier verifies with secret and, when set and different, prevSecret; it caches up to maxCached tokens.
func NewVerifier(secret, prevSecret string, maxCached int) *Verifier {
	v := &Verifier{secrets: [][]byte{[]byte(secret)}, now: time.Now, cache: map[string]verified{}, max: maxCached}
	if prevSecret != "" && prevSecret != secret {
		v.secrets = append(v.secrets, []byte(prevSecret))
	}
	return v
}

// claims are the registered and private claims Sign writes.
type claims struct {
	Exp  *json.Number `json:"exp"`
	Nbf  *json.Number `json:"nbf"`
	UID  json.Number  `json:"uid"`
	Kind string       `json:"knd"`
	Adm  bool         `json:"adm"`
	Pid  string       `json:"pid"`
	Site json.Number  `json:"sit"`
	Ptc  json.Number  `json:"ptc"`
	Scd  string       `json:"scd"`
	Sid  string       `json:"sid"`
}

// hs256Header is the only header Sign writes; any other (another alg, "none") is refused.
const hs256Header = `{"alg":"HS256","typ":"JWT"}`

// Verify returns the principal of a valid, unexpired token.
func (v *Verifier) Verify(token string) (Principal, error) {
	now := v.now()
	v.mu.RLock()
	e, ok := v.cache[token]
	v.mu.RUnlock()
	if ok {
		if now.Before(e.exp) {
			return e.p, nil
		}
		return Principal{}, unauthenticated()
	}
	p, exp, err := v.verify(token, now)
	if err != nil {
		return Principal{}, err
	}
	v.remember(token, verified{p: p, exp: exp}, now)
	return p, nil
}

func (v *Verifier) verify(token string, now time.Time) (Principal, time.Time, error) {
	bad := func() (Principal, time.Time, error) { return Principal{}, time.Time{}, unauthenticated() }
	h, rest, ok := strings.Cut(token, ".")
	if !ok {
		return bad()
	}
	payload, sig, ok := strings.Cut(rest, ".")
	if !ok || strings.Contains(sig, ".") {
		return bad()
	}
	header, err := base64.RawURLEncoding.DecodeString(h)
	if err != nil || string(header) != hs256Header {
		return bad()
	}
	mac, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return bad()
	}
	signed := token[:len(h)+1+len(payload)]
	valid := false
	for _, secret := range v.secrets {
		m := hmac.New(sha256.New, secret)
		m.Write([]byte(signed))
		if hmac.Equal(m.Sum(nil), mac) {
			valid = true
			break
		}
	}
	if !valid {
		return bad()
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		return bad()
	}
	var c claims
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if err := dec.Decode(&c); err != nil || c.Exp == nil {
		return bad()
	}
	expUnix, err := c.Exp.Int64()
	if err != nil {
		return bad()
	}
	exp := time.Unix(expUnix, 0)
	if !now.Before(exp) {
		return bad()
	}
	if c.Nbf != nil {
		if nbf, err := c.Nbf.Int64(); err != nil || now.Before(time.Unix(nbf, 0)) {
			return bad()
		}
	}
	p := Principal{Kind: c.Kind, PlatformAdmin: c.Adm, SessionID: c.Sid}
	if p.SessionID == "" { // a token from before sessions were named: the token itself is the session
		sum := sha256.Sum256([]byte(token))
		p.SessionID = hex.EncodeToString(sum[:12])
	}
	if p.UserID, err = c.UID.Int64(); err != nil || p.UserID <= 0 {
		return bad()
	}
	switch p.Kind {
	case KindStaff:
	case KindParticipant:
		p.ProjectID, p.SubjectCode = c.Pid, c.Scd
		p.SiteID, _ = c.Site.Int64()
		if p.ParticipantID, err = c.Ptc.Int64(); err != nil || p.ProjectID == "" {
			return bad()
		}
	default:
		return bad()
	}
	return p, exp, nil
}

// remember caches a verified token; when the cache is full it first drops expired tokens, then arbitrary ones.
func (v *Verifier) remember(token string, e verified, now time.Time) {
	if v.max <= 0 {
		return
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if len(v.cache) >= v.max {
		for k, old := range v.cache {
			if !now.Before(old.exp) {
				delete(v.cache, k)
			}
		}
		for k := range v.cache { // map order is random: evicts arbitrary entries
			if len(v.cache) < v.max*3/4 {
				break
			}
			delete(v.cache, k)
		}
	}
	v.cache[token] = e
}

type principalKey struct{}

// WithPrincipal returns ctx carrying the verified principal.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}
