package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/alerting"
	"github.com/openepro/epro/report-rpc/internal/model"
	"github.com/openepro/epro/report-rpc/internal/questionnaire"
	"github.com/openepro/epro/report-rpc/internal/scoring"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

func isDuplicate(err error) bool {
	var myErr *mysql.MySQLError
	return errors.As(err, &myErr) && myErr.Number == 1062
}

// ---- questionnaires ----

// PutQuestionnaire stores q for a trial: a new version, or a new definition of a draft. A published (active)
// version never changes: re-publishing it is FailedPrecondition.
func (s *Store) PutQuestionnaire(ctx context.Context, projectID string, q *questionnaire.Questionnaire, raw []byte, template string) (*model.Questionnaires, error) {
	err := s.conn.TransactCtx(ctx, func(ctx context.Context, tx sqlx.Session) error {
		var cur model.Questionnaires
		err := tx.QueryRowCtx(ctx, &cur, "SELECT * FROM questionnaires WHERE project_id = ? AND url = ? AND version = ? FOR UPDATE",
			projectID, q.URL, q.Version)
		published := sql.NullTime{}
		if q.Status == "active" {
			published = sql.NullTime{Time: time.Now().UTC(), Valid: true}
		}
		switch {
		case errors.Is(err, sqlx.ErrNotFound):
			if _, err := tx.ExecCtx(ctx, "INSERT INTO questionnaires (project_id, url, version, title, status, template, definition, published_at) "+
				"VALUES (?, ?, ?, ?, ?, ?, ?, ?)", projectID, q.URL, q.Version, q.Title, q.Status, template, string(raw), published); err != nil {
				return err
			}
			return audit.Record(ctx, tx, audit.Entry{Action: "questionnaire.create", EntityType: "questionnaire",
				EntityID: q.Canonical(), ProjectID: projectID, Changes: map[string][2]any{"status": {nil, q.Status}, "template": {nil, template}}})
		case err != nil:
			return err
		case cur.Status != "draft":
			return errs.New(errs.KindFailedPrecondition, "QUESTIONNAIRE_PUBLISHED",
				"version %s of %s is %s and cannot change: publish a new version", q.Version, q.URL, cur.Status)
		}
		if _, err := tx.ExecCtx(ctx, "UPDATE questionnaires SET title = ?, status = ?, definition = ?, published_at = ? WHERE id = ?",
			q.Title, q.Status, string(raw), published, cur.Id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "questionnaire.update", EntityType: "questionnaire",
			EntityID: q.Canonical(), ProjectID: projectID, Changes: map[string][2]any{"status": {cur.Status, q.Status}}})
	})
	if isDuplicate(err) {
		return nil, errs.New(errs.KindConflict, "QUESTIONNAIRE_EXISTS", "this questionnaire version already exists")
	}
	if err != nil {
		return nil, err
	}
	var row model.Questionnaires
	err = s.conn.QueryRowCtx(ctx, &row, "SELECT * FROM questionnaires WHERE project_id = ? AND url = ? AND version = ?", projectID, q.URL, q.Version)
	return &row, err
}

// Questionnaire returns a trial's questionnaire version.
func (s *Store) Questionnaire(ctx context.Context, projectID, url, version string) (*model.Questionnaires, error) {
	var row model.Questionnaires
	err := s.conn.QueryRowCtx(ctx, &row, "SELECT * FROM questionnaires WHERE project_id = ? AND url = ? AND version = ?", projectID, url, version)
	if errors.Is(err, sqlx.ErrNotFound) {
		return nil, ErrNotFound
	}
	return &row, err
}

// Questionnaires lists a trial's questionnaires.
func (s *Store) Questionnaires(ctx context.Context, projectID string) ([]*model.Questionnaires, error) {
	var rows []*model.Questionnaires
	err := s.conn.QueryRowsCtx(ctx, &rows, "SELECT * FROM questionnaires WHERE project_id = ? ORDER BY url, id", projectID)
	return rows, err
}

// ---- settings ----

// Settings are a trial's alert settings.
type Settings struct {
	AckDeadline time.Duration
	Thresholds  scoring.Thresholds
}

