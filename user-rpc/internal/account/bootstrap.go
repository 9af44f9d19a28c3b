// Package account holds user-rpc's account rules that need no transport: password hashing and the bootstrap
// administrator.
package account

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/openepro/epro/common/audit"
	"github.com/openepro/epro/user-rpc/internal/model"
	"golang.org/x/crypto/bcrypt"
)

// MinPasswordLen is the shortest password accepted for a staff account.
const MinPasswordLen = 12

// HashPassword returns a bcrypt hash of a password or PIN of the given kind, after checking its rules.
func HashPassword(kind, password string) (string, error) {
	if err := ValidatePassword(kind, password); err != nil {
		return "", err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	return string(h), err
}

// EnsureAdmin creates the administrator named username when no account has that name, and makes sure the account
// so named is a platform administrator. It never changes anything else of an existing account, so rotating
// EPRO_ADMIN_PASSWORD later does not silently reset a password.
func EnsureAdmin(ctx context.Context, users model.UsersModel, username, password, name string) (created bool, err error) {
	if username == "" {
		return false, nil
	}
	u, err := users.FindOneByUsername(ctx, sql.NullString{String: username, Valid: true})
	if err == nil {
		if u.PlatformRole == PlatformAdmin {
			return false, nil
		}
		old := u.PlatformRole
		u.PlatformRole = PlatformAdmin
		return false, users.UpdateAudited(ctx, u, audit.Entry{Action: "user.bootstrap_admin", EntityType: "user",
			EntityID: fmt.Sprint(u.Id), Changes: map[string][2]any{"platformRole": {old, PlatformAdmin}}})
	}
	if !errors.Is(err, model.ErrNotFound) {
		return false, err
	}
	hash, err := HashPassword(KindStaff, password)
	if err != nil {
		return false, fmt.Errorf("bootstrap admin: %w", err)
	}
	_, err = users.InsertAudited(ctx, &model.Users{
		Kind: KindStaff, Username: sql.NullString{String: username, Valid: true},
		DisplayName: name, PasswordHash: hash, Status: StatusActive, PlatformRole: PlatformAdmin,
	}, audit.Entry{Action: "user.bootstrap_admin", EntityType: "user",
		Changes: map[string][2]any{"username": {nil, username}, "platformRole": {nil, PlatformAdmin}}})
	return err == nil, err
}
