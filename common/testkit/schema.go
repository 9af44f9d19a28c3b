package testkit

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/openepro/epro/common/dbx"
)

var autoIncrement = regexp.MustCompile(` AUTO_INCREMENT=\d+`)

// AssertMigrationsMatchSchema checks that a service's migrations build exactly the schema in schemaFile (the
// file `goctl model` reads), and that applying them again changes nothing.
func AssertMigrationsMatchSchema(t *testing.T, prefix string, migrations fs.FS, schemaFile string) {
	t.Helper()
	schema, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	migrated := NewDatabase(t, prefix+"m", migrations)
	fromSchema := NewDatabase(t, prefix+"s", fstest.MapFS{"0001_schema.sql": {Data: schema}})

	again, err := dbx.Migrate(context.Background(), migrated, migrations)
	if err != nil || len(again) != 0 {
		t.Fatalf("second migration run applied %v, %v; want nothing", again, err)
	}
	a, b := tables(t, migrated), tables(t, fromSchema)
	if len(a) != len(b) {
		t.Fatalf("migrations create %d tables, schema.sql %d", len(a), len(b))
	}
	for name, ddl := range b {
		if a[name] != ddl {
			t.Errorf("table %s differs:\nmigrations: %s\nschema.sql: %s", name, a[name], ddl)
		}
	}
}

func tables(t *testing.T, dsn string) map[string]string {
	t.Helper()
	db := OpenDB(t, dsn)
	rows, err := db.Query("SHOW TABLES")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		if n != "schema_migrations" {
			names = append(names, n)
		}
	}
	rows.Close()
	out := map[string]string{}
	for _, n := range names {
		var name, ddl string
		if err := db.QueryRow(fmt.Sprintf("SHOW CREATE TABLE `%s`", n)).Scan(&name, &ddl); err != nil && err != sql.ErrNoRows {
			t.Fatal(err)
		}
		out[n] = autoIncrement.ReplaceAllString(ddl, "")
	}
	return out
}
