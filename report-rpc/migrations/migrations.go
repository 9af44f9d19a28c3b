// Package migrations embeds epro_report's versioned schema migrations (applied by `report-rpc -migrate` and tests).
package migrations

import "embed"

// FS holds the NNNN_name.sql files, applied in version order by common/migrate.
//
//go:embed *.sql
var FS embed.FS
