package middleware

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestLazyDeadline(t *testing.T) {
	parent, cancelParent := context.WithCancel(context.Background())
	defer cancelParent()
	c := &lazyDeadline{Context: parent, deadline: time.Now().Add(50 * time.Millisecond)}
	if d, ok := c.Deadline(); !ok || !d.Equal(c.deadline) {
		t.Fatal("deadline not reported")
	}
	if c.Err() != nil || c.ctx != nil {
		t.Fatal("Err before the deadline must not start a timer or fail")
	}
	select {
	case <-c.Done():
	case <-time.After(2 * time.Second):
		t.Fatal("Done did not close at the deadline")
	}
	if !errors.Is(c.Err(), context.DeadlineExceeded) {
		t.Fatalf("Err after the deadline: %v", c.Err())
	}
	c.release()

	// the client going away ends it too
	parent2, cancel2 := context.WithCancel(context.Background())
	c2 := &lazyDeadline{Context: parent2, deadline: time.Now().Add(time.Hour)}
	done := c2.Done()
	cancel2()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("parent cancellation not propagated")
	}
	if !errors.Is(c2.Err(), context.Canceled) {
		t.Fatalf("Err after the parent ended: %v", c2.Err())
	}
	c2.release()

	// a handler that returned without anyone waiting: no timer was made, and the context reads as ended
	c3 := &lazyDeadline{Context: context.Background(), deadline: time.Now().Add(time.Hour)}
	c3.release()
	if c3.cancel != nil || !errors.Is(c3.Err(), context.Canceled) {
		t.Fatalf("released: %v", c3.Err())
	}
	select {
	case <-c3.Done():
	default:
		t.Fatal("a released context's Done must be closed")
	}
}
