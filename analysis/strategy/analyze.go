package strategy

import (
	"fmt"
	"math"
	"slices"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/montecarlo"
)

// Options of an analysis. The zero value uses the case's settings.
type Options struct {
	// Weights are the lens weights within each group (the report computes
	// them, by AHP for pairwise weighting); nil means the case's direct or
	// swing weights.
	Weights map[string]float64
	// Outlook returns an occupation's projected ten-year change in percent.
	Outlook func(code string) (percent float64, ok bool)
	// Paths overrides settings.paths when > 0.
	Paths int
	// Seed overrides settings.seed when not nil.
	Seed *uint64
	// SensitivityPaths overrides settings.sensitivity_paths when > 0.
	SensitivityPaths int
	// Workers of the simulation; 0 means GOMAXPROCS. The results do not
	// depend on it.
	Workers int
	// Wage returns an occupation's national median annual wage and where it
	// comes from; the job a search finds in settings.search.occupation pays
	// it when no pay is given.
	Wage func(code string) (annual float64, source string, ok bool)
}

// SearchJob describes the job a search finds, as the simulation takes it.
type SearchJob struct {
	Role       string `json:"role,omitempty"`
	Occupation string `json:"occupation,omitempty"`
	// MonthlyPay is its expected gross pay a month, and PaySource where
	// that comes from.
	MonthlyPay float64 `json:"monthly_pay"`
	PaySource  string  `json:"pay_source"`
}

// searchJob fills in the pay of the job a search finds from its occupation's
// median wage when neither settings.search.pay nor a keep_searching option
// gives it, and says where the pay comes from. The case returned is c or a
// copy.
func searchJob(c *crossroads.Case, wage func(string) (float64, string, bool)) (*crossroads.Case, SearchJob) {
	ss, ks := &c.Settings.Search, c.SearchOption()
	var src string
	switch {
	case ss.Pay != nil:
		src = "settings.search.pay"
	case ks != nil:
		src = "the pay of the " + ks.Name
	default:
		src = "the median expected pay of the case's opportunities"
		if code := ss.Occupation; code != "" && wage != nil {
			if annual, from, ok := wage(code); ok && annual > 0 {
				d := *c
				d.Settings.Search.Pay = &crossroads.Pay{Amount: crossroads.Exactly(annual), Per: "year"}
				c, src = &d, "the national median wage of "+code+" ("+from+")"
			}
		}
	}
	j := c.SearchJob()
	return c, SearchJob{Role: j.Role, Occupation: j.Occupation, MonthlyPay: j.Pay.Monthly(), PaySource: src}
}

// Result is one strategy's place in the analysis.
type Result struct {
	Strategy
	// Rank under the case's ranking method (1 = best) and Score, in the
	// method's own points (0–100 for the weighted sum), with its standard
	// error from batch means over chunks of paths.
	Rank    int     `json:"rank"`
	Score   float64 `json:"score"`
	ScoreSE float64 `json:"score_se"`
	// Values of the criteria, 0–1, in the order of Analysis.Criteria.
	Values []float64 `json:"values"`
	// Outcome of the simulation.
	Outcome *montecarlo.Outcome `json:"-"`
}

// Lead says how far the best strategy is ahead of the runner-up.
type Lead struct {
	RunnerUp string `json:"runner_up"`
	// Points of score ahead, and their standard error (batch means over
	// chunks of paths, which share their random numbers).
	Points   float64 `json:"points"`
	PointsSE float64 `json:"points_se"`
	// Shares of the paths on which the best strategy ends the horizon with
	// more savings than the runner-up, with less, and with the same (within
	// a cent).
	SavingsMore float64 `json:"savings_more"`
	SavingsLess float64 `json:"savings_less"`
	SavingsSame float64 `json:"savings_same"`
}

