// Command permdoc prints docs/permissions.md from the permission table (run by make gen).
package main

import (
	"fmt"

	"github.com/openepro/epro/project-api/internal/access"
)

func main() { fmt.Print(access.Markdown()) }
