package main

import (
	"fmt"
	"os"

	"github.com/crossroads/crossroads/web/api/internal/spec"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run works in the directory of package api, where go generate runs it.
func run() error {
	src, err := os.ReadFile("openapi.yaml")
	if err != nil {
		return err
	}
	cs, err := os.ReadFile("../../docs/case.schema.json")
	if err != nil {
		return err
	}
	out, err := spec.Build(src, cs)
	if err != nil {
		return err
	}
	return os.WriteFile("openapi.json", out, 0o644)
}
