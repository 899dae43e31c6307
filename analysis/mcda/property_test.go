package mcda_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/crossroads/crossroads/analysis/mcda"
)

// randomProblem draws m alternatives on k criteria with values in [1, 101),
// random types and random positive weights.
func randomProblem(rng *rand.Rand, m, k int) mcda.Problem {
	p := mcda.Problem{
		Alternatives: make([]string, m),
		Criteria:     make([]string, k),
		Types:        make([]mcda.CriterionType, k),
		Weights:      make([]float64, k),
		Values:       make([][]float64, m),
	}
	for j := 0; j < k; j++ {
		p.Criteria[j] = fmt.Sprintf("c%d", j)
		p.Types[j] = mcda.CriterionType(rng.IntN(2))
		p.Weights[j] = 0.05 + rng.Float64()
	}
	for i := 0; i < m; i++ {
		p.Alternatives[i] = fmt.Sprintf("a%d", i)
		p.Values[i] = make([]float64, k)
		for j := range p.Values[i] {
			p.Values[i][j] = 1 + 100*rng.Float64()
		}
	}
	return p
}

func cloneProblem(p mcda.Problem) mcda.Problem {
	q := p
	q.Alternatives = slices.Clone(p.Alternatives)
	q.Criteria = slices.Clone(p.Criteria)
	q.Types = slices.Clone(p.Types)
	q.Weights = slices.Clone(p.Weights)
	q.Values = make([][]float64, len(p.Values))
	for i, r := range p.Values {
		q.Values[i] = slices.Clone(r)
	}
	return q
}

// Scaling a benefit column by a positive constant leaves the ranks of TOPSIS
// and WSM under vector normalisation unchanged: the column norm scales by
// the same constant.
func TestScaleInvarianceVector(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	for trial := 0; trial < 200; trial++ {
		p := randomProblem(rng, 2+rng.IntN(10), 1+rng.IntN(6))
		j := rng.IntN(len(p.Criteria))
		p.Types[j] = mcda.Benefit
		c := math.Exp(rng.NormFloat64() * 5)
		q := cloneProblem(p)
		for i := range q.Values {
			q.Values[i][j] *= c
		}
		for _, run := range []struct {
			name string
			f    func(mcda.Problem, mcda.Normalization) (mcda.Result, error)
		}{{"TOPSIS", mcda.TOPSIS}, {"WSM", mcda.WSM}} {
			a, err := run.f(p, mcda.Vector)
			if err != nil {
				t.Fatal(err)
			}
			b, err := run.f(q, mcda.Vector)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(a.Ranks, b.Ranks) {
				t.Fatalf("trial %d, %s: scaling column %d by %g changed ranks %v to %v", trial, run.name, j, c, a.Ranks, b.Ranks)
			}
		}
	}
}

// Adding an alternative that is dominated by the winner (no better on any
// criterion, strictly worse on one) never changes the WSM winner when the
// normalisation of each column does not move: under none, and under max,
// whose reference (the maximum of a benefit column, the minimum of a cost
// column) a dominated row cannot change. Under minmax, vector and sum the
// new row rescales columns unequally and the winner can change (the rank
// reversal of additive models with data-dependent normalisation); see
// TestMinMaxRankReversal.
func TestDominatedAlternativeKeepsWSMWinner(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(2, 2))
	for trial := 0; trial < 300; trial++ {
		p := randomProblem(rng, 2+rng.IntN(8), 1+rng.IntN(5))
		for _, n := range []mcda.Normalization{mcda.None, mcda.Max} {
			before, err := mcda.WSM(p, n)
			if err != nil {
				t.Fatal(err)
			}
			winner := slices.Index(before.Ranks, 1)
			// The new row is dominated by the winner itself.
			d := slices.Clone(p.Values[winner])
			worse := rng.IntN(len(d))
			for j := range d {
				step := rng.Float64() * 10
				if j == worse {
					step += 1
				}
				if p.Types[j] == mcda.Cost {
					d[j] += step
				} else {
					d[j] = math.Max(0.5, d[j]-step)
				}
			}
			q := cloneProblem(p)
			q.Alternatives = append(q.Alternatives, "dominated")
			q.Values = append(q.Values, d)
			after, err := mcda.WSM(q, n)
			if err != nil {
				t.Fatal(err)
			}
			if after.Ranks[winner] != 1 {
				t.Fatalf("trial %d, %s: adding %v dominated by winner %d moved it to rank %d (ranks %v -> %v)",
					trial, n, d, winner, after.Ranks[winner], before.Ranks, after.Ranks)
			}
			if after.Ranks[len(q.Values)-1] == 1 {
				t.Fatalf("trial %d, %s: the dominated alternative is ranked 1", trial, n)
			}
		}
	}
}

