package strategy

import (
	"fmt"
	"math"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/lens"
	"github.com/crossroads/crossroads/analysis/mcda"
	"github.com/crossroads/crossroads/analysis/montecarlo"
)

// Criterion ids of the strategy ranking.
const (
	CritMoney      = "money"
	CritRunOut     = "run_out"
	CritCover      = "health_cover"
	CritDailyLife  = "daily_life"
	CritFuture     = "future"
	CritReputation = "reputation"
)

// Criterion is one criterion of the strategy ranking, with its weight.
type Criterion struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Group string `json:"group"`
	// InGroup is the weight within its group (present or future), Weight
	// the weight in the ranking: (1 − balance)·InGroup or balance·InGroup.
	InGroup float64 `json:"in_group"`
	Weight  float64 `json:"weight"`
	// From names the lens criteria whose weights it takes.
	From string `json:"from"`
	// Value says how an outcome becomes a value from 0 (worst) to 1 (best).
	Value string `json:"value"`
}

// simulated are the present criteria of the lens that the simulation
// measures itself (money, the run-out risk, health cover); the others make
// up daily life.
var simulated = map[string]bool{
	crossroads.CritTakeHome: true, crossroads.CritBenefits: true,
	crossroads.CritFirstPaycheck: true, crossroads.CritSecurity: true,
}

// riskFactor multiplies the weight of the run-out risk: a person averse to
// risk counts it half again, one tolerant of risk half as much.
var riskFactor = map[string]float64{"averse": 1.5, "neutral": 1, "tolerant": 0.5}

// scorer turns simulated outcomes into criterion values and scores.
type scorer struct {
	crits    []Criterion
	inGroup  []float64 // per criterion
	present  []bool    // per criterion
	balance  float64
	method   mcda.Method
	horizon  float64
	util     MoneyUtility
	month    float64   // a month of essential spending and own health cover
	daily    []float64 // per job state: daily-life value
	future   []float64 // per job state: future value (lens future / 100)
	stateIDs []string
}

