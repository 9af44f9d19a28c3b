// Package migrate applies a service's versioned schema migrations (NNNN_name.sql files) to its MariaDB database,
// idempotently: each applied version is recorded with its checksum in schema_migrations, an edited migration that
// was already applied is an error, and concurrent runners serialise on a named lock.
package migrate

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migration is one versioned schema change.
type Migration struct {
	Version  int
	Name     string
	SQL      string
	Checksum string
}

// Load reads the *.sql files at the root of fsys, named NNNN_name.sql, sorted by version.
func Load(fsys fs.FS) ([]Migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, err
	}
	var out []Migration
	seen := map[int]string{}
	for _, name := range names {
		prefix, _, ok := strings.Cut(path.Base(name), "_")
		version, err := strconv.Atoi(prefix)
		if !ok || err != nil || version <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_description.sql", name)
		}
		if other, dup := seen[version]; dup {
			return nil, fmt.Errorf("migrations %s and %s share version %d", other, name, version)
		}
		seen[version] = name
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(body)
		out = append(out, Migration{Version: version, Name: name, SQL: string(body), Checksum: hex.EncodeToString(sum[:])})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

const createTable = "CREATE TABLE IF NOT EXISTS `schema_migrations` (" +
	"`version` int NOT NULL PRIMARY KEY, `name` varchar(255) NOT NULL, `checksum` char(64) NOT NULL, " +
	"`applied_at` datetime(3) NOT NULL DEFAULT current_timestamp(3)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"

// Apply brings db up to the newest migration in fsys and returns the versions it applied.
func Apply(ctx context.Context, db *sql.DB, fsys fs.FS) ([]int, error) {
	migrations, err := Load(fsys)
	if err != nil {
		return nil, err
	}
	conn, err := db.Conn(ctx) // the lock and the DDL must share one session
	if err != nil {
		return nil, err
	}
	defer conn.Close()

	var dbName sql.NullString
	if err := conn.QueryRowContext(ctx, "SELECT DATABASE()").Scan(&dbName); err != nil || !dbName.Valid {
		return nil, fmt.Errorf("migrate: the DSN names no database: %v", err)
	}
	lock := "epro_migrate_" + dbName.String
	var got sql.NullInt64
	if err := conn.QueryRowContext(ctx, "SELECT GET_LOCK(?, 60)", lock).Scan(&got); err != nil || got.Int64 != 1 {
		return nil, fmt.Errorf("migrate: could not take lock %s: %v", lock, err)
	}
	defer conn.ExecContext(context.Background(), "SELECT RELEASE_LOCK(?)", lock) //nolint:errcheck

	if _, err := conn.ExecContext(ctx, createTable); err != nil {
		return nil, err
	}
	applied := map[int]string{}
	rows, err := conn.QueryContext(ctx, "SELECT version, checksum FROM schema_migrations")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var v int
		var sum string
		if err := rows.Scan(&v, &sum); err != nil {
			rows.Close()
			return nil, err
		}
		applied[v] = sum
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	var done []int
	for _, m := range migrations {
		if sum, ok := applied[m.Version]; ok {
			if sum != m.Checksum {
				return done, fmt.Errorf("migrate: %s was changed after it was applied; add a new migration instead", m.Name)
			}
			continue
		}
		for _, stmt := range Statements(m.SQL) {
			if _, err := conn.ExecContext(ctx, stmt); err != nil {
				return done, fmt.Errorf("migrate: %s: %w", m.Name, err)
			}
		}
		if _, err := conn.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
			m.Version, m.Name, m.Checksum); err != nil {
			return done, err
		}
		done = append(done, m.Version)
	}
	return done, nil
}

// Statements splits a migration into statements at semicolons that end a line, dropping "--" comment lines.
// Migrations are our own files, so this simple rule is enough: keep one statement's ";" at a line's end only.
func Statements(script string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(script, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(trimmed, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if rest := strings.TrimSpace(cur.String()); rest != "" {
		out = append(out, rest)
	}
	return out
}
