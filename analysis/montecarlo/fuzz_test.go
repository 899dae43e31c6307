package montecarlo

import (
	"math"
	"testing"

	"github.com/crossroads/crossroads"
)

// FuzzSimulate builds small cases from the fuzzer's numbers (a contract in
// hand, a pending permanent job, a search) and checks invariants of every
// strategy's outcome: finite numbers, probabilities within 0–1, months
// within the horizon, ordered quantiles.
func FuzzSimulate(f *testing.F) {
	f.Add(6000.0, 2400.0, 3500.0, 3000.0, 20, 3, 0.5, 0.3, 0.5, 1.0, 3.0, 9.0, 24, 14)
	f.Add(0.0, 0.0, 0.0, 100000.0, 0, 1, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1, 0)
	f.Add(1e6, 1e5, 1e5, 1.0, 400, 120, 0.0, 0.0, 1.0, 60.0, 60.0, 60.0, 120, 300)
	f.Fuzz(func(t *testing.T, savings, expenses, payA, payB float64, startDays, months int, conv, ext, offer, sMin, sLikely, sMax float64, horizon, knownDays int) {
		if startDays < 0 || startDays > 1000 || knownDays < 0 || knownDays > 1000 {
			return
		}
		start := asOf.Time().AddDate(0, 0, startDays)
		known := asOf.Time().AddDate(0, 0, min(knownDays, startDays))
		c := &crossroads.Case{AsOf: asOf, HorizonMonths: horizon,
			Person: crossroads.Person{Savings: savings, MonthlyExpenses: expenses},
			Opportunities: []crossroads.Opportunity{
				{ID: "a", Name: "a", Status: crossroads.StatusAccepted, Start: crossroads.DateOf(start),
					Pay: crossroads.Pay{Amount: crossroads.Exactly(payA), Per: "month"},
					Employment: crossroads.Employment{Type: crossroads.EmploymentContract, Months: months,
						Extension:  crossroads.Extension{Probability: ptr(crossroads.Exactly(ext)), Months: 2},
						Conversion: crossroads.Conversion{Probability: ptr(crossroads.Exactly(conv))}}},
				{ID: "b", Name: "b", Status: crossroads.StatusApplied, Start: crossroads.DateOf(start.AddDate(0, 0, 7)),
					Chance: crossroads.Chance{Probability: ptr(crossroads.Exactly(offer)), KnownBy: crossroads.DateOf(known)},
					Pay:    crossroads.Pay{Amount: crossroads.Exactly(payB), Per: "month"}},
			},
			Settings: crossroads.Settings{Search: crossroads.SearchSettings{Months: ptr(crossroads.Range(sMin, sLikely, sMax))}},
		}
		if c.Validate() != nil {
			return
		}
		res, err := Simulate(c, examplePolicies, Settings{Paths: 300, Seed: 3})
		if err != nil {
			t.Fatalf("valid case: %v", err)
		}
		h := float64(c.Horizon())
		for pi, o := range res.Outcomes {
			m := o.Mean
			for _, x := range []float64{m.Savings, m.TakeHome, m.HealthCost, m.CommuteCost, o.SE.Savings, o.SavingsP10.Value, o.SavingsP90.Value} {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("policy %d: a number is not finite: %+v", pi, o.Mean)
				}
			}
			for _, p := range []float64{m.PRunOut, m.PPermanent} {
				if p < 0 || p > 1 {
					t.Fatalf("policy %d: probability %v", pi, p)
				}
			}
			for _, x := range []float64{m.MonthsWithoutPay, m.MonthsWithoutEmployerCover} {
				if x < 0 || x > h+1e-9 {
					t.Fatalf("policy %d: %v months of %v", pi, x, h)
				}
			}
			worked := 0.0
			for _, x := range m.Occupancy {
				worked += x
			}
			if worked > h+1e-9 {
				t.Fatalf("policy %d: %v months worked in %v", pi, worked, h)
			}
			for _, b := range o.Fan {
				if !(b.P10 <= b.P50 && b.P50 <= b.P90) {
					t.Fatalf("policy %d, month %d: quantiles out of order %+v", pi, b.Month, b)
				}
			}
			if !(o.SavingsP10.Value <= o.SavingsP50.Value && o.SavingsP50.Value <= o.SavingsP90.Value) {
				t.Fatalf("policy %d: horizon quantiles out of order", pi)
			}
		}
	})
}
