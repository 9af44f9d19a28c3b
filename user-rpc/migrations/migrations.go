// Package migrations embeds epro_user's versioned schema migrations (applied by `user-rpc -migrate` and tests).
package migrations

import "embed"

// FS holds the NNNN_name.sql files, applied in version order by common/migrate.
//
//go:embed *.sql
var FS embed.FS
