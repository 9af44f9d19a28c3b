package epro

import (
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/openepro/epro/project-api/internal/views"
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

func toScores(in []*report.ScoreInfo) []types.ScoreView { return views.Scores(in) }

func toAlert(a *report.AlertInfo) types.AlertView { return views.Alert(a) }

func toAlerts(in []*report.AlertInfo) []types.AlertView { return views.Alerts(in) }
