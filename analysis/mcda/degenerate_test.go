package mcda_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/mcda"
)

func problem(types []mcda.CriterionType, weights []float64, values ...[]float64) mcda.Problem {
	p := mcda.Problem{Types: types, Weights: weights, Values: values}
	for i := range values {
		p.Alternatives = append(p.Alternatives, string(rune('A'+i)))
	}
	for j := range types {
		p.Criteria = append(p.Criteria, "c"+string(rune('1'+j)))
	}
	return p
}

var (
	bb = []mcda.CriterionType{mcda.Benefit, mcda.Benefit}
	bc = []mcda.CriterionType{mcda.Benefit, mcda.Cost}
)

// allMethods runs every method with every normalisation it accepts.
func allMethods(p mcda.Problem) map[string]func() (mcda.Result, error) {
	runs := map[string]func() (mcda.Result, error){
		"vikor":      func() (mcda.Result, error) { return mcda.VIKOR(p, 0.5) },
		"promethee2": func() (mcda.Result, error) { return mcda.PROMETHEEII(p, nil) },
		"promethee2-linear": func() (mcda.Result, error) {
			prefs := make([]mcda.Preference, len(p.Criteria))
			for j := range prefs {
				prefs[j] = mcda.Preference{Func: mcda.Linear, Q: 0.5, P: 2}
			}
			return mcda.PROMETHEEII(p, prefs)
		},
	}
	for _, n := range mcda.Normalizations {
		runs["wsm-"+string(n)] = func() (mcda.Result, error) { return mcda.WSM(p, n) }
		runs["topsis-"+string(n)] = func() (mcda.Result, error) { return mcda.TOPSIS(p, n) }
	}
	return runs
}

func checkFinite(t *testing.T, what string, res mcda.Result) {
	t.Helper()
	check := func(name string, xs []float64) {
		for i, x := range xs {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Errorf("%s: %s[%d] = %v", what, name, i, x)
			}
		}
	}
	check("Scores", res.Scores)
	check("S", res.S)
	check("R", res.R)
	check("PositiveFlow", res.PositiveFlow)
	check("NegativeFlow", res.NegativeFlow)
	for i, row := range res.Contributions {
		check("Contributions["+string(rune('0'+i))+"]", row)
	}
	if len(res.Ranks) != len(res.Scores) {
		t.Errorf("%s: %d ranks for %d scores", what, len(res.Ranks), len(res.Scores))
	}
	for _, r := range res.Ranks {
		if r < 1 || r > len(res.Ranks) {
			t.Errorf("%s: rank %d out of 1..%d", what, r, len(res.Ranks))
		}
	}
}