// DefaultAckDeadline is the acknowledgement deadline of a trial that set none.
const DefaultAckDeadline = 60 * time.Minute

// TrialSettings returns a trial's settings, defaults when it has none.
func (s *Store) TrialSettings(ctx context.Context, projectID string) (Settings, error) {
	var row model.TrialSettings
	err := s.conn.QueryRowCtx(ctx, &row, "SELECT * FROM trial_settings WHERE project_id = ?", projectID)
	if errors.Is(err, sqlx.ErrNotFound) {
		return Settings{AckDeadline: DefaultAckDeadline}, nil
	}
	if err != nil {
		return Settings{}, err
	}
	st := Settings{AckDeadline: time.Duration(row.AckDeadlineMinutes) * time.Minute}
	err = json.Unmarshal([]byte(row.Thresholds), &st.Thresholds)
	return st, err
}

// PutTrialSettings stores a trial's settings (audited with old and new values).
func (s *Store) PutTrialSettings(ctx context.Context, projectID string, st Settings) error {
	old, err := s.TrialSettings(ctx, projectID)
	if err != nil {
		return err
	}
	th, _ := json.Marshal(st.Thresholds)
	oldTh, _ := json.Marshal(old.Thresholds)
	return s.conn.TransactCtx(ctx, func(ctx context.Context, tx sqlx.Session) error {
		if _, err := tx.ExecCtx(ctx, "INSERT INTO trial_settings (project_id, ack_deadline_minutes, thresholds) VALUES (?, ?, ?) "+
			"ON DUPLICATE KEY UPDATE ack_deadline_minutes = VALUES(ack_deadline_minutes), thresholds = VALUES(thresholds)",
			projectID, int(st.AckDeadline/time.Minute), string(th)); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "settings.update", EntityType: "trial_settings", EntityID: projectID,
			ProjectID: projectID, Changes: map[string][2]any{
				"ackDeadlineMinutes": {int(old.AckDeadline / time.Minute), int(st.AckDeadline / time.Minute)},
				"thresholds":         {string(oldTh), string(th)}}})
	})
}

// ---- responses ----

// Response is a validated, scored questionnaire report to store.
type Response struct {
	Report
	QuestionnaireURL     string
	QuestionnaireVersion string
	ClientSubmissionID   string
	Items                string
	AttachmentIDs        []string
	AuthoredAt           time.Time
	AuthoredOffsetMin    int
	Scores               []scoring.Score
}

// PreviousScore is the participant's latest current score on an instrument.
func (s *Store) PreviousScore(ctx context.Context, projectID, patientID, instrument string) (scoring.Previous, error) {
	var total int64
	err := s.conn.QueryRowCtx(ctx, &total, "SELECT s.total FROM scores s JOIN reports r ON r.id = s.report_id "+
		"WHERE s.project_id = ? AND s.patient_id = ? AND s.instrument = ? AND s.current = 1 ORDER BY r.received_at DESC LIMIT 1",
		projectID, patientID, instrument)
	if errors.Is(err, sqlx.ErrNotFound) {
		return scoring.Previous{}, nil
	}
	return scoring.Previous{Total: int(total), Found: err == nil}, err
}

