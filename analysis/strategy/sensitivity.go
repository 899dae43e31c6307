package strategy

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/lens"
	"github.com/crossroads/crossroads/analysis/montecarlo"
)

// Tolerances of the break-even searches: the width of the final bracket.
const (
	tolProbability = 0.001 // a tenth of a percentage point
	tolMoney       = 1.0   // one unit of money
	tolBalance     = 0.001
)

// input is an input of the tornado chart and, for some, of a break-even
// search.
type input struct {
	id, name, unit, rule string
	current, low, high   float64
	// breakEven: search [lo, hi] for the value at which the best changes.
	breakEven bool
	lo, hi    float64
	// apply returns the case with the input set to x.
	apply func(x float64) *crossroads.Case
	// factor, when ≥ 0, is the simulation factor the input moves, and
	// weights(x) the probabilities of its levels at x: the input is then
	// evaluated as a mixture of the main run's level means.
	factor  int
	weights func(x float64) []float64
	// lensFree: the input does not change the lens values of the job
	// states, which need not be recomputed.
	lensFree bool
}

func cloneCase(c *crossroads.Case) *crossroads.Case {
	d := *c
	d.Opportunities = slices.Clone(c.Opportunities)
	return &d
}

func ptr[T any](v T) *T { return &v }

// probInput is an input that is a probability: a range goes to its minimum
// and maximum, a certain value ±0.2 (within 0–1).
func probInput(id, name string, e crossroads.Estimate) input {
	in := input{id: id, name: name, unit: "probability", current: e.Mean(), breakEven: true, lo: 0, hi: 1, factor: -1}
	if e.IsRange() {
		in.low, in.high, in.rule = e.Min, e.Max, "the range's minimum and maximum"
	} else {
		in.low, in.high, in.rule = math.Max(0, e.Likely-0.2), math.Min(1, e.Likely+0.2), "±0.2"
	}
	return in
}

// pertMoments returns the mean and the mean square of a PERT estimate:
// μ = (a + 4m + b)/6 and E[X²] = μ² + (μ − a)(b − μ)/7.
func pertMoments(e crossroads.Estimate) (mu, sq float64) {
	mu = e.Mean()
	if !e.IsRange() {
		return mu, mu * mu
	}
	return mu, mu*mu + (mu-e.Min)*(e.Max-mu)/7
}