// TestDegenerateNoNaN runs every method on degenerate but valid data: the
// result must be defined everywhere, without NaN or infinities.
func TestDegenerateNoNaN(t *testing.T) {
	t.Parallel()
	big := math.MaxFloat64
	tests := []struct {
		name string
		p    mcda.Problem
	}{
		{"constant column", problem(bb, []float64{1, 1}, []float64{3, 1}, []float64{3, 2}, []float64{3, 5})},
		{"zero column", problem(bc, []float64{1, 1}, []float64{1, 0}, []float64{2, 0}, []float64{5, 0})},
		{"zero weight", problem(bc, []float64{0, 1}, []float64{1, 2}, []float64{2, 3})},
		{"identical alternatives", problem(bc, []float64{1, 2}, []float64{4, 2}, []float64{4, 2}, []float64{1, 1})},
		{"everything equal", problem(bc, []float64{1, 1}, []float64{2, 2}, []float64{2, 2})},
		{"single alternative", problem(bc, []float64{1, 1}, []float64{2, 3})},
		{"single criterion", problem(bb[:1], []float64{4}, []float64{1}, []float64{2}, []float64{2})},
		{"cost zeros", problem(bc, []float64{1, 1}, []float64{1, 0}, []float64{2, 0}, []float64{5, 3})},
		{"huge values", problem(bc, []float64{1, 1}, []float64{big, big}, []float64{0, 0}, []float64{big / 2, 1})},
		{"tiny values", problem(bc, []float64{1, 1}, []float64{5e-324, 1e-310}, []float64{1e-320, 5e-324})},
		{"subnormal span", problem(bb, []float64{1, 1}, []float64{5e-324, 1}, []float64{0, 2})},
		{"tiny weights", problem(bc, []float64{5e-324, 5e-324}, []float64{1, 2}, []float64{2, 1})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for name, run := range allMethods(tt.p) {
				res, err := run()
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				checkFinite(t, name, res)
			}
			for _, n := range mcda.Normalizations {
				r, err := mcda.Normalize(tt.p.Values, tt.p.Types, n)
				if err != nil {
					t.Errorf("Normalize %s: %v", n, err)
					continue
				}
				for _, row := range r {
					for _, x := range row {
						if math.IsNaN(x) || math.IsInf(x, 0) {
							t.Errorf("Normalize %s gave %v in %v", n, x, r)
						}
					}
				}
			}
			s, err := mcda.WeightSensitivity(tt.p, mcda.Method{Name: mcda.MethodWSM})
			if err != nil {
				t.Fatal(err)
			}
			for _, iv := range s {
				if !(iv.Lo >= 0 && iv.Lo <= iv.Weight+1e-12 && iv.Weight <= iv.Hi+1e-12 && iv.Hi <= 1) {
					t.Errorf("sensitivity %+v is not an interval around the weight in [0, 1]", iv)
				}
			}
		})
	}
}