// CreateResponse commits a questionnaire report with its scores, alerts and pending tasks in one transaction.
// When the participant already sent this clientSubmissionId it stores nothing and returns the original report id
// with duplicate set; the unique key decides, so concurrent copies cannot both insert.
func (s *Store) CreateResponse(ctx context.Context, r Response, ackDue time.Time) (id string, duplicate bool, err error) {
	attachments, _ := json.Marshal(r.AttachmentIDs)
	err = s.conn.TransactCtx(ctx, func(ctx context.Context, tx sqlx.Session) error {
		if _, err := tx.ExecCtx(ctx, "INSERT INTO reports (id, project_id, site_id, patient_id, questionnaire_url, questionnaire_version, "+
			"client_submission_id, score, notes, items, attachment_ids, authored_at, authored_offset_min, received_at) "+
			"VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
			r.ID, r.ProjectID, r.SiteID, r.PatientID, r.QuestionnaireURL, r.QuestionnaireVersion, r.ClientSubmissionID,
			r.Notes, r.Items, string(attachments), r.AuthoredAt.UTC(), r.AuthoredOffsetMin, r.ReceivedAt); err != nil {
			return err
		}
		for _, sc := range r.Scores {
			if _, err := tx.ExecCtx(ctx, "INSERT INTO scores (report_id, project_id, patient_id, instrument, total, band, rule_set_id, rule_set_version) "+
				"VALUES (?, ?, ?, ?, ?, ?, ?, ?)", r.ID, r.ProjectID, r.PatientID, sc.Instrument, sc.Total, sc.Band,
				sc.RuleSet.ID, sc.RuleSet.Version); err != nil {
				return err
			}
			for _, a := range sc.Alerts {
				if err := insertAlert(ctx, tx, r.Report, a.Rule, alerting.SourceRule, a.Severity, a.Reason, ackDue); err != nil {
					return err
				}
			}
		}
		if _, err := tx.ExecCtx(ctx, "INSERT INTO report_tasks (report_id, task, result) VALUES (?, ?, ''), (?, ?, '')",
			r.ID, TaskAI, r.ID, TaskPDF); err != nil {
			return err
		}
		return audit.Record(ctx, tx, createEntry(r.Report, map[string][2]any{
			"questionnaire": {nil, r.QuestionnaireURL + "|" + r.QuestionnaireVersion}}))
	})
	if isDuplicate(err) {
		var orig string
		if qerr := s.conn.QueryRowCtx(ctx, &orig, "SELECT id FROM reports WHERE project_id = ? AND patient_id = ? AND client_submission_id = ?",
			r.ProjectID, r.PatientID, r.ClientSubmissionID); qerr != nil {
			return "", false, qerr
		}
		return orig, true, nil
	}
	return r.ID, false, err
}

func insertAlert(ctx context.Context, tx sqlx.Session, r Report, rule, source string, sev scoring.Severity, reason string, ackDue time.Time) error {
	_, err := raiseAlert(ctx, tx, r, rule, source, sev, reason, ackDue)
	return err
}

// raiseAlert inserts an alert once per (report, rule) and reports whether this call inserted it.
func raiseAlert(ctx context.Context, tx sqlx.Session, r Report, rule, source string, sev scoring.Severity, reason string, ackDue time.Time) (bool, error) {
	res, err := tx.ExecCtx(ctx, "INSERT IGNORE INTO alerts (project_id, site_id, report_id, patient_id, rule, source, severity, reason, ack_due_at) "+
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.ProjectID, r.SiteID, r.ID, r.PatientID, rule, source, sev.String(), reason, ackDue.UTC())
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// RaiseAIAlert records an urgent AI assessment as an alert on the report (once).
func (s *Store) RaiseAIAlert(ctx context.Context, reportID, reason string) error {
	r, err := s.Get(ctx, reportID)
	if err != nil {
		return err
	}
	st, err := s.TrialSettings(ctx, r.ProjectID)
	if err != nil {
		return err
	}
	return s.conn.TransactCtx(ctx, func(ctx context.Context, tx sqlx.Session) error {
		raised, err := raiseAlert(ctx, tx, r, "ai.urgent", alerting.SourceAI, scoring.Urgent, reason, time.Now().Add(st.AckDeadline))
		if err != nil || !raised {
			return err // !raised: raised before, by an earlier try of the task
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "alert.raise", EntityType: "report", EntityID: r.ID, ProjectID: r.ProjectID,
			Changes: map[string][2]any{"alert": {nil, "ai.urgent"}, "severity": {nil, scoring.Urgent.String()}}})
	})
}

// Detail is one report with its scores and alerts.
type Detail struct {
	Row    *model.Reports
	Scores []*model.Scores
	Alerts []*model.Alerts
}

// GetDetail returns a report with every score (current and superseded) and its alerts.
func (s *Store) GetDetail(ctx context.Context, id string) (Detail, error) {
	row, err := s.reports.FindOne(ctx, id)
	if errors.Is(err, model.ErrNotFound) {
		return Detail{}, ErrNotFound
	}
	if err != nil {
		return Detail{}, err
	}
	d := Detail{Row: row}
	if err := s.conn.QueryRowsCtx(ctx, &d.Scores, "SELECT * FROM scores WHERE report_id = ? ORDER BY id", id); err != nil {
		return d, err
	}
	err = s.conn.QueryRowsCtx(ctx, &d.Alerts, "SELECT * FROM alerts WHERE report_id = ? ORDER BY id", id)
	return d, err
}

