package strategy

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/montecarlo"
)

// TestMoneyUtilityReference checks the money utility against its sources.
func TestMoneyUtilityReference(t *testing.T) {
	u := MoneyUtility{Scale: 12, Rho: 0.5, Lambda: LossAversion}
	// The formula at a few points: u(z) = ρ(1 − e^(−z/ρ)) above zero, λz
	// below; the value (u + λ)/(ρ + λ).
	for _, tc := range []struct{ w, u, v float64 }{
		{0, 0, 2.25 / 2.75},
		{6, 0.5 * (1 - math.Exp(-1)), (0.5*(1-math.Exp(-1)) + 2.25) / 2.75}, // half a year saved
		{-12, -2.25, 0},                     // a year's spending in debt
		{-24, -4.5, -2.25 / 2.75},           // two years in debt: below 0, not clipped
		{1e9, 0.5, 1},                       // towards 1
		{-6, -1.125, (2.25 - 1.125) / 2.75}, // half a year in debt
	} {
		if got := u.U(tc.w); math.Abs(got-tc.u) > 1e-12 {
			t.Errorf("U(%v) = %v, want %v", tc.w, got, tc.u)
		}
		if got := u.Value(tc.w); math.Abs(got-tc.v) > 1e-12 {
			t.Errorf("Value(%v) = %v, want %v", tc.w, got, tc.v)
		}
	}
	// Howard (1988): with an exponential utility of risk tolerance ρ, a
	// 50-50 chance of gaining ρ or losing ρ/2 is just about acceptable; here
	// the sure equivalent of such a gamble from half a year's savings (so
	// that both outcomes stay above zero) is within 1% of ρ of the savings.
	for _, att := range []string{"averse", "neutral", "tolerant"} {
		rho := RiskTolerance[att]
		u := MoneyUtility{Scale: 12, Rho: rho, Lambda: LossAversion}
		w0 := 12 * rho // ρ years of spending saved
		mean := (u.Value(w0+12*rho) + u.Value(w0-6*rho)) / 2
		if ce := u.CertaintyEquivalent(mean); math.Abs(ce-w0) > 0.01*12*rho {
			t.Errorf("%s: sure equivalent of +ρ/−ρ/2 from %v is %v, want about %v", att, w0, ce, w0)
		}
	}
	// Tversky and Kahneman (1992): λ = 2.25, so near zero a 50-50 chance of
	// gaining 2.25x or losing x is worth about nothing for sure.
	x := 1e-6
	if ce := u.CertaintyEquivalent((u.Value(2.25*x) + u.Value(-x)) / 2); math.Abs(ce) > 1e-3*x {
		t.Errorf("sure equivalent of +2.25x/−x near zero is %v, want about 0", ce)
	}
	// Strictly increasing and concave over a wide grid.
	prev, prevSlope := math.Inf(-1), math.Inf(1)
	for w := -60.0; w <= 60; w += 0.25 {
		v := u.Value(w)
		if !(v > prev) {
			t.Fatalf("Value not increasing at %v", w)
		}
		if slope := (u.Value(w+0.25) - v) / 0.25; slope > prevSlope+1e-12 {
			t.Fatalf("Value not concave at %v", w)
		} else {
			prevSlope = slope
		}
		prev = v
	}
	// The sure equivalent inverts the utility.
	for _, w := range []float64{-30, -1, 0, 3, 40} {
		if ce := u.CertaintyEquivalent(u.Value(w)); math.Abs(ce-w) > 1e-9 {
			t.Errorf("CertaintyEquivalent(Value(%v)) = %v", w, ce)
		}
	}
}

