package mcda_test

import (
	"math"
	"slices"
	"testing"

	"github.com/crossroads/crossroads/analysis/mcda"
)

// Published tables round; each test compares at the published precision.
const (
	tol3 = 5e-4 // values printed with 3 decimals
	tol4 = 5e-5 // values printed with 4 decimals
)

func checkClose(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d values %v, want %d %v", what, len(got), got, len(want), want)
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > tol || math.IsNaN(got[i]) {
			t.Errorf("%s[%d] = %.6f, want %.4f (±%g); all: %v", what, i, got[i], want[i], tol, got)
		}
	}
}

func checkRanks(t *testing.T, what string, got, want []int) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s ranks = %v, want %v", what, got, want)
	}
}

// aircraft is the fighter aircraft selection of Hwang and Yoon (1981),
// Multiple Attribute Decision Making: Methods and Applications, Springer,
// pp. 133-134: max speed (Mach), ferry range (NM), max payload (lb),
// acquisition cost ($10^6, cost), reliability and maneuverability (ratings).
func aircraft() mcda.Problem {
	return mcda.Problem{
		Alternatives: []string{"A1", "A2", "A3", "A4"},
		Criteria:     []string{"speed", "range", "payload", "cost", "reliability", "maneuverability"},
		Types:        []mcda.CriterionType{mcda.Benefit, mcda.Benefit, mcda.Benefit, mcda.Cost, mcda.Benefit, mcda.Benefit},
		Weights:      []float64{0.2, 0.1, 0.1, 0.1, 0.2, 0.3},
		Values: [][]float64{
			{2.0, 1500, 20000, 5.5, 5, 9},
			{2.5, 2700, 18000, 6.5, 3, 5},
			{1.8, 2000, 21000, 4.5, 7, 7},
			{2.2, 1800, 20000, 5.0, 5, 5},
		},
	}
}

// reservoir is the numerical example of Opricovic and Tzeng (2004),
// "Compromise solution by MCDM methods: a comparative analysis of VIKOR and
// TOPSIS", EJOR 156(2), 445-455, Tables 1-3: three alternatives, risk (cost)
// and altitude (benefit), equal weights, in two sets of units: f (risk 1-5,
// altitude in m a.s.l.) and phi (risk 6-10, altitude in km above foothill).
func reservoir(phi bool) mcda.Problem {
	p := mcda.Problem{
		Alternatives: []string{"A1", "A2", "A3"},
		Criteria:     []string{"risk", "altitude"},
		Types:        []mcda.CriterionType{mcda.Cost, mcda.Benefit},
		Weights:      []float64{0.5, 0.5},
		Values:       [][]float64{{1, 3000}, {2, 3750}, {5, 4500}},
	}
	if phi {
		p.Values = [][]float64{{6, 2.0}, {7, 2.75}, {10, 3.5}}
	}
	return p
}

func TestTOPSISPublished(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		p     mcda.Problem
		want  []float64
		tol   float64
		ranks []int
	}{
		// Hwang and Yoon (1981), pp. 133-134, relative closeness C*:
		// 0.643, 0.268, 0.613, 0.312 (3 decimals). The book computes C*
		// from separations already rounded to 4 decimals (for A3,
		// .0920/(.0580+.0920) = .6133 where the unrounded value is .6135),
		// so the comparison allows 1e-3.
		{"HwangYoon1981Aircraft", aircraft(), []float64{0.643, 0.268, 0.613, 0.312}, 1e-3, []int{1, 4, 2, 3}},
		// Opricovic and Tzeng (2004), Table 3, TOPSIS with f:
		// C* = 0.762, 0.722, 0.238.
		{"OpricovicTzeng2004f", reservoir(false), []float64{0.762, 0.722, 0.238}, tol3, []int{1, 2, 3}},
		// Opricovic and Tzeng (2004), Table 3, TOPSIS with phi: the change of
		// units changes the vector-normalised ranking, C* = 0.489, 0.612, 0.511.
		{"OpricovicTzeng2004phi", reservoir(true), []float64{0.489, 0.612, 0.511}, tol3, []int{3, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := mcda.TOPSIS(tt.p, "")
			if err != nil {
				t.Fatal(err)
			}
			if res.Normalization != mcda.Vector {
				t.Errorf("normalization = %q, want vector", res.Normalization)
			}
			checkClose(t, "closeness", res.Scores, tt.want, tt.tol)
			checkRanks(t, "TOPSIS", res.Ranks, tt.ranks)
		})
	}
}

