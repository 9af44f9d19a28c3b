// Package shed is adaptive load shedding driven by this process's own CPU use.
//
// It follows go-zero's adaptive shedder (and Kratos' BBR): a request is refused only while the service is
// overloaded and more requests are in flight than it has shown it can complete (max passes per second × min
// response time over a rolling window). go-zero decides "overloaded" from the CPU use of the whole cgroup, so on
// a box shared with a load generator, a database or other services it sheds while the service itself is idle
// of CPU. Here the CPU reading is this process's own CPU time over the cores it may use (GOMAXPROCS, which Go
// sets from the cgroup quota), so a service sheds when it is the one saturating its CPU.
package shed

import (
	"errors"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// ErrOverloaded is returned by Allow when a request is refused.
var ErrOverloaded = errors.New("shed: service overloaded")

const (
	buckets      = 50
	bucketLen    = 100 * time.Millisecond // 5 s window
	coolOff      = time.Second            // keep shedding this long after the CPU drops below the threshold
	flyingBeta   = 0.9
	cpuBeta      = 0.95
	cpuInterval  = 250 * time.Millisecond
	defaultMinRt = 1000.0 // ms, before any request finished: large, so nothing is refused at start
	minFactor    = 0.1    // at least 10 % of the allowed flight is admitted, however hot the CPU
)

// Options configure a Shedder.
type Options struct {
	// CPUThreshold is the process CPU use, in permille of the cores it may use (GOMAXPROCS), from which the
	// service counts as overloaded. 0 disables shedding.
	CPUThreshold int64
	// CPU returns the process CPU use in permille (tests); nil measures this process.
	CPU func() int64
	// Now is the clock (tests); nil is time.Now.
	Now func() time.Time
}

// Shedder admits or refuses requests. The zero value is not usable; use New.
type Shedder struct {
	threshold int64
	cpu       func() int64
	now       func() time.Time

	flying      atomic.Int64
	mu          sync.Mutex
	avgFlying   float64
	win         [buckets]bucket
	cur         int64 // index (time / bucketLen) of the newest bucket written
	overloadAt  time.Time
	droppedLast atomic.Bool
	drops       atomic.Int64
}

type bucket struct {
	slot  int64 // time / bucketLen this bucket holds
	pass  int64
	rtSum float64 // ms
}

// New returns a Shedder. With CPUThreshold 0 it admits everything.
func New(o Options) *Shedder {
	s := &Shedder{threshold: o.CPUThreshold, cpu: o.CPU, now: o.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if s.cpu == nil && s.threshold > 0 {
		s.cpu = processCPU()
	}
	return s
}

// Enabled reports whether the shedder may refuse requests.
func (s *Shedder) Enabled() bool { return s != nil && s.threshold > 0 }

// Dropped is the number of requests refused so far.
func (s *Shedder) Dropped() int64 { return s.drops.Load() }

// Allow admits a request and returns the function to call when it ends (ok=false when it failed because the
// service is overloaded, which does not count as a pass), or refuses it with ErrOverloaded.
func (s *Shedder) Allow() (done func(ok bool), err error) {
	if !s.Enabled() {
		return func(bool) {}, nil
	}
	if s.shouldDrop() {
		s.droppedLast.Store(true)
		s.drops.Add(1)
		return nil, ErrOverloaded
	}
	s.flying.Add(1)
	start := s.now()
	return func(ok bool) {
		flying := s.flying.Add(-1)
		end := s.now()
		s.mu.Lock()
		s.avgFlying = s.avgFlying*flyingBeta + float64(flying)*(1-flyingBeta)
		if ok {
			b := s.bucketLocked(end)
			b.pass++
			b.rtSum += float64(end.Sub(start)) / float64(time.Millisecond)
		}
		s.mu.Unlock()
	}, nil
}

// bucketLocked returns the bucket of time t, resetting it when it held an older slot.
func (s *Shedder) bucketLocked(t time.Time) *bucket {
	slot := t.UnixNano() / int64(bucketLen)
	b := &s.win[slot%buckets]
	if b.slot != slot {
		*b = bucket{slot: slot}
	}
	if slot > s.cur {
		s.cur = slot
	}
	return b
}

func (s *Shedder) shouldDrop() bool {
	now := s.now()
	cpu := s.cpu()
	if cpu >= s.threshold {
		s.mu.Lock()
		s.overloadAt = now
		s.mu.Unlock()
	} else if !s.stillHot(now) {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	maxFlight := s.maxFlightLocked(now) * overloadFactor(cpu, s.threshold)
	return s.avgFlying > maxFlight && float64(s.flying.Load()) > maxFlight
}

// stillHot: requests were refused recently and the CPU was over the threshold less than coolOff ago.
func (s *Shedder) stillHot(now time.Time) bool {
	if !s.droppedLast.Load() {
		return false
	}
	s.mu.Lock()
	at := s.overloadAt
	s.mu.Unlock()
	if !at.IsZero() && now.Sub(at) < coolOff {
		return true
	}
	s.droppedLast.Store(false)
	return false
}

// maxFlightLocked is the concurrency the window has shown the service completes: max passes per second ×
// min average response time, over the finished buckets of the last window.
func (s *Shedder) maxFlightLocked(now time.Time) float64 {
	slot := now.UnixNano() / int64(bucketLen)
	var maxPass int64 = 1
	minRt := defaultMinRt
	for i := range s.win {
		b := &s.win[i]
		if b.slot >= slot || b.slot <= slot-buckets || b.pass == 0 { // current (unfinished) or expired
			continue
		}
		maxPass = max(maxPass, b.pass)
		minRt = math.Min(minRt, math.Round(b.rtSum/float64(b.pass)))
	}
	perSecond := float64(time.Second / bucketLen)
	return math.Max(float64(maxPass)*perSecond*minRt/1000, 1)
}

// overloadFactor shrinks the allowed flight as the CPU climbs from the threshold to 100 %.
func overloadFactor(cpu, threshold int64) float64 {
	if threshold >= 1000 {
		return 1
	}
	f := float64(1000-cpu) / float64(1000-threshold)
	return math.Min(1, math.Max(f, minFactor))
}

// processCPU starts a sampler of this process's CPU time and returns its smoothed reading in permille of the
// cores the process may use.
func processCPU() func() int64 {
	var usage atomic.Int64
	go func() {
		last, lastAt := cpuTime(), time.Now()
		var avg float64
		for range time.Tick(cpuInterval) {
			cur, at := cpuTime(), time.Now()
			wall := at.Sub(lastAt) * time.Duration(runtime.GOMAXPROCS(0))
			if wall > 0 {
				inst := float64(cur-last) / float64(wall) * 1000
				avg = avg*cpuBeta + inst*(1-cpuBeta)
				usage.Store(int64(math.Min(avg, 1000)))
			}
			last, lastAt = cur, at
		}
	}()
	return usage.Load
}

// cpuTime is the user + system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
