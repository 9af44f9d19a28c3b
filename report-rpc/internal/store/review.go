package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/model"
	"github.com/openepro/epro/report-rpc/internal/review"
	"github.com/openepro/epro/report-rpc/internal/scoring"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

// ReasonVersionChanged refuses a correction or signature made against a version that is no longer current.
const ReasonVersionChanged = "REPORT_VERSION_CHANGED"

func versionChanged() error {
	return errs.New(errs.KindFailedPrecondition, ReasonVersionChanged, "the report was corrected meanwhile: reload it and try again")
}

// History is a report with every version of its content, its scores and its signatures.
type History struct {
	Report     *model.Reports
	Versions   []review.Version // version 1 (the submission) first
	Corrected  []*model.ReportVersions
	Scores     []*model.Scores
	Signatures []*model.Signatures
}

// Current is the report's current version.
func (h History) Current() review.Version { return h.Versions[len(h.Versions)-1] }

// History reads a report's versions, scores and signatures.
func (s *Store) History(ctx context.Context, reportID string) (History, error) {
	r, err := s.reports.FindOne(ctx, reportID)
	if errors.Is(err, model.ErrNotFound) {
		return History{}, ErrNotFound
	}
	if err != nil {
		return History{}, err
	}
	h := History{Report: r}
	q := r.QuestionnaireUrl + "|" + r.QuestionnaireVersion
	h.Versions = append(h.Versions, review.Version{ReportID: r.Id, Number: 1, Questionnaire: q, Items: r.Items.String})
	if err := s.conn.QueryRowsCtx(ctx, &h.Corrected, "SELECT * FROM report_versions WHERE report_id = ? ORDER BY version", reportID); err != nil {
		return h, err
	}
	for _, v := range h.Corrected {
		h.Versions = append(h.Versions, review.Version{ReportID: r.Id, Number: int(v.Version), Questionnaire: q, Items: v.Items})
	}
	if err := s.conn.QueryRowsCtx(ctx, &h.Scores, "SELECT * FROM scores WHERE report_id = ? ORDER BY id", reportID); err != nil {
		return h, err
	}
	err = s.conn.QueryRowsCtx(ctx, &h.Signatures, "SELECT * FROM signatures WHERE report_id = ? ORDER BY id", reportID)
	return h, err
}

// Correction is a validated, scored new version of a report.
type Correction struct {
	Report  *model.Reports
	Version int // the new version: the current one + 1
	Items   string
	Reason  string
	Changes map[string][2]any
	Scores  []scoring.Score
	AckDue  time.Time
}

// Correct stores a new version of a report: the earlier versions stay as they are, the earlier scores stay
// (superseded), the new version's scores become current, alerts it calls for are raised, and the audit row
// lists the changed answers with the reason. It fails when another correction got there first.
func (s *Store) Correct(ctx context.Context, c Correction) error {
	a := actor.From(ctx)
	return s.conn.TransactCtx(ctx, func(ctx context.Context, tx sqlx.Session) error {
		var cur int64
		if err := tx.QueryRowCtx(ctx, &cur, "SELECT current_version FROM reports WHERE id = ? FOR UPDATE", c.Report.Id); err != nil {
			return err
		}
		if int(cur) != c.Version-1 {
			return versionChanged()
		}
		now := time.Now().UTC().Truncate(time.Microsecond)
		if _, err := tx.ExecCtx(ctx, "INSERT INTO report_versions (report_id, version, items, reason, corrected_by, corrected_role, created_at) "+
			"VALUES (?, ?, ?, ?, ?, ?, ?)", c.Report.Id, c.Version, c.Items, c.Reason, a.UserID, a.Role, now); err != nil {
			return err
		}
		if _, err := tx.ExecCtx(ctx, "UPDATE reports SET current_version = ? WHERE id = ?", c.Version, c.Report.Id); err != nil {
			return err
		}
		if _, err := tx.ExecCtx(ctx, "UPDATE scores SET current = 0 WHERE report_id = ?", c.Report.Id); err != nil {
			return err
		}
		rep := Report{ID: c.Report.Id, ProjectID: c.Report.ProjectId, SiteID: c.Report.SiteId, PatientID: c.Report.PatientId}
		for _, sc := range c.Scores {
			if _, err := tx.ExecCtx(ctx, "INSERT INTO scores (report_id, report_version, project_id, patient_id, instrument, total, band, "+
				"rule_set_id, rule_set_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", c.Report.Id, c.Version, c.Report.ProjectId,
				c.Report.PatientId, sc.Instrument, sc.Total, sc.Band, sc.RuleSet.ID, sc.RuleSet.Version); err != nil {
				return err
			}
			for _, al := range sc.Alerts {
				if err := insertAlert(ctx, tx, rep, al.Rule, "rule", al.Severity, al.Reason, c.AckDue); err != nil {
					return err
				}
			}
		}
		changes := maps.Clone(c.Changes) // the caller's map stays the answers' diff
		changes["version"] = [2]any{c.Version - 1, c.Version}
		for _, sc := range c.Scores {
			changes["score."+sc.Instrument] = [2]any{nil, fmt.Sprintf("%d %s (%s %s)", sc.Total, sc.Band, sc.RuleSet.ID, sc.RuleSet.Version)}
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "report.correct", EntityType: "report", EntityID: c.Report.Id,
			ProjectID: c.Report.ProjectId, Changes: changes, Reason: c.Reason})
	})
}