// plansCase is a deterministic case with every plan the example has: an
// accepted three-month contract (a, from 2027-02-01, with a one-off cost of
// $300 at the start and a $500 signing bonus), a permanent job whose offer
// comes for certain on 2027-01-20 (b, from 2027-02-15), and searches of
// half a month.
func plansCase() *crossroads.Case {
	c := &crossroads.Case{AsOf: crossroads.MustDate("2027-01-01"), HorizonMonths: 12,
		Person: crossroads.Person{MonthlyExpenses: 2000, Savings: 3000,
			Health: crossroads.HealthNeed{WithoutEmployerMonthly: ptr2(300.0)}},
		Settings: crossroads.Settings{Paths: 256, Tax: crossroads.Tax{Mode: "effective", EffectiveRate: ptr2(0.2)},
			Search: crossroads.SearchSettings{Months: ptr2(crossroads.Exactly(0.5)),
				Pay:    &crossroads.Pay{Amount: crossroads.Exactly(2500), Per: "month"},
				Health: ptr2(false), CommuteMonthly: ptr2(0.0), LayoffRiskPerYear: ptr2(0.0)}}}
	a := opp("a", crossroads.StatusAccepted, "2027-02-01")
	a.Employment = crossroads.Employment{Type: crossroads.EmploymentContract, Months: 3,
		Conversion: crossroads.Conversion{Probability: ptr2(crossroads.Exactly(0))}}
	a.Commute.MonthlyCost = ptr2(50.0)
	a.Costs.OneOff = 300
	a.Pay.SigningBonus = 500
	a.Commitments.RenegeCost = 200
	b := opp("b", crossroads.StatusInterviewScheduled, "2027-02-15")
	b.Pay.Amount = crossroads.Exactly(3500)
	b.Chance = crossroads.Chance{Probability: ptr2(crossroads.Exactly(1)), KnownBy: crossroads.MustDate("2027-01-20")}
	b.Benefits = crossroads.Benefits{Health: ptr2(true), HealthEmployeeMonthly: ptr2(100.0)}
	b.Commute.MonthlyCost = ptr2(20.0)
	b.Future.LayoffRiskPerYear = ptr2(0.0)
	c.Opportunities = []crossroads.Opportunity{a, b}
	return c
}