// inputs lists the inputs of the tornado chart (see the package
// documentation for the rules of their low and high values).
func (an *analyzer) inputs() []input {
	c := an.c
	factor := func(kind string, j int) int {
		if an.a == nil || an.a.Sim == nil {
			return -1 // before the main run
		}
		for fi, f := range an.a.Sim.Factors {
			if f.Kind == kind && f.Opportunity == j {
				return fi
			}
		}
		return -1
	}
	var ins []input
	mk := func(in input, set func(d *crossroads.Case, x float64)) {
		in.apply = func(x float64) *crossroads.Case {
			d := cloneCase(c)
			set(d, x)
			return d
		}
		ins = append(ins, in)
	}
	for j := range c.Opportunities {
		o := &c.Opportunities[j]
		if !o.Pending() {
			continue
		}
		in := probInput("offer:"+o.ID, "chance of an offer for the "+o.Name, o.OfferProbability())
		in.lensFree = true // the lens does not use the chance of an offer
		if in.factor = factor(montecarlo.FactorOffer, j); in.factor >= 0 {
			in.weights = func(x float64) []float64 { return []float64{1 - x, x} }
		}
		mk(in, func(d *crossroads.Case, x float64) {
			d.Opportunities[j].Chance.Probability = ptr(crossroads.Exactly(x))
		})
	}
	for j := range c.Opportunities {
		o := &c.Opportunities[j]
		if !o.IsFixedTerm() || o.Status == crossroads.StatusKeepSearching {
			continue
		}
		fi := factor(montecarlo.FactorConversion, j)
		in := probInput("conversion:"+o.ID, "chance the "+o.Name+" turns permanent", o.ConversionProbability())
		ext := o.ExtensionProbability().Mean()
		if in.factor = fi; fi >= 0 {
			// Levels: converted at the end; extended then converted;
			// extended, not converted; neither.
			in.weights = func(x float64) []float64 {
				return []float64{x, (1 - x) * ext * x, (1 - x) * ext * (1 - x), (1 - x) * (1 - ext)}
			}
		}
		mk(in, func(d *crossroads.Case, x float64) {
			d.Opportunities[j].Employment.Conversion.Probability = ptr(crossroads.Exactly(x))
		})
		if e := o.ExtensionProbability(); e.Max > 0 {
			in := probInput("extension:"+o.ID, "chance the "+o.Name+" is extended", e)
			in.breakEven = false
			mu, sq := pertMoments(o.ConversionProbability())
			if in.factor = fi; fi >= 0 {
				in.weights = func(y float64) []float64 {
					return []float64{mu, y * (mu - sq), y * (1 - 2*mu + sq), (1 - y) * (1 - mu)}
				}
			}
			mk(in, func(d *crossroads.Case, x float64) {
				d.Opportunities[j].Employment.Extension.Probability = ptr(crossroads.Exactly(x))
			})
		}
	}
	for j := range c.Opportunities {
		o := &c.Opportunities[j]
		if o.Status == crossroads.StatusKeepSearching || !(o.Pay.Monthly() > 0) {
			continue
		}
		in := input{id: "pay:" + o.ID, name: "monthly gross pay of the " + o.Name, unit: "money", current: o.Pay.Monthly(), factor: -1}
		if r := o.Pay.MonthlyRange(); r.IsRange() {
			in.low, in.high, in.rule = r.Min, r.Max, "the range's minimum and maximum"
		} else {
			in.low, in.high, in.rule = 0.9*in.current, 1.1*in.current, "±10%"
		}
		perMonth := o.Pay.AnnualOf(1) / 12
		mk(in, func(d *crossroads.Case, x float64) {
			d.Opportunities[j].Pay.Amount = crossroads.Exactly(x / perMonth)
		})
	}
	sd := c.SearchDuration()
	in := input{id: "search_months", name: "length of a job search", unit: "months", current: sd.Mean(), factor: -1}
	if sd.IsRange() {
		in.low, in.high, in.rule = sd.Min, sd.Max, "the range's minimum and maximum"
	} else {
		in.low, in.high, in.rule = 0.5*sd.Likely, 1.5*sd.Likely, "±50%"
	}
	mk(in, func(d *crossroads.Case, x float64) { d.Settings.Search.Months = ptr(crossroads.Exactly(x)) })

	p := c.Person
	month := p.MonthlyExpenses + lens.TypicalOwnCover(c)
	mk(input{id: "savings", name: "your savings today", unit: "money", current: p.Savings, factor: -1,
		low: math.Max(0, p.Savings-month), high: p.Savings + month, rule: "± one month of essential expenses and own health cover"},
		func(d *crossroads.Case, x float64) { d.Person.Savings = x })
	if p.MonthlyExpenses > 0 {
		mk(input{id: "expenses", name: "your essential monthly expenses", unit: "money", current: p.MonthlyExpenses, factor: -1,
			low: 0.9 * p.MonthlyExpenses, high: 1.1 * p.MonthlyExpenses, rule: "±10%"},
			func(d *crossroads.Case, x float64) { d.Person.MonthlyExpenses = x })
	}
	if h := lens.TypicalOwnCover(c); h > 0 {
		rule := "±25%"
		if p.Health.WithoutEmployerMonthly == nil {
			rule = "±25% of the estimate at the median pay of the options, as a flat quote"
		}
		mk(input{id: "own_health", name: "cost of health cover without an employer", unit: "money", current: h, factor: -1,
			low: 0.75 * h, high: 1.25 * h, rule: rule},
			func(d *crossroads.Case, x float64) { d.Person.Health.WithoutEmployerMonthly = ptr(x) })
	}
	mk(input{id: "layoff_risk", name: "yearly layoff risk of every job", unit: "factor", current: 1, factor: -1,
		low: 0.5, high: 2, rule: "halved and doubled"},
		func(d *crossroads.Case, x float64) {
			for k := range d.Opportunities {
				o := &d.Opportunities[k]
				o.Future.LayoffRiskPerYear = ptr(math.Min(1, x*o.LayoffRisk()))
			}
			sj := c.SearchJob()
			d.Settings.Search.LayoffRiskPerYear = ptr(math.Min(1, x*sj.LayoffRisk()))
		})
	return ins
}