// ---- queries ----

// ReportFilter selects reports of one trial.
type ReportFilter struct {
	ProjectID, PatientID, QuestionnaireURL string
	SiteID                                 int64
	From, To                               time.Time
	Cursor                                 string
	Limit                                  int
}

// ErrBadCursor is returned for a cursor this store did not issue.
var ErrBadCursor = errors.New("store: bad cursor")

func encodeCursor(t time.Time, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(t.UTC().Format(time.RFC3339Nano) + "|" + id))
}

func decodeCursor(c string) (time.Time, string, error) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return time.Time{}, "", ErrBadCursor
	}
	ts, id, ok := strings.Cut(string(raw), "|")
	t, err := time.Parse(time.RFC3339Nano, ts)
	if !ok || err != nil || len(id) != 36 {
		return time.Time{}, "", ErrBadCursor
	}
	return t, id, nil
}

// ListReports returns one page of a trial's reports, newest first, and the cursor of the next page ("" at the end).
func (s *Store) ListReports(ctx context.Context, f ReportFilter) ([]*model.Reports, map[string][]*model.Scores, string, error) {
	where, args := []string{"project_id = ?"}, []any{f.ProjectID}
	add := func(cond string, v any) { where, args = append(where, cond), append(args, v) }
	if f.SiteID != 0 {
		add("site_id = ?", f.SiteID)
	}
	if f.PatientID != "" {
		add("patient_id = ?", f.PatientID)
	}
	if f.QuestionnaireURL != "" {
		add("questionnaire_url = ?", f.QuestionnaireURL)
	}
	if !f.From.IsZero() {
		add("received_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		add("received_at < ?", f.To.UTC())
	}
	if f.Cursor != "" {
		t, id, err := decodeCursor(f.Cursor)
		if err != nil {
			return nil, nil, "", err
		}
		where = append(where, "(received_at < ? OR received_at = ? AND id < ?)")
		args = append(args, t, t, id)
	}
	var rows []*model.Reports
	q := "SELECT * FROM reports WHERE " + strings.Join(where, " AND ") + " ORDER BY received_at DESC, id DESC LIMIT ?"
	if err := s.conn.QueryRowsCtx(ctx, &rows, q, append(args, f.Limit+1)...); err != nil {
		return nil, nil, "", err
	}
	next := ""
	if len(rows) > f.Limit {
		rows = rows[:f.Limit]
		last := rows[len(rows)-1]
		next = encodeCursor(last.ReceivedAt, last.Id)
	}
	scores := map[string][]*model.Scores{}
	if len(rows) > 0 {
		ids := make([]any, len(rows))
		for i, r := range rows {
			ids[i] = r.Id
		}
		var list []*model.Scores
		if err := s.conn.QueryRowsCtx(ctx, &list, "SELECT * FROM scores WHERE current = 1 AND report_id IN ("+
			strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+")", ids...); err != nil {
			return nil, nil, "", err
		}
		for _, sc := range list {
			scores[sc.ReportId] = append(scores[sc.ReportId], sc)
		}
	}
	return rows, scores, next, nil
}

// ScorePoint is one point of a score history.
type ScorePoint struct {
	model.Scores
	AuthoredAt sql.NullTime `db:"authored_at"`
	ReceivedAt time.Time    `db:"received_at"`
}

// ScoreHistory returns a participant's current scores in time order.
func (s *Store) ScoreHistory(ctx context.Context, projectID, patientID, instrument string) ([]*ScorePoint, error) {
	var rows []*ScorePoint
	err := s.conn.QueryRowsCtx(ctx, &rows, "SELECT s.*, r.authored_at, r.received_at FROM scores s JOIN reports r ON r.id = s.report_id "+
		"WHERE s.project_id = ? AND s.patient_id = ? AND (? = '' OR s.instrument = ?) AND s.current = 1 "+
		"ORDER BY COALESCE(r.authored_at, r.received_at), r.received_at", projectID, patientID, instrument, instrument)
	return rows, err
}

// ---- alerts ----

// AlertFilter selects alerts of one trial.
type AlertFilter struct {
	ProjectID        string
	SiteID           int64
	Severity, Status string
	Limit            int
}

// Alerts lists alerts, most severe and oldest first.
func (s *Store) Alerts(ctx context.Context, f AlertFilter) ([]*model.Alerts, error) {
	var rows []*model.Alerts
	err := s.conn.QueryRowsCtx(ctx, &rows, "SELECT * FROM alerts WHERE project_id = ? AND (? = 0 OR site_id = ?) "+
		"AND (? = '' OR severity = ?) AND (? = '' OR status = ?) "+
		"ORDER BY FIELD(severity, 'urgent', 'high', 'review'), created_at, id LIMIT ?",
		f.ProjectID, f.SiteID, f.SiteID, f.Severity, f.Severity, f.Status, f.Status, f.Limit)
	return rows, err
}

// ErrAlertNotFound is returned for an alert outside the trial (or the caller's site).
var ErrAlertNotFound = errors.New("store: alert not found")

// TransitionAlert applies check to the alert's status and, when it passes, the update (acknowledge or resolve),
// with an audit row, in one transaction that locks the alert.
func (s *Store) TransitionAlert(ctx context.Context, projectID string, id, siteID int64, action string,
	check func(status string) error, update string, args ...any) (*model.Alerts, error) {
	err := s.conn.TransactCtx(ctx, func(ctx context.Context, tx sqlx.Session) error {
		var a model.Alerts
		err := tx.QueryRowCtx(ctx, &a, "SELECT * FROM alerts WHERE id = ? AND project_id = ? AND (? = 0 OR site_id = ?) FOR UPDATE",
			id, projectID, siteID, siteID)
		if errors.Is(err, sqlx.ErrNotFound) {
			return ErrAlertNotFound
		}
		if err != nil {
			return err
		}
		if err := check(a.Status); err != nil {
			return err
		}
		if _, err := tx.ExecCtx(ctx, "UPDATE alerts SET "+update+" WHERE id = ?", append(args, id)...); err != nil {
			return err
		}
		var next model.Alerts
		if err := tx.QueryRowCtx(ctx, &next, "SELECT * FROM alerts WHERE id = ?", id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: action, EntityType: "alert", EntityID: fmt.Sprint(id),
			ProjectID: projectID, Changes: map[string][2]any{"status": {a.Status, next.Status}}})
	})
	if err != nil {
		return nil, err
	}
	var a model.Alerts
	err = s.conn.QueryRowCtx(ctx, &a, "SELECT * FROM alerts WHERE id = ?", id)
	return &a, err
}

