package logic

import (
	"database/sql"
	"time"

	"github.com/openepro/epro/report-rpc/internal/model"
	"github.com/openepro/epro/report-rpc/report"
)

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func nts(t sql.NullTime) string {
	if !t.Valid {
		return ""
	}
	return ts(t.Time)
}

func toScore(s *model.Scores) *report.ScoreInfo {
	return &report.ScoreInfo{Instrument: s.Instrument, Total: s.Total, Band: s.Band, RuleSetId: s.RuleSetId,
		RuleSetVersion: s.RuleSetVersion, Current: s.Current == 1, CreatedAt: ts(s.CreatedAt)}
}

func toAlert(a *model.Alerts) *report.AlertInfo {
	return &report.AlertInfo{AlertId: a.Id, ProjectId: a.ProjectId, SiteId: a.SiteId, ReportId: a.ReportId,
		PatientId: a.PatientId, Rule: a.Rule, Source: a.Source, Severity: a.Severity, Status: a.Status, Reason: a.Reason,
		CreatedAt: ts(a.CreatedAt), AckDueAt: ts(a.AckDueAt), AcknowledgedBy: a.AcknowledgedBy,
		AcknowledgedAt: nts(a.AcknowledgedAt), ResolvedBy: a.ResolvedBy, ResolvedAt: nts(a.ResolvedAt),
		ResolutionNote: a.ResolutionNote.String, Escalations: int32(a.Escalations), EscalatedAt: nts(a.EscalatedAt)}
}

func toQuestionnaire(q *model.Questionnaires) *report.QuestionnaireInfo {
	return &report.QuestionnaireInfo{Url: q.Url, Version: q.Version, Title: q.Title, Status: q.Status,
		Definition: q.Definition, PublishedAt: nts(q.PublishedAt), Template: q.Template}
}