// TestClosedFormPlans checks every plan of plansCase against its cash flow
// worked out by hand, to the cent: pay arrives half a month after it is
// earned, taxed at 20%; the bonus with the first paycheck; the one-off cost
// at the start; own cover at $300 whenever no employer plan covers.
func TestClosedFormPlans(t *testing.T) {
	c := plansCase()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	a, err := Analyze(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := func(d string) float64 { return c.AsOf.MonthsUntil(crossroads.MustDate(d)) }
	sa, sb := m("2027-02-01"), m("2027-02-15")
	const H = 12.0
	inB := 2800*(H-sb-0.5) - 300*sb - 100*(H-sb) - 20*(H-sb) // b from its start
	tests := map[string]struct {
		savings, withdrawals, quits, reputation float64
	}{
		// The contract, then a search of half a month, then the job found.
		"keep-a": {3000 + 2400*3 + 400 - 300 - 50*3 + 2000*(H-sa-4) - 300*H - 2000*H, 0, 0, 0},
		// Withdraw on the day of b's offer (the renege cost), then b.
		"keep-a-withdraw-if-offered": {3000 - 200 + inB - 2000*H, 1, 0, 7},
		// Start a, resign with two weeks' notice to start b the day it
		// starts: two weeks of a's pay, the bonus and the one-off cost.
		"keep-a-switch-if-offered": {3000 + 2400*(sb-sa) + 400 - 300 - 50*(sb-sa) + inB - 2000*H, 0, 1, 7 + 2.25*(1-(sb-sa)/6)},
		"wait":                     {3000 - 200 + inB - 2000*H, 1, 0, 7},
		// Withdraw now and search: the job found after half a month comes
		// before b's answer, and b is declined.
		"search": {3000 - 200 + 2000*(H-1) - 300*H - 2000*H, 1, 0, 7},
	}
	if len(a.Strategies) != len(tests) {
		t.Fatalf("%d plans, want %d", len(a.Strategies), len(tests))
	}
	for _, s := range a.Strategies {
		want, ok := tests[s.ID]
		if !ok {
			t.Errorf("unexpected plan %s", s.ID)
			continue
		}
		got := s.Outcome.Mean
		for _, x := range []struct {
			what      string
			got, want float64
		}{{"savings", got.Savings, want.savings}, {"withdrawals", got.Withdrawals, want.withdrawals},
			{"quits", got.Quits, want.quits}, {"reputation", got.Reputation, want.reputation}} {
			if math.Abs(x.got-x.want) > 0.005 {
				t.Errorf("%s: %s %.4f, want %.4f", s.ID, x.what, x.got, x.want)
			}
		}
	}
	// The search plan's hole, month end by month end: 500 after the first
	// month (no pay until month 1), then 300 less each month: below zero
	// from month 3, 2,800 short at month 12.
	for _, s := range a.Strategies {
		if s.ID != "search" {
			continue
		}
		m := s.Outcome.Mean
		area := 0.0
		for k := 3; k <= 12; k++ {
			area += 300*float64(k-1) - 500
		}
		if math.Abs(m.Shortfall-2800) > 0.005 || m.MonthsShort != 10 || math.Abs(m.ShortArea-area) > 0.005 || m.PRunOut != 1 {
			t.Errorf("search hole: shortfall %.2f, months %.2f, area %.2f, P %.2f; want 2800, 10, %.2f, 1", m.Shortfall, m.MonthsShort, m.ShortArea, m.PRunOut, area)
		}
		if v, want := s.Values[1], hardshipValue(area, 2300, H); math.Abs(v-want) > 1e-12 {
			t.Errorf("search hardship value %v, want %v", v, want)
		}
		if v, want := s.Values[0], a.Utility.Value(-2800); math.Abs(v-want) > 1e-12 {
			t.Errorf("search money value %v, want %v", v, want)
		}
	}
}

// randomCase draws a small case: an accepted contract that may convert, a
// pending permanent job, savings, expenses and search terms. Conversion
// keeps the contract's pay and adds a plan no dearer than the job found
// by searching, and no job is ever lost, so that a conversion is better on
// every path than the search that would follow the contract's end.
func randomCase(r *rand.Rand) *crossroads.Case {
	c := plansCase()
	c.HorizonMonths = 6 + r.IntN(19)
	c.Person.Savings = 8000 * r.Float64()
	c.Person.MonthlyExpenses = 1500 + 1500*r.Float64()
	a, b := &c.Opportunities[0], &c.Opportunities[1]
	a.Pay.Amount = crossroads.Exactly(2500 + 2000*r.Float64())
	a.Employment.Conversion = crossroads.Conversion{Probability: ptr2(crossroads.Estimate{Min: 0.1, Likely: 0.3 + 0.4*r.Float64(), Max: 0.9}),
		Benefits: &crossroads.Benefits{Health: ptr2(true), HealthEmployeeMonthly: ptr2(0.0)}}
	a.Future.LayoffRiskPerYear = ptr2(0.0)
	a.Pay.SigningBonus = 1000 * r.Float64()
	a.Costs.OneOff = 1000 * r.Float64()
	b.Pay.Amount = crossroads.Exactly(2000 + 2500*r.Float64())
	b.Chance.Probability = ptr2(crossroads.Estimate{Min: 0, Likely: r.Float64(), Max: 1})
	c.Settings.Search.Months = ptr2(crossroads.Estimate{Min: 0.5, Likely: 1 + 3*r.Float64(), Max: 8})
	c.Settings.Search.Pay = &crossroads.Pay{Amount: crossroads.Exactly(1500 + 1000*r.Float64()), Per: "month"}
	c.Settings.Paths = 512
	return c
}

// TestScoringProperties checks, over generated cases, what any sound
// scoring must do: more savings never raises the chance of running out or
// the expected shortfall of any plan; a plan better in every future scores
// higher; raising the chance of conversion never lowers the expected money
// of a plan that keeps the contract.
func TestScoringProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for k := range 40 {
		c := randomCase(r)
		if err := c.Validate(); err != nil {
			t.Fatalf("case %d: %v", k, err)
		}
		base, err := Analyze(c, Options{SensitivityPaths: 64})
		if err != nil {
			t.Fatalf("case %d: %v", k, err)
		}
		richer := *c
		richer.Person.Savings += 500 + 3000*r.Float64()
		rich, err := Analyze(&richer, Options{SensitivityPaths: 64})
		if err != nil {
			t.Fatal(err)
		}
		for i := range base.Strategies {
			b, m := base.Strategies[i].Outcome.Mean, rich.Strategies[i].Outcome.Mean
			if m.PRunOut > b.PRunOut || m.Shortfall > b.Shortfall+1e-9 || m.MonthsShort > b.MonthsShort || m.ShortArea > b.ShortArea+1e-9 {
				t.Errorf("case %d, %s: more savings raised the risk: P %v→%v, shortfall %v→%v", k, base.Strategies[i].ID, b.PRunOut, m.PRunOut, b.Shortfall, m.Shortfall)
			}
			if !(rich.Strategies[i].Score > base.Strategies[i].Score) {
				t.Errorf("case %d, %s: better in every future (more savings) but score %v → %v", k, base.Strategies[i].ID, base.Strategies[i].Score, rich.Strategies[i].Score)
			}
		}
		// Better pay in the pending job: every plan that may take it is at
		// least as good in every future, and strictly better where it does.
		better := *c
		better.Opportunities = append([]crossroads.Opportunity(nil), c.Opportunities...)
		better.Opportunities[1].Pay.Amount = crossroads.Exactly(c.Opportunities[1].Pay.Amount.Likely + 300)
		bp, err := Analyze(&better, Options{SensitivityPaths: 64})
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range base.Strategies {
			if bp.Strategies[i].Score < s.Score-1e-9 {
				t.Errorf("case %d, %s: better pay lowered the score %v → %v", k, s.ID, s.Score, bp.Strategies[i].Score)
			}
			if s.Outcome.Mean.Occupancy[2] > 0.01 && !(bp.Strategies[i].Score > s.Score) {
				t.Errorf("case %d, %s: better pay in a job it takes but score %v → %v", k, s.ID, s.Score, bp.Strategies[i].Score)
			}
		}
		// Conversion: the plan keeping the contract and stopping looking.
		hi := *c
		hi.Opportunities = append([]crossroads.Opportunity(nil), c.Opportunities...)
		conv := c.Opportunities[0].Employment.Conversion
		conv.Probability = ptr2(crossroads.Exactly(math.Min(1, conv.Probability.Mean()+0.2)))
		hi.Opportunities[0].Employment.Conversion = conv
		sims := map[string]*montecarlo.Result{}
		for name, cc := range map[string]*crossroads.Case{"base": c, "higher": &hi} {
			res, err := montecarlo.Simulate(cc, []montecarlo.Policy{{Hold: 0}}, montecarlo.Settings{Paths: 512, Seed: 3, MeansOnly: true, Utility: base.Utility.Value})
			if err != nil {
				t.Fatal(err)
			}
			sims[name] = res
		}
		lo, up := sims["base"].Outcomes[0].Mean, sims["higher"].Outcomes[0].Mean
		if up.Savings < lo.Savings-1e-6 || up.Utility < lo.Utility-1e-12 {
			t.Errorf("case %d: a higher chance of conversion lowered the money: %v → %v (utility %v → %v)", k, lo.Savings, up.Savings, lo.Utility, up.Utility)
		}
	}
}

