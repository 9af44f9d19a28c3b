// Package render draws report summaries as PDF with fpdf: trial, site, participant, questionnaire, each question
// with its answer, scores with bands and rule set, alerts, the AI result, a score trend chart and photo thumbnails,
// with a footer naming the generation time (UTC), the generator and the SHA-256 of the summary's content. Chinese
// and English render with an embedded CJK TrueType font, subset to the glyphs used.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // thumbnails
	"os"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// Summary is what a report summary shows. The caller decides what the viewer may see.
type Summary struct {
	ReportID, PatientID, ParticipantName string
	TrialName, SiteName                  string
	Questionnaire, QuestionnaireTitle    string
	Score                                int64 // the seed's short report score (when no questionnaire)
	Notes                                string
	ReceivedAt                           time.Time
	AuthoredAt                           string
	Items                                []Item
	Scores                               []Score
	Alerts                               []Alert
	AIResult                             string
	TrendInstrument                      string
	Trend                                []Point
	Thumbnails                           [][]byte // JPEG
}

// Item is a question and its answer.
type Item struct{ Question, Answer string }

// Score is a scored instrument.
type Score struct {
	Instrument, Band, RuleSet string
	Total                     int64
}

// Alert is an alert raised on the report.
type Alert struct{ Rule, Severity, Status, Reason string }

// Point is one earlier score.
type Point struct {
	Date  string
	Total int64
}

// ErrInvalid is returned for a summary that cannot be rendered.
var ErrInvalid = errors.New("render: invalid summary")

// ErrNoFont is returned when the CJK font cannot be read.
var ErrNoFont = errors.New("render: CJK font not available")

// Generator names the software in the PDF's metadata and footer.
const Generator = "epro pdf-rpc"

// Renderer draws summaries with one CJK font, read once.
type Renderer struct {
	fontPath string
	once     sync.Once
	font     []byte
	fontErr  error
}

// New returns a renderer using the TrueType font at fontPath (e.g. Debian's DroidSansFallbackFull.ttf).
func New(fontPath string) *Renderer { return &Renderer{fontPath: fontPath} }

func (r *Renderer) loadFont() ([]byte, error) {
	r.once.Do(func() {
		r.font, r.fontErr = os.ReadFile(r.fontPath)
		if r.fontErr == nil && len(r.font) < 1024 {
			r.fontErr = errors.New("file too small")
		}
	})
	if r.fontErr != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNoFont, r.fontPath, r.fontErr)
	}
	return r.font, nil
}

