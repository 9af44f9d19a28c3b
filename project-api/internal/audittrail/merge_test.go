package audittrail

import (
	"fmt"
	"testing"
)

type row struct {
	src string
	id  int64
	at  string
}

func (r row) AuditID() int64    { return r.id }
func (r row) AuditTime() string { return r.at }

// page plays a source: its rows newest first, below the cursor's id, at most limit.
func page(all []row, before int64, limit int) []row {
	var out []row
	for _, r := range all {
		if before == Exhausted {
			break
		}
		if (before == 0 || r.id < before) && len(out) < limit {
			out = append(out, r)
		}
	}
	return out
}

func TestMergePagesBothSourcesCompletely(t *testing.T) {
	var proj, rep []row
	for i := 30; i >= 1; i-- { // newest first; report rows interleave, with some equal times
		proj = append(proj, row{SourceProject, int64(i), fmt.Sprintf("2026-12-04T08:00:%02d.000000Z", i*2)})
	}
	for i := 25; i >= 1; i-- {
		rep = append(rep, row{SourceReport, int64(100 + i), fmt.Sprintf("2026-12-04T08:00:%02d.000000Z", i*2+i%2)})
	}
	for _, limit := range []int{1, 7, 50, 100} {
		seen := map[string]bool{}
		var last string
		cursor := ""
		for pages := 0; ; pages++ {
			if pages > 100 {
				t.Fatal("paging does not end")
			}
			c, err := ParseCursor(cursor)
			if err != nil {
				t.Fatal(err)
			}
			got, next := Merge(page(proj, c.Project, limit), page(rep, c.Report, limit), limit, c)
			for _, r := range got {
				k := fmt.Sprint(r.src, r.id)
				if seen[k] {
					t.Fatalf("limit %d: %s twice", limit, k)
				}
				if last != "" && r.at > last {
					t.Fatalf("limit %d: not newest first at %s", limit, k)
				}
				seen[k], last = true, r.at
			}
			if len(got) > limit {
				t.Fatalf("page of %d > limit %d", len(got), limit)
			}
			if next == "" {
				break
			}
			cursor = next
		}
		if len(seen) != len(proj)+len(rep) {
			t.Fatalf("limit %d: saw %d rows of %d", limit, len(seen), len(proj)+len(rep))
		}
	}
}

func TestParseCursorRejectsJunk(t *testing.T) {
	for _, s := range []string{"x", "1", "1.x", "-2.0", "1.2.3"} {
		if _, err := ParseCursor(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}