// TestExampleSavingsLadder analyses the example with savings of 1, 2.5, 6
// and 12 months of essential spending. Less money must never push the
// answer toward a riskier plan: whenever the best plan changes as savings
// fall, the new best is at least as safe as the old one at the lower
// savings (a hardship value at least as high). With one month of savings
// every plan runs out, yet the plans are still told apart by the hole they
// leave, and knowing the data-entry answer is still worth something.
func TestExampleSavingsLadder(t *testing.T) {
	// The example as it is (Illinois: the marketplace after the credit, CHIP,
	// unemployment benefit), and as it was before it named a state: own
	// cover at $350 a month and no benefit, where every plan runs out with
	// one month of savings.
	for _, variant := range []string{"with a state", "without"} {
		t.Run(variant, func(t *testing.T) { savingsLadder(t, variant == "without") })
	}
}

func savingsLadder(t *testing.T, noState bool) {
	month := 2400.0 + 350
	type rung struct {
		best     string
		hardship map[string]float64
		pRun     map[string]float64
		voi      float64
	}
	var rungs []rung
	for _, k := range []float64{12, 6, 2.5, 1} {
		c := example(t)
		if noState {
			c.Person.State = ""
			c.Person.Health.WithoutEmployerMonthly = ptr2(350.0)
			c.Person.Unemployment.Claim = ptr2(false)
		}
		c.Person.Savings = k * month
		a, err := Analyze(c, Options{Paths: 4000, SensitivityPaths: 1000})
		if err != nil {
			t.Fatal(err)
		}
		g := rung{best: a.Strategies[a.Best].ID, hardship: map[string]float64{}, pRun: map[string]float64{}}
		for _, s := range a.Strategies {
			g.hardship[s.ID] = s.Values[1]
			g.pRun[s.ID] = s.Outcome.Mean.PRunOut
		}
		if len(a.ValueOfInformation) > 0 {
			g.voi = a.ValueOfInformation[0].Score
		}
		var line []string
		for _, s := range a.Strategies {
			line = append(line, fmt.Sprintf("%s %.1f (P %.2f, hole %.0f)", s.ID, s.Score, s.Outcome.Mean.PRunOut, s.Outcome.Mean.Shortfall))
		}
		t.Logf("%.1f months: best %s; %s", k, g.best, strings.Join(line, "; "))
		rungs = append(rungs, g)
	}
	for i := 1; i < len(rungs); i++ {
		prev, cur := rungs[i-1], rungs[i]
		if cur.best != prev.best && cur.hardship[cur.best] < cur.hardship[prev.best] {
			t.Errorf("less savings moved the best plan from %s to the riskier %s (hardship %.3f < %.3f)",
				prev.best, cur.best, cur.hardship[cur.best], cur.hardship[prev.best])
		}
	}
	thin := rungs[len(rungs)-1]
	if !noState {
		return
	}
	distinct := map[float64]bool{}
	for id, p := range thin.pRun {
		if p < 0.99 {
			t.Errorf("with one month of savings %s runs out only in %.0f%% of futures; the test expects every plan to", id, 100*p)
		}
		distinct[math.Round(thin.hardship[id]*1000)] = true
	}
	if len(distinct) < len(thin.hardship)-1 {
		t.Errorf("with one month of savings the hardship values do not tell the plans apart: %v", thin.hardship)
	}
	if !(thin.voi > 0) {
		t.Errorf("with one month of savings knowing the answer is worth %v points, want more than 0", thin.voi)
	}
}

