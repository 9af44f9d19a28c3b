// Package summary assembles what a report's PDF shows from report-rpc's own records: each answered question in
// Chinese and English with its answer, the current scores with their rule set, the alerts, the AI result, the
// participant's score trend and the photos. Names and sites come from the caller, which knows the viewer.
package summary

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/openepro/epro/pdf-rpc/pdf"
	"github.com/openepro/epro/report-rpc/internal/questionnaire"
	"github.com/openepro/epro/report-rpc/internal/store"
)

// Header is what the caller knows about the viewer's view.
type Header struct {
	TrialName, SiteName, ParticipantName string
}

// MaxTrend is how many earlier scores the trend shows.
const MaxTrend = 30

// Build returns the render request of a report.
func Build(ctx context.Context, st *store.Store, reportID string, h Header) (*pdf.RenderRequest, error) {
	d, err := st.GetDetail(ctx, reportID)
	if err != nil {
		return nil, err
	}
	r := d.Row
	req := &pdf.RenderRequest{ReportId: r.Id, ProjectId: r.ProjectId, PatientId: r.PatientId, Score: r.Score, Notes: r.Notes,
		ReceivedAt: r.ReceivedAt.UTC().Format(time.RFC3339Nano), TrialName: h.TrialName, SiteName: h.SiteName,
		ParticipantName: h.ParticipantName}
	if req.TrialName == "" {
		req.TrialName = r.ProjectId
	}
	if req.SiteName == "" && r.SiteId != 0 {
		req.SiteName = fmt.Sprintf("site %d", r.SiteId)
	}
	if r.AuthoredAt.Valid {
		req.AuthoredAt = r.AuthoredAt.Time.In(time.FixedZone("", int(r.AuthoredOffsetMin)*60)).Format(time.RFC3339)
	}
	if r.AttachmentIds.Valid {
		_ = json.Unmarshal([]byte(r.AttachmentIds.String), &req.AttachmentIds)
	}
	if r.QuestionnaireUrl != "" {
		req.Questionnaire = r.QuestionnaireUrl + "|" + r.QuestionnaireVersion
		if qrow, err := st.Questionnaire(ctx, r.ProjectId, r.QuestionnaireUrl, r.QuestionnaireVersion); err == nil {
			if q, err := questionnaire.Parse([]byte(qrow.Definition)); err == nil {
				req.QuestionnaireTitle = q.Title
				if items, err := questionnaire.ParseItems(json.RawMessage(r.Items.String)); err == nil {
					req.Items = answers(q, items)
				}
			}
		}
	}
	instrument := ""
	for _, s := range d.Scores {
		if s.Current != 1 {
			continue
		}
		req.Scores = append(req.Scores, &pdf.SummaryScore{Instrument: s.Instrument, Total: s.Total, Band: s.Band,
			RuleSet: s.RuleSetId + " " + s.RuleSetVersion})
		instrument = s.Instrument
	}
	for _, a := range d.Alerts {
		req.Alerts = append(req.Alerts, &pdf.SummaryAlert{Rule: a.Rule, Severity: a.Severity, Status: a.Status, Reason: a.Reason})
	}
	if states, err := st.TaskStates(ctx, r.Id); err == nil {
		for _, t := range states {
			if t.Task == store.TaskAI && t.Status == store.StatusDone {
				var ai struct{ RiskLevel, Engine, EngineVersion, Model string }
				if json.Unmarshal([]byte(t.Result), &ai) == nil {
					req.AiResult = strings.TrimSpace(fmt.Sprintf("%s — %s %s %s", ai.RiskLevel, ai.Engine, ai.Model, ai.EngineVersion))
				}
			}
		}
	}
	if instrument != "" {
		req.TrendInstrument = instrument
		points, err := st.ScoreHistory(ctx, r.ProjectId, r.PatientId, instrument)
		if err != nil {
			return nil, err
		}
		if len(points) > MaxTrend {
			points = points[len(points)-MaxTrend:]
		}
		for _, p := range points {
			at := p.ReceivedAt
			if p.AuthoredAt.Valid {
				at = p.AuthoredAt.Time
			}
			req.Trend = append(req.Trend, &pdf.TrendPoint{Date: at.Format("01-02"), Total: p.Total})
		}
	}
	return req, nil
}

// answers lists each answered question with its text in Chinese and English.
func answers(q *questionnaire.Questionnaire, items []questionnaire.ResponseItem) []*pdf.SummaryItem {
	var out []*pdf.SummaryItem
	var walk func([]questionnaire.ResponseItem)
	walk = func(list []questionnaire.ResponseItem) {
		for _, ri := range list {
			def, ok := q.Lookup(ri.LinkID)
			if !ok {
				continue
			}
			if len(ri.Answer) > 0 {
				question := def.TextIn("zh")
				if en := def.TextIn("en"); en != question {
					question += " / " + en
				}
				var vals []string
				for _, a := range ri.Answer {
					vals = append(vals, value(def, a))
				}
				out = append(out, &pdf.SummaryItem{Question: question, Answer: strings.Join(vals, "; ")})
			}
			walk(ri.Item)
		}
	}
	walk(items)
	return out
}

func value(def *questionnaire.Item, a questionnaire.Answer) string {
	switch {
	case a.ValueCoding != nil:
		for _, o := range def.AnswerOption { // the definition's display, not the client's
			if o.ValueCoding.Code == a.ValueCoding.Code && o.ValueCoding.Display != "" {
				return fmt.Sprintf("%s (%s)", o.ValueCoding.Display, o.ValueCoding.Code)
			}
		}
		return a.ValueCoding.Code
	case a.ValueBoolean != nil:
		if *a.ValueBoolean {
			return "yes / 是"
		}
		return "no / 否"
	case a.ValueInteger != nil:
		return fmt.Sprint(*a.ValueInteger)
	case a.ValueDecimal != nil:
		return fmt.Sprint(*a.ValueDecimal)
	case a.ValueString != nil:
		return *a.ValueString
	case a.ValueDate != nil:
		return *a.ValueDate
	case a.ValueDateTime != nil:
		return *a.ValueDateTime
	case a.ValueAttachment != nil:
		return "photo " + a.ValueAttachment.ID
	}
	return ""
}
