// Code scaffolded by goctl. Safe to edit.
// goctl 1.10.1

package participant

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/project-api/internal/access"
	"github.com/openepro/epro/project-api/internal/authz"
	"math/big"
	"strings"
	"time"

	"github.com/openepro/epro/project-api/internal/svc"
	"github.com/openepro/epro/project-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type CreateActivationCodeLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

// Issue a one-time activation code (valid 72 hours) with which the participant sets their own PIN
func NewCreateActivationCodeLogic(ctx context.Context, svcCtx *svc.ServiceContext) *CreateActivationCodeLogic {
	return &CreateActivationCodeLogic{
		Logger: logx.WithContext(ctx),
		ctx:    ctx,
		svcCtx: svcCtx,
	}
}

// activationTTL is how long an activation code stays valid.
const activationTTL = 72 * time.Hour

// codeAlphabet leaves out characters that are easily misread (0/O, 1/I/L).
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// CreateActivationCode issues a one-time code (shown once, stored as a hash) for the participant to set their own
// PIN; earlier unused codes stop working. Staff with participant.pin at the participant's site only.
func (l *CreateActivationCodeLogic) CreateActivationCode(req *types.ParticipantPath) (resp *types.ActivationCode, err error) {
	ctx, c, err := authz.Check(l.ctx, l.svcCtx.Projects, l.svcCtx.Members, req.ID, access.ParticipantPin, access.Target{})
	if err != nil {
		return nil, err
	}
	p, err := findParticipant(ctx, l.svcCtx, req.ID, req.ParticipantID)
	if err != nil {
		return nil, err
	}
	if _, err := access.Authorize(c.Membership, access.ParticipantPin, access.Target{SiteID: p.SiteId}); err != nil {
		return nil, err
	}
	code := make([]byte, 10)
	for i := range code {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(codeAlphabet))))
		if err != nil {
			return nil, err
		}
		code[i] = codeAlphabet[n.Int64()]
	}
	expires := time.Now().Add(activationTTL).UTC()
	if err := l.svcCtx.Activations.Issue(ctx, p.Id, HashCode(string(code)), expires, c.UserID, audit.Entry{
		Action: "participant.activation_code", EntityType: "participant", EntityID: fmt.Sprint(p.Id), ProjectID: req.ID,
		Changes: map[string][2]any{"activationCode": {nil, audit.Redacted}}}); err != nil {
		return nil, err
	}
	return &types.ActivationCode{Code: string(code), ExpiresAt: expires.Format(time.RFC3339)}, nil
}

// HashCode is how activation codes are stored: SHA-256 of the code, case-insensitive.
func HashCode(code string) string {
	sum := sha256.Sum256([]byte(strings.ToUpper(strings.TrimSpace(code))))
	return hex.EncodeToString(sum[:])
}