// errUnobserved is returned by a mixture that needs a level no path of the
// main run reached.
var errUnobserved = errors.New("strategy: a level of the factor was never reached")

// evalMixture evaluates the strategies with the input's factor at the
// level probabilities weights(x): the means of each strategy are the
// mixture of its level means in the main run; the job states are valued
// on the case with the input set to x.
func (an *analyzer) evalMixture(in input, x float64) (*point, error) {
	sim := an.a.Sim
	w := in.weights(x)
	rows := make([][]float64, len(sim.Outcomes))
	var savings []float64
	if !an.observed(in, w) {
		return nil, errUnobserved
	}
	sc := *an.sc
	if !in.lensFree {
		if err := sc.setStates(in.apply(x), sim.States, an.opt.Weights, an.opt.Outlook); err != nil {
			return nil, err
		}
	}
	for i := range sim.Outcomes {
		m := mixture(w, sim.Outcomes[i].Levels[in.factor])
		rows[i] = sc.values(&m)
		savings = append(savings, m.Savings)
	}
	return sc.point(rows, savings)
}

// observed reports whether every level of the input's factor that has a
// positive weight in w was reached by some path of the main run.
func (an *analyzer) observed(in input, w []float64) bool {
	lv := an.a.Sim.Outcomes[0].Levels[in.factor]
	for l, p := range w {
		if p > 0 && lv[l].Paths == 0 {
			return false
		}
	}
	return true
}

// evaluator returns how input in is evaluated: as a mixture of the main
// run's level means when it moves a factor whose levels were all reached,
// else by re-running on the sensitivity paths.
func (an *analyzer) evaluator(in input) (f func(float64) (*point, error), paths int, method string) {
	if in.factor >= 0 {
		ok := true
		for _, x := range []float64{in.lo, in.hi, in.low, in.high, in.current} {
			if !an.observed(in, in.weights(x)) {
				ok = false
			}
		}
		if ok {
			return func(x float64) (*point, error) { return an.evalMixture(in, x) }, an.a.Paths,
				fmt.Sprintf("conditional means of the main run (%d paths), re-mixed for the input's value", an.a.Paths)
		}
	}
	return func(x float64) (*point, error) { return an.evalCase(key(in.id, x), in.apply(x)) }, an.sens,
		fmt.Sprintf("re-run on the first %d paths (common random numbers) with the input set to the value", an.sens)
}

