package report

import (
	"math"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/strategy"
)

// Simulation describes the Monte Carlo simulation behind the plans.
type Simulation struct {
	// Paths simulated, the paths of each sensitivity re-run, and the paths
	// the fan chart's months before the horizon are taken from.
	Paths            int    `json:"paths"`
	SensitivityPaths int    `json:"sensitivity_paths"`
	FanPaths         int    `json:"fan_paths"`
	Seed             uint64 `json:"seed"`
	HorizonMonths    int    `json:"horizon_months"`
	// PayLagMonths is the time from the start of a job to its first pay.
	PayLagMonths float64 `json:"pay_lag_months"`
	// Method ranks the plans; ScoreMeaning says what a score is.
	Method       string `json:"method"`
	ScoreMeaning string `json:"score_meaning"`
	// Criteria of the plans' ranking, with their weights.
	Criteria []strategy.Criterion `json:"criteria"`
	// States are the daily-life and future values of a month in each job.
	States []strategy.StateValue `json:"states"`
	// SearchJob is the job a search finds, as simulated.
	SearchJob strategy.SearchJob `json:"search_job"`
	// Best is the id of the plan ranked first, and Lead its margin.
	Best string        `json:"best"`
	Lead strategy.Lead `json:"lead"`
}

// Strategy is one plan, simulated. Each estimate has a companion with the
// suffix _se: its Monte Carlo standard error.
type Strategy struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Letter names the plan in the text report's charts.
	Letter  string  `json:"letter"`
	Rank    int     `json:"rank"`
	Score   float64 `json:"score"`
	ScoreSE float64 `json:"score_se"`
	// Savings at the end of the horizon: mean and quantiles.
	SavingsMean   float64 `json:"savings_mean"`
	SavingsMeanSE float64 `json:"savings_mean_se"`
	SavingsP10    float64 `json:"savings_p10"`
	SavingsP10SE  float64 `json:"savings_p10_se"`
	SavingsP50    float64 `json:"savings_p50"`
	SavingsP50SE  float64 `json:"savings_p50_se"`
	SavingsP90    float64 `json:"savings_p90"`
	SavingsP90SE  float64 `json:"savings_p90_se"`
	// TakeHome is the take-home pay received within the horizon.
	TakeHome   float64 `json:"take_home"`
	TakeHomeSE float64 `json:"take_home_se"`
	// PSavingsRunOut is the probability that savings fall below zero at the
	// end of some month; RunOutMonth the month it most often first happens
	// (0 when it never does), RunOutDate that month's end, RunOutShare the
	// share of the run-outs that begin then.
	PSavingsRunOut   float64 `json:"p_savings_run_out"`
	PSavingsRunOutSE float64 `json:"p_savings_run_out_se"`
	RunOutMonth      int     `json:"run_out_month"`
	RunOutDate       string  `json:"run_out_date,omitempty"`
	RunOutShare      float64 `json:"run_out_share"`
	// ShortfallMean is the expected depth of the hole: how far below zero
	// savings go at the worst month end (0 in a future where they never
	// do); ShortfallP90 its 90th percentile; MonthsShort the expected month
	// ends with savings below zero. Money is never negative.
	ShortfallMean   float64 `json:"shortfall_mean"`
	ShortfallMeanSE float64 `json:"shortfall_mean_se"`
	ShortfallP90    float64 `json:"shortfall_p90"`
	ShortfallP90SE  float64 `json:"shortfall_p90_se"`
	MonthsShort     float64 `json:"months_short"`
	MonthsShortSE   float64 `json:"months_short_se"`
	// ShortfallAverage is how far below zero savings are on average over
	// the month ends of the horizon (0 at month ends above zero), expected
	// over the futures: depth and length in one amount, the measure of the
	// hardship criterion.
	ShortfallAverage   float64 `json:"shortfall_average"`
	ShortfallAverageSE float64 `json:"shortfall_average_se"`
	// SavingsWorth is the certainty equivalent of the savings at the
	// horizon: the sure amount the person would value as much as the
	// plan's uncertain savings (the money criterion's utility inverted).
	SavingsWorth float64 `json:"savings_worth"`
	// MonthsWithoutPay: expected months without a paycheck.
	MonthsWithoutPay   float64 `json:"months_without_pay"`
	MonthsWithoutPaySE float64 `json:"months_without_pay_se"`
	// MonthsWithoutHealthCoverage: expected months with no health coverage
	// at all (only a person who would go uncovered rather than buy their
	// own has any).
	MonthsWithoutHealthCoverage   float64 `json:"months_without_health_coverage"`
	MonthsWithoutHealthCoverageSE float64 `json:"months_without_health_coverage_se"`
	// MonthsWithoutEmployerCoverage: expected months without an employer
	// health plan (paying for one's own cover, or uncovered).
	MonthsWithoutEmployerCoverage   float64 `json:"months_without_employer_coverage"`
	MonthsWithoutEmployerCoverageSE float64 `json:"months_without_employer_coverage_se"`
	// PPermanent: probability of being in a permanent job at the horizon.
	PPermanent   float64 `json:"p_permanent"`
	PPermanentSE float64 `json:"p_permanent_se"`
	// ReputationCost: expected reputation cost of withdrawing and quitting,
	// 0–10 each.
	ReputationCost   float64 `json:"reputation_cost"`
	ReputationCostSE float64 `json:"reputation_cost_se"`
	// Withdrawals is the expected number of accepted offers withdrawn from
	// before their start, Quits of jobs resigned from after their start
	// (the chance of each, when the plan has one).
	Withdrawals float64 `json:"withdrawals"`
	Quits       float64 `json:"quits"`
	// Money spent within the horizon, expected: all health cover, the part
	// bought without an employer, the commute, reneging and resigning; and
	// the other income received.
	HealthCost     float64 `json:"health_cost"`
	OwnHealthCost  float64 `json:"own_health_cost"`
	CommuteCost    float64 `json:"commute_cost"`
	WithdrawalCost float64 `json:"withdrawal_cost"`
	OtherIncome    float64 `json:"other_income"`
	// UnemploymentIncome is the expected unemployment benefit received after
	// involuntary ends of jobs (a contract not converted or extended, a
	// layoff, an employer that fails), by the state's rule (docs/money.md).
	UnemploymentIncome   float64 `json:"unemployment_income"`
	UnemploymentIncomeSE float64 `json:"unemployment_income_se"`
	// Values of the ranking's criteria (Simulation.Criteria): 1 is best;
	// money and hardship fall below 0 for holes deeper than the scale of
	// their value functions (docs/simulation.md).
	Values []CriterionValue `json:"values"`
	// Fan is the month-by-month P10, P50 and P90 of savings.
	Fan []FanPoint `json:"fan"`
}

