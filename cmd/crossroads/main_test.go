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

// runCmd runs the command line in-process and returns its exit code and
// output.
func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExampleValidates(t *testing.T) {
	code, out, errs := runCmd(t, "", "example")
	if code != exitOK || !strings.Contains(out, "as_of:") {
		t.Fatalf("example: code %d, stderr %q", code, errs)
	}
	code, out, errs = runCmd(t, out, "validate", "-")
	if code != exitOK || !strings.Contains(out, "valid case with 2 opportunities") {
		t.Errorf("validate: code %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestAnalyzeFormats(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "case.yaml")
	if err := os.WriteFile(file, examples.MotivatingCase, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCmd(t, "", "analyze", file)
	if code != exitOK {
		t.Fatalf("analyze: code %d, stderr %s", code, errs)
	}
	for _, want := range []string{"SUMMARY", "stepping stone", "job", "WHAT WOULD CHANGE THE ANSWER", "QUESTIONS STILL WORTH ASKING"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}

	code, out, errs = runCmd(t, "", "analyze", "--format", "json", file)
	if code != exitOK {
		t.Fatalf("analyze json: code %d, stderr %s", code, errs)
	}
	var rep struct {
		Opportunities []struct {
			Name string
			Lens struct {
				Present, Future float64
				Quadrant        string
			}
			Score float64
			Rank  int
		}
		Weights     json.RawMessage
		Sensitivity json.RawMessage
		Summary     []string
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("JSON report: %v", err)
	}
	if len(rep.Opportunities) != 2 || rep.Opportunities[0].Lens.Quadrant != "stepping stone" || rep.Opportunities[1].Lens.Quadrant != "job" {
		t.Errorf("opportunities = %+v", rep.Opportunities)
	}
	if len(rep.Summary) == 0 || len(rep.Weights) == 0 || len(rep.Sensitivity) == 0 {
		t.Errorf("JSON report lacks summary, weights or sensitivity")
	}
	ranks := map[int]bool{}
	for _, o := range rep.Opportunities {
		ranks[o.Rank] = true
	}
	if !ranks[1] || !ranks[2] {
		t.Errorf("ranks = %v, want 1 and 2", ranks)
	}

	code, out, _ = runCmd(t, "", "analyze", "--format", "html", file)
	if code != exitOK || !strings.HasPrefix(out, "<!doctype html>") || !strings.Contains(out, "<svg") {
		t.Errorf("html: code %d, output starts %.40q", code, out)
	}
}

func TestExitCodes(t *testing.T) {
	broken := filepath.Join(t.TempDir(), "broken.yaml")
	if err := os.WriteFile(broken, []byte("as_of: 2026-11-23\nperson:\n  savings: -1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want int
		err  string
	}{
		{"no command", nil, exitOK, ""},
		{"unknown command", []string{"analyse"}, exitUsage, "unknown command"},
		{"missing file argument", []string{"analyze"}, exitUsage, "accepts 1 arg"},
		{"bad format", []string{"analyze", "--format", "pdf", "x.yaml"}, exitUsage, `--format "pdf"`},
		{"unknown flag", []string{"validate", "--strict", "x.yaml"}, exitUsage, "unknown flag"},
		{"missing file", []string{"validate", "no-such-file.yaml"}, exitInput, "no-such-file.yaml"},
		{"invalid case", []string{"validate", broken}, exitInput, "broken.yaml:3:12: person.savings: -1: must not be negative"},
		{"invalid case analysed", []string{"analyze", broken}, exitInput, "opportunities: is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runCmd(t, "", tt.args...)
			if code != tt.want {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.want, errs)
			}
			if !strings.Contains(errs, tt.err) {
				t.Errorf("stderr %q, want it to contain %q", errs, tt.err)
			}
		})
	}
}

// Every subcommand answers --help with exit code 0.
func TestHelpEverywhere(t *testing.T) {
	root := newRootCmd()
	for _, c := range root.Commands() {
		args := []string{c.Name(), "--help"}
		code, out, errs := runCmd(t, "", args...)
		if code != exitOK || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: code %d, stderr %q", args, code, errs)
		}
		for _, sub := range c.Commands() {
			args := []string{c.Name(), sub.Name(), "--help"}
			code, out, errs := runCmd(t, "", args...)
			if code != exitOK || !strings.Contains(out, "Usage:") {
				t.Errorf("%v: code %d, stderr %q", args, code, errs)
			}
		}
	}
}