// sensitivity builds the tornado chart and the break-even points.
func (an *analyzer) sensitivity() error {
	a := an.a
	if len(an.strats) < 2 {
		return nil // one plan: nothing can change the best
	}
	ins := an.inputs()
	best := a.Best
	leadOf := func(p *point) float64 {
		l, _ := an.sc.lead(p.scores, best)
		return l
	}
	savingsEval := an.savingsEvaluator()
	if err := an.prefetched(); err != nil {
		return err
	}
	var base *point
	for _, in := range ins {
		f, paths, method := an.evaluator(in)
		if in.id == "savings" {
			f, paths, method = savingsEval, a.Paths, "each path of the main run with its month-end savings shifted"
		}
		var b0 *point
		if paths == a.Paths {
			var err error
			if b0, err = an.mainPoint(); err != nil {
				return err
			}
		} else {
			if base == nil {
				var err error
				if base, err = an.evalCase("base", an.c); err != nil {
					return err
				}
			}
			b0 = base
		}
		lo, err := f(in.low)
		if err != nil {
			return err
		}
		hi, err := f(in.high)
		if err != nil {
			return err
		}
		a.Tornado = append(a.Tornado, Bar{Input: in.id, Name: in.name, Unit: in.unit, Current: in.current, Low: in.low, High: in.high, Rule: in.rule,
			LeadBase: leadOf(b0), LeadLow: leadOf(lo), LeadHigh: leadOf(hi),
			BestLow: an.strats[lo.best].ID, BestHigh: an.strats[hi.best].ID,
			SavingsLow: lo.savings[best], SavingsHigh: hi.savings[best], Paths: paths, Method: method})
	}
	slices.SortStableFunc(a.Tornado, func(x, y Bar) int {
		sx, sy := math.Abs(x.LeadHigh-x.LeadLow), math.Abs(y.LeadHigh-y.LeadLow)
		switch {
		case sx > sy:
			return -1
		case sx < sy:
			return 1
		}
		return 0
	})
	for _, in := range ins {
		if !in.breakEven {
			continue
		}
		f, paths, method := an.evaluator(in)
		trials := []float64{in.low, in.high}
		if paths == a.Paths {
			for k := 1; k < 20; k++ {
				trials = append(trials, float64(k)/20)
			}
		}
		if err := an.breakEven(in, f, trials, tolProbability, paths, "regula falsi (Illinois) on "+method); err != nil {
			return err
		}
	}
	if err := an.savingsBreakEven(savingsEval); err != nil {
		return err
	}
	return an.balanceBreakEven()
}

// mainPoint returns the main run's scores as a point.
func (an *analyzer) mainPoint() (*point, error) {
	rows := make([][]float64, len(an.a.Strategies))
	var savings []float64
	for i, r := range an.a.Strategies {
		rows[i] = r.Values
		savings = append(savings, r.Outcome.Mean.Savings)
	}
	return an.sc.point(rows, savings)
}

// breakEven searches each side of the input's current value for the
// nearest value at which the best strategy changes. The best at the
// current value is the reference (a strategy tied for first keeps it);
// each side is bracketed by the first of the trial points, nearest first,
// then the end of the range, where the reference is not ranked first, and
// the bracket is narrowed by regula falsi with the Illinois modification
// (Dowell and Jarratt, "A modified regula falsi method for computing the
// root of an equation", BIT 11, 1971) on the reference strategy's lead over
// the best other one, falling back to bisection. The search stops when the
// bracket is narrower than tol. A change of the best that starts and ends
// between two trial points can be missed.
func (an *analyzer) breakEven(in input, f func(float64) (*point, error), trials []float64, tol float64, paths int, method string) error {
	p0, err := f(in.current)
	if err != nil {
		return err
	}
	ref := p0.best
	g := func(p *point) float64 {
		l, _ := an.sc.lead(p.scores, ref)
		return l
	}
	still := func(p *point) bool { return p.ranks[ref] == 1 }
	found := false
	for _, far := range []float64{in.lo, in.hi} {
		if far == in.current {
			continue
		}
		var pts []float64
		for _, t := range trials {
			if (t-in.current)*(far-in.current) > 0 && math.Abs(t-in.current) < math.Abs(far-in.current) {
				pts = append(pts, t)
			}
		}
		slices.SortFunc(pts, func(x, y float64) int {
			dx, dy := math.Abs(x-in.current), math.Abs(y-in.current)
			switch {
			case dx < dy:
				return -1
			case dx > dy:
				return 1
			}
			return 0
		})
		pts = append(pts, far)
		near, pn := in.current, p0
		var x1 float64
		var p1 *point
		for _, t := range pts {
			p, err := f(t)
			if err != nil {
				return err
			}
			if !still(p) {
				x1, p1 = t, p
				break
			}
			near, pn = t, p
		}
		if p1 == nil {
			continue
		}
		a, ga, b, gb, pb := near, g(pn), x1, g(p1), p1
		side := 0
		for i := 0; i < 60 && math.Abs(b-a) > tol; i++ {
			x := (a + b) / 2
			if gb < ga {
				if r := (a*gb - b*ga) / (gb - ga); math.Abs(r-a) > tol/4 && math.Abs(b-r) > tol/4 && (r-a)*(b-r) > 0 {
					x = r
				}
			}
			p, err := f(x)
			if err != nil {
				return err
			}
			if still(p) {
				a, ga = x, g(p)
				if side == 1 {
					gb /= 2
				}
				side = 1
			} else {
				b, gb, pb = x, g(p), p
				if side == -1 {
					ga /= 2
				}
				side = -1
			}
		}
		v := (a + b) / 2
		be := BreakEven{Input: in.id, Name: in.name, Unit: in.unit, Current: in.current, Value: &v, Low: in.lo, High: in.hi, Paths: paths, Method: method}
		if far < in.current {
			be.BestBelow, be.BestAbove = an.strats[pb.best].ID, an.strats[ref].ID
		} else {
			be.BestBelow, be.BestAbove = an.strats[ref].ID, an.strats[pb.best].ID
		}
		an.a.BreakEven = append(an.a.BreakEven, be)
		found = true
	}
	if !found {
		an.a.BreakEven = append(an.a.BreakEven, BreakEven{Input: in.id, Name: in.name, Unit: in.unit, Current: in.current, Low: in.lo, High: in.hi,
			BestBelow: an.strats[ref].ID, BestAbove: an.strats[ref].ID, Paths: paths, Method: method})
	}
	return nil
}

