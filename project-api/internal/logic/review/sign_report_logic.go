// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package review

import (
	"context"
	"fmt"

	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/project-api/internal/access"
	auditlog "github.com/openepro/epro/project-api/internal/audit"
	"github.com/openepro/epro/project-api/internal/authn"
	"github.com/openepro/epro/project-api/internal/logic/auth"
	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"
	"github.com/openepro/epro/project-api/internal/views"
	rpc "github.com/openepro/epro/report-rpc/report"
	"github.com/openepro/epro/user-rpc/user"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zeromicro/go-zero/core/logx"
)

type SignReportLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Sign the report's current version (investigators): password, and user ID on a session's first signing
func NewSignReportLogic(ctx context.Context, svcCtx *svc.ServiceContext) *SignReportLogic {
	return &SignReportLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// ReasonSignatureRejected is a signature whose user ID or password did not verify.
const ReasonSignatureRejected = "SIGNATURE_REJECTED"

// SignReport re-checks the signer's password (and user ID, required on the first signing of a session: 21 CFR
// 11.200(a)(1)) and records the signature through report-rpc. Wrong credentials are 403 (the session itself stays
// valid), count towards a lock like failed logins, and are audited.
func (l *SignReportLogic) SignReport(req *types.SignReq) (resp *types.SignatureView, err error) {
	ctx, err := authorizeOnReport(l.ctx, l.svcCtx, req.ID, req.ReportID, access.ReportSign)
	if err != nil {
		return nil, err
	}
	p, err := authn.From(ctx)
	if err != nil {
		return nil, err
	}
	if req.Password == "" {
		return nil, errs.Invalid(errs.ReasonFieldRequired, "password is required to sign")
	}
	t := auth.NewThrottle(ctx, l.svcCtx, fmt.Sprintf("sign:%d", p.UserID))
	if err := t.Check(ctx); err != nil {
		return nil, err
	}
	username := req.Username
	if username == "" { // later signings of the session: the password of the signed-in account
		me, err := l.svcCtx.UserRpc.BatchGetUsers(ctx, &user.BatchGetUsersRequest{UserIDs: []int64{p.UserID}})
		if err != nil {
			return nil, err
		}
		if len(me.Users) != 1 || me.Users[0].Username == "" {
			return nil, errs.New(errs.KindForbidden, access.ReasonDenied, "only staff accounts sign")
		}
		username = me.Users[0].Username
	}
	who, err := l.svcCtx.UserRpc.VerifyCredentials(ctx, &user.VerifyCredentialsRequest{Username: username, Password: req.Password})
	if status.Code(err) == codes.Unauthenticated || err == nil && who.UserID != p.UserID {
		t.Failed(ctx)
		auditlog.Event(ctx, l.svcCtx.DB, audit.Entry{Action: "signature.failed", EntityType: "report", EntityID: req.ReportID,
			ProjectID: req.ID})
		return nil, errs.New(errs.KindForbidden, ReasonSignatureRejected, "user ID or password is wrong: nothing was signed")
	}
	if err != nil {
		return nil, err
	}
	out, err := l.svcCtx.ReportRpc.SignReport(ctx, &rpc.SignReportRequest{ProjectId: req.ID,
		ReportId: req.ReportID, Meaning: req.Meaning, PrintedName: who.Name, SessionId: p.SessionID,
		WithUserId: req.Username != ""})
	if err != nil {
		return nil, err
	}
	v := views.Signature(out)
	return &v, nil
}
