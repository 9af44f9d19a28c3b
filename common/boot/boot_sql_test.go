package boot

import (
	"context"
	"errors"
	"fmt"
	"syscall"
	"testing"

	"github.com/go-sql-driver/mysql"
)

func TestBreakerNeutral(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{nil, true},
		{&mysql.MySQLError{Number: 1062}, true}, // duplicate key: the caller's answer
		{fmt.Errorf("dial: %w", syscall.ECONNREFUSED), true},           // down and saying so at once
		{mysql.ErrInvalidConn, true},                                   // a connection the restart dropped
		{context.DeadlineExceeded, false},                              // slow: the breaker's business
		{&mysql.MySQLError{Number: 1205, Message: "lock wait"}, false}, // server errors count
		{errors.New("other"), false},
	} {
		if got := breakerNeutral(c.err); got != c.want {
			t.Errorf("breakerNeutral(%v) = %v", c.err, got)
		}
	}
}