// VOI is the value of knowing a pending opportunity's answer before the
// decision deadline.
type VOI struct {
	Opportunity string `json:"opportunity"`
	Name        string `json:"name"`
	// KnownBy is the date the answer is expected; Deadline the last moment
	// to decide (the respond-by date of an offer, or the start of an
	// accepted one: the last moment to withdraw without resigning), and
	// DeadlineOf the opportunity it belongs to; empty when there is none.
	KnownBy    string `json:"known_by"`
	Deadline   string `json:"deadline,omitempty"`
	DeadlineOf string `json:"deadline_of,omitempty"`
	// BeforeDeadline is true when the answer is expected before the
	// deadline, so that a plan that waits for it can use it.
	BeforeDeadline bool `json:"before_deadline"`
	// POffer is the share of paths on which the offer came.
	POffer float64 `json:"p_offer"`
	// BestWithout is the best of the strategies that commit now, without
	// the answer; BestIfOffer and BestIfNoOffer the best of all strategies
	// once the answer is known.
	BestWithout   string `json:"best_without"`
	BestIfOffer   string `json:"best_if_offer"`
	BestIfNoOffer string `json:"best_if_no_offer"`
	// Money is the gain in expected savings at the horizon from knowing the
	// answer, with its standard error (paired over paths); RunOut the
	// change in the probability of running out of savings; Score the gain
	// in the ranking's own points.
	Money   float64 `json:"money"`
	MoneySE float64 `json:"money_se"`
	RunOut  float64 `json:"run_out"`
	Score   float64 `json:"score"`
	// Captured is how much of it the best strategy overall (which may act
	// on the answer when it comes) already gets, in the same units.
	CapturedBy    string  `json:"captured_by"`
	CapturedMoney float64 `json:"captured_money"`
	CapturedScore float64 `json:"captured_score"`
}

// BreakEven is a value of an input at which the best strategy changes.
type BreakEven struct {
	// Input identifies the input ("conversion:contract", "offer:data-entry",
	// "savings", "balance"); Name says it in words; Unit is probability,
	// money or share.
	Input string `json:"input"`
	Name  string `json:"name"`
	Unit  string `json:"unit"`
	// Current value of the input (the mean of a range).
	Current float64 `json:"current"`
	// Value at which the best strategy changes; nil when it does not
	// change between Low and High.
	Value *float64 `json:"value"`
	// BestBelow and BestAbove are the best strategies just below and just
	// above Value (both the current best when there is no Value).
	BestBelow string `json:"best_below"`
	BestAbove string `json:"best_above"`
	// Low and High bound the search.
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	// Paths the search ran on, and how it was found.
	Paths  int    `json:"paths"`
	Method string `json:"method"`
}

// Bar is one input of the tornado chart.
type Bar struct {
	Input string `json:"input"`
	Name  string `json:"name"`
	Unit  string `json:"unit"`
	// Current, Low and High values of the input, and the rule that chose
	// Low and High.
	Current float64 `json:"current"`
	Low     float64 `json:"low"`
	High    float64 `json:"high"`
	Rule    string  `json:"rule"`
	// Lead of the best strategy over the best other, in score points, at
	// the case's values (Base), at Low and at High: below zero another
	// strategy is best, named in BestLow and BestHigh.
	LeadBase float64 `json:"lead_base"`
	LeadLow  float64 `json:"lead_low"`
	LeadHigh float64 `json:"lead_high"`
	BestLow  string  `json:"best_low"`
	BestHigh string  `json:"best_high"`
	// Savings are the best strategy's expected savings at the horizon.
	SavingsLow  float64 `json:"savings_low"`
	SavingsHigh float64 `json:"savings_high"`
	// Paths the bar was worked out on, and how.
	Paths  int    `json:"paths"`
	Method string `json:"method"`
}