// newScorer derives the criteria and their weights from the case and the
// lens weights within each group (nil: the case's direct or swing weights).
func newScorer(c *crossroads.Case, within map[string]float64) (*scorer, error) {
	if within == nil {
		var err error
		if within, err = lens.DirectWeights(c); err != nil {
			return nil, err
		}
	}
	s := &scorer{balance: c.BalanceValue(), horizon: float64(c.Horizon())}
	s.month = c.Person.MonthlyExpenses + lens.TypicalOwnCover(c)
	if !(s.month > 0) {
		s.month = 1000
	}
	attitude := c.Person.RiskAttitudeValue()
	s.util = MoneyUtility{Scale: 12 * s.month, Rho: RiskTolerance[attitude], Lambda: LossAversion}
	var err error
	if s.method, err = rankingMethod(c); err != nil {
		return nil, err
	}
	sum := func(ids ...string) float64 {
		t := 0.0
		for _, id := range ids {
			t += within[id]
		}
		return t
	}
	var daily []string
	for _, id := range c.CriterionIDs(crossroads.GroupPresent) {
		if !simulated[id] {
			daily = append(daily, id)
		}
	}
	nf := 0
	futureSum := 0.0
	for _, id := range c.CriterionIDs(crossroads.GroupFuture) {
		if within[id] > 0 {
			nf++
			futureSum += within[id]
		}
	}
	rf := riskFactor[attitude]
	rep := 0.0
	if nf > 0 {
		rep = futureSum / float64(nf)
	}
	// Health cover is counted once. Its cost, when the person buys their own
	// cover, is money: the weight of benefits goes to the money criterion,
	// and the cover criterion (months with no cover at all) has weight 0,
	// since it cannot vary. Only a person who would go uncovered without an
	// employer plan can have months without cover.
	moneyW, coverW := within[crossroads.CritTakeHome], within[crossroads.CritBenefits]
	moneyFrom, coverFrom := "take_home", "benefits"
	if !c.Person.Health.GoUncovered {
		moneyW, coverW = moneyW+coverW, 0
		moneyFrom, coverFrom = "take_home + benefits (you buy your own cover whenever no employer plan covers you: its cost is money)", "none: you are never without cover"
	}
	s.crits = []Criterion{
		{ID: CritMoney, Name: "Savings at the horizon", Group: crossroads.GroupPresent, From: moneyFrom,
			Value: fmt.Sprintf("the mean over the futures of (u(z) + λ)/(ρ + λ), z the savings at the horizon in years of essential spending (%s), u(z) = ρ(1 − e^(−z/ρ)) for z ≥ 0 and λz below, ρ = %g (%s), λ = %g: 0 for a year's spending in debt, %.2f for nothing left, towards 1 as savings grow",
				crossroads.FormatMoney(s.util.Scale, c.CurrencyCode()), s.util.Rho, attitude, s.util.Lambda, s.util.Value(0))},
		{ID: CritRunOut, Name: "Hardship: running short of savings", Group: crossroads.GroupPresent, From: "first_paycheck + security, × 1.5 averse, × 0.5 tolerant",
			Value: fmt.Sprintf("1 − how far below zero savings are on average over the month ends of the horizon, in months of essential spending (%s): how deep and how long, not only whether",
				crossroads.FormatMoney(s.month, c.CurrencyCode()))},
		{ID: CritCover, Name: "Months with health cover", Group: crossroads.GroupPresent, From: coverFrom,
			Value: "1 − the expected months with no health cover at all / the horizon"},
		{ID: CritDailyLife, Name: "Daily life at work", Group: crossroads.GroupPresent, From: "commute, flexibility, enjoyment and custom present criteria",
			Value: "the months in each job × that job's lens value on those criteria (weighted mean), / the horizon; a month without work counts 0"},
		{ID: CritFuture, Name: "What the months build", Group: crossroads.GroupFuture, From: "every future criterion",
			Value: "the months in each job × that job's lens future score / 100, / the horizon; a month without work counts 0, and a job left by resigning within 6 months of its start counts in proportion to the time stayed"},
		{ID: CritReputation, Name: "Reputation", Group: crossroads.GroupFuture, From: "the mean future weight",
			Value: "1 − the expected reputation cost / 10: withdrawing before a start (0–10 each), resigning after it (more, the sooner after the start)"},
	}
	raw := []float64{moneyW, rf * sum(crossroads.CritFirstPaycheck, crossroads.CritSecurity),
		coverW, sum(daily...), futureSum, rep}
	for _, g := range []string{crossroads.GroupPresent, crossroads.GroupFuture} {
		t := 0.0
		for i, cr := range s.crits {
			if cr.Group == g {
				t += raw[i]
			}
		}
		for i := range s.crits {
			if s.crits[i].Group == g && t > 0 {
				s.crits[i].InGroup = raw[i] / t
			}
		}
	}
	for i := range s.crits {
		s.inGroup = append(s.inGroup, s.crits[i].InGroup)
		s.present = append(s.present, s.crits[i].Group == crossroads.GroupPresent)
	}
	s.setBalance(s.balance)
	return s, nil
}

// setBalance sets the overall weights for balance b.
func (s *scorer) setBalance(b float64) {
	s.balance = b
	for i := range s.crits {
		share := b
		if s.present[i] {
			share = 1 - b
		}
		s.crits[i].Weight = share * s.inGroup[i]
	}
}

// rankingMethod returns the case's ranking method; the weighted sum runs on
// the values without further normalisation, so that its score is the
// weighted mean of the values.
func rankingMethod(c *crossroads.Case) (mcda.Method, error) {
	name := c.Criteria.Method
	if name == "" {
		name = mcda.MethodWSM
	}
	m, err := mcda.NewMethod(name)
	if err != nil {
		return m, err
	}
	if m.Name == mcda.MethodWSM {
		m.Normalization = mcda.None
	}
	return m, nil
}