// savingsEvaluator evaluates the strategies at savings today x from the
// main run. Savings change nothing on a path but shift its month-end
// balances by x less today's savings: the run-out probability at x is the
// share of paths whose lowest month-end balance, shifted, is below zero;
// the hole is re-counted from every path's month-end balances, shifted, and
// the money utility from every path's savings at the horizon, shifted; the
// other outcomes stay. Each evaluation is exact and takes about constant
// time (see tally).
func (an *analyzer) savingsEvaluator() func(float64) (*point, error) {
	means := an.savingsMeans()
	return func(x float64) (*point, error) {
		ms := means(x)
		rows := make([][]float64, len(ms))
		var savings []float64
		for i := range ms {
			rows[i] = an.sc.values(&ms[i])
			savings = append(savings, ms[i].Savings)
		}
		return an.sc.point(rows, savings)
	}
}

// savingsMeans returns a function giving each strategy's means at savings
// today x, from the main run (see savingsEvaluator).
func (an *analyzer) savingsMeans() func(x float64) []montecarlo.Means {
	a := an.a
	s0 := an.c.Person.Savings
	util := an.sc.util
	// The thresholds asked: −(x − s0) for savings x from 0 to s0 plus a
	// year of essential spending (the break-even search) and s0 ± a month
	// (the tornado).
	lo, hi := -12*an.sc.month*1.01-1, s0*1.01+1
	type plan struct{ min, traj, w *tally }
	plans := make([]plan, len(a.Sim.Outcomes))
	for i := range a.Sim.Outcomes {
		o := &a.Sim.Outcomes[i]
		plans[i] = plan{newTally(o.MinSavings, lo, hi, 0), newTally(o.Trajectories, lo, hi, 0),
			newTally(o.SavingsAtHorizon, lo, hi, util.Rho*util.Scale)}
	}
	return func(x float64) []montecarlo.Means {
		out := make([]montecarlo.Means, len(plans))
		d := x - s0
		for i, p := range plans {
			o := &a.Sim.Outcomes[i]
			m := o.Mean
			n := float64(len(o.MinSavings))
			k, sum, _ := p.min.below(-d)
			m.PRunOut, m.Shortfall = float64(k)/n, -(sum+float64(k)*d)/n
			k, sum, _ = p.traj.below(-d)
			m.MonthsShort, m.ShortArea = float64(k)/n, -(sum+float64(k)*d)/n
			m.Savings += d
			if -d >= lo {
				k, sum, e := p.w.below(-d)
				u := util.Lambda/util.Scale*(sum+float64(k)*d) + util.Rho*(n-float64(k)) -
					util.Rho*math.Exp(-d/(util.Rho*util.Scale))*(p.w.totalExp()-e)
				m.Utility = (u/n + util.Lambda) / (util.Rho + util.Lambda)
			} else {
				u := 0.0
				for _, w := range o.SavingsAtHorizon {
					u += util.Value(w + d)
				}
				m.Utility = u / n
			}
			out[i] = m
		}
		return out
	}
}

