package migrations

import (
	"testing"

	"github.com/openepro/epro/common/testkit"
)

func TestMigrationsMatchSchema(t *testing.T) {
	testkit.AssertMigrationsMatchSchema(t, "pdf", FS, "../schema.sql")
}
