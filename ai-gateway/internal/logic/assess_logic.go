package logic

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/openepro/epro/ai-gateway/ai"
	"github.com/openepro/epro/ai-gateway/internal/model"
	"github.com/openepro/epro/ai-gateway/internal/svc"
	"github.com/openepro/epro/common/errs"

	"github.com/zeromicro/go-zero/core/logx"
)

// maxTextBytes bounds one assessed text (a report's notes are at most 10,000 characters).
const maxTextBytes = 64 << 10

type AssessLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewAssessLogic(ctx context.Context, svcCtx *svc.ServiceContext) *AssessLogic {
	return &AssessLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// Assess scores free text for risk and sentiment and records the assessment.
func (l *AssessLogic) Assess(in *ai.AssessRequest) (*ai.AssessResponse, error) {
	switch {
	case in.ReportId == "":
		return nil, errs.Invalid(errs.ReasonFieldRequired, "reportId is required")
	case len(in.Text) > maxTextBytes:
		return nil, errs.Invalid(errs.ReasonFieldTooLong, "text must be at most %d bytes", maxTextBytes)
	case !utf8.ValidString(in.Text):
		return nil, errs.Invalid(errs.ReasonFieldFormat, "text must be valid UTF-8")
	}
	started := time.Now()
	r := l.svcCtx.Engine.Assess(in.Text)
	resp := &ai.AssessResponse{
		RiskLevel: r.Level.String(), Sentiment: r.Sentiment, Engine: "builtin",
		EngineVersion: r.Version, Explanation: r.Explanation,
	}
	for _, s := range r.Signals {
		resp.Signals = append(resp.Signals, &ai.Signal{Id: s.ID, Level: s.Level.String(), Start: int32(s.Start), End: int32(s.End)})
	}
	output, err := json.Marshal(resp)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256([]byte(in.Text))
	res, err := l.svcCtx.Assessments.Insert(l.ctx, &model.Assessments{
		ReportId: in.ReportId, Engine: resp.Engine, EngineVersion: resp.EngineVersion,
		InputHash: hex.EncodeToString(sum[:]), RiskLevel: resp.RiskLevel, Sentiment: resp.Sentiment,
		Output: string(output), LatencyMs: time.Since(started).Milliseconds(),
	})
	if err != nil {
		return nil, err
	}
	if id, err := res.LastInsertId(); err == nil {
		resp.AssessmentId = fmt.Sprint(id)
	}
	return resp, nil
}