// EscalateDue raises the severity of open alerts whose acknowledgement deadline passed, records the escalation
// (count, time, audit row) and sets a new deadline. Rows are taken with SKIP LOCKED, so instances share the work.
func (s *Store) EscalateDue(ctx context.Context, limit int) (int, error) {
	n := 0
	err := s.conn.TransactCtx(ctx, func(ctx context.Context, tx sqlx.Session) error {
		var due []*model.Alerts
		if err := tx.QueryRowsCtx(ctx, &due, "SELECT * FROM alerts WHERE status = 'open' AND ack_due_at < NOW(3) "+
			"ORDER BY ack_due_at LIMIT ? FOR UPDATE SKIP LOCKED", limit); err != nil {
			return err
		}
		ctx = actor.With(ctx, actor.System)
		for _, a := range due {
			sev, _ := scoring.ParseSeverity(a.Severity)
			st, err := s.TrialSettings(ctx, a.ProjectId)
			if err != nil {
				return err
			}
			next := sev.Escalated()
			if _, err := tx.ExecCtx(ctx, "UPDATE alerts SET severity = ?, escalations = escalations + 1, escalated_at = NOW(3), "+
				"ack_due_at = ? WHERE id = ?", next.String(), time.Now().Add(st.AckDeadline).UTC(), a.Id); err != nil {
				return err
			}
			if err := audit.Record(ctx, tx, audit.Entry{Action: "alert.escalate", EntityType: "alert", EntityID: fmt.Sprint(a.Id),
				ProjectID: a.ProjectId, Changes: map[string][2]any{"severity": {a.Severity, next.String()},
					"escalations": {a.Escalations, a.Escalations + 1}}}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// ---- re-scoring ----

// RescoreTarget is a questionnaire report with its definition, for re-scoring.
type RescoreTarget struct {
	Report     *model.Reports
	Definition string
}

// RescoreTargets lists a trial's questionnaire reports with a current score from another rule set.
func (s *Store) RescoreTargets(ctx context.Context, projectID string, rs scoring.RuleSet) ([]RescoreTarget, error) {
	var rows []*struct {
		model.Reports
		Definition   string         `db:"definition"`
		CurrentItems sql.NullString `db:"current_items"`
	}
	// a corrected report is scored on its current version's answers
	err := s.conn.QueryRowsCtx(ctx, &rows, "SELECT DISTINCT r.*, q.definition, COALESCE(v.items, r.items) AS current_items FROM reports r "+
		"LEFT JOIN report_versions v ON v.report_id = r.id AND v.version = r.current_version "+
		"JOIN scores s ON s.report_id = r.id AND s.current = 1 "+
		"JOIN questionnaires q ON q.project_id = r.project_id AND q.url = r.questionnaire_url AND q.version = r.questionnaire_version "+
		"WHERE r.project_id = ? AND (s.rule_set_id <> ? OR s.rule_set_version <> ?) ORDER BY r.received_at",
		projectID, rs.ID, rs.Version)
	out := make([]RescoreTarget, len(rows))
	for i, r := range rows {
		rep := r.Reports
		rep.Items = r.CurrentItems
		out[i] = RescoreTarget{Report: &rep, Definition: r.Definition}
	}
	return out, err
}

// ReplaceScore stores a new current score for a report and keeps the old ones, superseded, with an audit row
// giving the reason for change.
func (s *Store) ReplaceScore(ctx context.Context, r *model.Reports, sc scoring.Score, reason string) error {
	return s.conn.TransactCtx(ctx, func(ctx context.Context, tx sqlx.Session) error {
		var old []*model.Scores
		if err := tx.QueryRowsCtx(ctx, &old, "SELECT * FROM scores WHERE report_id = ? AND instrument = ? AND current = 1 FOR UPDATE",
			r.Id, sc.Instrument); err != nil {
			return err
		}
		if _, err := tx.ExecCtx(ctx, "UPDATE scores SET current = 0 WHERE report_id = ? AND instrument = ?", r.Id, sc.Instrument); err != nil {
			return err
		}
		if _, err := tx.ExecCtx(ctx, "INSERT INTO scores (report_id, report_version, project_id, patient_id, instrument, total, band, "+
			"rule_set_id, rule_set_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.Id, r.CurrentVersion, r.ProjectId, r.PatientId,
			sc.Instrument, sc.Total, sc.Band, sc.RuleSet.ID, sc.RuleSet.Version); err != nil {
			return err
		}
		oldDesc := ""
		if len(old) > 0 {
			oldDesc = fmt.Sprintf("%d %s (%s %s)", old[0].Total, old[0].Band, old[0].RuleSetId, old[0].RuleSetVersion)
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "score.rescore", EntityType: "report", EntityID: r.Id, ProjectID: r.ProjectId,
			Changes: map[string][2]any{sc.Instrument: {oldDesc, fmt.Sprintf("%d %s (%s %s)", sc.Total, sc.Band, sc.RuleSet.ID, sc.RuleSet.Version)}}, Reason: reason})
	})
}

// Audit pages a trial's audit rows, newest first.
func (s *Store) Audit(ctx context.Context, f audit.Filter) ([]audit.Row, error) {
	return audit.List(ctx, s.conn, f)
}

// VerifyAudit walks a trial's audit hash chain.
func (s *Store) VerifyAudit(ctx context.Context, projectID string) (audit.Verification, error) {
	return audit.Verify(ctx, s.conn, projectID)
}
