package report

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
)

// FuzzBuild checks that every case the parser accepts gives a report that
// renders in every format: no panic, no NaN or infinity in the JSON.
func FuzzBuild(f *testing.F) {
	f.Add(examples.MotivatingCase)
	files, _ := filepath.Glob("../casefile/testdata/broken/*.yaml")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := casefile.Parse(data, "fuzz")
		if err != nil {
			return
		}
		r, err := Build(c, Options{Paths: 200})
		if err != nil {
			return
		}
		if err := r.WriteJSON(io.Discard); err != nil {
			t.Fatalf("WriteJSON: %v", err)
		}
		if err := r.WriteText(io.Discard); err != nil {
			t.Fatalf("WriteText: %v", err)
		}
		if err := r.WriteHTML(io.Discard); err != nil {
			t.Fatalf("WriteHTML: %v", err)
		}
	})
}
