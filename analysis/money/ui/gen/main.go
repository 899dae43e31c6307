// Command gen writes tables.go of package ui from the CSV files in data/.
//
//	go run ./gen -data data -out tables.go
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/crossroads/crossroads/analysis/money/ui/internal/gen"
)

func main() {
	dir := flag.String("data", "data", "folder of the CSV tables")
	out := flag.String("out", "tables.go", "Go file to write")
	flag.Parse()
	src, err := gen.Source(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
