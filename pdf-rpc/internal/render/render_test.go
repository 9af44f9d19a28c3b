package render

import (
	"bytes"
	"testing"
	"time"
)

func TestRenderSummary(t *testing.T) {
	s := Summary{ReportID: "r1", PatientID: "P-1", Score: 85, Notes: "steady", ReceivedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	a, err := RenderSummary(s)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) || len(a) > 64<<10 {
		t.Fatalf("not a small PDF: %d bytes", len(a))
	}
	b, _ := RenderSummary(s)
	if !bytes.Equal(a, b) {
		t.Fatal("rendering is not deterministic")
	}
	if _, err := RenderSummary(Summary{}); err == nil {
		t.Fatal("empty summary rendered")
	}
}
