package logic

import (
	"context"

	"github.com/openepro/epro/ai-gateway/ai"
	"github.com/openepro/epro/ai-gateway/internal/svc"

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

// Assess scores free text for risk and sentiment and records the assessment.
func (l *AssessLogic) Assess(in *ai.AssessRequest) (*ai.AssessResponse, error) {
	// todo: add your logic here and delete this line

	return &ai.AssessResponse{}, nil
}
