package shed

import (
	"context"
	"os/exec"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time         { return c.t }
func (c *fakeClock) add(d time.Duration)    { c.t = c.t.Add(d) }
func newClock() *fakeClock                  { return &fakeClock{t: time.Unix(1_800_000_000, 0)} }
func fixedCPU(v *atomic.Int64) func() int64 { return v.Load }

// warm runs n requests per 100 ms bucket of rt each, for the whole window, so the shedder learns max passes
// and min response time.
func warm(s *Shedder, c *fakeClock, perBucket int, rt time.Duration) {
	for range buckets {
		for range perBucket {
			done, err := s.Allow()
			if err != nil {
				panic(err)
			}
			c.add(rt / time.Duration(perBucket) / 10) // requests overlap little: time moves a bit per request
			done(true)
		}
		c.t = c.t.Truncate(bucketLen).Add(bucketLen)
	}
}

func TestDisabledAdmitsEverything(t *testing.T) {
	s := New(Options{})
	for range 10000 {
		if _, err := s.Allow(); err != nil {
			t.Fatal("a disabled shedder refused a request")
		}
	}
	if s.Enabled() {
		t.Fatal("threshold 0 must disable shedding")
	}
}

func TestIdleCPUNeverSheds(t *testing.T) {
	c := newClock()
	var cpu atomic.Int64
	cpu.Store(600) // busy, under the threshold
	s := New(Options{CPUThreshold: 900, CPU: fixedCPU(&cpu), Now: c.now})
	warm(s, c, 100, 10*time.Millisecond)
	for range 5000 { // far more in flight than the window has shown it completes
		if _, err := s.Allow(); err != nil {
			t.Fatal("refused a request while CPU was under the threshold")
		}
	}
}

func TestOverloadShedsBeyondMaxFlightOnly(t *testing.T) {
	c := newClock()
	var cpu atomic.Int64
	s := New(Options{CPUThreshold: 900, CPU: fixedCPU(&cpu), Now: c.now})
	// 100 passes per 100 ms with 10 ms each: 1000/s × 0.01 s = 10 requests in flight is what the service sustains
	warm(s, c, 100, 10*time.Millisecond)
	cpu.Store(950)
	var dones []func(bool)
	admitted := 0
	for range 200 {
		done, err := s.Allow()
		if err == nil {
			admitted++
			dones = append(dones, done)
			// the average of in-flight requests lags: finish and restart some so it follows
			if len(dones) > 5 {
				dones[0](true)
				dones = dones[1:]
				d, err := s.Allow()
				if err == nil {
					dones = append(dones, d)
				}
			}
		}
	}
	if s.Dropped() == 0 {
		t.Fatalf("CPU over the threshold and %d in flight: nothing was refused", len(dones))
	}
	if admitted < 5 {
		t.Fatalf("only %d admitted: the shedder must keep admitting up to the sustained flight", admitted)
	}
	// light load while hot: a few in flight are always admitted
	for _, d := range dones {
		d(true)
	}
	s.mu.Lock()
	s.avgFlying = 0
	s.mu.Unlock()
	if done, err := s.Allow(); err != nil {
		t.Fatal("refused a request with nothing in flight")
	} else {
		done(true)
	}
}

func TestCoolOffAfterOverload(t *testing.T) {
	c := newClock()
	var cpu atomic.Int64
	s := New(Options{CPUThreshold: 800, CPU: fixedCPU(&cpu), Now: c.now})
	warm(s, c, 50, 10*time.Millisecond)
	cpu.Store(990)
	s.mu.Lock()
	s.avgFlying = 1000
	s.mu.Unlock()
	s.flying.Store(1000)
	if _, err := s.Allow(); err == nil {
		t.Fatal("expected a refusal under overload")
	}
	cpu.Store(100) // CPU falls: shedding continues for the cool-off, then stops
	c.add(coolOff / 2)
	if _, err := s.Allow(); err == nil {
		t.Fatal("expected refusals to continue during the cool-off")
	}
	c.add(coolOff)
	if _, err := s.Allow(); err != nil {
		t.Fatal("still refusing after the cool-off with CPU under the threshold")
	}
}

func TestOverloadFactor(t *testing.T) {
	for _, tc := range []struct {
		cpu, thr int64
		want     float64
	}{{900, 900, 1}, {950, 900, 0.5}, {1000, 900, minFactor}, {500, 900, 1}, {1000, 1000, 1}} {
		if got := overloadFactor(tc.cpu, tc.thr); got < tc.want-1e-9 || got > tc.want+1e-9 {
			t.Errorf("overloadFactor(%d, %d) = %v, want %v", tc.cpu, tc.thr, got, tc.want)
		}
	}
}

// TestProcessCPUIsOwnCPU is why this package exists: another process burning CPU on the same machine does
// not make this one look overloaded, while this process burning CPU does.
func TestProcessCPUIsOwnCPU(t *testing.T) {
	if testing.Short() {
		t.Skip("burns CPU for a few seconds")
	}
	read := processCPU()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var burners []*exec.Cmd
	for range runtime.NumCPU() {
		cmd := exec.CommandContext(ctx, "sh", "-c", "while :; do :; done")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		burners = append(burners, cmd)
	}
	for _, b := range burners {
		_ = b.Wait()
	}
	if v := read(); v > 150 {
		t.Fatalf("another process burned every core and this one reads %d‰: it must read its own CPU", v)
	}
	stop := time.Now().Add(2 * time.Second)
	var sink atomic.Int64
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for time.Now().Before(stop) {
				sink.Add(1)
			}
		}()
	}
	time.Sleep(time.Until(stop))
	if v := read(); v < 100 {
		t.Fatalf("this process burned every core for 2 s and reads only %d‰", v)
	}
}
