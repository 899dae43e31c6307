package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crossroads/crossroads/examples"
)

// analyzeCLI runs the command line in-process.
func analyzeCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func exampleFile(t *testing.T) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "case.yaml")
	if err := os.WriteFile(file, examples.MotivatingCase, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestAnalyzePathsAndSeed checks that --paths and --seed override the
// case's settings and that the same seed gives the same report.
func TestAnalyzePathsAndSeed(t *testing.T) {
	file := exampleFile(t)
	args := []string{"analyze", "--format", "json", "--paths", "1500", "--seed", "3", file}
	code, out, errs := analyzeCLI(t, args...)
	if code != exitOK {
		t.Fatalf("analyze: code %d, stderr %s", code, errs)
	}
	var rep struct {
		Simulation struct {
			Paths int    `json:"paths"`
			Seed  uint64 `json:"seed"`
		} `json:"simulation"`
		Strategies []struct {
			Name string `json:"name"`
			Rank int    `json:"rank"`
		} `json:"strategies"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Simulation.Paths != 1500 || rep.Simulation.Seed != 3 || len(rep.Strategies) != 5 {
		t.Errorf("simulation %+v with %d strategies; want 1500 paths, seed 3, 5 strategies", rep.Simulation, len(rep.Strategies))
	}
	if _, again, _ := analyzeCLI(t, args...); again != out {
		t.Error("the same case and seed gave a different report")
	}
	if _, other, _ := analyzeCLI(t, "analyze", "--format", "json", "--paths", "1500", "--seed", "4", file); other == out {
		t.Error("another seed gave the same report")
	}
	code, text, errs := analyzeCLI(t, "analyze", "--paths", "1500", file)
	if code != exitOK || !strings.Contains(text, "THE PLANS, SIMULATED MONTH BY MONTH") || !strings.Contains(text, "1,500 futures") {
		t.Errorf("text: code %d, stderr %q", code, errs)
	}
}

func TestAnalyzeFlagErrors(t *testing.T) {
	file := exampleFile(t)
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{[]string{"analyze", "--paths", "0", file}, "--paths 0"},
		{[]string{"analyze", "--paths", "2000000", file}, "--paths 2000000"},
		{[]string{"analyze", "--seed", "-1", file}, "invalid argument"},
	} {
		code, _, errs := analyzeCLI(t, tc.args...)
		if code != exitUsage || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: code %d, stderr %q; want %d and %q", tc.args, code, errs, exitUsage, tc.err)
		}
	}
}
