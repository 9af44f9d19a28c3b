// Package account holds user-rpc's account rules that need no transport: password hashing and the bootstrap
// administrator.
package account

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/openepro/epro/user-rpc/internal/model"
	"golang.org/x/crypto/bcrypt"
)

// MinPasswordLen is the shortest password accepted for a staff account.
const MinPasswordLen = 12

// HashPassword returns a bcrypt hash of password.
func HashPassword(password string) (string, error) {
	if utf8.RuneCountInString(password) < MinPasswordLen {
		return "", fmt.Errorf("password must be at least %d characters", MinPasswordLen)
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	return string(h), err
}

// EnsureAdmin creates the administrator named username when no account has that name. It never changes an
// existing account, so rotating EPRO_ADMIN_PASSWORD later does not silently reset a password.
func EnsureAdmin(ctx context.Context, users model.UsersModel, username, password, name string) (created bool, err error) {
	if username == "" {
		return false, nil
	}
	_, err = users.FindOneByUsername(ctx, sql.NullString{String: username, Valid: true})
	if err == nil {
		return false, nil
	}
	if !errors.Is(err, model.ErrNotFound) {
		return false, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return false, fmt.Errorf("bootstrap admin: %w", err)
	}
	_, err = users.Insert(ctx, &model.Users{
		Kind: "staff", Username: sql.NullString{String: username, Valid: true},
		DisplayName: name, PasswordHash: hash, Status: "active",
	})
	return err == nil, err
}