func TestVIKORPublished(t *testing.T) {
	t.Parallel()
	// Opricovic and Tzeng (2004), Table 3, VIKOR with v = 0.5: S = 0.5,
	// 0.375, 0.5; R = 0.5, 0.25, 0.5; Q = 1, 0, 1; A2 is the compromise. The
	// linear normalisation makes the result the same for f and phi.
	for _, phi := range []bool{false, true} {
		res, err := mcda.VIKOR(reservoir(phi), mcda.DefaultV)
		if err != nil {
			t.Fatal(err)
		}
		checkClose(t, "S", res.S, []float64{0.5, 0.375, 0.5}, tol3)
		checkClose(t, "R", res.R, []float64{0.5, 0.25, 0.5}, tol3)
		checkClose(t, "Q", res.Scores, []float64{1, 0, 1}, tol3)
		checkRanks(t, "VIKOR", res.Ranks, []int{2, 1, 2})
	}
}

func TestWSMPublished(t *testing.T) {
	t.Parallel()
	// Triantaphyllou (2000), Multi-Criteria Decision Making Methods: A
	// Comparative Study, Kluwer, ch. 2, WSM example (also in the Wikipedia
	// article "Weighted sum model"): data already on one scale, so no
	// normalisation; scores 21.50, 22.00, 22.00, A2 and A3 tie for best.
	p := mcda.Problem{
		Alternatives: []string{"A1", "A2", "A3"},
		Criteria:     []string{"C1", "C2", "C3", "C4"},
		Types:        []mcda.CriterionType{mcda.Benefit, mcda.Benefit, mcda.Benefit, mcda.Benefit},
		Weights:      []float64{0.20, 0.15, 0.40, 0.25},
		Values:       [][]float64{{25, 20, 15, 30}, {10, 30, 20, 30}, {30, 10, 30, 10}},
	}
	res, err := mcda.WSM(p, mcda.None)
	if err != nil {
		t.Fatal(err)
	}
	checkClose(t, "score", res.Scores, []float64{21.50, 22.00, 22.00}, 5e-3)
	checkRanks(t, "WSM", res.Ranks, []int{3, 1, 1})
	for i, row := range res.Contributions {
		sum := 0.0
		for _, c := range row {
			sum += c
		}
		if math.Abs(sum-res.Scores[i]) > 1e-12 {
			t.Errorf("contributions of %s sum to %v, score %v", p.Alternatives[i], sum, res.Scores[i])
		}
	}
}

func TestPROMETHEEIIPublished(t *testing.T) {
	t.Parallel()
	// Brans, Vincke and Mareschal (1986), "How to select and how to rank
	// projects: the PROMETHEE method", EJOR 24(2), 228-238: location of a
	// hydroelectric power station, six projects, six criteria with one
	// generalised criterion each (types II, III, V, IV, I, VI), equal
	// weights. Input table as in Mareschal, Exercises with Visual PROMETHEE
	// (2019), Table 1 (f3 in units of 10^4, f4 in units of 10^4). The paper
	// prints the net flows as plain sums, computed from a preference matrix
	// rounded to 3 decimals: -0.728, 0.085, -0.447, -0.102, 1.466, -0.274;
	// ranking a5 > a2 > a4 > a6 > a3 > a1.
	p := mcda.Problem{
		Alternatives: []string{"a1", "a2", "a3", "a4", "a5", "a6"},
		Criteria:     []string{"manpower", "power", "construction cost", "maintenance cost", "villages", "safety"},
		Types:        []mcda.CriterionType{mcda.Cost, mcda.Benefit, mcda.Cost, mcda.Cost, mcda.Cost, mcda.Benefit},
		Weights:      []float64{1, 1, 1, 1, 1, 1},
		Values: [][]float64{
			{80, 90, 600, 54, 8, 5},
			{65, 58, 200, 97, 1, 1},
			{83, 60, 400, 72, 4, 7},
			{40, 80, 1000, 75, 7, 10},
			{52, 72, 600, 20, 3, 8},
			{94, 96, 700, 36, 5, 6},
		},
	}
	prefs := []mcda.Preference{
		{Func: mcda.UShape, Q: 10},
		{Func: mcda.VShape, P: 30},
		{Func: mcda.Linear, Q: 50, P: 500},
		{Func: mcda.Level, Q: 10, P: 60},
		{Func: mcda.Usual},
		{Func: mcda.Gaussian, S: 5},
	}
	res, err := mcda.PROMETHEEII(p, prefs)
	if err != nil {
		t.Fatal(err)
	}
	sums := make([]float64, len(res.Scores))
	for i, phi := range res.Scores {
		sums[i] = phi * float64(len(res.Scores)-1)
	}
	// The published sums carry the rounding of 5 entries of 3 decimals
	// each: up to 5 * 0.0005, so compare within 0.0025.
	checkClose(t, "net flow sum", sums, []float64{-0.728, 0.085, -0.447, -0.102, 1.466, -0.274}, 0.0025)
	checkRanks(t, "PROMETHEE II", res.Ranks, []int{6, 2, 5, 3, 1, 4})
	for i := range res.Scores {
		if d := res.PositiveFlow[i] - res.NegativeFlow[i] - res.Scores[i]; math.Abs(d) > 1e-15 {
			t.Errorf("phi+ - phi- - phi = %v for %s", d, p.Alternatives[i])
		}
	}
}