// Analysis is the simulation of every strategy of a case, ranked.
type Analysis struct {
	Paths            int         `json:"paths"`
	SensitivityPaths int         `json:"sensitivity_paths"`
	Seed             uint64      `json:"seed"`
	Method           string      `json:"method"`
	Balance          float64     `json:"balance"`
	Criteria         []Criterion `json:"criteria"`
	// Strategies in the order generated.
	Strategies []Result `json:"strategies"`
	// Best is the index of the strategy ranked first.
	Best int  `json:"best"`
	Lead Lead `json:"lead"`
	// StateValues are the daily-life and future values of each job state.
	States             []StateValue `json:"states"`
	ValueOfInformation []VOI        `json:"value_of_information"`
	BreakEven          []BreakEven  `json:"break_even"`
	Tornado            []Bar        `json:"tornado"`
	// Utility is the money utility of the ranking.
	Utility MoneyUtility `json:"utility"`
	// SearchJob is the job a search finds.
	SearchJob SearchJob `json:"search_job"`
	// Sim is the main simulation.
	Sim *montecarlo.Result `json:"-"`
}

// StateValue is the value of a month spent in a job state.
type StateValue struct {
	ID        string  `json:"id"`
	DailyLife float64 `json:"daily_life"`
	Future    float64 `json:"future"`
}

// analyzer holds what the steps of an analysis share.
type analyzer struct {
	c        *crossroads.Case
	opt      Options
	strats   []Strategy
	policies []montecarlo.Policy
	sc       *scorer
	seed     uint64
	sens     int
	workers  int
	a        *Analysis
	cache    map[string]*point
	// prefetched waits for the re-runs started by prefetch.
	prefetched func() error
}

// point is the outcome of a sensitivity evaluation.
type point struct {
	scores  []float64
	ranks   []int
	savings []float64
	best    int // the first strategy ranked 1
}

// newPoint scores rows of criterion values.
func (sc *scorer) point(rows [][]float64, savings []float64) (*point, error) {
	scores, ranks, err := sc.score(rows)
	if err != nil {
		return nil, err
	}
	return &point{scores: scores, ranks: ranks, savings: savings, best: slices.Index(ranks, 1)}, nil
}

// Analyze generates the strategies of a valid case, simulates them on
// common random numbers, ranks them over criteria derived from their
// outcomes (see the package documentation), and works out the value of
// information, the break-even points and the tornado chart.
func Analyze(c *crossroads.Case, opt Options) (*Analysis, error) {
	c, sj := searchJob(c, opt.Wage)
	an := &analyzer{c: c, opt: opt, strats: Generate(c), workers: opt.Workers, cache: map[string]*point{}}
	if len(an.strats) == 0 {
		return nil, crossroads.Errorf(crossroads.Invalid, "opportunities: no strategy can be formed from this case")
	}
	for _, s := range an.strats {
		an.policies = append(an.policies, s.Policy)
	}
	paths := c.Settings.PathsValue()
	if opt.Paths > 0 {
		paths = opt.Paths
	}
	an.seed = c.Settings.SeedValue()
	if opt.Seed != nil {
		an.seed = *opt.Seed
	}
	an.sens = c.Settings.SensitivityPathsValue()
	if opt.SensitivityPaths > 0 {
		an.sens = opt.SensitivityPaths
	}
	an.sens = min(an.sens, paths)
	var err error
	if an.sc, err = newScorer(c, opt.Weights); err != nil {
		return nil, err
	}
	an.prefetched = func() error { return nil }
	if len(an.strats) > 1 {
		an.prefetch()
	}
	sim, err := montecarlo.Simulate(c, an.policies, montecarlo.Settings{Paths: paths, Seed: an.seed, Workers: an.workers,
		Utility: an.sc.util.Value, Trajectories: len(an.strats) > 1})
	if err != nil {
		return nil, err
	}
	if err := an.sc.setStates(c, sim.States, opt.Weights, opt.Outlook); err != nil {
		return nil, err
	}
	a := &Analysis{Paths: paths, SensitivityPaths: an.sens, Seed: an.seed, Method: an.sc.method.Name,
		Balance: an.sc.balance, Utility: an.sc.util, SearchJob: sj, Sim: sim}
	an.a = a
	for i, id := range an.sc.stateIDs {
		a.States = append(a.States, StateValue{ID: id, DailyLife: an.sc.daily[i], Future: an.sc.future[i]})
	}
	rows := make([][]float64, len(sim.Outcomes))
	for i := range sim.Outcomes {
		rows[i] = an.sc.values(&sim.Outcomes[i].Mean)
	}
	scores, ranks, err := an.sc.score(rows)
	if err != nil {
		return nil, err
	}
	a.Criteria = slices.Clone(an.sc.crits)
	a.Best = -1
	for i, s := range an.strats {
		a.Strategies = append(a.Strategies, Result{Strategy: s, Rank: ranks[i], Score: scores[i], Values: rows[i], Outcome: &sim.Outcomes[i]})
		if ranks[i] == 1 && a.Best < 0 {
			a.Best = i
		}
	}
	if err := an.batchErrors(scores); err != nil {
		return nil, err
	}
	if err := an.valueOfInformation(rows); err != nil {
		return nil, err
	}
	if err := an.sensitivity(); err != nil {
		return nil, err
	}
	for i := range sim.Outcomes {
		sim.Outcomes[i].Trajectories = nil // only the savings evaluator needs them
	}
	return a, nil
}

