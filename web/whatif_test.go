package web

import (
	"math"
	"testing"

	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
)

func TestSmallerStep(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{
		{1000, 500}, {500, 200}, {200, 100}, {100, 50}, {5, 2}, {2, 1}, {1, 0.5},
	} {
		if got := smallerStep(tc.in); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("smallerStep(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestSavingsSliderSteps is the regression test of a hang: savings that
// are not a multiple of the first step (1,500 with a step of 1,000) made
// the search for a step loop for ever. Every case's own savings must be a
// position of the slider.
func TestSavingsSliderSteps(t *testing.T) {
	base, err := casefile.Parse(examples.MotivatingCase, "example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, savings := range []float64{0, 1, 7, 1500, 2500, 12345, 15000, 99999.5, 250000, 1e9} {
		c := *base
		c.Person.Savings = savings
		var s *slider
		for _, sl := range sliders(&c, whatIf{}) {
			if sl.Name == qSavings {
				s = &sl
			}
		}
		if s == nil {
			t.Fatalf("savings %v: no savings slider", savings)
		}
		if s.Step <= 0 || s.Max < savings {
			t.Errorf("savings %v: step %v, max %v", savings, s.Step, s.Max)
		}
		if s.Step > 1 && math.Mod(savings, s.Step) != 0 {
			t.Errorf("savings %v is not a position of the slider (step %v)", savings, s.Step)
		}
	}
}

// TestSavingsSliderHugeAmounts is the regression test of a hang that
// FuzzSliders found: savings or expenses near the largest number overflow
// to infinity when the slider's top is computed (3 × savings, 6 × monthly
// expenses), the step became infinite and the search for a smaller step
// never ended, so the report page of such a case never answered.
func TestSavingsSliderHugeAmounts(t *testing.T) {
	base, err := casefile.Parse(examples.MotivatingCase, "example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ savings, expenses float64 }{
		{1e308, 2400}, {math.MaxFloat64, 2400}, {6000, 1e308}, {math.MaxFloat64, math.MaxFloat64}, {1e300, 1e300},
	} {
		c := *base
		c.Person.Savings, c.Person.MonthlyExpenses = tc.savings, tc.expenses
		for _, s := range sliders(&c, whatIf{}) {
			if s.Name != qSavings {
				continue
			}
			if math.IsInf(s.Max, 0) || math.IsNaN(s.Max) || !(s.Step > 0) || math.IsInf(s.Step, 0) || s.Max < tc.savings {
				t.Errorf("savings %v, expenses %v: max %v, step %v", tc.savings, tc.expenses, s.Max, s.Step)
			}
		}
	}
}
