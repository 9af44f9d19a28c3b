// Package tasks runs a report's follow-up tasks (AI assessment and PDF summary) after the report is committed:
// concurrently with errgroup, each under its own timeout, retried with backoff from the outbox in epro_report
// until done or out of attempts. A task's failure never touches the report itself.
package tasks

import "time"

// Policy decides when a failed task is tried again.
type Policy struct {
	MaxAttempts int64
	BaseDelay   time.Duration
	MaxDelay    time.Duration
}

// Next returns the time of the next attempt after attempt number n failed at now, and whether n was the last.
func (p Policy) Next(now time.Time, n int64) (time.Time, bool) {
	if n >= p.MaxAttempts {
		return now, true
	}
	d := p.BaseDelay
	for i := int64(1); i < n && d < p.MaxDelay; i++ {
		d *= 2
	}
	if d > p.MaxDelay {
		d = p.MaxDelay
	}
	return now.Add(d), false
}