// SignedInSession reports whether the signer already signed something in this login session.
func (s *Store) SignedInSession(ctx context.Context, signerID int64, sessionID string) (bool, error) {
	var n int64
	err := s.conn.QueryRowCtx(ctx, &n, "SELECT COUNT(*) FROM signatures WHERE signer_id = ? AND session_id = ?", signerID, sessionID)
	return n > 0, err
}

// Sign stores a signature of version v, audited; it fails when v is no longer the report's current version.
func (s *Store) Sign(ctx context.Context, sig *model.Signatures) error {
	return s.conn.TransactCtx(ctx, func(ctx context.Context, tx sqlx.Session) error {
		var cur int64
		if err := tx.QueryRowCtx(ctx, &cur, "SELECT current_version FROM reports WHERE id = ? FOR UPDATE", sig.ReportId); err != nil {
			return err
		}
		if cur != sig.ReportVersion {
			return versionChanged()
		}
		res, err := tx.ExecCtx(ctx, "INSERT INTO signatures (project_id, report_id, report_version, content_hash, signer_id, signer_role, "+
			"printed_name, meaning, signed_at, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sig.ProjectId, sig.ReportId,
			sig.ReportVersion, sig.ContentHash, sig.SignerId, sig.SignerRole, sig.PrintedName, sig.Meaning, sig.SignedAt, sig.SessionId)
		if err != nil {
			return err
		}
		if sig.Id, err = res.LastInsertId(); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{Action: "signature.sign", EntityType: "report", EntityID: sig.ReportId,
			ProjectID: sig.ProjectId, Changes: map[string][2]any{"signature": {nil, fmt.Sprintf("%s by %s, version %d, sha256 %s",
				sig.Meaning, sig.PrintedName, sig.ReportVersion, sig.ContentHash)}}})
	})
}

// ExportFilter selects a trial's reports for an export.
type ExportFilter struct {
	ProjectID string
	SiteID    int64
	From, To  time.Time
}

// ExportRow is one report with its corrections and current scores.
type ExportRow struct {
	Report    *model.Reports
	Corrected []*model.ReportVersions
	Scores    []*model.Scores
}

// ExportPosition is where an export page ends: the last report's subject, receive time and id.
type ExportPosition struct {
	PatientID string
	At        time.Time
	ID        string
}

// ExportPage returns up to limit reports after pos, by subject and then oldest first (so exports can group a
// subject's reports): an export walks a trial page by page without holding the whole trial in memory.
func (s *Store) ExportPage(ctx context.Context, f ExportFilter, pos ExportPosition, limit int) ([]ExportRow, error) {
	where := []string{"project_id = ?", "(patient_id > ? OR patient_id = ? AND (received_at > ? OR received_at = ? AND id > ?))"}
	args := []any{f.ProjectID, pos.PatientID, pos.PatientID, pos.At, pos.At, pos.ID}
	if f.SiteID != 0 {
		where, args = append(where, "site_id = ?"), append(args, f.SiteID)
	}
	if !f.From.IsZero() {
		where, args = append(where, "received_at >= ?"), append(args, f.From.UTC())
	}
	if !f.To.IsZero() {
		where, args = append(where, "received_at < ?"), append(args, f.To.UTC())
	}
	var reports []*model.Reports
	if err := s.conn.QueryRowsCtx(ctx, &reports, "SELECT * FROM reports WHERE "+strings.Join(where, " AND ")+
		" ORDER BY patient_id, received_at, id LIMIT ?", append(args, limit)...); err != nil || len(reports) == 0 {
		return nil, err
	}
	ids := make([]any, len(reports))
	for i, r := range reports {
		ids[i] = r.Id
	}
	in := "(" + strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",") + ")"
	var versions []*model.ReportVersions
	if err := s.conn.QueryRowsCtx(ctx, &versions, "SELECT * FROM report_versions WHERE report_id IN "+in+" ORDER BY report_id, version", ids...); err != nil {
		return nil, err
	}
	var scores []*model.Scores
	if err := s.conn.QueryRowsCtx(ctx, &scores, "SELECT * FROM scores WHERE current = 1 AND report_id IN "+in+" ORDER BY id", ids...); err != nil {
		return nil, err
	}
	rows := make([]ExportRow, len(reports))
	at := map[string]int{}
	for i, r := range reports {
		rows[i].Report, at[r.Id] = r, i
	}
	for _, v := range versions {
		rows[at[v.ReportId]].Corrected = append(rows[at[v.ReportId]].Corrected, v)
	}
	for _, sc := range scores {
		rows[at[sc.ReportId]].Scores = append(rows[at[sc.ReportId]].Scores, sc)
	}
	return rows, nil
}