// batchErrors sets the scores' standard errors and the lead from batch
// means: the score is recomputed from each chunk's means and SE² = Σ_b
// w_b² (s_b − s)² · B/(B − 1), w_b the chunk's share of the paths (for
// equal chunks, the variance of the chunk scores over B).
func (an *analyzer) batchErrors(scores []float64) error {
	a := an.a
	outs := a.Sim.Outcomes
	nb := len(outs[0].Batches)
	sq := make([]float64, len(scores))
	runner := -1
	var lead float64
	if len(scores) > 1 {
		lead, runner = an.sc.lead(scores, a.Best)
	}
	leadSq := 0.0
	for b := range nb {
		rows := make([][]float64, len(outs))
		for i := range outs {
			rows[i] = an.sc.values(&outs[i].Batches[b])
		}
		sb, _, err := an.sc.score(rows)
		if err != nil {
			return err
		}
		w := float64(outs[0].Batches[b].Paths) / float64(a.Paths)
		for i := range sb {
			sq[i] += w * w * (sb[i] - scores[i]) * (sb[i] - scores[i])
		}
		if runner >= 0 {
			l := sb[a.Best] - sb[runner]
			if !an.sc.higherIsBetter() {
				l = -l
			}
			leadSq += w * w * (l - lead) * (l - lead)
		}
	}
	k := 0.0
	if nb > 1 {
		k = float64(nb) / float64(nb-1)
	}
	for i := range sq {
		a.Strategies[i].ScoreSE = math.Sqrt(sq[i] * k)
	}
	if runner < 0 {
		return nil
	}
	a.Lead = Lead{RunnerUp: an.strats[runner].ID, Points: lead, PointsSE: math.Sqrt(leadSq * k)}
	sb, sr := outs[a.Best].SavingsAtHorizon, outs[runner].SavingsAtHorizon
	for i := range sb {
		switch d := sb[i] - sr[i]; {
		case d > 0.005:
			a.Lead.SavingsMore++
		case d < -0.005:
			a.Lead.SavingsLess++
		default:
			a.Lead.SavingsSame++
		}
	}
	n := float64(len(sb))
	a.Lead.SavingsMore /= n
	a.Lead.SavingsLess /= n
	a.Lead.SavingsSame /= n
	return nil
}

// deadline returns the last moment to decide: the earliest respond-by date
// of an offer, or start of an accepted offer, after as_of.
func deadline(c *crossroads.Case) (crossroads.Date, string) {
	var d crossroads.Date
	of := ""
	for i := range c.Opportunities {
		o := &c.Opportunities[i]
		var x crossroads.Date
		switch o.Status {
		case crossroads.StatusOffer:
			x = o.Chance.RespondBy
			if x.IsZero() {
				x = o.Start
			}
		case crossroads.StatusAccepted:
			x = o.Start
		}
		if x.IsZero() || !x.After(c.AsOf) {
			continue
		}
		if d.IsZero() || x.Before(d) {
			d, of = x, o.ID
		}
	}
	return d, of
}

