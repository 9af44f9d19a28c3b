package logic

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/openepro/epro/common/errs"
	"github.com/openepro/epro/common/mask"
	"github.com/openepro/epro/user-rpc/internal/model"
	"github.com/openepro/epro/user-rpc/internal/phicrypt"
	"github.com/openepro/epro/user-rpc/user"
)

// PHI field names, used as AES-GCM associated data and in audit rows.
const (
	fieldPhone      = "phone"
	fieldNationalID = "national_id"
)

// toRecord converts a row, opening PHI and masking it unless reveal is set.
func toRecord(ring *phicrypt.Keyring, u *model.Users, reveal bool) (*user.UserRecord, error) {
	phone, err := open(ring, fieldPhone, u.PhoneEnc, u.PhoneKey)
	if err != nil {
		return nil, err
	}
	nid, err := open(ring, fieldNationalID, u.NationalIdEnc, u.NationalIdKey)
	if err != nil {
		return nil, err
	}
	if !reveal {
		phone, nid = mask.Mobile(phone), mask.NationalID(nid)
	}
	return &user.UserRecord{UserID: u.Id, Kind: u.Kind, Username: u.Username.String, Name: u.DisplayName,
		Phone: phone, NationalId: nid, Status: u.Status, PlatformRole: u.PlatformRole, Masked: !reveal,
		CreatedAt: u.CreatedAt.UTC().Format(time.RFC3339Nano), UpdatedAt: u.UpdatedAt.UTC().Format(time.RFC3339Nano)}, nil
}

func open(ring *phicrypt.Keyring, field string, sealed sql.NullString, keyID string) (string, error) {
	if !sealed.Valid || sealed.String == "" {
		return "", nil
	}
	return ring.Open(field, sealed.String, keyID)
}

func seal(ring *phicrypt.Keyring, field, plain string) (sql.NullString, string, error) {
	if plain == "" {
		return sql.NullString{}, "", nil
	}
	sealed, id, err := ring.Seal(field, plain)
	return sql.NullString{String: sealed, Valid: true}, id, err
}

// findUser loads a user or returns NotFound.
func findUser(ctx context.Context, users model.UsersModel, id int64) (*model.Users, error) {
	if id <= 0 {
		return nil, errs.Invalid(errs.ReasonFieldRange, "userID must be a positive integer")
	}
	u, err := users.FindOne(ctx, id)
	if errors.Is(err, model.ErrNotFound) {
		return nil, errs.NotFound(errs.ReasonUserNotFound, "user %d not found", id)
	}
	return u, err
}
