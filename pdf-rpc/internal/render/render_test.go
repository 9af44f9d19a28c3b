package render

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FontPath is where Debian's fonts-droid-fallback puts its CJK font (deploy/scripts/deps.sh installs it).
const FontPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

func requireTool(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("EPRO_REQUIRE_INFRA") != "" {
			t.Fatalf("%s is required (deploy/scripts/deps.sh test installs it)", path)
		}
		t.Skipf("skipped: %s is not installed; `make test` installs it", path)
	}
}

func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		requireTool(t, "/usr/bin/pdftotext")
	}
	f := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func thumb() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
	}
	img.Set(1, 1, color.White)
	var buf bytes.Buffer
	_ = jpeg.Encode(&buf, img, nil)
	return buf.Bytes()
}

func summary(trend int) Summary {
	s := Summary{ReportID: "01a2-test", PatientID: "A1-001", ParticipantName: "张*", TrialName: "Trial A 术后康复",
		SiteName: "Beijing site 北京", Questionnaire: "https://openepro.org/fhir/Questionnaire/phq-9|1.0.0",
		QuestionnaireTitle: "PHQ-9 Patient Health Questionnaire", ReceivedAt: time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC),
		AuthoredAt: "2026-12-03T07:59:12+08:00",
		Items: []Item{{Question: "做事时提不起劲或没有兴趣 / Little interest or pleasure in doing things", Answer: "Several days (LA6569-3)"},
			{Question: "有不如死掉或用某种方式伤害自己的念头 / Thoughts that you would be better off dead", Answer: "Several days (LA6569-3)"}},
		Scores:          []Score{{Instrument: "phq-9", Total: 12, Band: "moderate", RuleSet: "epro-core 1.0.0"}},
		Alerts:          []Alert{{Rule: "phq9.item9", Severity: "urgent", Status: "open", Reason: "PHQ-9 item 9 answered ≥ 1"}},
		AIResult:        "urgent — builtin builtin-1.1.0",
		Notes:           "晚上睡不好 / sleeping badly",
		TrendInstrument: "phq-9",
		Thumbnails:      [][]byte{thumb()},
	}
	for i := 0; i < trend; i++ {
		s.Trend = append(s.Trend, Point{Date: time.Date(2026, 11, 20+i, 0, 0, 0, 0, time.UTC).Format("01-02"), Total: int64(5 + i%7)})
	}
	return s
}

func TestRenderCJKTextScoresAndTrend(t *testing.T) {
	requireTool(t, FontPath)
	r := New(FontPath)
	pdf, err := r.Render(summary(10), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("one-page summary with a 10-report trend and a photo: %d bytes", len(pdf))
	if len(pdf) > 200<<10 {
		t.Fatalf("summary is %d bytes, want under 200 KB (font subset)", len(pdf))
	}
	text := pdftotext(t, pdf)
	for _, want := range []string{"做事时提不起劲或没有兴趣", "Little interest or pleasure in doing things", "有不如死掉",
		"12 — moderate", "epro-core 1.0.0", "phq9.item9", "urgent — builtin builtin-1.1.0", "晚上睡不好", "张*",
		"Trial A 术后康复", "Content SHA-256: " + ContentHash(summary(10)), "PHQ-9"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if strings.Count(text, "page ") != 1 && !strings.Contains(text, "page 1") {
		t.Errorf("footer missing: %s", text)
	}
}

func TestRenderErrors(t *testing.T) {
	if _, err := New("/no/such/font.ttf").Render(summary(0), time.Now()); err == nil || !strings.Contains(err.Error(), "CJK font") {
		t.Fatalf("missing font: %v", err)
	}
	requireTool(t, FontPath)
	if _, err := New(FontPath).Render(Summary{}, time.Now()); err == nil {
		t.Fatal("empty summary rendered")
	}
	// no history and no photos: still a valid summary
	s := summary(0)
	s.Thumbnails = nil
	if _, err := New(FontPath).Render(s, time.Now()); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkRender is one summary with a 10-report trend and a photo (make bench's PDF task costs this much CPU).
func BenchmarkRender(b *testing.B) {
	if _, err := os.Stat(FontPath); err != nil {
		b.Skip("the CJK font is not installed")
	}
	r := New(FontPath)
	s := summary(10)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(s, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}
