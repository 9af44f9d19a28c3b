package tasks

import (
	"testing"
	"time"
)

func TestPolicyNext(t *testing.T) {
	p := Policy{MaxAttempts: 5, BaseDelay: time.Second, MaxDelay: 5 * time.Second}
	now := time.Unix(1000, 0)
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second}
	for i, w := range want {
		at, final := p.Next(now, int64(i+1))
		if final || at.Sub(now) != w {
			t.Errorf("attempt %d: delay %v final %v, want %v", i+1, at.Sub(now), final, w)
		}
	}
	if _, final := p.Next(now, 5); !final {
		t.Error("attempt 5 of 5 is not final")
	}
}