// ContentHash is the SHA-256 of the summary's content, printed in the footer (a file cannot hold its own hash;
// the stored file's SHA-256 is recorded with it).
func ContentHash(s Summary) string {
	c := s
	c.Thumbnails = nil
	b, _ := json.Marshal(c)
	h := sha256.New()
	h.Write(b)
	for _, t := range s.Thumbnails {
		h.Write(t)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Render draws s; now is the generation time printed in the footer.
func (r *Renderer) Render(s Summary, now time.Time) ([]byte, error) {
	if s.ReportID == "" || s.ReceivedAt.IsZero() {
		return nil, fmt.Errorf("%w: report id and receive time are required", ErrInvalid)
	}
	font, err := r.loadFont()
	if err != nil {
		return nil, err
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreator(Generator, true)
	pdf.SetTitle("ePRO report "+s.ReportID, true)
	pdf.SetCreationDate(now.UTC())
	pdf.SetModificationDate(now.UTC())
	pdf.SetCatalogSort(true)
	pdf.AddUTF8FontFromBytes("cjk", "", font)
	pdf.SetAutoPageBreak(true, 18)
	hash := ContentHash(s)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-14)
		pdf.SetFont("cjk", "", 7)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(0, 4, fmt.Sprintf("Generated %s UTC by %s · page %d", now.UTC().Format("2006-01-02 15:04:05"), Generator, pdf.PageNo()), "", 1, "C", false, 0, "")
		pdf.CellFormat(0, 4, "Content SHA-256: "+hash, "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	pdf.AddPage()

	pdf.SetFont("cjk", "", 15)
	title := "ePRO report summary / 患者报告摘要"
	pdf.CellFormat(0, 9, title, "", 1, "", false, 0, "")
	pdf.Ln(2)
	row := func(label, value string) {
		if value == "" {
			return
		}
		pdf.SetFont("cjk", "", 9)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(38, 5.5, label, "", 0, "", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
		pdf.SetFont("cjk", "", 10)
		pdf.MultiCell(0, 5.5, value, "", "", false)
	}
	row("Trial / 试验", s.TrialName)
	row("Site / 中心", s.SiteName)
	row("Participant / 受试者", strings.TrimSpace(s.PatientID+"  "+s.ParticipantName))
	row("Questionnaire / 问卷", strings.TrimSpace(s.QuestionnaireTitle+"  "+s.Questionnaire))
	row("Authored (device)", s.AuthoredAt)
	row("Received (UTC)", s.ReceivedAt.UTC().Format(time.RFC3339))
	row("Report", s.ReportID)
	if s.Questionnaire == "" {
		row("Score / 评分", fmt.Sprintf("%d / 100", s.Score))
	}

	section := func(name string) {
		pdf.Ln(3)
		pdf.SetFont("cjk", "", 11)
		pdf.SetFillColor(232, 238, 245)
		pdf.CellFormat(0, 7, name, "", 1, "", true, 0, "")
		pdf.Ln(1)
	}
	if len(s.Items) > 0 {
		section("Answers / 回答")
		for i, it := range s.Items {
			pdf.SetFont("cjk", "", 9)
			pdf.MultiCell(0, 4.8, fmt.Sprintf("%d. %s", i+1, it.Question), "", "", false)
			pdf.SetFont("cjk", "", 10)
			pdf.SetX(pdf.GetX() + 6)
			pdf.MultiCell(0, 5, "→ "+it.Answer, "", "", false)
		}
	}
	if len(s.Scores) > 0 {
		section("Scores / 评分")
		for _, sc := range s.Scores {
			row(strings.ToUpper(sc.Instrument), fmt.Sprintf("%d — %s   (rule set %s)", sc.Total, sc.Band, sc.RuleSet))
		}
	}
	section("Alerts / 警报")
	if len(s.Alerts) == 0 {
		pdf.SetFont("cjk", "", 10)
		pdf.MultiCell(0, 5, "none / 无", "", "", false)
	}
	for _, a := range s.Alerts {
		row(strings.ToUpper(a.Severity), fmt.Sprintf("%s (%s): %s", a.Rule, a.Status, a.Reason))
	}
	if s.AIResult != "" {
		section("AI assessment / AI 评估")
		pdf.SetFont("cjk", "", 10)
		pdf.MultiCell(0, 5, s.AIResult, "", "", false)
	}
	if strings.TrimSpace(s.Notes) != "" {
		section("Notes / 备注")
		pdf.SetFont("cjk", "", 10)
		pdf.MultiCell(0, 5, s.Notes, "", "", false)
	}
	if len(s.Trend) > 0 {
		section("Trend / 趋势: " + strings.ToUpper(s.TrendInstrument))
		drawTrend(pdf, s.Trend)
	}
	if len(s.Thumbnails) > 0 {
		section("Photos / 照片")
		drawThumbnails(pdf, s.Thumbnails)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	return buf.Bytes(), nil
}

// drawTrend draws a line chart of the points with fpdf primitives.
func drawTrend(pdf *fpdf.Fpdf, pts []Point) {
	const w, h = 170.0, 45.0
	if pdf.GetY()+h+12 > 280 {
		pdf.AddPage()
	}
	x0, y0 := pdf.GetX()+8, pdf.GetY()+2
	maxV := int64(1)
	for _, p := range pts {
		maxV = max(maxV, p.Total)
	}
	pdf.SetDrawColor(160, 160, 160)
	pdf.SetLineWidth(0.2)
	pdf.Rect(x0, y0, w, h, "D")
	pdf.SetFont("cjk", "", 7)
	for i := 0; i <= 4; i++ { // gridlines and axis labels
		y := y0 + h - h*float64(i)/4
		pdf.Line(x0, y, x0+w, y)
		pdf.Text(x0-7, y+1, fmt.Sprint(maxV*int64(i)/4))
	}
	step := w
	if len(pts) > 1 {
		step = w / float64(len(pts)-1)
	}
	pos := func(i int, v int64) (float64, float64) {
		x := x0 + step*float64(i)
		if len(pts) == 1 {
			x = x0 + w/2
		}
		return x, y0 + h - h*float64(v)/float64(maxV)
	}
	pdf.SetDrawColor(40, 110, 180)
	pdf.SetLineWidth(0.6)
	for i := 1; i < len(pts); i++ {
		xa, ya := pos(i-1, pts[i-1].Total)
		xb, yb := pos(i, pts[i].Total)
		pdf.Line(xa, ya, xb, yb)
	}
	pdf.SetFillColor(40, 110, 180)
	for i, p := range pts {
		x, y := pos(i, p.Total)
		pdf.Circle(x, y, 0.9, "F")
		if len(pts) <= 12 || i%2 == 0 {
			pdf.Text(x-4, y0+h+4, p.Date)
		}
	}
	pdf.SetY(y0 + h + 8)
}

func drawThumbnails(pdf *fpdf.Fpdf, thumbs [][]byte) {
	x, y := pdf.GetX(), pdf.GetY()
	for i, t := range thumbs {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(t))
		if err != nil || cfg.Width == 0 {
			continue
		}
		name := fmt.Sprintf("thumb%d", i)
		pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(t))
		wmm := 40.0
		hmm := wmm * float64(cfg.Height) / float64(cfg.Width)
		if y+hmm > 275 {
			pdf.AddPage()
			x, y = pdf.GetX(), pdf.GetY()
		}
		pdf.ImageOptions(name, x, y, wmm, hmm, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")
		x += wmm + 4
		if x > 160 {
			x, y = pdf.GetX(), y+hmm+4
		}
	}
}
