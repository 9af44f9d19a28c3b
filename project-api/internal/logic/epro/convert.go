package epro

import (
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/openepro/epro/report-rpc/report"
)

func toQuestionnaire(q *report.QuestionnaireInfo, withDefinition bool) types.QuestionnaireView {
	v := types.QuestionnaireView{URL: q.Url, Version: q.Version, Title: q.Title, Status: q.Status, Template: q.Template,
		PublishedAt: q.PublishedAt}
	if withDefinition {
		v.Definition = q.Definition
	}
	return v
}

func toScores(in []*report.ScoreInfo) []types.ScoreView {
	out := make([]types.ScoreView, 0, len(in))
	for _, s := range in {
		out = append(out, types.ScoreView{Instrument: s.Instrument, Total: s.Total, Band: s.Band, RuleSetID: s.RuleSetId,
			RuleSetVersion: s.RuleSetVersion, Current: s.Current})
	}
	return out
}

func toAlert(a *report.AlertInfo) types.AlertView {
	return types.AlertView{AlertID: a.AlertId, SiteID: a.SiteId, ReportID: a.ReportId, SubjectCode: a.PatientId,
		Rule: a.Rule, Source: a.Source, Severity: a.Severity, Status: a.Status, Reason: a.Reason, CreatedAt: a.CreatedAt,
		AckDueAt: a.AckDueAt, AcknowledgedBy: a.AcknowledgedBy, AcknowledgedAt: a.AcknowledgedAt,
		ResolvedBy: a.ResolvedBy, ResolvedAt: a.ResolvedAt, ResolutionNote: a.ResolutionNote, Escalations: a.Escalations}
}

func toAlerts(in []*report.AlertInfo) []types.AlertView {
	out := make([]types.AlertView, 0, len(in))
	for _, a := range in {
		out = append(out, toAlert(a))
	}
	return out
}
