package e2e

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/openepro/epro/common/testkit"
)

func picture(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 3), uint8(y * 5), 90, 255})
		}
	}
	return img
}

// gpsJPEG is a JPEG with an EXIF block carrying a GPS position.
func gpsJPEG(t *testing.T) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, picture(80, 60), nil); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	exif := append([]byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08"), []byte("GPSLatitude=31.2304N;GPSLongitude=121.4737E")...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(exif)+2))
	return append(append(append(append([]byte{}, raw[:2]...), app1...), exif...), raw[2:]...)
}

func pngOf(t *testing.T, img image.Image) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func upload(t *testing.T, w *world, token, name, partType string, data []byte) httpResult {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, name))
	if partType != "" {
		h.Set("Content-Type", partType)
	}
	part, _ := mw.CreatePart(h)
	_, _ = part.Write(data)
	_ = mw.Close()
	req, _ := http.NewRequest("POST", w.url("/api/v1/attachments"), &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return httpResult{resp.StatusCode, b}
}

func testPhotosAndPDF(t *testing.T, w *world) {
	// uploads: the participant's token, sniffed type, limits; EXIF location gone when read back
	var att struct {
		AttachmentID, ContentType string
		Width, Height             int
	}
	must200 := func(r httpResult) httpResult {
		t.Helper()
		if r.status != 200 {
			t.Fatalf("upload: %d %s", r.status, r.body)
		}
		return r
	}
	must200(upload(t, w, w.patientA1, "wound.jpg", "image/jpeg", gpsJPEG(t))).decode(t, &att)
	if att.ContentType != "image/jpeg" || att.Width != 80 {
		t.Fatalf("attachment %+v", att)
	}
	got := must(t, 200, "GET", w.url("/api/v1/attachments/"+att.AttachmentID), w.patientA1, nil)
	if bytes.Contains(got.body, []byte("GPSLatitude")) || bytes.Contains(got.body, []byte("Exif")) || !bytes.HasPrefix(got.body, []byte{0xFF, 0xD8}) {
		t.Fatal("EXIF location survived, or the file is not a JPEG")
	}
	must(t, 200, "GET", w.url("/api/v1/attachments/"+att.AttachmentID+"?thumb=true"), w.patientA1, nil)
	must(t, 200, "GET", w.url("/api/v1/attachments/"+att.AttachmentID), w.pi, nil)
	for name, tok := range map[string]string{"another participant": w.patientA2, "another site's CRC": w.crcA2, "sponsor": w.sponsor, "other trial": w.crcB1} {
		if r := do(t, "GET", w.url("/api/v1/attachments/"+att.AttachmentID), tok, nil); r.status != 403 {
			t.Fatalf("%s fetched the photo: %d", name, r.status)
		}
	}
	bomb := func() []byte { // a PNG header claiming 100000 × 100000 pixels
		b := pngOf(t, picture(2, 2))
		binary.BigEndian.PutUint32(b[16:], 100000)
		binary.BigEndian.PutUint32(b[20:], 100000)
		binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29])) // a valid IHDR: only the size lies
		return b
	}()
	for _, c := range []struct {
		name, file, ctype string
		data              []byte
		status            int
		reason            string
	}{
		{"wrong type", "notes.txt", "text/plain", []byte("just some text, not an image"), 415, "UNSUPPORTED_IMAGE_TYPE"},
		{"oversized", "big.png", "image/png", append(pngOf(t, picture(4, 4)), make([]byte, 11<<20)...), 413, "BODY_TOO_LARGE"},
		{"zero bytes", "empty.jpg", "image/jpeg", nil, 400, "FILE_EMPTY"},
		{"PNG named .jpg", "photo.jpg", "", pngOf(t, picture(8, 8)), 415, "IMAGE_TYPE_MISMATCH"},
		{"decompression bomb", "bomb.png", "image/png", bomb, 400, "IMAGE_TOO_MANY_PIXELS"},
	} {
		r := upload(t, w, w.patientA1, c.file, c.ctype, c.data)
		if r.status != c.status || r.envelope(t).Reason != c.reason {
			t.Fatalf("%s: %d %s", c.name, r.status, r.body)
		}
	}
	if r := upload(t, w, "", "a.jpg", "image/jpeg", gpsJPEG(t)); r.status != 401 {
		t.Fatalf("no token: %d", r.status)
	}
	if r := upload(t, w, w.pi, "a.jpg", "image/jpeg", gpsJPEG(t)); r.status != 403 {
		t.Fatalf("staff upload: %d", r.status)
	}

	// the photo is linked to a wellbeing report; another participant's photo is refused
	must(t, 200, "POST", w.url("/api/v1/projects/trial-a/questionnaires/adopt"), w.pi, map[string]string{"template": "wellbeing"})
	var other struct{ AttachmentID string }
	must200(upload(t, w, w.patientA2, "mine.png", "image/png", pngOf(t, picture(20, 20)))).decode(t, &other)
	wellbeing := func(ids ...string) map[string]any {
		return map[string]any{"questionnaire": "https://openepro.org/fhir/Questionnaire/wellbeing|1.0.0", "clientSubmissionId": uuid.NewString(),
			"authoredAt": "2026-12-03T20:00:00+08:00", "attachmentIds": ids,
			"items": []map[string]any{{"linkId": "mood", "answer": []map[string]any{{"valueCoding": map[string]string{"code": "2"}}}},
				{"linkId": "has-photo", "answer": []map[string]any{{"valueBoolean": true}}},
				{"linkId": "photo", "answer": []map[string]any{{"valueAttachment": map[string]string{"id": ids[0]}}}}}}
	}
	must(t, 400, "POST", w.url("/api/v1/reports"), w.patientA1, wellbeing(other.AttachmentID))
	var wb struct{ ReportID string }
	must(t, 200, "POST", w.url("/api/v1/reports"), w.patientA1, wellbeing(att.AttachmentID)).decode(t, &wb)

	// the PDF: rendered for the viewer, streamed, audited
	pdfURL := w.url("/api/v1/reports/" + w.phqReport + "/pdf")
	r := must(t, 200, "GET", pdfURL, w.pi, nil)
	if !bytes.HasPrefix(r.body, []byte("%PDF-")) || len(r.body) > 200<<10 {
		t.Fatalf("pdf: %d bytes", len(r.body))
	}
	text := pdftext(t, r.body)
	for _, want := range []string{"做事时提不起劲或没有兴趣", "Little interest or pleasure in doing things", "phq9.item9",
		"3 — minimal", "epro-core 1.0.0", "A1-001", "张*", "Trial trial-a", "A1 Site A1"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if strings.Contains(text, "张三") {
		t.Error("PDF shows the unmasked name without reveal")
	}
	revealed := pdftext(t, must(t, 200, "GET", pdfURL+"?reveal=true", w.pi, nil).body)
	if !strings.Contains(revealed, "张三") {
		t.Error("revealed PDF lacks the name")
	}
	must(t, 403, "GET", pdfURL+"?reveal=true", w.monitor, nil)
	must(t, 403, "GET", pdfURL, w.crcA2, nil)
	must(t, 403, "GET", pdfURL, w.patientA2, nil)
	must(t, 200, "GET", pdfURL, w.patientA1, nil)
	wbPDF := pdftext(t, must(t, 200, "GET", w.url("/api/v1/reports/"+wb.ReportID+"/pdf"), w.crcA1, nil).body)
	if !strings.Contains(wbPDF, "你今天感觉怎么样") || !strings.Contains(wbPDF, "Photos") {
		t.Errorf("wellbeing PDF lacks its question or photo section:\n%s", wbPDF)
	}
	var n int
	if err := testkit.OpenDB(t, w.s.dsn["project-api"]).QueryRow("SELECT COUNT(*) FROM audit_log WHERE action IN ('download.report_pdf','download.attachment')").Scan(&n); err != nil || n < 6 {
		t.Fatalf("downloads audited: %d %v", n, err)
	}
}

func pdftext(t *testing.T, pdf []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (Debian poppler-utils; deploy/scripts/deps.sh test installs it): %v", err)
	}
	return string(out)
}
