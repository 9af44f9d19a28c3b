package account

import (
	"strings"
	"unicode/utf8"

	"github.com/openepro/epro/common/errs"
	"golang.org/x/crypto/bcrypt"
)

// Account kinds and statuses.
const (
	KindStaff       = "staff"
	KindParticipant = "participant"
	StatusActive    = "active"
	StatusDisabled  = "disabled"
	PlatformAdmin   = "admin"
)

// Reasons of credential errors.
const (
	ReasonInvalidCredentials = "INVALID_CREDENTIALS"
	ReasonAccountDisabled    = "ACCOUNT_DISABLED"
	ReasonUsernameTaken      = "USERNAME_TAKEN"
	ReasonWeakPassword       = "WEAK_PASSWORD"
)

// Field limits.
const (
	MaxUsernameLen = 64
	MaxNameLen     = 128
	MaxPhoneLen    = 32
	MaxIDLen       = 32
	maxBcryptBytes = 72
)

// ValidatePassword checks a staff password (12 to 72 bytes) or a participant PIN (6 to 8 digits).
func ValidatePassword(kind, password string) error {
	if kind == KindParticipant {
		if len(password) < 6 || len(password) > 8 || strings.Trim(password, "0123456789") != "" {
			return errs.Invalid(ReasonWeakPassword, "pin must be 6 to 8 digits")
		}
		return nil
	}
	if utf8.RuneCountInString(password) < MinPasswordLen || len(password) > maxBcryptBytes {
		return errs.Invalid(ReasonWeakPassword, "password must be %d to %d characters", MinPasswordLen, maxBcryptBytes)
	}
	return nil
}

// NewUser holds the validated fields of an account to create.
type NewUser struct {
	Kind, Username, Name, Password, Phone, NationalID, PlatformRole string
}

// Validate checks a new account's fields; messages name the field and the rule.
func (u NewUser) Validate() error {
	switch {
	case u.Kind != KindStaff && u.Kind != KindParticipant:
		return errs.Invalid(errs.ReasonFieldFormat, "kind must be staff or participant")
	case u.Kind == KindStaff && u.Username == "":
		return errs.Invalid(errs.ReasonFieldRequired, "username is required for staff")
	case u.Kind == KindParticipant && u.Username != "":
		return errs.Invalid(errs.ReasonFieldFormat, "username must be empty for participants")
	case utf8.RuneCountInString(u.Username) > MaxUsernameLen:
		return errs.Invalid(errs.ReasonFieldTooLong, "username must be at most %d characters", MaxUsernameLen)
	case u.Username != "" && !printable(u.Username):
		return errs.Invalid(errs.ReasonFieldFormat, "username must be printable text without spaces")
	case strings.TrimSpace(u.Name) == "":
		return errs.Invalid(errs.ReasonFieldRequired, "name is required")
	case utf8.RuneCountInString(u.Name) > MaxNameLen || !utf8.ValidString(u.Name):
		return errs.Invalid(errs.ReasonFieldTooLong, "name must be at most %d characters of UTF-8 text", MaxNameLen)
	case len(u.Phone) > MaxPhoneLen || strings.Trim(u.Phone, "+-() 0123456789") != "":
		return errs.Invalid(errs.ReasonFieldFormat, "phone must be at most %d characters of digits, spaces, +, - and ()", MaxPhoneLen)
	case len(u.NationalID) > MaxIDLen || !printable(u.NationalID):
		return errs.Invalid(errs.ReasonFieldFormat, "nationalId must be at most %d printable characters", MaxIDLen)
	case u.PlatformRole != "" && u.PlatformRole != PlatformAdmin:
		return errs.Invalid(errs.ReasonFieldFormat, "platformRole must be admin or empty")
	case u.Kind == KindParticipant && u.PlatformRole != "":
		return errs.Invalid(errs.ReasonFieldFormat, "participants have no platform role")
	}
	if u.Password == "" && u.Kind == KindParticipant {
		return nil // PIN set later by staff or with a one-time code
	}
	return ValidatePassword(u.Kind, u.Password)
}

func printable(s string) bool {
	for _, r := range s {
		if r <= ' ' || r == 0x7f {
			return false
		}
	}
	return utf8.ValidString(s)
}

// dummyHash makes a check against an unknown account cost as much as against a real one.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("epro-no-such-account"), bcrypt.DefaultCost)

// CheckPassword compares password with hash in constant time; an empty hash (no password set) never matches
// but costs the same.
func CheckPassword(hash, password string) bool {
	if hash == "" {
		_ = bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
		return false
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil
}

// InvalidCredentials is the one answer for an unknown account and a wrong password (no account enumeration).
func InvalidCredentials() error {
	return errs.New(errs.KindUnauthenticated, ReasonInvalidCredentials, "invalid credentials")
}
