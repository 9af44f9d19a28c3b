package trial

import (
	"errors"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/openepro/epro/project-api/internal/model"
	"github.com/openepro/epro/project-api/internal/types"
)

func toProject(p *model.Projects, role string) *types.Project {
	return &types.Project{ID: p.Id, Name: p.Name, Status: p.Status, MyRole: role,
		CreatedAt: p.CreatedAt.UTC().Format(time.RFC3339), UpdatedAt: p.UpdatedAt.UTC().Format(time.RFC3339)}
}

// isDuplicate reports a unique-key violation.
func isDuplicate(err error) bool {
	var myErr *mysql.MySQLError
	return errors.As(err, &myErr) && myErr.Number == 1062
}
