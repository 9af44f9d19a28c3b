// Package dbx holds the suite's MariaDB conventions: DSN parameters (UTC everywhere, utf8mb4) and creating a
// service's database before its migrations run.
package dbx

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"regexp"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/openepro/epro/common/migrate"
)

// Normalize returns dsn with the parameters every service relies on: parsed times in UTC, the session time zone
// UTC (so CURRENT_TIMESTAMP is UTC), utf8mb4, and client-side interpolation (one round trip per statement).
func Normalize(dsn string) (string, error) {
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		return "", fmt.Errorf("dsn: %w", err)
	}
	cfg.ParseTime = true
	cfg.Loc = nil
	cfg.InterpolateParams = true
	if cfg.Params == nil {
		cfg.Params = map[string]string{}
	}
	cfg.Params["time_zone"] = "'+00:00'"
	cfg.Collation = "utf8mb4_unicode_ci"
	if cfg.Timeout == 0 { // a database that is down answers fast: the request fails with 503, not after the OS timeout
		cfg.Timeout = 3 * time.Second
	}
	return cfg.FormatDSN(), nil
}

var safeName = regexp.MustCompile(`^[A-Za-z0-9_]{1,64}$`)

// EnsureDatabase creates the database named in dsn when it does not exist.
func EnsureDatabase(ctx context.Context, dsn string) error {
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		return fmt.Errorf("dsn: %w", err)
	}
	name := cfg.DBName
	if !safeName.MatchString(name) {
		return fmt.Errorf("dsn: database name %q is not a plain identifier", name)
	}
	cfg.DBName = ""
	db, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "CREATE DATABASE IF NOT EXISTS `"+name+"` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
	return err
}

// Migrate creates the database in dsn if needed and applies the migrations in fsys.
func Migrate(ctx context.Context, dsn string, fsys fs.FS) ([]int, error) {
	if err := EnsureDatabase(ctx, dsn); err != nil {
		return nil, err
	}
	norm, err := Normalize(dsn)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("mysql", norm)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return migrate.Apply(ctx, db, fsys)
}