func TestWeightsSumToOne(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 3))
	for trial := 0; trial < 100; trial++ {
		n := 1 + rng.IntN(10)
		ratings := make([]float64, n)
		points := make([]float64, n)
		for i := range ratings {
			ratings[i] = rng.Float64() * 10
			points[i] = math.Round(rng.Float64() * 100)
		}
		points[rng.IntN(n)] = 100
		direct, err := mcda.DirectWeights(ratings)
		if err != nil {
			t.Fatal(err)
		}
		swing, err := mcda.SwingWeights(points)
		if err != nil {
			t.Fatal(err)
		}
		m := consistentMatrix(rng, n)
		ahp, err := mcda.AHP(m, mcda.Eigenvector, mcda.RIAlonsoLamata)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range [][]float64{direct, swing, ahp.Weights} {
			sum := 0.0
			for _, x := range w {
				sum += x
			}
			if math.Abs(sum-1) > 1e-12 {
				t.Fatalf("weights %v sum to %v", w, sum)
			}
		}
	}
}

// consistentMatrix builds a_ij = v_i / v_j from random positive v.
func consistentMatrix(rng *rand.Rand, n int) [][]float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = 0.1 + rng.Float64()*9
	}
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
		for j := range m[i] {
			m[i][j] = v[i] / v[j]
		}
	}
	return m
}

// A perfectly consistent matrix has lambda_max = n, CI = CR = 0 and weights
// proportional to the ratios it was built from, for both methods.
func TestAHPConsistentMatrix(t *testing.T) {
	t.Parallel()
	const tol = 1e-12
	rng := rand.New(rand.NewPCG(4, 4))
	for trial := 0; trial < 100; trial++ {
		n := 1 + rng.IntN(12)
		v := make([]float64, n)
		total := 0.0
		for i := range v {
			v[i] = 0.1 + rng.Float64()*9
			total += v[i]
		}
		m := make([][]float64, n)
		for i := range m {
			m[i] = make([]float64, n)
			for j := range m[i] {
				m[i][j] = v[i] / v[j]
			}
		}
		for _, method := range []mcda.AHPMethod{mcda.Eigenvector, mcda.Approximate} {
			res, err := mcda.AHP(m, method, mcda.RIAlonsoLamata)
			if err != nil {
				t.Fatal(err)
			}
			for i := range v {
				if math.Abs(res.Weights[i]-v[i]/total) > tol {
					t.Fatalf("n=%d %s: weight %d = %v, want %v", n, method, i, res.Weights[i], v[i]/total)
				}
			}
			if res.CR != 0 || res.CI != 0 || math.Abs(res.LambdaMax-float64(n)) > 1e-9 || !res.Consistent || res.Warning != "" {
				t.Fatalf("n=%d %s: lambda %v CI %v CR %v consistent %v warning %q", n, method, res.LambdaMax, res.CI, res.CR, res.Consistent, res.Warning)
			}
		}
	}
}

// On random reciprocal matrices the power iteration agrees with gonum's
// eigen decomposition, used here as an independent check.
func TestAHPEigenvectorMatchesDecomposition(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 5))
	scale := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}
	for trial := 0; trial < 200; trial++ {
		n := 3 + rng.IntN(8)
		m := make([][]float64, n)
		for i := range m {
			m[i] = make([]float64, n)
			m[i][i] = 1
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				a := scale[rng.IntN(len(scale))]
				if rng.IntN(2) == 0 {
					a = 1 / a
				}
				m[i][j], m[j][i] = a, 1/a
			}
		}
		res, err := mcda.AHP(m, mcda.Eigenvector, mcda.RIAlonsoLamata)
		if err != nil {
			t.Fatal(err)
		}
		w, lambda := mcda.GonumEigen(m)
		if math.Abs(lambda-res.LambdaMax) > 1e-9 {
			t.Fatalf("lambda %v, decomposition %v", res.LambdaMax, lambda)
		}
		for i := range w {
			if math.Abs(w[i]-res.Weights[i]) > 1e-9 {
				t.Fatalf("weights %v, decomposition %v", res.Weights, w)
			}
		}
		if res.Consistent == (res.Warning != "") {
			t.Fatalf("CR %v: consistent %v but warning %q", res.CR, res.Consistent, res.Warning)
		}
	}
}