// CriterionValue is a plan's value on one criterion.
type CriterionValue struct {
	ID    string  `json:"id"`
	Value float64 `json:"value"`
}

// FanPoint is one month of the fan chart.
type FanPoint struct {
	Month int     `json:"month"`
	Date  string  `json:"date"`
	P10   float64 `json:"p10"`
	P50   float64 `json:"p50"`
	P90   float64 `json:"p90"`
}

// Rounding of the simulation's numbers in the report: money to the cent,
// probabilities, months and values to four decimals, scores to three.
func cents(x float64) float64 { return roundTo(x, 100) }
func r4(x float64) float64    { return roundTo(x, 1e4) }
func r3(x float64) float64    { return roundTo(x, 1e3) }

// roundTo rounds x to a multiple of 1/scale. Numbers so large that x·scale
// overflows are left as they are (they have no fraction to round), where
// rounding would turn them into infinity.
func roundTo(x, scale float64) float64 {
	if y := math.Round(x*scale) / scale; !math.IsInf(y, 0) || math.IsInf(x, 0) {
		return y
	}
	return x
}

// monthEnd returns the date m months after as_of, months being 365.25/12
// days as everywhere in the analyses.
func monthEnd(c *crossroads.Case, m float64) string {
	return crossroads.DateOf(c.AsOf.Time().AddDate(0, 0, int(math.Round(m*crossroads.DaysPerMonth)))).String()
}