func TestAHPPublished(t *testing.T) {
	t.Parallel()
	third := 1.0 / 3
	tests := []struct {
		name    string
		m       [][]float64
		weights []float64
		lambda  float64 // NaN when not published
		ci, cr  float64 // NaN when not published
	}{
		{
			// Saaty (2008), "Decision making with the analytic hierarchy
			// process", Int. J. Services Sciences 1(1), 83-98, Table 3:
			// criteria of the best job (flexibility, opportunities,
			// security, reputation, salary); priorities .036 .122 .262 .075 .506.
			name: "Saaty2008Table3Job",
			m: [][]float64{
				{1, 1.0 / 4, 1.0 / 6, 1.0 / 4, 1.0 / 8},
				{4, 1, third, 3, 1.0 / 7},
				{6, 3, 1, 4, 1.0 / 2},
				{4, third, 1.0 / 4, 1, 1.0 / 7},
				{8, 7, 2, 7, 1},
			},
			weights: []float64{0.036, 0.122, 0.262, 0.075, 0.506},
			lambda:  math.NaN(), ci: math.NaN(), cr: math.NaN(),
		},
		{
			// Saaty (2008), Table 2: which drink is consumed more in the US
			// (coffee, wine, tea, beer, sodas, milk, water); eigenvector
			// .177 .019 .042 .116 .190 .129 .327, CR = .022. The table prints
			// a(tea, wine) = 2 against a(wine, tea) = 1/3; the reciprocal 3
			// reproduces every published value, so 3 is used.
			name: "Saaty2008Table2Drinks",
			m: [][]float64{
				{1, 9, 5, 2, 1, 1, 1.0 / 2},
				{1.0 / 9, 1, third, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9},
				{1.0 / 5, 3, 1, third, 1.0 / 4, third, 1.0 / 9},
				{1.0 / 2, 9, 3, 1, 1.0 / 2, 1, third},
				{1, 9, 4, 2, 1, 2, 1.0 / 2},
				{1, 9, 3, 1, 1.0 / 2, 1, third},
				{2, 9, 9, 3, 2, 3, 1},
			},
			weights: []float64{0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327},
			lambda:  math.NaN(), ci: math.NaN(), cr: 0.022,
		},
		{
			// Saaty (2008), Table 4: subcriteria of flexibility
			// (location, time, work); priorities .091 .218 .691.
			name:    "Saaty2008Table4Flexibility",
			m:       [][]float64{{1, third, 1.0 / 6}, {3, 1, 1.0 / 4}, {6, 4, 1}},
			weights: []float64{0.091, 0.218, 0.691},
			lambda:  math.NaN(), ci: math.NaN(), cr: math.NaN(),
		},
		{
			// Saaty, "How to make a decision: the analytic hierarchy
			// process" (EJOR 48 (1990) 9-26; first given at ISAHP 1988),
			// house example, houses A, B, C compared on size of house:
			// lambda_max = 3.136, CI = .068, CR = .117 (inconsistent).
			name:    "Saaty1990HouseSize",
			m:       [][]float64{{1, 6, 8}, {1.0 / 6, 1, 4}, {1.0 / 8, 1.0 / 4, 1}},
			weights: nil,
			lambda:  3.136, ci: 0.068, cr: 0.117,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := mcda.AHP(tt.m, mcda.Eigenvector, mcda.RISaaty)
			if err != nil {
				t.Fatal(err)
			}
			if tt.weights != nil {
				checkClose(t, "weights", res.Weights, tt.weights, tol3)
			}
			for _, c := range []struct {
				name      string
				got, want float64
			}{{"lambda_max", res.LambdaMax, tt.lambda}, {"CI", res.CI, tt.ci}, {"CR", res.CR, tt.cr}} {
				if !math.IsNaN(c.want) && math.Abs(c.got-c.want) > tol3 {
					t.Errorf("%s = %.5f, want %.3f", c.name, c.got, c.want)
				}
			}
			if res.Consistent != (res.CR <= 0.10) || (res.Warning == "") != res.Consistent {
				t.Errorf("Consistent = %v, Warning = %q with CR = %v", res.Consistent, res.Warning, res.CR)
			}
		})
	}
}
