package logic

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/openepro/epro/common/actor"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/report-rpc/internal/model"
	"github.com/openepro/epro/report-rpc/internal/review"
	"github.com/openepro/epro/report-rpc/internal/svc"
	"github.com/openepro/epro/report-rpc/report"

	"github.com/zeromicro/go-zero/core/logx"
)

type SignReportLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewSignReportLogic(ctx context.Context, svcCtx *svc.ServiceContext) *SignReportLogic {
	return &SignReportLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// SignReport records an electronic signature bound to the hash of the report's current version. The signer is
// the acting user; the gateway has verified their password (and user ID when given) just before.
func (l *SignReportLogic) SignReport(in *report.SignReportRequest) (*report.SignatureInfo, error) {
	meaning, err := review.ParseMeaning(in.Meaning)
	if err != nil {
		return nil, err
	}
	a := actor.From(l.ctx)
	name := strings.TrimSpace(in.PrintedName)
	switch {
	case a.UserID <= 0:
		return nil, errs.New(errs.KindUnauthenticated, "UNAUTHENTICATED", "a signature needs a signed-in user")
	case name == "" || utf8.RuneCountInString(name) > 128:
		return nil, errs.Invalid(errs.ReasonFieldRequired, "printedName is required (at most 128 characters)")
	case in.SessionId == "":
		return nil, errs.Invalid(errs.ReasonFieldRequired, "sessionId is required")
	}
	if !in.WithUserId { // §11.200(a)(1)(i): the first signing of a session uses every component
		signed, err := l.svcCtx.Store.SignedInSession(l.ctx, a.UserID, in.SessionId)
		if err != nil {
			return nil, err
		}
		if !signed {
			return nil, errs.New(errs.KindInvalid, review.ReasonUsernameRequired,
				"username is required with the password on the first signature of a session")
		}
	}
	h, err := history(l.ctx, l.svcCtx, in.ProjectId, in.ReportId)
	if err != nil {
		return nil, err
	}
	cur := h.Current()
	sig := &model.Signatures{ProjectId: h.Report.ProjectId, ReportId: h.Report.Id, ReportVersion: int64(cur.Number),
		ContentHash: review.ContentHash(cur), SignerId: a.UserID, SignerRole: a.Role, PrintedName: name, Meaning: meaning,
		SignedAt: time.Now().UTC().Truncate(time.Microsecond), SessionId: in.SessionId}
	if err := l.svcCtx.Store.Sign(l.ctx, sig); err != nil {
		return nil, err
	}
	h.Signatures = append(h.Signatures, sig)
	return toSignature(h, len(h.Signatures)-1), nil
}