// buildStrategies runs the simulation of the plans and puts it into the
// report.
func (r *Report) buildStrategies(c *crossroads.Case, opt Options, within map[string]float64) error {
	a, err := strategy.Analyze(c, strategy.Options{Weights: within, Outlook: opt.Outlook, Paths: opt.Paths, Seed: opt.Seed, Workers: opt.Workers,
		Wage: occupationWage})
	if err != nil {
		return err
	}
	r.plans = a
	sim := a.Sim
	r.Simulation = &Simulation{Paths: a.Paths, SensitivityPaths: a.SensitivityPaths, FanPaths: sim.FanPaths, Seed: a.Seed,
		HorizonMonths: sim.Horizon, PayLagMonths: sim.PayLagMonths, Method: a.Method, ScoreMeaning: planScoreMeanings[a.Method],
		Criteria: a.Criteria, States: a.States, SearchJob: a.SearchJob, Best: a.Strategies[a.Best].ID, Lead: a.Lead}
	r.Simulation.SearchJob.MonthlyPay = cents(a.SearchJob.MonthlyPay)
	for i := range r.Simulation.Criteria {
		cr := &r.Simulation.Criteria[i]
		cr.InGroup, cr.Weight = r4(cr.InGroup), r4(cr.Weight)
	}
	for i := range r.Simulation.States {
		s := &r.Simulation.States[i]
		s.DailyLife, s.Future = r4(s.DailyLife), r4(s.Future)
	}
	l := &r.Simulation.Lead
	l.Points, l.PointsSE = r3(l.Points), r3(l.PointsSE)
	l.SavingsMore, l.SavingsLess, l.SavingsSame = r4(l.SavingsMore), r4(l.SavingsLess), r4(l.SavingsSame)
	for i, s := range a.Strategies {
		o := s.Outcome
		m, se := o.Mean, o.SE
		st := Strategy{ID: s.ID, Name: s.Name, Letter: string(rune('A' + i%26)), Rank: s.Rank, Score: r3(s.Score), ScoreSE: r3(s.ScoreSE),
			SavingsMean: cents(m.Savings), SavingsMeanSE: cents(se.Savings),
			SavingsP10: cents(o.SavingsP10.Value), SavingsP10SE: cents(o.SavingsP10.SE),
			SavingsP50: cents(o.SavingsP50.Value), SavingsP50SE: cents(o.SavingsP50.SE),
			SavingsP90: cents(o.SavingsP90.Value), SavingsP90SE: cents(o.SavingsP90.SE),
			TakeHome: cents(m.TakeHome), TakeHomeSE: cents(se.TakeHome),
			PSavingsRunOut: r4(m.PRunOut), PSavingsRunOutSE: r4(se.PRunOut),
			RunOutMonth: o.RunOutMonth, RunOutShare: r4(o.RunOutShare),
			MonthsWithoutPay: r4(m.MonthsWithoutPay), MonthsWithoutPaySE: r4(se.MonthsWithoutPay),
			MonthsWithoutHealthCoverage: r4(m.MonthsUncovered), MonthsWithoutHealthCoverageSE: r4(se.MonthsUncovered),
			MonthsWithoutEmployerCoverage: r4(m.MonthsWithoutEmployerCover), MonthsWithoutEmployerCoverageSE: r4(se.MonthsWithoutEmployerCover),
			PPermanent: r4(m.PPermanent), PPermanentSE: r4(se.PPermanent),
			ReputationCost: r4(m.Reputation), ReputationCostSE: r4(se.Reputation),
			HealthCost: cents(m.HealthCost), OwnHealthCost: cents(m.OwnHealthCost), CommuteCost: cents(m.CommuteCost),
			WithdrawalCost: cents(m.WithdrawalCost), OtherIncome: cents(m.OtherIncome),
			ShortfallMean: cents(m.Shortfall), ShortfallMeanSE: cents(se.Shortfall),
			ShortfallP90: cents(o.ShortfallP90.Value), ShortfallP90SE: cents(o.ShortfallP90.SE),
			MonthsShort: r4(m.MonthsShort), MonthsShortSE: r4(se.MonthsShort),
			ShortfallAverage: cents(m.ShortArea / float64(sim.Horizon)), ShortfallAverageSE: cents(se.ShortArea / float64(sim.Horizon)),
			SavingsWorth: cents(a.Utility.CertaintyEquivalent(m.Utility)),
			Withdrawals:  r4(m.Withdrawals), Quits: r4(m.Quits),
			UnemploymentIncome: cents(m.UnemploymentIncome), UnemploymentIncomeSE: cents(se.UnemploymentIncome),
		}
		if o.RunOutMonth > 0 {
			st.RunOutDate = monthEnd(c, float64(o.RunOutMonth))
		}
		for k, cr := range a.Criteria {
			st.Values = append(st.Values, CriterionValue{ID: cr.ID, Value: r4(s.Values[k])})
		}
		for _, b := range o.Fan {
			st.Fan = append(st.Fan, FanPoint{Month: b.Month, Date: monthEnd(c, float64(b.Month)), P10: cents(b.P10), P50: cents(b.P50), P90: cents(b.P90)})
		}
		r.Strategies = append(r.Strategies, st)
	}
	for _, v := range a.ValueOfInformation {
		v.POffer, v.RunOut = r4(v.POffer), r4(v.RunOut)
		v.Money, v.MoneySE, v.CapturedMoney = cents(v.Money), cents(v.MoneySE), cents(v.CapturedMoney)
		v.Score, v.CapturedScore = r3(v.Score), r3(v.CapturedScore)
		r.ValueOfInformation = append(r.ValueOfInformation, v)
	}
	for _, b := range a.BreakEven {
		round := r4
		if b.Unit == "money" {
			round = cents
		}
		b.Current, b.Low, b.High = round(b.Current), round(b.Low), round(b.High)
		if b.Value != nil {
			v := round(*b.Value)
			b.Value = &v
		}
		r.BreakEven = append(r.BreakEven, b)
	}
	for _, t := range a.Tornado {
		round := r4
		if t.Unit == "money" {
			round = cents
		}
		t.Current, t.Low, t.High = round(t.Current), round(t.Low), round(t.High)
		t.LeadBase, t.LeadLow, t.LeadHigh = r3(t.LeadBase), r3(t.LeadLow), r3(t.LeadHigh)
		t.SavingsLow, t.SavingsHigh = cents(t.SavingsLow), cents(t.SavingsHigh)
		r.Tornado = append(r.Tornado, t)
	}
	return nil
}

var planScoreMeanings = map[string]string{
	"wsm":        "the weighted mean of the plan's criterion values, 0–100",
	"topsis":     "closeness to the ideal plan, 0–100 (TOPSIS, vector normalisation)",
	"vikor":      "VIKOR's Q, 0–100, lower is better (v = 0.5)",
	"promethee2": "PROMETHEE II net flow, −100 to 100 (usual preference function)",
}

// strategy returns the report's plan with the given id.
func (r *Report) strategy(id string) *Strategy {
	for i := range r.Strategies {
		if r.Strategies[i].ID == id {
			return &r.Strategies[i]
		}
	}
	return nil
}

// planLetter returns "A" for the first plan and so on, or the id.
func (r *Report) planLetter(id string) string {
	if s := r.strategy(id); s != nil {
		return s.Letter
	}
	return id
}

// planName returns a plan's name with a lower-case first letter.
func (r *Report) planName(id string) string {
	s := r.strategy(id)
	if s == nil {
		return id
	}
	return lowerFirst(s.Name)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
