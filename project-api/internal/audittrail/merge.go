// Package audittrail merges a trial's audit rows from the two databases that hold them (epro_project: trials,
// members, participants, logins, downloads; epro_report: questionnaires, settings, alerts, scores) into one
// newest-first trail with a cursor that pages both. It is pure: no go-zero, no gRPC.
package audittrail

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/openepro/epro/common/errs"
)

// Sources, in the order they appear in a cursor and win ties.
const (
	SourceProject = "project"
	SourceReport  = "report"
)

// Exhausted marks a source with nothing left to page.
const Exhausted = -1

// Cursor is where the next page starts in each source: read ids below this one (0: from the newest; Exhausted:
// nothing left).
type Cursor struct{ Project, Report int64 }

// ParseCursor reads a cursor from a previous page ("" is the first page).
func ParseCursor(s string) (Cursor, error) {
	if s == "" {
		return Cursor{}, nil
	}
	p, r, ok := strings.Cut(s, ".")
	a, err1 := strconv.ParseInt(p, 10, 64)
	b, err2 := strconv.ParseInt(r, 10, 64)
	if !ok || err1 != nil || err2 != nil || a < Exhausted || b < Exhausted {
		return Cursor{}, errs.Invalid(errs.ReasonFieldFormat, "cursor must be the nextCursor of a previous page")
	}
	return Cursor{Project: a, Report: b}, nil
}

func (c Cursor) String() string { return fmt.Sprintf("%d.%d", c.Project, c.Report) }

// Entry is what merging needs of an audit row.
type Entry interface {
	AuditID() int64
	// AuditTime is the row's time as fixed-width UTC text ("2006-01-02T15:04:05.000000Z"): compared as text.
	AuditTime() string
}

// Merge takes two newest-first pages, each read with the limit, and returns the newest limit rows of both and
// the cursor after them ("" when both sources are exhausted).
func Merge[T Entry](project, report []T, limit int, cur Cursor) (merged []T, next string) {
	i, j := 0, 0
	for len(merged) < limit && (i < len(project) || j < len(report)) {
		if j >= len(report) || (i < len(project) && project[i].AuditTime() >= report[j].AuditTime()) {
			merged, i = append(merged, project[i]), i+1
		} else {
			merged, j = append(merged, report[j]), j+1
		}
	}
	step := func(rows []T, taken int, c int64) int64 {
		switch {
		case c == Exhausted:
			return Exhausted
		case taken == len(rows) && len(rows) < limit: // the source had no more
			return Exhausted
		case taken > 0:
			return rows[taken-1].AuditID()
		}
		return c
	}
	n := Cursor{Project: step(project, i, cur.Project), Report: step(report, j, cur.Report)}
	if n.Project == Exhausted && n.Report == Exhausted {
		return merged, ""
	}
	return merged, n.String()
}
