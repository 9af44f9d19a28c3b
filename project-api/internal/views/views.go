// Package views turns report-rpc's messages into the gateway's JSON views, for every route group that shows them.
package views

import (
	"encoding/json"

	"github.com/openepro/epro/project-api/internal/types"
	"github.com/openepro/epro/report-rpc/report"
)

// Scores is the view of scores.
func Scores(in []*report.ScoreInfo) []types.ScoreView {
	out := make([]types.ScoreView, 0, len(in))
	for _, s := range in {
		out = append(out, types.ScoreView{Instrument: s.Instrument, Total: s.Total, Band: s.Band, RuleSetID: s.RuleSetId,
			RuleSetVersion: s.RuleSetVersion, Current: s.Current})
	}
	return out
}

// Alert is the view of an alert.
func Alert(a *report.AlertInfo) types.AlertView {
	return types.AlertView{AlertID: a.AlertId, SiteID: a.SiteId, ReportID: a.ReportId, SubjectCode: a.PatientId,
		Rule: a.Rule, Source: a.Source, Severity: a.Severity, Status: a.Status, Reason: a.Reason, CreatedAt: a.CreatedAt,
		AckDueAt: a.AckDueAt, AcknowledgedBy: a.AcknowledgedBy, AcknowledgedAt: a.AcknowledgedAt,
		ResolvedBy: a.ResolvedBy, ResolvedAt: a.ResolvedAt, ResolutionNote: a.ResolutionNote, Escalations: a.Escalations}
}

// Alerts is the view of alerts.
func Alerts(in []*report.AlertInfo) []types.AlertView {
	out := make([]types.AlertView, 0, len(in))
	for _, a := range in {
		out = append(out, Alert(a))
	}
	return out
}

// Signature is the view of an electronic signature.
func Signature(s *report.SignatureInfo) types.SignatureView {
	return types.SignatureView{SignatureID: s.SignatureId, Version: s.Version, ContentHash: s.ContentHash,
		SignerID: s.SignerId, SignerRole: s.SignerRole, PrintedName: s.PrintedName, Meaning: s.Meaning,
		SignedAt: s.SignedAt, Valid: s.Valid, InvalidReason: s.InvalidReason}
}

// RawJSON is stored JSON as JSON in a view (or as a string when it does not parse).
func RawJSON(s string) any {
	if s != "" && json.Valid([]byte(s)) {
		return json.RawMessage(s)
	}
	return s
}
