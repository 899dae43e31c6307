package mcda_test

import (
	"math"
	"strings"
	"testing"

	"github.com/crossroads/crossroads/analysis/mcda"
)

func TestAHPValidation(t *testing.T) {
	t.Parallel()
	names := []string{"salary", "growth", "commute"}
	tests := []struct {
		name string
		m    [][]float64
		want string
	}{
		{"empty", nil, "empty"},
		{"not square", [][]float64{{1, 2, 3}, {0.5, 1}, {1.0 / 3, 1, 1}}, "row 2 (growth) of the comparison matrix has 2 entries, want 3"},
		{"zero", [][]float64{{1, 0, 1}, {1, 1, 1}, {1, 1, 1}}, "cell (1,2) (salary vs growth): 0 is not positive"},
		{"negative", [][]float64{{1, 1, 1}, {1, 1, -2}, {1, 1, 1}}, "cell (2,3) (growth vs commute): -2 is not positive"},
		{"NaN", [][]float64{{1, 1, 1}, {1, 1, 1}, {math.NaN(), 1, 1}}, "cell (3,1) (commute vs salary): NaN is not a finite number"},
		{"diagonal", [][]float64{{1, 1, 1}, {1, 2, 1}, {1, 1, 1}}, "cell (2,2) (growth vs itself): 2, but the diagonal must be 1"},
		{"not reciprocal", [][]float64{{1, 3, 1}, {0.5, 1, 1}, {1, 1, 1}}, "cells (1,2) and (2,1) (salary vs growth) are 3 and 0.5, but they must be reciprocal (3 and 1/3)"},
	}
	for _, tt := range tests {
		_, err := mcda.AHPNamed(names[:max(len(tt.m), 0)%4], tt.m, "", "")
		if tt.m == nil {
			_, err = mcda.AHP(nil, "", "")
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	// Two-decimal reciprocals are within ReciprocalTolerance.
	for _, a := range []float64{3, 6, 7, 8, 9} {
		r := math.Round(100/a) / 100
		if _, err := mcda.AHP([][]float64{{1, a}, {r, 1}}, "", ""); err != nil {
			t.Errorf("%v against %v: %v", r, a, err)
		}
	}
	if _, err := mcda.AHP([][]float64{{1}}, "power", ""); err == nil || !strings.Contains(err.Error(), `"power"`) {
		t.Errorf("unknown method: %v", err)
	}
	if _, err := mcda.AHP([][]float64{{1}}, "", "golden"); err == nil || !strings.Contains(err.Error(), `"golden"`) {
		t.Errorf("unknown table: %v", err)
	}
	if _, err := mcda.AHPNamed([]string{"a"}, [][]float64{{1, 2}, {0.5, 1}}, "", ""); err == nil {
		t.Error("1 name for 2 items accepted")
	}
}

func TestAHPSmallMatrices(t *testing.T) {
	t.Parallel()
	for _, m := range [][][]float64{{{1}}, {{1, 4}, {0.25, 1}}} {
		for _, method := range []mcda.AHPMethod{mcda.Eigenvector, mcda.Approximate} {
			res, err := mcda.AHP(m, method, "")
			if err != nil {
				t.Fatal(err)
			}
			if res.CI != 0 || res.CR != 0 || !res.Consistent || res.Warning != "" || res.LambdaMax != float64(len(m)) {
				t.Errorf("n=%d %s: %+v", len(m), method, res)
			}
		}
	}
	res, _ := mcda.AHP([][]float64{{1, 4}, {0.25, 1}}, "", "")
	if math.Abs(res.Weights[0]-0.8) > 1e-12 || math.Abs(res.Weights[1]-0.2) > 1e-12 {
		t.Errorf("weights of [[1 4] [1/4 1]] = %v, want [0.8 0.2]", res.Weights)
	}
}

// The warning names the judgement that contradicts the others most.
func TestAHPWarning(t *testing.T) {
	t.Parallel()
	// salary = 2 growth, growth = 2 commute would imply salary = 4 commute;
	// the judgement "commute is 4 times salary" contradicts it.
	m := [][]float64{
		{1, 2, 0.25},
		{0.5, 1, 2},
		{4, 0.5, 1},
	}
	res, err := mcda.AHPNamed([]string{"salary", "growth", "commute"}, m, mcda.Eigenvector, mcda.RISaaty)
	if err != nil {
		t.Fatal(err)
	}
	if res.Consistent || res.CR <= 0.10 {
		t.Fatalf("CR = %v, want an inconsistent matrix", res.CR)
	}
	if res.Pair != [2]int{0, 2} {
		t.Errorf("pair = %v, want salary and commute [0 2]", res.Pair)
	}
	for _, want := range []string{"judgements are inconsistent: CR = ", "> 0.10", "revisit the comparison of salary and commute", "you gave 1/4"} {
		if !strings.Contains(res.Warning, want) {
			t.Errorf("warning %q does not contain %q", res.Warning, want)
		}
	}
	if _, err := mcda.AHP(m, mcda.Approximate, mcda.RIDoneganDodd); err != nil {
		t.Error(err)
	}
}

func TestRandomIndexTables(t *testing.T) {
	t.Parallel()
	tests := []struct {
		table mcda.RITable
		n     int
		want  float64
	}{
		{mcda.RISaaty, 1, 0}, {mcda.RISaaty, 3, 0.58}, {mcda.RISaaty, 10, 1.49},
		{mcda.RIAlonsoLamata, 3, 0.5245}, {mcda.RIAlonsoLamata, 15, 1.5838},
		{mcda.RIDoneganDodd, 3, 0.4914}, {mcda.RIDoneganDodd, 20, 1.5371},
	}
	for _, tt := range tests {
		got, err := mcda.RandomIndex(tt.table, tt.n)
		if err != nil || got != tt.want {
			t.Errorf("RandomIndex(%s, %d) = %v, %v; want %v", tt.table, tt.n, got, err, tt.want)
		}
	}
	for _, table := range mcda.RITables {
		prev := 0.0
		for n := 1; ; n++ {
			ri, err := mcda.RandomIndex(table, n)
			if err != nil {
				break
			}
			if ri < prev {
				t.Errorf("%s: RI(%d) = %v < RI(%d) = %v", table, n, ri, n-1, prev)
			}
			prev = ri
		}
	}
	_, err := mcda.RandomIndex(mcda.RISaaty, 12)
	if err == nil || !strings.Contains(err.Error(), "covers 1 to 10 items, not 12 (use alonso-lamata)") {
		t.Errorf("RandomIndex(saaty, 12) = %v", err)
	}
	if _, err := mcda.RandomIndex(mcda.RIDoneganDodd, 21); err == nil {
		t.Error("RandomIndex(donegan-dodd, 21) accepted")
	}
}

func TestParseJudgement(t *testing.T) {
	t.Parallel()
	good := []struct {
		in   string
		want float64
	}{
		{"3", 3}, {"1/3", 1.0 / 3}, {"0.5", 0.5}, {" 1 / 9 ", 1.0 / 9}, {"9", 9}, {"2.5/5", 0.5}, {"1e1", 10},
	}
	for _, g := range good {
		got, err := mcda.ParseJudgement(g.in)
		if err != nil || got != g.want {
			t.Errorf("ParseJudgement(%q) = %v, %v; want %v", g.in, got, err, g.want)
		}
	}
	bad := []struct{ in, want string }{
		{"", `judgement "" is empty`},
		{"abc", `judgement "abc" is not a number`},
		{"1/0", `judgement "1/0" divides by zero`},
		{"0", `judgement "0" is not positive`},
		{"-3", `judgement "-3" is not positive`},
		{"1/3/4", `judgement "1/3/4" is not a number`},
		{"inf", `judgement "inf" is not a number`},
		{"NaN", `judgement "NaN" is not a number`},
		{"0x10", `is not a number`},
		{"1_0", `is not a number`},
		{"/3", `is not a number`},
		{"1e400", `is not a number`},
	}
	for _, b := range bad {
		if _, err := mcda.ParseJudgement(b.in); err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("ParseJudgement(%q) = %v, want %q", b.in, err, b.want)
		}
	}
}

func TestFormatJudgement(t *testing.T) {
	t.Parallel()
	for in, want := range map[float64]string{3: "3", 1.0 / 3: "1/3", 2.5: "2.5", 1: "1", 1.0 / 7: "1/7", 1.8371: "1.84", 0.4: "1/2.5"} {
		if got := mcda.FormatJudgement(in); got != want {
			t.Errorf("FormatJudgement(%v) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseJudgement(f *testing.F) {
	for _, s := range []string{"3", "1/3", " 1 / 9 ", "0.5", "", "1/0", "-1", "inf", "1e308/1e-308", "0x1p3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := mcda.ParseJudgement(s)
		if err != nil {
			if !strings.Contains(err.Error(), "judgement") {
				t.Errorf("error %q does not say judgement", err)
			}
			return
		}
		if !(v > 0) || math.IsInf(v, 0) {
			t.Errorf("ParseJudgement(%q) = %v, want a positive finite number", s, v)
		}
	})
}
