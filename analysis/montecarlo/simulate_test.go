package montecarlo

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/lens"
	"github.com/crossroads/crossroads/analysis/money"
	"github.com/crossroads/crossroads/analysis/money/ui"
)

// cent is the tolerance of a closed-form cash flow: half a cent.
const cent = 0.005

func ptr[T any](v T) *T { return &v }

var asOf = crossroads.MustDate("2027-01-01")

// months returns the months from asOf to date d, as the simulation counts
// them (days / (365.25/12)).
func months(d string) float64 { return asOf.MonthsUntil(crossroads.MustDate(d)) }

// base is a person with $5,000 saved, $2,000 of monthly expenses and $300 a
// month of health cover of their own, taxed at an effective 20%, over 12
// months.
func base() *crossroads.Case {
	return &crossroads.Case{
		AsOf:          asOf,
		HorizonMonths: 12,
		Person: crossroads.Person{MonthlyExpenses: 2000, Savings: 5000,
			Health: crossroads.HealthNeed{WithoutEmployerMonthly: ptr(300.0)}},
		Settings: crossroads.Settings{Tax: crossroads.Tax{Mode: "effective", EffectiveRate: ptr(0.2)}},
	}
}

// opp returns a permanent job paying gross a month, never laid off.
func opp(id, status, start string, gross float64) crossroads.Opportunity {
	o := crossroads.Opportunity{ID: id, Name: id, Status: status,
		Pay:    crossroads.Pay{Amount: crossroads.Exactly(gross), Per: "month"},
		Future: crossroads.Future{LayoffRiskPerYear: ptr(0.0)}}
	if start != "" {
		o.Start = crossroads.MustDate(start)
	}
	return o
}

