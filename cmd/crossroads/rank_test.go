package main

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// runCLI runs the command in-process and returns its output and exit code.

// checkGolden compares got with testdata/golden/name, or rewrites it with
// -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test -update after checking it)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

const (
	aircraftTypes   = "--types=benefit,benefit,benefit,cost,benefit,benefit"
	aircraftWeights = "--weights=0.2,0.1,0.1,0.1,0.2,0.3"
	hydroTypes      = "--types=cost,benefit,cost,cost,cost,benefit"
)

func TestRankGolden(t *testing.T) {
	tests := []struct {
		golden string
		stdin  string
		args   []string
	}{
		{"rank-aircraft-topsis.json", "", []string{"rank", "--method", "topsis", aircraftTypes, aircraftWeights, "--format", "json", "testdata/aircraft.csv"}},
		{"rank-aircraft-topsis.txt", "", []string{"rank", "--method=topsis", aircraftTypes, aircraftWeights, "testdata/aircraft.csv"}},
		{"rank-offers-wsm.txt", "", []string{"rank", "--weights", "0.5,0.2,0.3", "--types", "benefit,cost,benefit", "testdata/offers.csv"}},
		{"rank-offers-wsm.csv", "", []string{"rank", "--weights", "0.5,0.2,0.3", "--types", "benefit,cost,benefit", "--normalize", "max", "--format", "csv", "testdata/offers.csv"}},
		{"rank-offers-vikor.json", "", []string{"rank", "--method", "vikor", "--v", "0.5", "--types", "benefit,cost,benefit", "--format", "json", "testdata/offers.csv"}},
		{"rank-offers-vikor.csv", "", []string{"rank", "--method", "vikor", "--types", "benefit,cost,benefit", "--format", "csv", "testdata/offers.csv"}},
		{"rank-hydro-promethee2.json", "", []string{"rank", "--method", "promethee2", hydroTypes,
			"--preference", "ushape,vshape,linear,level,usual,gaussian", "--q", "10,0,50,10,0,0", "--p", "0,30,500,60,0,0", "--s", "0,0,0,0,0,5",
			"--format", "json", "testdata/hydro.csv"}},
		{"rank-hydro-promethee2.txt", "", []string{"rank", "--method", "promethee2", hydroTypes,
			"--preference", "ushape,vshape,linear,level,usual,gaussian", "--q", "10,0,50,10,0,0", "--p", "0,30,500,60,0,0", "--s", "0,0,0,0,0,5",
			"testdata/hydro.csv"}},
		{"rank-stdin.csv", "name,a,b\nx,1,2\ny,2,1\nz,2,2\n", []string{"rank", "--format", "csv", "-"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.stdin, tt.args...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			checkGolden(t, tt.golden, out)
		})
	}
}