// Ranks by radix sort (n >= 256) and by comparison sort agree with a
// quadratic reference: rank = 1 + number of scores strictly better beyond
// the tolerance, for scores drawn from a small set so that ties are common.
func TestRanksMatchReference(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(6, 6))
	for _, n := range []int{0, 1, 2, 7, 255, 256, 1000, 5000} {
		for _, higher := range []bool{true, false} {
			s := make([]float64, n)
			for i := range s {
				s[i] = float64(rng.IntN(50)-25) / 7
				if rng.IntN(10) == 0 {
					s[i] = rng.NormFloat64() * 1e6
				}
			}
			got := mcda.Ranks(s, higher)
			for i := range s {
				want := 1
				for j := range s {
					better := s[j] > s[i]
					if !higher {
						better = s[j] < s[i]
					}
					if better && s[j] != s[i] {
						want++
					}
				}
				if got[i] != want {
					t.Fatalf("n=%d higher=%v: rank of %v = %d, want %d", n, higher, s[i], got[i], want)
				}
			}
		}
	}
}

func TestRanksTies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		scores []float64
		higher bool
		want   []int
	}{
		{[]float64{3, 2, 2, 1}, true, []int{1, 2, 2, 4}},
		{[]float64{1, 2, 2, 3}, false, []int{1, 2, 2, 4}},
		{[]float64{0.1 + 0.2, 0.3, 0.2}, true, []int{1, 1, 3}}, // equal up to rounding
		{[]float64{5, 5, 5}, true, []int{1, 1, 1}},
		{[]float64{-0.0, 0.0}, true, []int{1, 1}},
		{nil, true, []int{}},
	}
	for _, tt := range tests {
		if got := mcda.Ranks(tt.scores, tt.higher); !slices.Equal(got, tt.want) {
			t.Errorf("Ranks(%v, %v) = %v, want %v", tt.scores, tt.higher, got, tt.want)
		}
	}
}

// TOPSISFlat gives the same closeness as TOPSIS.
func TestTOPSISFlatMatchesTOPSIS(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := 0; trial < 50; trial++ {
		p := randomProblem(rng, 1+rng.IntN(20), 1+rng.IntN(6))
		flat := make([]float64, 0, len(p.Values)*len(p.Criteria))
		for _, r := range p.Values {
			flat = append(flat, r...)
		}
		for _, n := range mcda.Normalizations {
			res, err := mcda.TOPSIS(p, n)
			if err != nil {
				t.Fatal(err)
			}
			got, err := mcda.TOPSISFlat(flat, p.Types, p.Weights, n)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, res.Scores) {
				t.Fatalf("%s: flat %v, TOPSIS %v", n, got, res.Scores)
			}
		}
	}
}

// TestMinMaxRankReversal documents why the dominated-alternative property is
// only claimed for none and max: under minmax a dominated newcomer that
// widens one column's range shrinks that column's influence.
func TestMinMaxRankReversal(t *testing.T) {
	t.Parallel()
	p := mcda.Problem{
		Alternatives: []string{"A", "B", "D"},
		Criteria:     []string{"c1", "c2"},
		Types:        []mcda.CriterionType{mcda.Benefit, mcda.Benefit},
		Weights:      []float64{0.5, 0.5},
		Values:       [][]float64{{10, 5}, {4, 10}, {0, 0}},
	}
	before, err := mcda.WSM(p, mcda.MinMax)
	if err != nil {
		t.Fatal(err)
	}
	q := cloneProblem(p)
	q.Alternatives = append(q.Alternatives, "C")
	q.Values = append(q.Values, []float64{-100, 0}) // dominated by A
	after, err := mcda.WSM(q, mcda.MinMax)
	if err != nil {
		t.Fatal(err)
	}
	if before.Ranks[0] != 1 || after.Ranks[1] != 1 {
		t.Errorf("ranks before %v after %v: want A first before and B first after", before.Ranks, after.Ranks)
	}
}
