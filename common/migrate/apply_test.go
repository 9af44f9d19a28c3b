package migrate_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openepro/epro/common/dbx"
	"github.com/openepro/epro/common/testkit"
)

// A later migration adds a column to a table that holds data: no wipe, the row survives; an applied migration
// that is edited afterwards is refused.
func TestApplyIsIncrementalAndGuardsAppliedFiles(t *testing.T) {
	v1 := fstest.MapFS{"0001_init.sql": {Data: []byte("CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t VALUES (1);\n")}}
	dsn := testkit.NewDatabase(t, "migrate", v1)
	ctx := context.Background()

	v2 := fstest.MapFS{"0001_init.sql": v1["0001_init.sql"], "0002_add.sql": {Data: []byte("ALTER TABLE t ADD COLUMN note varchar(10) NOT NULL DEFAULT 'x';\n")}}
	applied, err := dbx.Migrate(ctx, dsn, v2)
	if err != nil || len(applied) != 1 || applied[0] != 2 {
		t.Fatalf("applied %v, %v", applied, err)
	}
	var note string
	if err := testkit.OpenDB(t, dsn).QueryRow("SELECT note FROM t WHERE id = 1").Scan(&note); err != nil || note != "x" {
		t.Fatalf("row after migration: %q %v", note, err)
	}
	edited := fstest.MapFS{"0001_init.sql": {Data: []byte("CREATE TABLE t (id bigint PRIMARY KEY);\n")}, "0002_add.sql": v2["0002_add.sql"]}
	if _, err := dbx.Migrate(ctx, dsn, edited); err == nil || !strings.Contains(err.Error(), "changed after it was applied") {
		t.Fatalf("edited migration: %v", err)
	}
}