// mixture returns Σ w_l · ms[l], field by field.
func mixture(w []float64, ms []montecarlo.Means) montecarlo.Means {
	var m montecarlo.Means
	m.Occupancy = make([]float64, len(ms[0].Occupancy))
	m.FutureOccupancy = make([]float64, len(ms[0].FutureOccupancy))
	for l, x := range ms {
		p := w[l]
		if p == 0 {
			continue
		}
		m.Paths += x.Paths
		m.Savings += p * x.Savings
		m.TakeHome += p * x.TakeHome
		m.PRunOut += p * x.PRunOut
		m.MonthsWithoutPay += p * x.MonthsWithoutPay
		m.MonthsWithoutEmployerCover += p * x.MonthsWithoutEmployerCover
		m.MonthsUncovered += p * x.MonthsUncovered
		m.PPermanent += p * x.PPermanent
		m.Reputation += p * x.Reputation
		m.HealthCost += p * x.HealthCost
		m.OwnHealthCost += p * x.OwnHealthCost
		m.CommuteCost += p * x.CommuteCost
		m.WithdrawalCost += p * x.WithdrawalCost
		m.OtherIncome += p * x.OtherIncome
		m.Shortfall += p * x.Shortfall
		m.MonthsShort += p * x.MonthsShort
		m.ShortArea += p * x.ShortArea
		m.Utility += p * x.Utility
		m.Withdrawals += p * x.Withdrawals
		m.Quits += p * x.Quits
		m.StartCosts += p * x.StartCosts
		m.UnemploymentIncome += p * x.UnemploymentIncome
		for i, v := range x.Occupancy {
			m.Occupancy[i] += p * v
		}
		for i, v := range x.FutureOccupancy {
			m.FutureOccupancy[i] += p * v
		}
	}
	return m
}

// contingent reports whether a strategy's commitment now depends on a
// pending answer: it holds a job (an offer, or the current job) and leaves
// it if a pending offer comes.
func contingent(c *crossroads.Case, p montecarlo.Policy) bool {
	if len(p.Targets) == 0 {
		return false
	}
	if p.Hold >= 0 {
		return true
	}
	for i := range c.Opportunities {
		if c.Opportunities[i].Status == crossroads.StatusCurrentJob {
			return true
		}
	}
	return false
}