// savingsBreakEven finds the savings today at which the best strategy
// changes, on every path of the main run (see savingsEvaluator), between
// none and today's savings plus a year of essential spending.
func (an *analyzer) savingsBreakEven(f func(float64) (*point, error)) error {
	c := an.c
	s0 := c.Person.Savings
	month := c.Person.MonthlyExpenses + lens.TypicalOwnCover(c)
	in := input{id: "savings", name: "your savings today", unit: "money", current: s0, lo: 0, hi: s0 + 12*month}
	var trials []float64
	for k := 1; k <= 48; k++ {
		trials = append(trials, s0-float64(k)*month/4, s0+float64(k)*month/4)
	}
	method := fmt.Sprintf("regula falsi (Illinois) on all %d paths of the main run, their month-end savings shifted", an.a.Paths)
	return an.breakEven(in, f, trials, tolMoney, an.a.Paths, method)
}

// balanceBreakEven finds the present-vs-future balance at which the best
// strategy changes: the outcomes stay, only the weights move.
func (an *analyzer) balanceBreakEven() error {
	a := an.a
	rows := make([][]float64, len(a.Strategies))
	for i := range a.Strategies {
		rows[i] = a.Strategies[i].Values
	}
	b0 := an.sc.balance
	sc := *an.sc
	sc.crits = slices.Clone(an.sc.crits)
	f := func(x float64) (*point, error) {
		sc.setBalance(x)
		return sc.point(rows, nil)
	}
	in := input{id: "balance", name: "present-vs-future balance", unit: "share", current: b0, lo: 0, hi: 1}
	var trials []float64
	for k := 1; k < 40; k++ {
		trials = append(trials, float64(k)/40)
	}
	return an.breakEven(in, f, trials, tolBalance, a.Paths, fmt.Sprintf("regula falsi (Illinois) on the outcomes of all %d paths, re-weighted", a.Paths))
}

// prefetch starts, side by side and alongside the main run, the re-runs the
// tornado chart will need: the case as it is, and each input that is not a
// probability (those are mixtures of the main run) nor the savings (a
// shift) at its low and high value; one worker each. Each run is
// deterministic, so the order in which they finish changes nothing.
// prefetched waits for them and caches them.
func (an *analyzer) prefetch() {
	type job struct {
		key string
		c   *crossroads.Case
	}
	jobs := []job{{"base", an.c}}
	for _, in := range an.inputs() {
		switch id := in.id; {
		case id == "savings", strings.HasPrefix(id, "offer:"), strings.HasPrefix(id, "conversion:"), strings.HasPrefix(id, "extension:"):
			continue
		}
		jobs = append(jobs, job{key(in.id, in.low), in.apply(in.low)}, job{key(in.id, in.high), in.apply(in.high)})
	}
	workers := an.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	points := make([]*point, len(jobs))
	errs := make([]error, len(jobs))
	sc := *an.sc // the main run goes on changing an.sc
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				points[i], errs[i] = an.run(jobs[i].c, 1, sc)
			}
		}()
	}
	an.prefetched = func() error {
		wg.Wait()
		for i, j := range jobs {
			if errs[i] != nil {
				return errs[i]
			}
			an.cache[j.key] = points[i]
		}
		return nil
	}
}
