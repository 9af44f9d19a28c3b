package auditchain

import (
	"strings"
	"testing"
	"time"
)

func chain(n int) ([]Stored, Head) {
	var out []Stored
	prev := Genesis
	t0 := time.Date(2026, 12, 4, 8, 0, 0, 123456789, time.UTC)
	for i := 1; i <= n; i++ {
		r := Row{Seq: int64(i), OccurredAt: Truncate(t0.Add(time.Duration(i) * time.Second)), ActorID: 7, ActorRole: "PI",
			Action: "report.correct", EntityType: "report", EntityID: "r1", ProjectID: "trial-1",
			Changes: `{"item[0]":[1,2]}`, Reason: "transcription error", RequestID: "req", ClientIP: "127.0.0.1"}
		h := Hash(prev, r)
		out = append(out, Stored{ID: int64(100 + i), Row: r, PrevHash: prev, Hash: h})
		prev = h
	}
	return out, Head{Seq: int64(n), Hash: prev}
}

func verify(rows []Stored, h Head) *Break {
	var v Verifier
	for _, r := range rows {
		if b := v.Next(r); b != nil {
			return b
		}
	}
	return v.End(h)
}

func TestIntactChainVerifies(t *testing.T) {
	rows, head := chain(5)
	if b := verify(rows, head); b != nil {
		t.Fatal(b)
	}
	if b := verify(nil, Head{}); b != nil {
		t.Fatalf("empty chain: %v", b)
	}
}

func TestBreaksAreNamed(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(rows []Stored, h *Head) []Stored
		wantID int64
		reason string
	}{
		{"altered field", func(r []Stored, _ *Head) []Stored { r[2].Row.Changes = `{"item[0]":[1,3]}`; return r }, 103, "altered"},
		{"altered reason", func(r []Stored, _ *Head) []Stored { r[1].Row.Reason = ""; return r }, 102, "altered"},
		{"altered time", func(r []Stored, _ *Head) []Stored {
			r[0].Row.OccurredAt = r[0].Row.OccurredAt.Add(time.Microsecond)
			return r
		}, 101, "altered"},
		{"rehashed row", func(r []Stored, _ *Head) []Stored {
			r[2].Row.Action = "x"
			r[2].Hash = Hash(r[2].PrevHash, r[2].Row) // a forger recomputing one hash still breaks the next link
			return r
		}, 104, "previous-hash"},
		{"deleted row", func(r []Stored, _ *Head) []Stored { return append(r[:2:2], r[3:]...) }, 104, "sequence"},
		{"swapped rows", func(r []Stored, _ *Head) []Stored { r[1], r[2] = r[2], r[1]; return r }, 103, "sequence"},
		{"deleted tail", func(r []Stored, _ *Head) []Stored { return r[:4] }, 0, "head"},
		{"altered head", func(r []Stored, h *Head) []Stored { h.Hash = "00"; return r }, 0, "head"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, head := chain(5)
			rows = c.tamper(rows, &head)
			b := verify(rows, head)
			if b == nil {
				t.Fatal("tampering not detected")
			}
			if b.ID != c.wantID || !strings.Contains(b.Reason, c.reason) {
				t.Errorf("break at row %d (%s); want row %d, reason containing %q", b.ID, b.Reason, c.wantID, c.reason)
			}
		})
	}
}

func TestCanonicalIsUnambiguous(t *testing.T) {
	a := Row{Seq: 1, Action: "ab", EntityType: "c"}
	b := Row{Seq: 1, Action: "a", EntityType: "bc"}
	if Hash("", a) == Hash("", b) {
		t.Fatal("field boundaries must matter")
	}
	// the same instant in another zone, or with nanoseconds the database drops, hashes the same after Truncate
	t1 := time.Date(2026, 1, 2, 3, 4, 5, 6_000_999, time.UTC)
	r1 := Row{Seq: 1, OccurredAt: Truncate(t1)}
	r2 := Row{Seq: 1, OccurredAt: Truncate(t1.In(time.FixedZone("CST", 8*3600)))}
	if Hash("", r1) != Hash("", r2) || !strings.Contains(string(Canonical(r1)), "2026-01-02T03:04:05.006000Z") {
		t.Fatalf("canonical time: %s vs %s", Canonical(r1), Canonical(r2))
	}
}

func TestCheckReason(t *testing.T) {
	for _, bad := range []string{"", "   ", strings.Repeat("字", MaxReasonRunes+1)} {
		if _, err := CheckReason("reason", bad); err == nil || !strings.Contains(err.Error(), "reason") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if r, err := CheckReason("reason", "  transcribed from the paper diary  "); err != nil || r != "transcribed from the paper diary" {
		t.Errorf("%q %v", r, err)
	}
}