// valueOfInformation works out, for each pending opportunity that is a
// factor of the simulation, the value of knowing its answer before the
// decision deadline (the expected value of perfect information). Without
// it the person must commit now: the best of the strategies that do not
// depend on the answer. With it they would follow the best strategy given
// an offer on the paths where the offer came and the best given none on the
// others: the mixture p̂·(its means given an offer) + (1 − p̂)·(given none),
// p̂ the share of paths with an offer. The value is the difference in
// expected savings at the horizon (paired over paths, with a standard
// error), in the run-out probability, and in score points (the informed
// plan scored alongside the strategies).
func (an *analyzer) valueOfInformation(rows [][]float64) error {
	a, c, sim := an.a, an.c, an.a.Sim
	dl, dlOf := deadline(c)
	without := -1
	for i := range a.Strategies {
		if contingent(c, an.strats[i].Policy) {
			continue
		}
		if without < 0 || an.sc.better(a.Strategies[i].Score, a.Strategies[without].Score) {
			without = i
		}
	}
	if without < 0 {
		return nil
	}
	sign := 1.0
	if !an.sc.higherIsBetter() {
		sign = -1
	}
	for fi, f := range sim.Factors {
		if f.Kind != montecarlo.FactorOffer {
			continue
		}
		k := slices.Index(sim.Pending, f.Opportunity)
		o := &c.Opportunities[f.Opportunity]
		known := o.KnownBy(c.AsOf)
		v := VOI{Opportunity: o.ID, Name: o.Name, KnownBy: known.String(), POffer: f.Shares[1],
			BestWithout: an.strats[without].ID, CapturedBy: an.strats[a.Best].ID}
		if !dl.IsZero() {
			v.Deadline, v.DeadlineOf, v.BeforeDeadline = dl.String(), dlOf, known.Before(dl)
		}
		bestAt := func(level int) (int, error) {
			r := make([][]float64, len(sim.Outcomes))
			for i := range sim.Outcomes {
				r[i] = an.sc.values(&sim.Outcomes[i].Levels[fi][level])
			}
			_, ranks, err := an.sc.score(r)
			if err != nil {
				return 0, err
			}
			return slices.Index(ranks, 1), nil
		}
		b1, err := bestAt(1)
		if err != nil {
			return err
		}
		b0, err := bestAt(0)
		if err != nil {
			return err
		}
		v.BestIfOffer, v.BestIfNoOffer = an.strats[b1].ID, an.strats[b0].ID
		p := f.Shares[1]
		informed := mixture([]float64{1 - p, p}, []montecarlo.Means{sim.Outcomes[b0].Levels[fi][0], sim.Outcomes[b1].Levels[fi][1]})
		v.RunOut = informed.PRunOut - sim.Outcomes[without].Mean.PRunOut
		scores, _, err := an.sc.score(append(slices.Clone(rows), an.sc.values(&informed)))
		if err != nil {
			return err
		}
		v.Score = sign * (scores[len(rows)] - scores[without])
		v.CapturedScore = sign * (scores[a.Best] - scores[without])
		// Paired differences of savings at the horizon.
		s1, s0, sw := sim.Outcomes[b1].SavingsAtHorizon, sim.Outcomes[b0].SavingsAtHorizon, sim.Outcomes[without].SavingsAtHorizon
		sum, sumSq := 0.0, 0.0
		for i, bits := range sim.Offered {
			x := s0[i]
			if bits&(1<<k) != 0 {
				x = s1[i]
			}
			d := x - sw[i]
			sum += d
			sumSq += d * d
		}
		n := float64(len(sim.Offered))
		v.Money = sum / n
		if n > 1 {
			v.MoneySE = math.Sqrt(math.Max(0, (sumSq-n*v.Money*v.Money)/(n-1)) / n)
		}
		v.CapturedMoney = sim.Outcomes[a.Best].Mean.Savings - sim.Outcomes[without].Mean.Savings
		a.ValueOfInformation = append(a.ValueOfInformation, v)
	}
	return nil
}

// evalCase re-runs the strategies on case mc with the sensitivity paths
// (the first paths of the same seed) and scores them; results are cached
// by key.
func (an *analyzer) evalCase(key string, mc *crossroads.Case) (*point, error) {
	if p, ok := an.cache[key]; ok {
		return p, nil
	}
	p, err := an.run(mc, an.workers, *an.sc)
	if err != nil {
		return nil, err
	}
	an.cache[key] = p
	return p, nil
}

// run re-runs the strategies on case mc with the sensitivity paths and the
// given number of workers, and scores them with (a copy of) sc.
func (an *analyzer) run(mc *crossroads.Case, workers int, sc scorer) (*point, error) {
	sim, err := montecarlo.Simulate(mc, an.policies, montecarlo.Settings{Paths: an.sens, Seed: an.seed, Workers: workers, MeansOnly: true,
		Utility: sc.util.Value})
	if err != nil {
		return nil, err
	}
	if err := sc.setStates(mc, sim.States, an.opt.Weights, an.opt.Outlook); err != nil {
		return nil, err
	}
	rows := make([][]float64, len(sim.Outcomes))
	var savings []float64
	for i := range sim.Outcomes {
		rows[i] = sc.values(&sim.Outcomes[i].Mean)
		savings = append(savings, sim.Outcomes[i].Mean.Savings)
	}
	return sc.point(rows, savings)
}

func key(input string, x float64) string { return fmt.Sprintf("%s=%.17g", input, x) }