// The JSON output reproduces the published examples too: Hwang and Yoon
// (1981) pp. 133-134 for TOPSIS (closeness .643 .268 .613 .312, computed in
// the book from separations rounded to 4 decimals) and Brans, Vincke and
// Mareschal (1986) for PROMETHEE II (net flow sums -0.728 0.085 -0.447 -0.102
// 1.466 -0.274, from a preference matrix rounded to 3 decimals).
func TestRankJSONPublished(t *testing.T) {
	type alt struct {
		Name     string   `json:"name"`
		Score    float64  `json:"score"`
		Rank     int      `json:"rank"`
		PhiPlus  *float64 `json:"phi_plus"`
		PhiMinus *float64 `json:"phi_minus"`
	}
	var got struct {
		Method        string `json:"method"`
		Normalization string `json:"normalization"`
		Alternatives  []alt  `json:"alternatives"`
	}
	code, out, errOut := runCmd(t, "", "rank", "--method", "topsis", aircraftTypes, aircraftWeights, "--format", "json", "testdata/aircraft.csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Method != "topsis" || got.Normalization != "vector" {
		t.Errorf("method %q normalization %q", got.Method, got.Normalization)
	}
	for i, want := range []float64{0.643, 0.268, 0.613, 0.312} {
		if a := got.Alternatives[i]; math.Abs(a.Score-want) > 1e-3 {
			t.Errorf("%s closeness %.4f, want %.3f", a.Name, a.Score, want)
		}
	}
	code, out, errOut = runCmd(t, "", "rank", "--method", "promethee2", hydroTypes,
		"--preference", "ushape,vshape,linear,level,usual,gaussian", "--q", "10,0,50,10,0,0", "--p", "0,30,500,60,0,0", "--s", "0,0,0,0,0,5",
		"--format", "json", "testdata/hydro.csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got.Alternatives = nil
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{-0.728, 0.085, -0.447, -0.102, 1.466, -0.274} {
		a := got.Alternatives[i]
		if math.Abs(a.Score*5-want) > 0.0025 || a.PhiPlus == nil || math.Abs(*a.PhiPlus-*a.PhiMinus-a.Score) > 1e-12 {
			t.Errorf("%s: net flow %.4f (sum %.4f), want sum %.3f; flows %v %v", a.Name, a.Score, a.Score*5, want, a.PhiPlus, a.PhiMinus)
		}
	}
}

func TestRankErrors(t *testing.T) {
	bad := "name,salary,growth\nA,1,2\nB,abc,3\n"
	ok := "name,salary,growth\nA,1,2\nB,-1,3\n"
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"unknown method", "", []string{"rank", "--method", "electre", "testdata/offers.csv"}, exitUsage, `--method "electre": not one of wsm, topsis, vikor, promethee2`},
		{"weight count", "", []string{"rank", "--weights", "0.3,0.4", "testdata/offers.csv"}, exitUsage, `--weights "0.3,0.4": 2 values for 3 criteria`},
		{"weights for aircraft", "", []string{"rank", "--weights", "0.3,0.4,0.3", "testdata/aircraft.csv"}, exitUsage, `--weights "0.3,0.4,0.3": 3 values for 6 criteria`},
		{"weight not a number", "", []string{"rank", "--weights", "1,x,1", "testdata/offers.csv"}, exitUsage, `--weights "1,x,1": "x" is not a number`},
		{"negative weight", "", []string{"rank", "--weights", "1,-1,1", "testdata/offers.csv"}, exitUsage, `--weights "1,-1,1": "-1" is negative`},
		{"zero weights", "", []string{"rank", "--weights", "0,0,0", "testdata/offers.csv"}, exitUsage, "all weights are zero"},
		{"type count", "", []string{"rank", "--types", "benefit,cost", "testdata/offers.csv"}, exitUsage, `--types "benefit,cost": 2 values for 3 criteria`},
		{"bad type", "", []string{"rank", "--types", "benefit,good,cost", "testdata/offers.csv"}, exitUsage, `"good" is not benefit or cost`},
		{"bad normalization", "", []string{"rank", "--normalize", "zscore", "testdata/offers.csv"}, exitUsage, `--normalize "zscore"`},
		{"normalization for vikor", "", []string{"rank", "--method", "vikor", "--normalize", "max", "testdata/offers.csv"}, exitUsage, "--normalize applies to wsm and topsis, not vikor"},
		{"bad format", "", []string{"rank", "--format", "xml", "testdata/offers.csv"}, exitUsage, `--format "xml"`},
		{"v out of range", "", []string{"rank", "--method", "vikor", "--v", "1.5", "testdata/offers.csv"}, exitUsage, "--v 1.5: must lie in [0, 1]"},
		{"v for wsm", "", []string{"rank", "--v", "0.3", "testdata/offers.csv"}, exitUsage, "--v applies to vikor"},
		{"p for topsis", "", []string{"rank", "--method", "topsis", "--p", "1", "testdata/offers.csv"}, exitUsage, "--p applies to promethee2"},
		{"bad preference", "", []string{"rank", "--method", "promethee2", "--preference", "step", "testdata/offers.csv"}, exitUsage, `--preference "step": "step" is not one of`},
		{"p below q", "", []string{"rank", "--method", "promethee2", "--preference", "linear", "--q", "2", "--p", "1", "testdata/offers.csv"}, exitUsage, `criterion "salary": linear preference: p = 1 must be greater than q = 2`},
		{"preference count", "", []string{"rank", "--method", "promethee2", "--preference", "usual,linear", "testdata/offers.csv"}, exitUsage, "2 values for 3 criteria"},
		{"no file", "", []string{"rank"}, exitUsage, "accepts 1 arg(s), received 0"},
		{"unknown flag", "", []string{"rank", "--colour", "testdata/offers.csv"}, exitUsage, "unknown flag: --colour"},
		{"missing file", "", []string{"rank", "testdata/nope.csv"}, exitInput, "nope.csv"},
		{"bad value", bad, []string{"rank", "-"}, exitInput, `<stdin>: line 3, column "salary": "abc" is not a number`},
		{"negative under max", ok, []string{"rank", "--normalize", "max", "-"}, exitInput, `<stdin>: alternative "B", criterion "salary": value -1 is negative`},
		{"empty input", "", []string{"rank", "-"}, exitInput, "<stdin>: the file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.code, errOut)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.want)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing on error", out)
			}
		})
	}
}
