// Command gen writes docs/case-file.md and docs/case.schema.json from the
// case types. Run it from the repository root: go generate ./...
package main

import (
	"log"
	"os"

	"github.com/crossroads/crossroads/internal/casedoc"
)

func main() {
	src, err := os.ReadFile("case.go")
	if err != nil {
		log.Fatal(err)
	}
	c, err := casedoc.ParseComments("case.go", src)
	if err != nil {
		log.Fatal(err)
	}
	schema, err := casedoc.Schema(c)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("docs/case.schema.json", schema, 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("docs/case-file.md", casedoc.Reference(c), 0o644); err != nil {
		log.Fatal(err)
	}
}
