package strategy

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/montecarlo"
	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
)

func ptr2[T any](v T) *T { return &v }

func example(tb testing.TB) *crossroads.Case {
	tb.Helper()
	c, err := casefile.Parse(examples.MotivatingCase, "motivating-case.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func opp(id, status, start string) crossroads.Opportunity {
	o := crossroads.Opportunity{ID: id, Name: id + " job", Status: status, Pay: crossroads.Pay{Amount: crossroads.Exactly(3000), Per: "month"}}
	if start != "" {
		o.Start = crossroads.MustDate(start)
	}
	return o
}

func TestGenerate(t *testing.T) {
	pending := func(known, start string) crossroads.Opportunity {
		o := opp("p", crossroads.StatusInterviewScheduled, start)
		o.Chance.KnownBy = crossroads.MustDate(known)
		return o
	}
	tests := []struct {
		name string
		opps []crossroads.Opportunity
		want []string
	}{
		{"two offers", []crossroads.Opportunity{opp("a", crossroads.StatusOffer, "2027-02-01"), opp("b", crossroads.StatusOffer, "2027-03-01")},
			[]string{"accept-a", "accept-b", "search"}},
		{"offer and an answer before its start", []crossroads.Opportunity{opp("a", crossroads.StatusOffer, "2027-02-01"), pending("2027-01-20", "2027-03-01")},
			[]string{"accept-a", "accept-a-withdraw-if-offered", "accept-a-switch-if-offered", "wait", "search"}},
		{"offer and an answer after its start", []crossroads.Opportunity{opp("a", crossroads.StatusOffer, "2027-02-01"), pending("2027-02-20", "2027-03-01")},
			[]string{"accept-a", "accept-a-switch-if-offered", "wait", "search"}},
		{"pending job that would start first", []crossroads.Opportunity{opp("a", crossroads.StatusAccepted, "2027-03-01"), pending("2027-01-20", "2027-02-01")},
			[]string{"keep-a", "keep-a-withdraw-if-offered", "wait", "search"}},
		{"current job and a pending one", []crossroads.Opportunity{opp("c", crossroads.StatusCurrentJob, ""), pending("2027-01-20", "2027-02-01")},
			[]string{"stay", "stay-switch-if-offered", "search"}},
		{"offer and a search", []crossroads.Opportunity{opp("a", crossroads.StatusOffer, "2027-02-01"), opp("s", crossroads.StatusKeepSearching, "")},
			[]string{"accept-a", "search"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &crossroads.Case{AsOf: crossroads.MustDate("2027-01-01"), Person: crossroads.Person{MonthlyExpenses: 1000}, Opportunities: tc.opps}
			if err := c.Validate(); err != nil {
				t.Fatalf("invalid test case: %v", err)
			}
			var got []string
			for _, s := range Generate(c) {
				got = append(got, s.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestGenerateExample(t *testing.T) {
	c := example(t)
	var got []string
	for _, s := range Generate(c) {
		got = append(got, s.ID)
	}
	want := []string{"keep-contract", "keep-contract-withdraw-if-offered", "keep-contract-switch-if-offered", "wait", "search"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// analyzeExample is shared by the tests that only read the analysis.
func analyzeExample(t *testing.T, opt Options) *Analysis {
	t.Helper()
	a, err := Analyze(example(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAnalyzeExample(t *testing.T) {
	a := analyzeExample(t, Options{Paths: 4000, SensitivityPaths: 1000})
	if a.Strategies[a.Best].Rank != 1 {
		t.Errorf("best %d has rank %d", a.Best, a.Strategies[a.Best].Rank)
	}
	for _, s := range a.Strategies {
		for _, r := range a.Strategies {
			if s.Score > r.Score+1e-9 && s.Rank >= r.Rank {
				t.Errorf("%s scores %.3f > %s %.3f but ranks %d vs %d", s.ID, s.Score, r.ID, r.Score, s.Rank, r.Rank)
			}
		}
		// The weighted sum on values without normalisation is the weighted
		// mean of the values.
		want := 0.0
		for k, cr := range a.Criteria {
			want += cr.Weight * s.Values[k]
		}
		if math.Abs(s.Score-100*want) > 1e-9 {
			t.Errorf("%s: score %.6f, weighted values %.6f", s.ID, s.Score, 100*want)
		}
	}
	total := 0.0
	for _, cr := range a.Criteria {
		total += cr.Weight
	}
	if math.Abs(total-1) > 1e-12 {
		t.Errorf("criterion weights sum to %v", total)
	}
	if len(a.ValueOfInformation) != 1 {
		t.Fatalf("got %d VOI entries, want 1 (the data-entry job)", len(a.ValueOfInformation))
	}
	v := a.ValueOfInformation[0]
	if v.Score < -1e-9 {
		t.Errorf("VOI score %v: knowing the answer cannot lower the weighted sum", v.Score)
	}
	if !v.BeforeDeadline || v.Deadline != "2026-12-21" || v.KnownBy != "2026-12-14" {
		t.Errorf("VOI timing %+v", v)
	}
	for i := 1; i < len(a.Tornado); i++ {
		p, q := a.Tornado[i-1], a.Tornado[i]
		if math.Abs(p.LeadHigh-p.LeadLow) < math.Abs(q.LeadHigh-q.LeadLow) {
			t.Errorf("tornado not sorted by swing at %s, %s", p.Input, q.Input)
		}
	}
	inputs := map[string]bool{}
	for _, b := range a.BreakEven {
		inputs[b.Input] = true
		if b.Value == nil {
			if b.BestBelow != b.BestAbove {
				t.Errorf("%s: no break-even but best below %s, above %s", b.Input, b.BestBelow, b.BestAbove)
			}
			continue
		}
		if *b.Value < b.Low || *b.Value > b.High || b.BestBelow == b.BestAbove {
			t.Errorf("%s: break-even %+v", b.Input, b)
		}
	}
	for _, want := range []string{"conversion:contract", "offer:data-entry", "savings", "balance"} {
		if !inputs[want] {
			t.Errorf("no break-even entry for %s", want)
		}
	}
}

// TestBalanceBreakEvenExact checks the balance at which the best changes
// against the scores recomputed on either side of it: the weighted sum is
// linear in the balance, so the search is exact to its tolerance.
func TestBalanceBreakEvenExact(t *testing.T) {
	a := analyzeExample(t, Options{Paths: 4000, SensitivityPaths: 1000})
	scoreAt := func(i int, b float64) float64 {
		s := 0.0
		for k, cr := range a.Criteria {
			share := b
			if cr.Group == crossroads.GroupPresent {
				share = 1 - b
			}
			s += share * cr.InGroup * a.Strategies[i].Values[k]
		}
		return s
	}
	bestAt := func(b float64) string {
		best := 0
		for i := range a.Strategies {
			if scoreAt(i, b) > scoreAt(best, b) {
				best = i
			}
		}
		return a.Strategies[best].ID
	}
	for _, be := range a.BreakEven {
		if be.Input != "balance" || be.Value == nil {
			continue
		}
		if got := bestAt(*be.Value - tolBalance); got != be.BestBelow {
			t.Errorf("just below %.4f: best %s, want %s", *be.Value, got, be.BestBelow)
		}
		if got := bestAt(*be.Value + tolBalance); got != be.BestAbove {
			t.Errorf("just above %.4f: best %s, want %s", *be.Value, got, be.BestAbove)
		}
	}
}

// TestMixtureMatchesRerun checks the conditional-means shortcut: the means
// of each strategy with the data-entry offer's probability or the
// contract's conversion probability set to a value, mixed from the main
// run's level means, agree with a re-run at that value within four
// standard errors (of the difference of two independent estimates).
func TestMixtureMatchesRerun(t *testing.T) {
	c := example(t)
	an := &analyzer{c: c, strats: Generate(c), cache: map[string]*point{}, seed: 1, sens: 1000}
	for _, s := range an.strats {
		an.policies = append(an.policies, s.Policy)
	}
	var err error
	if an.sc, err = newScorer(c, nil); err != nil {
		t.Fatal(err)
	}
	const paths = 20000
	sim, err := montecarlo.Simulate(c, an.policies, montecarlo.Settings{Paths: paths, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	an.a = &Analysis{Sim: sim, Paths: paths}
	for _, in := range an.inputs() {
		if in.factor < 0 {
			continue
		}
		for _, x := range []float64{0.1, 0.8} {
			w := in.weights(x)
			re, err := montecarlo.Simulate(in.apply(x), an.policies, montecarlo.Settings{Paths: paths, Seed: 99, MeansOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			for i := range an.policies {
				m := mixture(w, sim.Outcomes[i].Levels[in.factor])
				got, want := m.PRunOut, re.Outcomes[i].Mean.PRunOut
				se := math.Sqrt(2 * 0.25 / paths)
				if math.Abs(got-want) > 4*se {
					t.Errorf("%s = %.1f, %s: P(run out) mixed %.4f, re-run %.4f", in.id, x, an.strats[i].ID, got, want)
				}
				got, want = m.Savings, re.Outcomes[i].Mean.Savings
				se = math.Hypot(sim.Outcomes[i].SE.Savings, re.Outcomes[i].SE.Savings)
				if math.Abs(got-want) > 4*se+1e-6 {
					t.Errorf("%s = %.1f, %s: savings mixed %.2f, re-run %.2f (SE %.2f)", in.id, x, an.strats[i].ID, got, want, se)
				}
			}
		}
	}
}

// TestMethods runs the analysis with every ranking method.
func TestMethods(t *testing.T) {
	for _, m := range []string{"topsis", "vikor", "promethee2"} {
		c := example(t)
		c.Criteria.Method = m
		a, err := Analyze(c, Options{Paths: 2000, SensitivityPaths: 500})
		if err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		ranks := map[int]bool{}
		for _, s := range a.Strategies {
			ranks[s.Rank] = true
			if math.IsNaN(s.Score) {
				t.Errorf("%s: %s score NaN", m, s.ID)
			}
		}
		if !ranks[1] || a.Method != m {
			t.Errorf("%s: ranks %v, method %s", m, ranks, a.Method)
		}
	}
}

// TestAnalyzeReproducible compares the whole analysis with one worker and
// with three.
func TestAnalyzeReproducible(t *testing.T) {
	enc := func(workers int) []byte {
		a := analyzeExample(t, Options{Paths: 3000, SensitivityPaths: 800, Workers: workers})
		var b bytes.Buffer
		if err := json.NewEncoder(&b).Encode(a); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if one, three := enc(1), enc(3); !bytes.Equal(one, three) {
		t.Error("the analysis differs between 1 and 3 workers")
	}
}

// TestCurrentJobCase analyses a case with a current job that ends and a
// pending offer: staying and moving if the offer comes must not run out of
// savings more often than staying.
func TestCurrentJobCase(t *testing.T) {
	cur := opp("cur", crossroads.StatusCurrentJob, "")
	cur.Employment.Ends = crossroads.MustDate("2027-04-01")
	p := opp("next", crossroads.StatusInterviewScheduled, "2027-03-01")
	p.Chance = crossroads.Chance{Probability: ptr2(crossroads.Exactly(0.6)), KnownBy: crossroads.MustDate("2027-02-01")}
	c := &crossroads.Case{AsOf: crossroads.MustDate("2027-01-01"), Person: crossroads.Person{MonthlyExpenses: 2500, Savings: 4000},
		Opportunities: []crossroads.Opportunity{cur, p}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	a, err := Analyze(c, Options{Paths: 3000, SensitivityPaths: 500})
	if err != nil {
		t.Fatal(err)
	}
	stay, move := a.Strategies[0].Outcome.Mean, a.Strategies[1].Outcome.Mean
	if move.PRunOut > stay.PRunOut {
		t.Errorf("P(run out): move %.3f, stay %.3f", move.PRunOut, stay.PRunOut)
	}
}

// TestSinglePlan analyses a case with nothing but searching: one plan, no
// lead, no break-even, and numbers that encode as JSON.
func TestSinglePlan(t *testing.T) {
	c := &crossroads.Case{AsOf: crossroads.MustDate("2027-01-01"), Person: crossroads.Person{MonthlyExpenses: 2000, Savings: 9000},
		Opportunities: []crossroads.Opportunity{opp("s1", crossroads.StatusKeepSearching, ""), opp("s2", crossroads.StatusKeepSearching, "")}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	a, err := Analyze(c, Options{Paths: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Strategies) != 1 || a.Strategies[0].Rank != 1 || len(a.BreakEven) != 0 || len(a.Tornado) != 0 {
		t.Errorf("%d strategies, %d break-evens, %d bars", len(a.Strategies), len(a.BreakEven), len(a.Tornado))
	}
	if _, err := json.Marshal(a); err != nil {
		t.Errorf("JSON: %v", err)
	}
}
