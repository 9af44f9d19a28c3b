package middleware

import (
	"net/http"
	"strings"

	"github.com/openepro/epro/common/errx"
	"github.com/openepro/epro/project-api/internal/authn"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// unauthorizedBody is every 401's envelope.
var unauthorizedBody = errx.Body{Error: "a valid access token is required", Reason: "UNAUTHENTICATED"}

// AuthnMiddleware guards the routes the .api files declare with `middleware: Authn`: a request needs
// `Authorization: Bearer <access token>` that authn.Verifier accepts (current or previous secret, unexpired);
// the principal goes into the context for authn.From and the audit actor. Anything else is 401 with the envelope.
type AuthnMiddleware struct {
	v *authn.Verifier
}

// NewAuthnMiddleware returns the middleware over v.
func NewAuthnMiddleware(v *authn.Verifier) *AuthnMiddleware {
	return &AuthnMiddleware{v: v}
}

// Handle implements rest.Middleware.
func (m *AuthnMiddleware) Handle(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			token, ok = strings.CutPrefix(h, "bearer ")
		}
		if !ok || token == "" {
			httpx.WriteJsonCtx(r.Context(), w, http.StatusUnauthorized, unauthorizedBody)
			return
		}
		p, err := m.v.Verify(strings.TrimSpace(token))
		if err != nil {
			httpx.WriteJsonCtx(r.Context(), w, http.StatusUnauthorized, unauthorizedBody)
			return
		}
		next(w, r.WithContext(authn.WithPrincipal(r.Context(), p)))
	}
}
