package logic

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/go-sql-driver/mysql"
	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/user-rpc/internal/account"
	"github.com/openepro/epro/user-rpc/internal/model"

	"github.com/openepro/epro/user-rpc/internal/svc"
	"github.com/openepro/epro/user-rpc/user"

	"github.com/zeromicro/go-zero/core/logx"
)

type CreateUserLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewCreateUserLogic(ctx context.Context, svcCtx *svc.ServiceContext) *CreateUserLogic {
	return &CreateUserLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

// CreateUser creates a staff account or a participant identity; AlreadyExists (USERNAME_TAKEN) for a used username.
func (l *CreateUserLogic) CreateUser(in *user.CreateUserRequest) (*user.CreateUserResponse, error) {
	nu := account.NewUser{Kind: in.Kind, Username: strings.TrimSpace(in.Username), Name: strings.TrimSpace(in.Name),
		Password: in.Password, Phone: strings.TrimSpace(in.Phone), NationalID: strings.TrimSpace(in.NationalId),
		PlatformRole: in.PlatformRole}
	if err := nu.Validate(); err != nil {
		return nil, err
	}
	row := &model.Users{Kind: nu.Kind, DisplayName: nu.Name, Status: account.StatusActive, PlatformRole: nu.PlatformRole}
	if nu.Username != "" {
		row.Username = sql.NullString{String: nu.Username, Valid: true}
	}
	var err error
	if nu.Password != "" {
		if row.PasswordHash, err = account.HashPassword(nu.Kind, nu.Password); err != nil {
			return nil, err
		}
	}
	ring := l.svcCtx.Phi
	if row.PhoneEnc, row.PhoneKey, err = seal(ring, fieldPhone, nu.Phone); err != nil {
		return nil, err
	}
	if row.NationalIdEnc, row.NationalIdKey, err = seal(ring, fieldNationalID, nu.NationalID); err != nil {
		return nil, err
	}
	changes := map[string][2]any{"kind": {nil, nu.Kind}, "username": {nil, nu.Username}, "name": {nil, audit.Redacted},
		"platformRole": {nil, nu.PlatformRole}}
	if nu.Phone != "" {
		changes["phone"] = [2]any{nil, audit.Redacted}
	}
	if nu.NationalID != "" {
		changes["nationalId"] = [2]any{nil, audit.Redacted}
	}
	id, err := l.svcCtx.Users.InsertAudited(l.ctx, row, audit.Entry{Action: "user.create", EntityType: "user", Changes: changes})
	var myErr *mysql.MySQLError
	if errors.As(err, &myErr) && myErr.Number == 1062 {
		return nil, errs.New(errs.KindConflict, account.ReasonUsernameTaken, "username is already taken")
	}
	if err != nil {
		return nil, err
	}
	return &user.CreateUserResponse{UserID: id}, nil
}
