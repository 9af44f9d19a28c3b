// Package middleware holds project-api's own HTTP middlewares.
package middleware

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"

	"github.com/openepro/epro/common/actor"
	"github.com/zeromicro/go-zero/rest/httpx"
)

// Actor starts every request's audit identity: its request id (X-Request-Id when it is sane, else a new one,
// echoed back) and the client IP. Handlers add the user and role once the token is checked.
func Actor(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if len(id) == 0 || len(id) > 64 || !printableASCII(id) {
			b := make([]byte, 12)
			_, _ = rand.Read(b)
			id = hex.EncodeToString(b)
		}
		w.Header().Set("X-Request-Id", id)
		ctx := actor.With(r.Context(), actor.Actor{RequestID: id, ClientIP: httpx.GetRemoteAddr(r)})
		next(w, r.WithContext(ctx))
	}
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
