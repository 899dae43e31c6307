// Command gen builds the embedded occupation dataset (occupations.json.gz)
// from the O*NET and BLS source files in data/. Run it through
// "go generate ./occupation" from the repository root.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/crossroads/crossroads/occupation/internal/build"
)

func main() {
	data := flag.String("data", "data", "directory of the source CSV files")
	out := flag.String("out", "occupations.json.gz", "dataset file to write")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(data, out string) error {
	gz, err := build.File(os.DirFS(data))
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(out); err == nil && bytes.Equal(old, gz) {
		return nil
	}
	return os.WriteFile(out, gz, 0o644)
}
