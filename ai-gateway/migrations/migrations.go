// Package migrations embeds epro_ai's versioned schema migrations (applied by `ai-gateway -migrate` and tests).
package migrations

import "embed"

// FS holds the NNNN_name.sql files, applied in version order by common/migrate.
//
//go:embed *.sql
var FS embed.FS
