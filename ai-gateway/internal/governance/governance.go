// Package governance records every assessment (report, trial, provider, model, rule-set or prompt version, input
// hash, output, latency, fallback) and answers repeated inputs from that record: an assessment is cached by input
// hash, provider, model and version, so a new rule set or model version is assessed afresh while earlier results
// stay as they were.
package governance

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/openepro/epro/ai-gateway/ai"
	"github.com/openepro/epro/ai-gateway/internal/model"
	"github.com/openepro/epro/ai-gateway/internal/provider"
	"github.com/openepro/epro/common/audit"
	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

// Service assesses and records.
type Service struct {
	DB     sqlx.SqlConn
	Router *provider.Router
}

// Hash is the input hash of a text.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Assess assesses one text for a report, from the record when the same input was assessed before with the same
// provider, model and version, and records the result either way.
func (s *Service) Assess(ctx context.Context, in *ai.AssessRequest) (*ai.AssessResponse, error) {
	started := time.Now()
	hash := Hash(in.Text)
	p := s.Router.For(in.ProjectId)
	if resp, ok, err := s.cached(ctx, hash, p); err != nil {
		return nil, err
	} else if ok {
		resp.Cached, resp.Provider = true, p.Name()
		return s.record(ctx, in, hash, resp, 0)
	}
	out := s.Router.Assess(ctx, in.ProjectId, in.Text)
	resp := &ai.AssessResponse{RiskLevel: out.Level.String(), Sentiment: out.Sentiment, Engine: out.Engine,
		EngineVersion: out.Version, Model: out.Model, Explanation: out.Explanation, Fallback: out.Fallback,
		FallbackReason: out.FallbackReason, Provider: out.Requested}
	for _, sig := range out.Signals {
		resp.Signals = append(resp.Signals, &ai.Signal{Id: sig.ID, Level: sig.Level.String(), Start: int32(sig.Start), End: int32(sig.End)})
	}
	return s.record(ctx, in, hash, resp, time.Since(started).Milliseconds())
}

// cached finds an earlier non-fallback result of the same input by the same provider, model and version.
func (s *Service) cached(ctx context.Context, hash string, p provider.Provider) (*ai.AssessResponse, bool, error) {
	var output string
	err := s.DB.QueryRowCtx(ctx, &output, "SELECT output FROM assessments WHERE input_hash = ? AND engine = ? AND model = ? "+
		"AND engine_version = ? AND fallback = 0 ORDER BY id DESC LIMIT 1", hash, p.Name(), p.Model(), p.Version())
	if errors.Is(err, sqlx.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var resp ai.AssessResponse
	if err := json.Unmarshal([]byte(output), &resp); err != nil {
		return nil, false, nil // an unreadable record is assessed afresh
	}
	return &resp, true, nil
}

func (s *Service) record(ctx context.Context, in *ai.AssessRequest, hash string, resp *ai.AssessResponse, latency int64) (*ai.AssessResponse, error) {
	resp.AssessmentId = ""
	output, err := json.Marshal(resp)
	if err != nil {
		return nil, err
	}
	err = s.DB.TransactCtx(ctx, func(ctx context.Context, tx sqlx.Session) error {
		res, err := tx.ExecCtx(ctx, "INSERT INTO assessments (report_id, project_id, engine, model, engine_version, input_hash, "+
			"risk_level, sentiment, output, latency_ms, fallback, fallback_reason, cached) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			in.ReportId, in.ProjectId, resp.Engine, resp.Model, resp.EngineVersion, hash, resp.RiskLevel, resp.Sentiment,
			string(output), latency, resp.Fallback, resp.FallbackReason, resp.Cached)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		resp.AssessmentId = fmt.Sprint(id)
		return audit.Record(ctx, tx, audit.Entry{Action: "assessment.record", EntityType: "report", EntityID: in.ReportId,
			ProjectID: in.ProjectId, Changes: map[string][2]any{"assessment": {nil, resp.AssessmentId},
				"riskLevel": {nil, resp.RiskLevel}, "engine": {nil, resp.Engine + " " + resp.EngineVersion},
				"fallback": {nil, resp.Fallback}}})
	})
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// List returns every assessment of a report, oldest first.
func (s *Service) List(ctx context.Context, reportID string) ([]*model.Assessments, error) {
	var rows []*model.Assessments
	err := s.DB.QueryRowsCtx(ctx, &rows, "SELECT * FROM assessments WHERE report_id = ? ORDER BY id", reportID)
	return rows, err
}