// TestSavingsEvaluatorExact checks the savings evaluator's tallies against
// every path counted one by one, at savings across the searched range and
// beyond it.
func TestSavingsEvaluatorExact(t *testing.T) {
	c := example(t)
	an := &analyzer{c: c, a: &Analysis{}}
	var err error
	if an.sc, err = newScorer(c, nil); err != nil {
		t.Fatal(err)
	}
	var pols []montecarlo.Policy
	for _, s := range Generate(c) {
		pols = append(pols, s.Policy)
	}
	sim, err := montecarlo.Simulate(c, pols, montecarlo.Settings{Paths: 1500, Seed: 5, Utility: an.sc.util.Value, Trajectories: true})
	if err != nil {
		t.Fatal(err)
	}
	an.a.Sim = sim
	means := an.savingsMeans()
	s0, month := c.Person.Savings, an.sc.month
	for _, x := range []float64{0, 1, s0 - month, s0, s0 + 0.5, s0 + month, s0 + 12*month, s0 + 30*month, 4321.5} {
		got := means(x)
		d := x - s0
		for i, o := range sim.Outcomes {
			n := float64(len(o.MinSavings))
			var run, short, area, months, u float64
			for _, v := range o.MinSavings {
				if v+d < 0 {
					run++
					short -= v + d
				}
			}
			for _, v := range o.Trajectories {
				if v+d < 0 {
					months++
					area -= v + d
				}
			}
			for _, w := range o.SavingsAtHorizon {
				u += an.sc.util.Value(w + d)
			}
			g := got[i]
			for _, f := range []struct {
				what      string
				got, want float64
			}{{"P(run out)", g.PRunOut, run / n}, {"shortfall", g.Shortfall, short / n}, {"area", g.ShortArea, area / n},
				{"months short", g.MonthsShort, months / n}, {"utility", g.Utility, u / n}, {"savings", g.Savings, o.Mean.Savings + d}} {
				if math.Abs(f.got-f.want) > 1e-9*math.Max(1, math.Abs(f.want)) {
					t.Errorf("savings %v, plan %d: %s %v, want %v", x, i, f.what, f.got, f.want)
				}
			}
		}
	}
}
