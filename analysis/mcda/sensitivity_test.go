package mcda_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/crossroads/crossroads/analysis/mcda"
)

func TestWeightSensitivityHandWorked(t *testing.T) {
	t.Parallel()
	// A scores t on c1 and B scores 1 - t when c1 weighs t (values already
	// on a 0..1 scale, none normalisation): A is best for t >= 0.5.
	p := mcda.Problem{
		Alternatives: []string{"A", "B"},
		Criteria:     []string{"c1", "c2"},
		Types:        []mcda.CriterionType{mcda.Benefit, mcda.Benefit},
		Weights:      []float64{3, 2},
		Values:       [][]float64{{1, 0}, {0, 1}},
	}
	want := []mcda.WeightInterval{
		{Criterion: "c1", Weight: 0.6, Lo: 0.5, Hi: 1, BelowBest: "B"},
		{Criterion: "c2", Weight: 0.4, Lo: 0, Hi: 0.5, AboveBest: "B"},
	}
	for _, name := range mcda.Methods {
		m, err := mcda.NewMethod(name)
		if err != nil {
			t.Fatal(err)
		}
		m.Normalization = mcda.None
		got, err := mcda.WeightSensitivity(p, m)
		if err != nil {
			t.Fatal(err)
		}
		for j := range want {
			g, w := got[j], want[j]
			if g.Criterion != w.Criterion || g.BelowBest != w.BelowBest || g.AboveBest != w.AboveBest ||
				math.Abs(g.Weight-w.Weight) > 1e-12 || math.Abs(g.Lo-w.Lo) > 1e-8 || math.Abs(g.Hi-w.Hi) > 1e-8 {
				t.Errorf("%s: got %+v, want %+v", name, g, w)
			}
		}
	}
}

// checkInterval verifies an interval by ranking just inside and just outside
// its ends.
func checkInterval(t *testing.T, p mcda.Problem, m mcda.Method, j, best int, iv mcda.WeightInterval, eps float64) {
	t.Helper()
	w := make([]float64, len(p.Weights))
	total := 0.0
	for _, x := range p.Weights {
		total += x
	}
	winnerAt := func(tw float64) (bool, string) {
		q := p
		q.Weights = make([]float64, len(w))
		for k := range w {
			if k == j {
				q.Weights[k] = tw
			} else {
				q.Weights[k] = p.Weights[k] / total * (1 - tw) / (1 - iv.Weight)
			}
		}
		res, err := m.Rank(q)
		if err != nil {
			t.Fatal(err)
		}
		first := slices.Index(res.Ranks, 1)
		return res.Ranks[best] == 1, p.Alternatives[first]
	}
	for _, tw := range []float64{iv.Lo + eps, iv.Weight, iv.Hi - eps} {
		if tw < iv.Lo || tw > iv.Hi {
			continue
		}
		if ok, _ := winnerAt(tw); !ok {
			t.Errorf("%s criterion %d: best %d is not first at %v inside %+v", m.Name, j, best, tw, iv)
		}
	}
	if iv.Lo > eps {
		ok, who := winnerAt(iv.Lo - eps)
		if ok || who != iv.BelowBest {
			t.Errorf("%s criterion %d: below %v the first is %s (best still first: %v), want %q", m.Name, j, iv.Lo, who, ok, iv.BelowBest)
		}
	} else if iv.BelowBest != "" {
		t.Errorf("%s: Lo = %v but BelowBest = %q", m.Name, iv.Lo, iv.BelowBest)
	}
	if iv.Hi < 1-eps {
		ok, who := winnerAt(iv.Hi + eps)
		if ok || who != iv.AboveBest {
			t.Errorf("%s criterion %d: above %v the first is %s (best still first: %v), want %q", m.Name, j, iv.Hi, who, ok, iv.AboveBest)
		}
	} else if iv.AboveBest != "" {
		t.Errorf("%s: Hi = %v but AboveBest = %q", m.Name, iv.Hi, iv.AboveBest)
	}
}

func TestWeightSensitivityRandom(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(8, 8))
	for trial := 0; trial < 40; trial++ {
		p := randomProblem(rng, 2+rng.IntN(5), 2+rng.IntN(3))
		for _, name := range mcda.Methods {
			m, _ := mcda.NewMethod(name)
			base, err := m.Rank(p)
			if err != nil {
				t.Fatal(err)
			}
			best := slices.Index(base.Ranks, 1)
			ivs, err := mcda.WeightSensitivity(p, m)
			if err != nil {
				t.Fatal(err)
			}
			for j, iv := range ivs {
				if !(iv.Lo <= iv.Weight && iv.Weight <= iv.Hi) {
					t.Fatalf("%s: %+v does not contain the weight", name, iv)
				}
				// Check a little away from the ends: bisection
				// tolerance for the numeric methods, rounding for WSM.
				checkInterval(t, p, m, j, best, iv, 1e-6)
			}
		}
	}
}

func TestWeightSensitivitySingleCriterion(t *testing.T) {
	t.Parallel()
	p := problem(bb[:1], []float64{2}, []float64{1}, []float64{3})
	ivs, err := mcda.WeightSensitivity(p, mcda.Method{Name: mcda.MethodTOPSIS})
	if err != nil {
		t.Fatal(err)
	}
	if len(ivs) != 1 || ivs[0].Lo != 0 || ivs[0].Hi != 1 || ivs[0].Weight != 1 {
		t.Errorf("single criterion: %+v", ivs)
	}
	if _, err := mcda.WeightSensitivity(p, mcda.Method{Name: "electre"}); err == nil {
		t.Error("unknown method accepted")
	}
}
