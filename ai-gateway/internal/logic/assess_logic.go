package logic

import (
	"context"
	"unicode/utf8"

	"github.com/openepro/epro/ai-gateway/ai"
	"github.com/openepro/epro/ai-gateway/internal/svc"
	"github.com/openepro/epro/common/errs"

	"github.com/zeromicro/go-zero/core/logx"
)

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

// maxTextBytes bounds one assessed text (a report's notes are at most 10,000 characters).
const maxTextBytes = 64 << 10

func validate(in *ai.AssessRequest) error {
	switch {
	case in.ReportId == "":
		return errs.Invalid(errs.ReasonFieldRequired, "reportId is required")
	case len(in.Text) > maxTextBytes:
		return errs.Invalid(errs.ReasonFieldTooLong, "text must be at most %d bytes", maxTextBytes)
	case !utf8.ValidString(in.Text):
		return errs.Invalid(errs.ReasonFieldFormat, "text must be valid UTF-8")
	}
	return nil
}

// Assess scores free text with the trial's provider (the built-in engine when it fails, said in the result) and
// records the assessment.
func (l *AssessLogic) Assess(in *ai.AssessRequest) (*ai.AssessResponse, error) {
	if err := validate(in); err != nil {
		return nil, err
	}
	return l.svcCtx.Governance.Assess(l.ctx, in)
}