// TestDegenerateValues pins the documented values of the degenerate cases.
func TestDegenerateValues(t *testing.T) {
	t.Parallel()
	constant := [][]float64{{3, 1}, {3, 2}, {3, 5}, {3, 4}}
	zero := [][]float64{{0, 1}, {0, 2}, {0, 5}, {0, 4}}
	for _, tt := range []struct {
		n    mcda.Normalization
		want float64
	}{{mcda.MinMax, 1}, {mcda.Max, 1}, {mcda.Sum, 0.25}, {mcda.Vector, 0.5}, {mcda.None, 3}} {
		for _, ty := range []mcda.CriterionType{mcda.Benefit, mcda.Cost} {
			for _, v := range [][][]float64{constant, zero} {
				r, err := mcda.Normalize(v, []mcda.CriterionType{ty, mcda.Benefit}, tt.n)
				if err != nil {
					t.Fatal(err)
				}
				want := tt.want
				if tt.n == mcda.None {
					want = v[0][0]
				}
				for i := range r {
					if math.Abs(r[i][0]-want) > 1e-15 {
						t.Errorf("%s %s column %v: got %v, want %v", tt.n, ty, v[0][0], r[i][0], want)
					}
				}
			}
		}
	}

	// Sum, cost column with two zeros: the zeros share everything.
	r, err := mcda.Normalize([][]float64{{0}, {3}, {0}, {6}}, []mcda.CriterionType{mcda.Cost}, mcda.Sum)
	if err != nil {
		t.Fatal(err)
	}
	if got := []float64{r[0][0], r[1][0], r[2][0], r[3][0]}; got[0] != 0.5 || got[1] != 0 || got[2] != 0.5 || got[3] != 0 {
		t.Errorf("sum cost with zeros = %v, want [0.5 0 0.5 0]", got)
	}
	// Max, cost column with a zero: the zero is the best (1).
	r, err = mcda.Normalize([][]float64{{0}, {4}}, []mcda.CriterionType{mcda.Cost}, mcda.Max)
	if err != nil {
		t.Fatal(err)
	}
	if r[0][0] != 1 || r[1][0] != 0 {
		t.Errorf("max cost with a zero = %v, want [[1] [0]]", r)
	}

	// TOPSIS: all alternatives equal, each both ideal and anti-ideal: 0.5.
	res, err := mcda.TOPSIS(problem(bc, []float64{1, 1}, []float64{2, 2}, []float64{2, 2}), "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Scores[0] != 0.5 || res.Scores[1] != 0.5 || res.Ranks[0] != 1 || res.Ranks[1] != 1 {
		t.Errorf("TOPSIS on equal alternatives: scores %v ranks %v, want 0.5 and rank 1", res.Scores, res.Ranks)
	}
	// VIKOR: a single alternative has S = R = Q = 0 and rank 1.
	res, err = mcda.VIKOR(problem(bc, []float64{1, 1}, []float64{2, 3}), 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if res.Scores[0] != 0 || res.S[0] != 0 || res.R[0] != 0 || res.Ranks[0] != 1 {
		t.Errorf("VIKOR single alternative: %+v", res)
	}
	// VIKOR with constant R (two criteria mirrored): only S counts.
	res, err = mcda.VIKOR(problem(bb, []float64{1, 1}, []float64{1, 0}, []float64{0, 1}, []float64{0.5, 0.5}), 0.5)
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range res.Scores {
		if math.IsNaN(q) {
			t.Errorf("VIKOR Q[%d] is NaN", i)
		}
	}
	// PROMETHEE II: a single alternative has all flows 0.
	res, err = mcda.PROMETHEEII(problem(bc, []float64{1, 1}, []float64{2, 3}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Scores[0] != 0 || res.PositiveFlow[0] != 0 || res.NegativeFlow[0] != 0 {
		t.Errorf("PROMETHEE single alternative: %+v", res)
	}
	// A zero weight makes its criterion irrelevant.
	a, _ := mcda.WSM(problem(bc, []float64{0, 1}, []float64{100, 5}, []float64{0, 1}), "")
	if a.Ranks[1] != 1 {
		t.Errorf("WSM with zero weight on c1: ranks %v, want B first", a.Ranks)
	}
}

func TestValidateErrors(t *testing.T) {
	t.Parallel()
	ok := problem(bc, []float64{1, 1}, []float64{1, 2}, []float64{3, 4})
	tests := []struct {
		name   string
		mutate func(p *mcda.Problem)
		want   string
	}{
		{"no alternatives", func(p *mcda.Problem) { p.Alternatives, p.Values = nil, nil }, "no alternatives"},
		{"no criteria", func(p *mcda.Problem) { p.Criteria = nil }, "no criteria"},
		{"types", func(p *mcda.Problem) { p.Types = p.Types[:1] }, "1 criterion types for 2 criteria"},
		{"weights", func(p *mcda.Problem) { p.Weights = []float64{1, 2, 3} }, "3 weights for 2 criteria"},
		{"rows", func(p *mcda.Problem) { p.Values = p.Values[:1] }, "1 rows of values for 2 alternatives"},
		{"ragged", func(p *mcda.Problem) { p.Values[1] = []float64{1} }, `alternative "B" has 1 values for 2 criteria`},
		{"NaN", func(p *mcda.Problem) { p.Values[1][0] = math.NaN() }, `alternative "B", criterion "c1": value NaN is not a finite number`},
		{"Inf", func(p *mcda.Problem) { p.Values[0][1] = math.Inf(-1) }, `alternative "A", criterion "c2": value -Inf`},
		{"negative weight", func(p *mcda.Problem) { p.Weights[1] = -1 }, `criterion "c2": weight -1 is negative`},
		{"NaN weight", func(p *mcda.Problem) { p.Weights[0] = math.NaN() }, `criterion "c1": weight NaN is not a finite number`},
		{"zero weights", func(p *mcda.Problem) { p.Weights = []float64{0, 0} }, "all weights are zero"},
		{"bad type", func(p *mcda.Problem) { p.Types[0] = 7 }, `criterion "c1": unknown type 7`},
	}
	for _, tt := range tests {
		p := cloneProblem(ok)
		tt.mutate(&p)
		err := p.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Validate() = %v, want it to contain %q", tt.name, err, tt.want)
			continue
		}
		if crossroads.ErrorKind(err) != crossroads.Invalid {
			t.Errorf("%s: kind %v, want invalid", tt.name, crossroads.ErrorKind(err))
		}
		for name, run := range allMethods(p) {
			if _, err := run(); err == nil {
				t.Errorf("%s: %s accepted the invalid problem", tt.name, name)
			}
		}
	}
	if err := ok.Validate(); err != nil {
		t.Errorf("valid problem: %v", err)
	}
}

func TestMethodArgumentErrors(t *testing.T) {
	t.Parallel()
	p := problem(bc, []float64{1, 1}, []float64{1, -2}, []float64{3, 4})
	for _, n := range []mcda.Normalization{mcda.Max, mcda.Sum} {
		_, err := mcda.WSM(p, n)
		if err == nil || !strings.Contains(err.Error(), `alternative "A", criterion "c2": value -2 is negative`) {
			t.Errorf("WSM %s with a negative value: %v", n, err)
		}
	}
	if _, err := mcda.WSM(p, "zscore"); err == nil || !strings.Contains(err.Error(), `"zscore"`) {
		t.Errorf("unknown normalization: %v", err)
	}
	for _, v := range []float64{-0.1, 1.1, math.NaN()} {
		if _, err := mcda.VIKOR(p, v); err == nil {
			t.Errorf("VIKOR v = %v accepted", v)
		}
	}
	bad := []struct {
		pref mcda.Preference
		want string
	}{
		{mcda.Preference{Func: mcda.VShape}, "p = 0 must be positive"},
		{mcda.Preference{Func: mcda.Linear, Q: 2, P: 1}, "p = 1 must be greater than q = 2"},
		{mcda.Preference{Func: mcda.Level, Q: 1, P: 1}, "p = 1 must be greater than q = 1"},
		{mcda.Preference{Func: mcda.Gaussian}, "s = 0 must be positive"},
		{mcda.Preference{Func: mcda.UShape, Q: -1}, "q = -1 is negative"},
		{mcda.Preference{Func: "step"}, `"step"`},
	}
	for _, b := range bad {
		_, err := mcda.PROMETHEEII(p, []mcda.Preference{{}, b.pref})
		if err == nil || !strings.Contains(err.Error(), b.want) || !strings.Contains(err.Error(), `criterion "c2"`) {
			t.Errorf("preference %+v: %v, want %q", b.pref, err, b.want)
		}
	}
	if _, err := mcda.PROMETHEEII(p, []mcda.Preference{{}}); err == nil {
		t.Error("one preference for two criteria accepted")
	}
	var e *crossroads.Error
	if _, err := mcda.TOPSISFlat([]float64{1, 2, 3}, bc, []float64{1, 1}, ""); !errors.As(err, &e) {
		t.Errorf("TOPSISFlat with 3 values for 2 criteria: %v", err)
	}
}

func TestWeightErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		f    func([]float64) ([]float64, error)
		in   []float64
		want string
	}{
		{mcda.DirectWeights, nil, "no ratings"},
		{mcda.DirectWeights, []float64{0, 0}, "all ratings are zero"},
		{mcda.DirectWeights, []float64{1, -1}, "rating 2: -1 is negative"},
		{mcda.DirectWeights, []float64{math.Inf(1)}, "rating 1: +Inf is not a finite number"},
		{mcda.SwingWeights, []float64{50, 80}, "no swing has 100 points"},
		{mcda.SwingWeights, []float64{100, 120}, "swing 2: 120 points is outside 0..100"},
		{mcda.SwingWeights, []float64{100, math.NaN()}, "swing 2: NaN points"},
		{mcda.SwingWeights, nil, "no swing points"},
	} {
		if _, err := tt.f(tt.in); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("weights(%v) = %v, want %q", tt.in, err, tt.want)
		}
	}
	w, err := mcda.SwingWeights([]float64{100, 50, 0, 50})
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{0.5, 0.25, 0, 0.25}; w[0] != want[0] || w[1] != want[1] || w[2] != want[2] || w[3] != want[3] {
		t.Errorf("SwingWeights = %v, want %v", w, want)
	}
}
