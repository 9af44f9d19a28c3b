package logic

import (
	"context"
	"github.com/openepro/epro/common/errs"
	"golang.org/x/sync/errgroup"

	"github.com/openepro/epro/ai-gateway/ai"
	"github.com/openepro/epro/ai-gateway/internal/svc"

	"github.com/zeromicro/go-zero/core/logx"
)

type AssessBatchLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewAssessBatchLogic(ctx context.Context, svcCtx *svc.ServiceContext) *AssessBatchLogic {
	return &AssessBatchLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// maxBatch is the most items one AssessBatch call takes.
const maxBatch = 100

// AssessBatch re-assesses past reports with the current providers and versions, four at a time. Each result is a
// new record; earlier results stay untouched.
func (l *AssessBatchLogic) AssessBatch(in *ai.AssessBatchRequest) (*ai.AssessBatchResponse, error) {
	if len(in.Items) == 0 || len(in.Items) > maxBatch {
		return nil, errs.Invalid(errs.ReasonFieldRange, "items must hold 1 to %d texts", maxBatch)
	}
	for i, it := range in.Items {
		if err := validate(it); err != nil {
			e, _ := errs.As(err)
			return nil, errs.Invalid(e.Reason, "items[%d]: %s", i, e.Message)
		}
	}
	out := &ai.AssessBatchResponse{Results: make([]*ai.AssessResponse, len(in.Items))}
	g, ctx := errgroup.WithContext(l.ctx)
	g.SetLimit(4)
	for i, it := range in.Items {
		g.Go(func() error {
			r, err := l.svcCtx.Governance.Assess(ctx, it)
			out.Results[i] = r
			return err
		})
	}
	return out, g.Wait()
}