// setStates computes the daily-life and future value of each job state of
// a simulation from the lens, run on the case with every converted job and
// the job a search finds added as opportunities.
func (s *scorer) setStates(c *crossroads.Case, states []montecarlo.State, within map[string]float64, outlook func(string) (float64, bool)) error {
	aug := *c
	n := len(c.Opportunities)
	aug.Opportunities = make([]crossroads.Opportunity, 0, 2*n+1)
	aug.Opportunities = append(aug.Opportunities, c.Opportunities...)
	for j := range c.Opportunities {
		aug.Opportunities = append(aug.Opportunities, converted(&c.Opportunities[j]))
	}
	aug.Opportunities = append(aug.Opportunities, c.SearchJob())
	lr, err := lens.Evaluate(&aug, lens.Settings{Weights: within, Outlook: outlook})
	if err != nil {
		return err
	}
	s.daily, s.future, s.stateIDs = nil, nil, nil
	for _, st := range states {
		k := 2 * n
		if st.Opportunity >= 0 {
			k = st.Opportunity
			if st.Converted {
				k = n + st.Opportunity
			}
		}
		o := lr.Opportunities[k]
		num, den := 0.0, 0.0
		for _, cr := range o.Criteria {
			if cr.Group == crossroads.GroupPresent && !simulated[cr.ID] {
				num += cr.Weight * cr.Value
				den += cr.Weight
			}
		}
		d := 0.5
		if den > 0 {
			d = num / den
		}
		s.daily = append(s.daily, d)
		s.future = append(s.future, o.Future/100)
		s.stateIDs = append(s.stateIDs, o.ID)
	}
	return nil
}

// converted returns opportunity o as it would be after conversion to
// permanent: the converted pay, benefits and role.
func converted(o *crossroads.Opportunity) crossroads.Opportunity {
	v := *o
	v.ID = o.ID + "~converted"
	if o.IsFixedTerm() {
		v.Name = o.Name + " (permanent)"
		v.Pay = o.ConvertedPay()
		v.Benefits = o.ConvertedBenefits()
		if r := o.Employment.Conversion.Role; r != "" {
			v.Role = r
		}
		v.Employment = crossroads.Employment{Type: crossroads.EmploymentPermanent}
	}
	return v
}

// values returns the criterion values of one strategy's means, in the
// order of s.crits. Each is the mean over the futures of a value of each
// future (expected multi-attribute utility: Keeney and Raiffa, Decisions
// with Multiple Objectives, 1976): the money utility is averaged by the
// simulation, the others are linear in the outcomes.
func (s *scorer) values(m *montecarlo.Means) []float64 {
	daily, future := 0.0, 0.0
	for i, months := range m.Occupancy {
		daily += months * s.daily[i]
	}
	for i, months := range m.FutureOccupancy {
		future += months * s.future[i]
	}
	return []float64{
		m.Utility,
		hardshipValue(m.ShortArea, s.month, s.horizon),
		1 - m.MonthsUncovered/s.horizon,
		daily / s.horizon,
		future / s.horizon,
		1 - m.Reputation/10,
	}
}

// score ranks rows of criterion values with the case's method and returns
// the scores (×100, as the method defines them) and the ranks.
func (s *scorer) score(rows [][]float64) ([]float64, []int, error) {
	if len(rows) == 1 {
		t := 0.0
		for j, v := range rows[0] {
			t += s.crits[j].Weight * v
		}
		return []float64{100 * t}, []int{1}, nil
	}
	p := mcda.Problem{Values: rows}
	for i := range rows {
		p.Alternatives = append(p.Alternatives, string(rune('a'+i%26)))
	}
	for _, cr := range s.crits {
		p.Criteria = append(p.Criteria, cr.ID)
		p.Types = append(p.Types, mcda.Benefit)
		p.Weights = append(p.Weights, cr.Weight)
	}
	res, err := s.method.Rank(p)
	if err != nil {
		return nil, nil, err
	}
	out := make([]float64, len(res.Scores))
	for i, v := range res.Scores {
		out[i] = 100 * v
	}
	return out, res.Ranks, nil
}

// higherIsBetter reports whether a higher score is better under the method
// (VIKOR's Q is better lower).
func (s *scorer) higherIsBetter() bool { return s.method.Name != mcda.MethodVIKOR }

// better reports whether score x is better than score y.
func (s *scorer) better(x, y float64) bool {
	if s.higherIsBetter() {
		return x > y
	}
	return x < y
}

// lead returns how far strategy a's score is ahead of the best other one,
// in points (positive: a ranks first), and that other one.
func (s *scorer) lead(scores []float64, a int) (float64, int) {
	other, best := -1, math.Inf(-1)
	sign := 1.0
	if !s.higherIsBetter() {
		sign = -1
	}
	for i, v := range scores {
		if i != a && sign*v > best {
			other, best = i, sign*v
		}
	}
	if other < 0 {
		return math.Inf(1), -1
	}
	return sign*scores[a] - best, other
}