func run(t *testing.T, c *crossroads.Case, p Policy) Outcome {
	t.Helper()
	if err := c.Validate(); err != nil {
		t.Fatalf("invalid test case: %v", err)
	}
	res, err := Simulate(c, []Policy{p}, Settings{Paths: 300, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	return res.Outcomes[0]
}

// TestClosedForm checks, with every probability 0 or 1 and every number
// certain, that every path gives the cash flow worked out by hand: pay
// earned from the start arrives half a month later; health cover is the
// employer plan's employee share while a job with a plan lasts and the
// person's own otherwise; commute costs while working; expenses every
// month.
func TestClosedForm(t *testing.T) {
	const H = 12.0
	th := 3000 * 0.8 // take-home of $3,000 gross at an effective 20%
	tests := []struct {
		name                                string
		c                                   func() *crossroads.Case
		p                                   Policy
		savings, noPay, noCover, reputation float64
		permanent, withdrawals, quits       float64
	}{
		{
			name: "accepted permanent job",
			c: func() *crossroads.Case {
				c := base()
				o := opp("a", crossroads.StatusAccepted, "2027-01-16", 3000)
				o.Benefits = crossroads.Benefits{Health: ptr(true), HealthEmployeeMonthly: ptr(100.0)}
				o.Commute.MonthlyCost = ptr(50.0)
				c.Opportunities = []crossroads.Opportunity{o, opp("b", crossroads.StatusOffer, "2027-03-01", 2000)}
				return c
			},
			p: Policy{Hold: 0},
			savings: func() float64 {
				s := months("2027-01-16")
				return 5000 + th*(H-s-0.5) - 50*(H-s) - 300*s - 100*(H-s) - 2000*H
			}(),
			noPay:     months("2027-01-16") + 0.5,
			noCover:   months("2027-01-16"),
			permanent: 1,
		},
		{
			name: "a one-off cost at the start and a signing bonus with the first paycheck",
			c: func() *crossroads.Case {
				c := base()
				o := opp("a", crossroads.StatusAccepted, "2027-01-16", 3000)
				o.Benefits = crossroads.Benefits{Health: ptr(true), HealthEmployeeMonthly: ptr(100.0)}
				o.Commute.MonthlyCost = ptr(50.0)
				o.Costs.OneOff = 500
				o.Pay.SigningBonus = 1000
				c.Opportunities = []crossroads.Opportunity{o, opp("b", crossroads.StatusOffer, "2027-03-01", 2000)}
				return c
			},
			p: Policy{Hold: 0},
			savings: func() float64 {
				s := months("2027-01-16")
				// The bonus is taxed at the effective 20% like the pay.
				return 5000 + th*(H-s-0.5) + 1000*0.8 - 500 - 50*(H-s) - 300*s - 100*(H-s) - 2000*H
			}(),
			noPay:     months("2027-01-16") + 0.5,
			noCover:   months("2027-01-16"),
			permanent: 1,
		},
		{
			name: "contract converted at its end with new pay and a plan",
			c: func() *crossroads.Case {
				c := base()
				o := opp("a", crossroads.StatusAccepted, "2027-01-16", 3000)
				o.Employment = crossroads.Employment{Type: crossroads.EmploymentContract, Months: 3,
					Conversion: crossroads.Conversion{Probability: ptr(crossroads.Exactly(1)),
						Pay:      &crossroads.Pay{Amount: crossroads.Exactly(3600), Per: "month"},
						Benefits: &crossroads.Benefits{Health: ptr(true), HealthEmployeeMonthly: ptr(120.0)}}}
				o.Commute.MonthlyCost = ptr(50.0)
				c.Opportunities = []crossroads.Opportunity{o, opp("b", crossroads.StatusOffer, "2027-03-01", 2000)}
				return c
			},
			p: Policy{Hold: 0},
			savings: func() float64 {
				s := months("2027-01-16")
				return 5000 + th*3 + 3600*0.8*(H-s-3.5) - 50*(H-s) - 300*(s+3) - 120*(H-s-3) - 2000*H
			}(),
			noPay:     months("2027-01-16") + 0.5,
			noCover:   months("2027-01-16") + 3,
			permanent: 1,
		},
		{
			name: "contract extended with a plan, not converted, then a search",
			c: func() *crossroads.Case {
				c := base()
				o := opp("a", crossroads.StatusAccepted, "2027-01-16", 3000)
				o.Employment = crossroads.Employment{Type: crossroads.EmploymentContract, Months: 3,
					Extension: crossroads.Extension{Probability: ptr(crossroads.Exactly(1)), Months: 2, Benefits: true},
					Conversion: crossroads.Conversion{Probability: ptr(crossroads.Exactly(0)),
						Benefits: &crossroads.Benefits{Health: ptr(true), HealthEmployeeMonthly: ptr(120.0)}}}
				o.Commute.MonthlyCost = ptr(50.0)
				c.Opportunities = []crossroads.Opportunity{o, opp("b", crossroads.StatusOffer, "2027-03-01", 2000)}
				c.Settings.Search = crossroads.SearchSettings{Months: ptr(crossroads.Exactly(2)),
					Pay:    &crossroads.Pay{Amount: crossroads.Exactly(2500), Per: "month"},
					Health: ptr(true), HealthEmployeeMonthly: ptr(80.0), CommuteMonthly: ptr(30.0), LayoffRiskPerYear: ptr(0.0)}
				return c
			},
			p: Policy{Hold: 0},
			savings: func() float64 {
				s := months("2027-01-16")
				return 5000 + th*5 + 2500*0.8*(H-s-7.5) - 300*(s+3) - 120*2 - 300*2 - 80*(H-s-7) - 50*5 - 30*(H-s-7) - 2000*H
			}(),
			noPay:     months("2027-01-16") + 0.5 + 2,
			noCover:   months("2027-01-16") + 3 + 2,
			permanent: 1,
		},
		{
			name: "withdraw before the start for a pending offer that comes",
			c: func() *crossroads.Case {
				c := base()
				a := opp("a", crossroads.StatusAccepted, "2027-02-01", 3000)
				a.Commitments = crossroads.Commitments{RenegeCost: 700, ReputationCost: ptr(6.0)}
				b := opp("b", crossroads.StatusInterviewScheduled, "2027-02-15", 3000)
				b.Chance = crossroads.Chance{Probability: ptr(crossroads.Exactly(1)), KnownBy: crossroads.MustDate("2027-01-20")}
				b.Benefits = crossroads.Benefits{Health: ptr(true), HealthEmployeeMonthly: ptr(100.0)}
				b.Commute.MonthlyCost = ptr(20.0)
				c.Opportunities = []crossroads.Opportunity{a, b}
				return c
			},
			p: Policy{Hold: 0, Targets: []int{1}, Mode: BeforeStart},
			savings: func() float64 {
				sb := months("2027-02-15")
				return 5000 + th*(H-sb-0.5) - 700 - 300*sb - 100*(H-sb) - 20*(H-sb) - 2000*H
			}(),
			noPay:       months("2027-02-15") + 0.5,
			noCover:     months("2027-02-15"),
			reputation:  6,
			withdrawals: 1,
			permanent:   1,
		},
		{
			name: "start, then resign to move to a pending offer that starts later",
			c: func() *crossroads.Case {
				c := base()
				a := opp("a", crossroads.StatusAccepted, "2027-02-01", 3000)
				a.Commitments = crossroads.Commitments{ResignCost: 400, ReputationCost: ptr(5.0)}
				a.Commute.MonthlyCost = ptr(60.0)
				b := opp("b", crossroads.StatusInterviewScheduled, "2027-03-01", 3500)
				b.Chance = crossroads.Chance{Probability: ptr(crossroads.Exactly(1)), KnownBy: crossroads.MustDate("2027-01-20")}
				c.Opportunities = []crossroads.Opportunity{a, b}
				return c
			},
			p: Policy{Hold: 0, Targets: []int{1}, Mode: Anytime},
			savings: func() float64 {
				sa, sb := months("2027-02-01"), months("2027-03-01")
				// Permanent jobs come with the default plan: $120 a month
				// for self coverage (KFF 2025).
				return 5000 + th*(sb-sa) + 3500*0.8*(H-sb-0.5) - 400 - 60*(sb-sa) - 300*sa - 120*(H-sa) - 2000*H
			}(),
			noPay:   months("2027-02-01") + 0.5,
			noCover: months("2027-02-01"),
			// Resigning after a month's work: the quit cost at the start
			// (three quarters of the way from 5 to 10) falls a sixth of the
			// way back to 5.
			reputation: 5 + 3.75*(1-(months("2027-03-01")-months("2027-02-01"))/6),
			quits:      1,
			permanent:  1,
		},
		{
			name: "decline, wait for an offer that does not come, search",
			c: func() *crossroads.Case {
				c := base()
				a := opp("a", crossroads.StatusOffer, "2027-02-01", 3000)
				b := opp("b", crossroads.StatusApplied, "", 3500)
				b.Chance = crossroads.Chance{Probability: ptr(crossroads.Exactly(0)), KnownBy: crossroads.MustDate("2027-02-10")}
				c.Opportunities = []crossroads.Opportunity{a, b}
				c.Settings.Search = crossroads.SearchSettings{Months: ptr(crossroads.Exactly(3)),
					Pay:    &crossroads.Pay{Amount: crossroads.Exactly(2500), Per: "month"},
					Health: ptr(false), CommuteMonthly: ptr(0.0), LayoffRiskPerYear: ptr(0.0)}
				return c
			},
			p: Policy{Hold: -1, Targets: []int{1}, Mode: Anytime},
			savings: func() float64 {
				f := months("2027-02-10") + 3
				return 5000 + 2500*0.8*(H-f-0.5) - 300*H - 2000*H
			}(),
			noPay:     months("2027-02-10") + 3 + 0.5,
			noCover:   H,
			permanent: 1,
		},
		{
			name: "keep searching: the job found first is kept, the offer that comes later declined",
			c: func() *crossroads.Case {
				c := base()
				a := opp("a", crossroads.StatusOffer, "2027-02-01", 3000)
				b := opp("b", crossroads.StatusInterviewScheduled, "2027-03-15", 4000)
				b.Chance = crossroads.Chance{Probability: ptr(crossroads.Exactly(1)), KnownBy: crossroads.MustDate("2027-03-01")}
				c.Opportunities = []crossroads.Opportunity{a, b}
				c.Settings.Search = crossroads.SearchSettings{Months: ptr(crossroads.Exactly(1)),
					Pay:    &crossroads.Pay{Amount: crossroads.Exactly(2500), Per: "month"},
					Health: ptr(false), CommuteMonthly: ptr(0.0), LayoffRiskPerYear: ptr(0.0)}
				return c
			},
			p:         Policy{Hold: -1, Targets: []int{1}, Mode: Anytime, Search: true},
			savings:   5000 + 2500*0.8*(H-1.5) - 300*H - 2000*H,
			noPay:     1.5,
			noCover:   H,
			permanent: 1,
		},
		{
			name: "current job that ends, other income, then a search",
			c: func() *crossroads.Case {
				c := base()
				cur := opp("cur", crossroads.StatusCurrentJob, "", 3000)
				cur.Employment.Ends = crossroads.MustDate("2027-03-16")
				cur.Benefits = crossroads.Benefits{Health: ptr(true), HealthEmployeeMonthly: ptr(90.0)}
				c.Opportunities = []crossroads.Opportunity{cur, opp("b", crossroads.StatusOffer, "2027-06-01", 2000)}
				c.Person.Income = []crossroads.Income{
					{Label: "benefits", Monthly: 1000, Until: crossroads.MustDate("2027-09-01"), EndsOnNewJob: true},
					{Label: "partner", Monthly: 200, Until: crossroads.MustDate("2027-05-01")},
				}
				c.Settings.Search = crossroads.SearchSettings{Months: ptr(crossroads.Exactly(4)),
					Pay:    &crossroads.Pay{Amount: crossroads.Exactly(3000), Per: "month"},
					Health: ptr(false), CommuteMonthly: ptr(0.0), LayoffRiskPerYear: ptr(0.0)}
				return c
			},
			p: Policy{Hold: -1},
			savings: func() float64 {
				e := months("2027-03-16")
				return 5000 + th*(e+0.5) + th*(H-e-4-0.5) + 1000*(e+4) + 200*months("2027-05-01") -
					90*e - 300*(H-e) - 2000*H
			}(),
			noPay:     4,
			noCover:   H - months("2027-03-16"),
			permanent: 1,
		},
		{
			name: "search while in the current job, and move to the job found",
			c: func() *crossroads.Case {
				c := base()
				cur := opp("cur", crossroads.StatusCurrentJob, "", 3000)
				c.Opportunities = []crossroads.Opportunity{cur, opp("b", crossroads.StatusOffer, "2027-06-01", 2000)}
				c.Settings.Search = crossroads.SearchSettings{Months: ptr(crossroads.Exactly(2)),
					Pay:    &crossroads.Pay{Amount: crossroads.Exactly(3500), Per: "month"},
					Health: ptr(false), CommuteMonthly: ptr(0.0), LayoffRiskPerYear: ptr(0.0)}
				return c
			},
			p: Policy{Hold: -1, Search: true},
			// The current job (a permanent job with the default plan, $120 a
			// month for self cover) pays until half a month after month 2.
			savings:   5000 + th*2.5 + 3500*0.8*(H-2.5) - 120*2 - 300*(H-2) - 2000*H,
			noPay:     0,
			noCover:   H - 2,
			permanent: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := run(t, tc.c(), tc.p)
			check := func(what string, got, want, tol float64) {
				t.Helper()
				if math.Abs(got-want) > tol {
					t.Errorf("%s: got %.4f, want %.4f", what, got, want)
				}
			}
			check("savings at the horizon", o.Mean.Savings, tc.savings, cent)
			check("savings P10", o.SavingsP10.Value, tc.savings, cent)
			check("savings P90", o.SavingsP90.Value, tc.savings, cent)
			// Every path is the same: the standard error is zero up to the
			// rounding of Σx² − n·x̄² (a tenth of a cent).
			check("savings SE", o.SE.Savings, 0, 1e-3)
			check("months without pay", o.Mean.MonthsWithoutPay, tc.noPay, 1e-9)
			check("months without employer cover", o.Mean.MonthsWithoutEmployerCover, tc.noCover, 1e-9)
			check("reputation", o.Mean.Reputation, tc.reputation, 1e-9)
			check("P(permanent)", o.Mean.PPermanent, tc.permanent, 0)
			check("withdrawals", o.Mean.Withdrawals, tc.withdrawals, 0)
			check("quits", o.Mean.Quits, tc.quits, 0)
			wantRun := 0.0
			if o.Fan[len(o.Fan)-1].P50 < 0 || minFan(o.Fan) < 0 {
				wantRun = 1
			}
			check("P(run out)", o.Mean.PRunOut, wantRun, 0)
		})
	}
}

func minFan(f []Band) float64 {
	m := math.Inf(1)
	for _, b := range f[1:] {
		m = math.Min(m, b.P50)
	}
	return m
}

// TestClosedFormRaiseAndTax checks raises on the anniversary of the start
// and the 2026 payroll and federal income tax estimate, over two years.
func TestClosedFormRaiseAndTax(t *testing.T) {
	c := base()
	c.HorizonMonths = 24
	c.Settings.Tax = crossroads.Tax{Mode: "estimate", FilingStatus: "single"}
	o := opp("a", crossroads.StatusAccepted, "2027-01-16", 4000)
	o.RaisePercent = crossroads.Exactly(5)
	o.Benefits = crossroads.Benefits{Health: ptr(false)}
	c.Opportunities = []crossroads.Opportunity{o, opp("b", crossroads.StatusOffer, "2027-03-01", 2000)}
	out := run(t, c, Policy{Hold: 0})
	tax := money.Tax{FilingStatus: money.Single}
	s := months("2027-01-16")
	y0, y1 := money.MonthlyTakeHome(4000, tax), money.MonthlyTakeHome(4200, tax)
	// Year one earned [s, s+12) arrives [s+½, s+12½); year two [s+12, 24)
	// earned arrives from s+12½ to the horizon.
	want := 5000 + y0*12 + y1*(24-s-12.5) - 300*24 - 2000*24
	if math.Abs(out.Mean.Savings-want) > cent {
		t.Errorf("savings at the horizon: got %.4f, want %.4f", out.Mean.Savings, want)
	}
	if want := y0*12 + y1*(24-s-12.5); math.Abs(out.Mean.TakeHome-want) > cent {
		t.Errorf("take-home: got %.4f, want %.4f", out.Mean.TakeHome, want)
	}
}

// TestSingleOffer checks a single pending offer with probability p: the
// expected take-home pay is p times the pay of the job, within three
// standard errors (the search that would follow no offer lasts beyond the
// horizon).
func TestSingleOffer(t *testing.T) {
	const p = 0.37
	c := base()
	b := opp("b", crossroads.StatusApplied, "2027-02-01", 3000)
	b.Chance = crossroads.Chance{Probability: ptr(crossroads.Exactly(p)), KnownBy: crossroads.MustDate("2027-01-20")}
	c.Opportunities = []crossroads.Opportunity{opp("a", crossroads.StatusOffer, "2027-02-01", 2000), b}
	c.Settings.Search.Months = ptr(crossroads.Exactly(60))
	for _, seed := range []uint64{1, 2, 3} {
		res, err := Simulate(c, []Policy{{Hold: -1, Targets: []int{1}, Mode: Anytime}}, Settings{Paths: 20000, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		o := res.Outcomes[0]
		want := p * 3000 * 0.8 * (12 - months("2027-02-01") - 0.5)
		if d := math.Abs(o.Mean.TakeHome - want); d > 3*o.SE.TakeHome {
			t.Errorf("seed %d: mean take-home %.2f ± %.2f, want %.2f (off by %.1f SE)", seed, o.Mean.TakeHome, o.SE.TakeHome, want, d/o.SE.TakeHome)
		}
		if d := math.Abs(o.Mean.PRunOut - (1 - p)); d > 3*o.SE.PRunOut {
			// Without the offer savings ($5,000) run out in month 2.
			t.Errorf("seed %d: P(run out) %.4f ± %.4f, want %.4f", seed, o.Mean.PRunOut, o.SE.PRunOut, 1-p)
		}
	}
}

// TestConversionMonotone raises the conversion probability of the example's
// contract in steps with the same seed: the mean take-home pay of keeping
// the contract never falls.
func TestConversionMonotone(t *testing.T) {
	c := exampleCase(t)
	prev := math.Inf(-1)
	for k := 0; k <= 10; k++ {
		x := float64(k) / 10
		c.Opportunities[0].Employment.Conversion.Probability = ptr(crossroads.Exactly(x))
		res, err := Simulate(c, []Policy{{Hold: 0}}, Settings{Paths: 5000, Seed: 11, MeansOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		got := res.Outcomes[0].Mean.TakeHome
		if got < prev {
			t.Errorf("conversion %.1f: mean take-home %.2f is below %.2f at %.1f", x, got, prev, x-0.1)
		}
		prev = got
	}
}

// TestExampleDeclineRiskier checks the motivating case: withdrawing from the
// contract to wait for the data-entry job runs out of savings more often
// than keeping the contract.
func TestExampleDeclineRiskier(t *testing.T) {
	c := exampleCase(t)
	res, err := Simulate(c, examplePolicies, Settings{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	keep, wait := res.Outcomes[0].Mean, res.Outcomes[3].Mean
	if !(wait.PRunOut > keep.PRunOut) {
		t.Errorf("P(run out): wait %.4f, keep %.4f; want wait higher", wait.PRunOut, keep.PRunOut)
	}
}

// TestReproducible runs the same case and seed with one worker and with
// several, under different GOMAXPROCS: every number is identical.
func TestReproducible(t *testing.T) {
	c := exampleCase(t)
	s := Settings{Paths: 3000, Seed: 42, Workers: 1}
	one, err := Simulate(c, examplePolicies, s)
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, w := range []struct{ workers, procs int }{{3, 1}, {4, 4}, {7, 2}, {0, 3}} {
		runtime.GOMAXPROCS(w.procs)
		s.Workers = w.workers
		many, err := Simulate(c, examplePolicies, s)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(one, many) {
			t.Errorf("%d workers, GOMAXPROCS %d: result differs from one worker", w.workers, w.procs)
		}
	}
	// The first paths are the same paths whatever the number of paths.
	short, err := Simulate(c, examplePolicies, Settings{Paths: 1000, Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 1000 {
		if short.Outcomes[2].SavingsAtHorizon[i] != one.Outcomes[2].SavingsAtHorizon[i] {
			t.Fatalf("path %d: savings %v with 1000 paths, %v with 3000", i, short.Outcomes[2].SavingsAtHorizon[i], one.Outcomes[2].SavingsAtHorizon[i])
		}
	}
}

// TestCommonRandomNumbers checks that strategies share their paths: keeping
// the contract and keeping it but withdrawing if the data-entry job is
// offered give the same savings on every path where no offer came.
func TestCommonRandomNumbers(t *testing.T) {
	c := exampleCase(t)
	res, err := Simulate(c, examplePolicies, Settings{Paths: 2000, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	same, offered := 0, 0
	for i, bits := range res.Offered {
		if bits&1 != 0 {
			offered++
			continue
		}
		if res.Outcomes[0].SavingsAtHorizon[i] == res.Outcomes[1].SavingsAtHorizon[i] {
			same++
		}
	}
	if want := len(res.Offered) - offered; same != want {
		t.Errorf("%d of %d no-offer paths agree; want all", same, want)
	}
	if offered == 0 || offered == len(res.Offered) {
		t.Errorf("offers came on %d of %d paths", offered, len(res.Offered))
	}
}

// TestFactorLevels checks that the level means of a factor mix back to the
// overall mean with the level shares.
func TestFactorLevels(t *testing.T) {
	c := exampleCase(t)
	res, err := Simulate(c, examplePolicies, Settings{Paths: 4000, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Factors) != 2 || res.Factors[0].Kind != FactorOffer || res.Factors[1].Kind != FactorConversion {
		t.Fatalf("factors %+v, want the offer then the conversion", res.Factors)
	}
	for pi, o := range res.Outcomes {
		for fi, f := range res.Factors {
			got := 0.0
			for l, m := range o.Levels[fi] {
				got += f.Shares[l] * m.Savings
			}
			if math.Abs(got-o.Mean.Savings) > 1e-6*math.Max(1, math.Abs(o.Mean.Savings)) {
				t.Errorf("policy %d, factor %s: mixed savings %.6f, mean %.6f", pi, f.Kind, got, o.Mean.Savings)
			}
		}
	}
}

// TestSamplePERT checks the PERT sampler's mean (a + 4m + b)/6 and variance
// (μ − a)(b − μ)/7 on 200,000 draws.
func TestSamplePERT(t *testing.T) {
	const n = 200000
	src := rand.NewPCG(1, 2)
	for _, e := range []crossroads.Estimate{crossroads.Range(1, 3, 9), crossroads.Range(0.3, 0.5, 0.7), crossroads.Range(0, 0, 1), crossroads.Exactly(4)} {
		sum, sq := 0.0, 0.0
		for range n {
			x := SamplePERT(e, src)
			if x < e.Min || x > e.Max {
				t.Fatalf("%v: draw %v outside the range", e, x)
			}
			sum += x
			sq += x * x
		}
		mean := sum / n
		v := sq/n - mean*mean
		mu := e.Mean()
		wantV := (mu - e.Min) * (e.Max - mu) / 7
		// Tolerances: 5 standard errors of the sample mean, and 5% of the
		// variance.
		if math.Abs(mean-mu) > 5*math.Sqrt(wantV/n)+1e-12 {
			t.Errorf("%v: mean %.5f, want %.5f", e, mean, mu)
		}
		if math.Abs(v-wantV) > 0.05*wantV+1e-12 {
			t.Errorf("%v: variance %.5f, want %.5f", e, v, wantV)
		}
	}
}

// TestBadPolicy checks that a policy naming the wrong opportunities is an
// Invalid error, not a panic.
func TestBadPolicy(t *testing.T) {
	c := exampleCase(t)
	for _, p := range []Policy{{Hold: 1}, {Hold: 5}, {Hold: -1, Targets: []int{0}}, {Hold: -1, Targets: []int{1, 1}}, {Hold: 0, Mode: 9}} {
		_, err := Simulate(c, []Policy{p}, Settings{Paths: 10})
		var ce *crossroads.Error
		if !errors.As(err, &ce) || ce.Kind != crossroads.Invalid {
			t.Errorf("policy %+v: got %v, want an Invalid error", p, err)
		}
	}
	if _, err := Simulate(c, nil, Settings{}); err == nil {
		t.Error("no policy: got no error")
	}
}

// TestSameAsShortcut checks the copy of a policy's path from an equivalent
// one: with the shortcut turned off every number is the same.
func TestSameAsShortcut(t *testing.T) {
	c := exampleCase(t)
	s := Settings{Paths: 1500, Seed: 8}
	with, err := Simulate(c, examplePolicies, s)
	if err != nil {
		t.Fatal(err)
	}
	noShortcut = true
	defer func() { noShortcut = false }()
	without, err := Simulate(c, examplePolicies, s)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(with, without) {
		t.Error("results differ with and without copying equivalent paths")
	}
}

// TestEmployerFailure checks future.failure: an accepted job whose employer
// fails for certain within its first month, before the job starts at month
// 1.94, never starts; the search begins the day of the failure, a uniform
// time u in (0, 1), so each path's savings are 5,000 + 2,000·(12 − u − 2.5)
// − 300·12 − 2,000·12 and their mean is that at u = ½ within the sampling
// error of u.
func TestEmployerFailure(t *testing.T) {
	c := base()
	a := opp("a", crossroads.StatusAccepted, "2027-03-01", 3000)
	a.Benefits.Health = ptr(false)
	a.Future.Failure = &crossroads.Failure{Probability: 1, WithinMonths: 1}
	c.Opportunities = []crossroads.Opportunity{a, opp("b", crossroads.StatusOffer, "2027-06-01", 2000)}
	c.Settings.Search = crossroads.SearchSettings{Months: ptr(crossroads.Exactly(2)),
		Pay:    &crossroads.Pay{Amount: crossroads.Exactly(2500), Per: "month"},
		Health: ptr(false), CommuteMonthly: ptr(0.0), LayoffRiskPerYear: ptr(0.0)}
	o := run(t, c, Policy{Hold: 0})
	f := func(u float64) float64 { return 5000 + 2000*(12-u-2.5) - 300*12 - 2000*12 }
	if lo, hi := f(1), f(0); o.SavingsP10.Value < lo-cent || o.SavingsP90.Value > hi+cent {
		t.Errorf("savings P10 %.2f, P90 %.2f outside [%.2f, %.2f]", o.SavingsP10.Value, o.SavingsP90.Value, lo, hi)
	}
	se := 2000 * math.Sqrt(1.0/12) / math.Sqrt(float64(o.Mean.Paths))
	if d := math.Abs(o.Mean.Savings - f(0.5)); d > 4*se {
		t.Errorf("mean savings %.2f, want %.2f ± %.2f", o.Mean.Savings, f(0.5), 4*se)
	}
	if math.Abs(o.SE.Savings-se) > se/4 {
		t.Errorf("savings SE %.2f, want about %.2f (the spread of u)", o.SE.Savings, se)
	}
	if o.Mean.Occupancy[0] != 0 {
		t.Errorf("months in the failed employer's job: %v, want 0", o.Mean.Occupancy[0])
	}
	// Without the failure the job starts and pays.
	a.Future.Failure = nil
	c.Opportunities[0] = a
	if o := run(t, c, Policy{Hold: 0}); o.Mean.Occupancy[0] == 0 {
		t.Error("without a failure the job never started")
	}
}

// TestUnemploymentBenefit: a three-month contract that is not converted
// ends through no fault of the person; in a state (here Washington) the
// state's weekly benefit for the contract's weekly wage is paid from the
// end of the waiting week until the job the two-month search finds
// starts; not when the person will not claim, and not after quitting.
func TestUnemploymentBenefit(t *testing.T) {
	const H = 12.0
	mk := func() *crossroads.Case {
		c := base()
		c.Person.State = "WA"
		a := opp("a", crossroads.StatusAccepted, "2027-01-16", 3000)
		a.Employment = crossroads.Employment{Type: crossroads.EmploymentContract, Months: 3,
			Conversion: crossroads.Conversion{Probability: ptr(crossroads.Exactly(0))}}
		c.Opportunities = []crossroads.Opportunity{a, opp("b", crossroads.StatusOffer, "2027-06-01", 2000)}
		c.Settings.Search = crossroads.SearchSettings{Months: ptr(crossroads.Exactly(2)),
			Pay:    &crossroads.Pay{Amount: crossroads.Exactly(2500), Per: "month"},
			Health: ptr(false), CommuteMonthly: ptr(0.0), LayoffRiskPerYear: ptr(0.0)}
		return c
	}
	c := mk()
	b, ok := ui.ForPerson(&c.Person, 3000*12/crossroads.WeeksPerYear)
	if !ok || b.Weekly <= 0 {
		t.Fatalf("no Washington benefit: %+v", b)
	}
	s := months("2027-01-16")
	without := 5000 + 2400*3 + 2000*(H-s-5.5) - 300*H - 2000*H
	paid := b.Monthly() * min(b.Months(), 2-b.WaitingMonths())
	o := run(t, c, Policy{Hold: 0})
	if math.Abs(o.Mean.Savings-(without+paid)) > cent || math.Abs(o.Mean.UnemploymentIncome-paid) > cent {
		t.Errorf("savings %.2f, benefit %.2f; want %.2f, %.2f", o.Mean.Savings, o.Mean.UnemploymentIncome, without+paid, paid)
	}
	c = mk()
	c.Person.Unemployment.Claim = ptr(false)
	if o := run(t, c, Policy{Hold: 0}); math.Abs(o.Mean.Savings-without) > cent || o.Mean.UnemploymentIncome != 0 {
		t.Errorf("not claiming: savings %.2f, benefit %.2f; want %.2f, 0", o.Mean.Savings, o.Mean.UnemploymentIncome, without)
	}
	// Resigning to move to a pending job that then starts: no claim.
	c = mk()
	p := opp("p", crossroads.StatusInterviewScheduled, "2027-02-15", 3200)
	p.Chance = crossroads.Chance{Probability: ptr(crossroads.Exactly(1)), KnownBy: crossroads.MustDate("2027-01-10")}
	c.Opportunities[1] = p
	if o := run(t, c, Policy{Hold: 0, Targets: []int{1}, Mode: Anytime}); o.Mean.UnemploymentIncome != 0 || o.Mean.Quits != 1 {
		t.Errorf("after quitting: benefit %.2f, quits %v; want 0, 1", o.Mean.UnemploymentIncome, o.Mean.Quits)
	}
}

// TestOwnCoverEstimated: with a state and no quote, a month without an
// employer plan costs the marketplace estimate at the income of that
// month's job, and a month without a job the estimate at the person's
// other income alone (Medicaid in an expansion state).
func TestOwnCoverEstimated(t *testing.T) {
	const H = 12.0
	c := base()
	c.Person.State, c.Person.Health.WithoutEmployerMonthly = "IL", nil
	c.Person.Unemployment.Claim = ptr(false)
	a := opp("a", crossroads.StatusAccepted, "2027-01-16", 3000)
	c.Opportunities = []crossroads.Opportunity{a, opp("b", crossroads.StatusOffer, "2027-06-01", 2000)}
	c.Opportunities[0].Benefits.Health = ptr(false)
	inJob, _ := lens.OwnCover(c, &c.Opportunities[0])
	noJob, _ := lens.OwnCoverWithoutJob(c)
	if !(inJob > noJob) {
		t.Fatalf("own cover in the job %v, without a job %v: the estimate should fall with the income", inJob, noJob)
	}
	s := months("2027-01-16")
	want := 5000 + 2400*(H-s-0.5) - noJob*s - inJob*(H-s) - 2000*H
	o := run(t, c, Policy{Hold: 0})
	if math.Abs(o.Mean.Savings-want) > cent || math.Abs(o.Mean.OwnHealthCost-(noJob*s+inJob*(H-s))) > cent {
		t.Errorf("savings %.2f, own cover %.2f; want %.2f, %.2f", o.Mean.Savings, o.Mean.OwnHealthCost, want, noJob*s+inJob*(H-s))
	}
}
