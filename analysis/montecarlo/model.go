package montecarlo

import (
	"fmt"
	"math"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/lens"
	"github.com/crossroads/crossroads/analysis/money"
	"github.com/crossroads/crossroads/analysis/money/ui"
)

// maxYears bounds the raise years tabulated per job (the horizon is at most
// 120 months).
const maxYears = 12

// phase terms: what a job gives and costs while in one phase.
type terms struct {
	health bool    // employer health coverage
	hcost  float64 // employee share of the plan, per month
	wait   float64 // months from the start of the phase (or job) before coverage
	conv   int     // 1 after conversion to permanent, else 0
}

// jobSpec is one opportunity (or the job a search finds) compiled for the
// simulation. Times are in months from the case's as_of date.
type jobSpec struct {
	opp        int // index in the case; -1 for the job a search finds
	id         string
	current    bool
	pending    bool
	accepted   bool
	fixedTerm  bool
	start      float64 // first day; negative when it began before as_of
	raiseBase  float64 // raises fall due every 12 months from here
	raiseSkip  int     // raises that fell due before as_of (already in the pay)
	knownBy    float64 // the answer to a pending opportunity
	ends       float64 // the day the job ends for certain; +Inf if none
	gross      [2]pert // monthly gross pay: [0] as offered, [1] after conversion
	raise      pert    // yearly raise, a fraction
	offerProb  pert
	convProb   pert
	extProb    pert
	termMonths float64
	extMonths  float64
	base       terms // as offered (or permanent)
	ext        terms // during an extension
	converted  terms // after conversion
	commute    float64
	ownCover   [2]float64 // own cover a month while in the job without its plan, as offered and converted
	ui         uiClaim    // unemployment benefit after an involuntary end
	hazard     float64    // monthly layoff hazard once permanent
	invLog     float64    // 1 / ln(1 − hazard)
	renegeCost float64
	resignCost float64
	reputation float64 // of withdrawing before the start
	quitRep    float64 // of resigning right after the start
	notice     float64 // months of notice when resigning
	oneOff     float64 // spent in the month the job starts
	bonus      float64 // signing bonus after tax, with the first paycheck
	failP      float64 // chance the employer fails within failN months of as_of
	failN      float64
	fixedPay   bool // pay and raise certain: take-home tabulated in th
	noRaise    bool // no raise ever
	th         [2][maxYears]float64
}

// uiClaim is the unemployment benefit after an involuntary end of a job:
// a monthly rate paid from wait months after the end for at most months,
// and the own cover a month while on it.
type uiClaim struct {
	ok                 bool
	rate, wait, months float64
	ownCover           float64
}

// income is the person's other income.
type income struct {
	monthly      float64
	until        float64
	endsOnNewJob bool
}

// model is a case compiled for the simulation.
type model struct {
	horizon   int
	h         float64
	lag       float64
	savings   float64
	expenses  float64
	ownHealth float64 // own cover a month without a job (nor an employer plan)
	uncovered bool    // without an employer plan the person goes uncovered
	incomes   []income
	tax       money.Tax
	jobs      []jobSpec // one per opportunity, in case order
	search    jobSpec   // the job a search finds
	searchLen pert
	current   int   // index of the current job, or -1
	pending   []int // indexes of the pending opportunities
	nStates   int
	maxSearch int
	utility   func(savings float64) float64 // Settings.Utility
}

func (m *model) takeHome(gross float64) float64 { return money.MonthlyTakeHome(gross, m.tax) }

// quitRep returns the reputation cost of resigning from job s after
// working the given months (crossroads.Commitments.QuitReputationCostAfter).
func (s *jobSpec) quitRepAfter(months float64) float64 {
	w, q := s.reputation, s.quitRep
	if q <= w {
		return q
	}
	return w + (q-w)*max(0, 1-max(0, months)/crossroads.QuitFadeMonths)
}

// compile turns a valid case into a model.
func compile(c *crossroads.Case) (*model, error) {
	m := &model{
		horizon:   c.Horizon(),
		lag:       lens.PayLagMonths,
		savings:   c.Person.Savings,
		expenses:  c.Person.MonthlyExpenses,
		ownHealth: ownCoverAt(c, lens.OtherIncomeYearly(c)),
		uncovered: c.Person.Health.GoUncovered,
		tax:       lens.TaxOf(c),
		current:   -1,
	}
	if m.horizon < 1 || m.horizon > 120 {
		return nil, crossroads.Errorf(crossroads.Invalid, "horizon_months: %d is not between 1 and 120", m.horizon)
	}
	m.h = float64(m.horizon)
	for _, x := range []struct {
		name string
		v    float64
	}{{"person.savings", m.savings}, {"person.monthly_expenses", m.expenses}, {"person.health.without_employer_monthly", m.ownHealth}} {
		if !finite(x.v) {
			return nil, crossroads.Errorf(crossroads.Invalid, "%s: %v is not a finite number", x.name, x.v)
		}
	}
	for i, in := range c.Person.Income {
		inc := income{monthly: in.Monthly, until: math.Inf(1), endsOnNewJob: in.EndsOnNewJob}
		if !in.Until.IsZero() {
			inc.until = c.AsOf.MonthsUntil(in.Until)
		}
		if !finite(inc.monthly) {
			return nil, crossroads.Errorf(crossroads.Invalid, "person.income[%d].monthly: %v is not a finite number", i, in.Monthly)
		}
		m.incomes = append(m.incomes, inc)
	}
	for j := range c.Opportunities {
		o := &c.Opportunities[j]
		spec, err := compileJob(c, m, o, j)
		if err != nil {
			return nil, err
		}
		if spec.current && m.current < 0 {
			m.current = j
		}
		if spec.pending {
			m.pending = append(m.pending, j)
		}
		m.jobs = append(m.jobs, spec)
	}
	if len(m.pending) > 64 {
		return nil, crossroads.Errorf(crossroads.Invalid, "opportunities: %d pending; at most 64 are simulated", len(m.pending))
	}
	sj := c.SearchJob()
	search, err := compileJob(c, m, &sj, -1)
	if err != nil {
		return nil, err
	}
	m.search = search
	d := c.SearchDuration()
	if !validEstimate(d) || d.Min < 0 {
		return nil, crossroads.Errorf(crossroads.Invalid, "settings.search.months: %s is not a range of months ≥ 0", d)
	}
	m.searchLen = newPERT(d)
	m.nStates = 2*len(m.jobs) + 1
	// Each search either lasts at least min months or ends in a job that
	// lasts at least a month; the horizon bounds how many can start.
	m.maxSearch = 2*m.horizon + 2
	return m, nil
}

func finite(x float64) bool { return x-x == 0 }

func validEstimate(e crossroads.Estimate) bool {
	return finite(e.Min) && finite(e.Likely) && finite(e.Max) && e.Min <= e.Likely && e.Likely <= e.Max
}

func ownCoverAt(c *crossroads.Case, yearly float64) float64 {
	v, _ := lens.OwnCoverAt(c, yearly)
	return v
}

// claimAfter returns the unemployment benefit after an involuntary end of
// a job paying gross a month (ui.ForPerson on its weekly wage).
func claimAfter(c *crossroads.Case, gross float64) uiClaim {
	b, ok := ui.ForPerson(&c.Person, gross*12/crossroads.WeeksPerYear)
	if !ok || b.Weekly <= 0 || b.Weeks <= 0 {
		return uiClaim{}
	}
	return uiClaim{ok: true, rate: b.Monthly(), wait: b.WaitingMonths(), months: b.Months(),
		ownCover: ownCoverAt(c, b.Weekly*crossroads.WeeksPerYear+lens.OtherIncomeYearly(c))}
}

func compileJob(c *crossroads.Case, m *model, o *crossroads.Opportunity, j int) (jobSpec, error) {
	where := "settings.search"
	if j >= 0 {
		where = fmt.Sprintf("opportunities[%d]", j)
	}
	asOf := c.AsOf
	s := jobSpec{
		opp:       j,
		id:        o.ID,
		current:   o.Status == crossroads.StatusCurrentJob,
		pending:   o.Pending(),
		accepted:  o.Status == crossroads.StatusAccepted,
		fixedTerm: o.IsFixedTerm(),
		ends:      math.Inf(1),
		commute:   o.CommuteMonthlyCost(),
		hazard:    o.MonthlyLayoffHazard(),
	}
	startGiven := !o.Start.IsZero()
	if startGiven {
		s.start = asOf.MonthsUntil(o.Start)
	}
	switch {
	case s.current:
		// A current job's pay is flowing at as_of; without a start date it
		// began long enough ago (a month), and its raises fall due from
		// as_of.
		if !startGiven {
			s.start = -1
		}
		s.raiseBase = s.start
		if !startGiven {
			s.raiseBase = 0
		}
	case s.pending:
		s.knownBy = math.Max(0, asOf.MonthsUntil(o.KnownBy(asOf)))
		if !startGiven || s.start < s.knownBy {
			s.start = s.knownBy
		}
		s.raiseBase = s.start
	default:
		s.raiseBase = s.start
	}
	if s.raiseBase < 0 {
		s.raiseSkip = int(math.Floor(-s.raiseBase / 12))
	}
	if !o.Employment.Ends.IsZero() {
		s.ends = asOf.MonthsUntil(o.Employment.Ends)
	}
	ests := []struct {
		name string
		e    crossroads.Estimate
		dst  *pert
		lo   float64
		hi   float64
	}{
		{"pay.amount", o.Pay.MonthlyRange(), &s.gross[0], 0, math.Inf(1)},
		{"employment.conversion.pay.amount", o.ConvertedPay().MonthlyRange(), &s.gross[1], 0, math.Inf(1)},
		{"raise_percent", o.RaisePercent.Scale(0.01), &s.raise, -0.5, 1},
		{"chance.probability", o.OfferProbability(), &s.offerProb, 0, 1},
		{"employment.conversion.probability", o.ConversionProbability(), &s.convProb, 0, 1},
		{"employment.extension.probability", o.ExtensionProbability(), &s.extProb, 0, 1},
	}
	for _, x := range ests {
		if !validEstimate(x.e) || x.e.Min < x.lo || x.e.Max > x.hi {
			return s, crossroads.Errorf(crossroads.Invalid, "%s.%s: %s is not a valid range between %v and %v", where, x.name, x.e, x.lo, x.hi)
		}
		*x.dst = newPERT(x.e)
	}
	if s.fixedTerm {
		s.termMonths = float64(o.Employment.Months)
		s.extMonths = float64(o.ExtensionMonths())
		if s.termMonths <= 0 {
			return s, crossroads.Errorf(crossroads.Invalid, "%s.employment.months: a %s needs its length in months", where, o.EmploymentType())
		}
	}
	cov := c.Person.HealthCoverage()
	s.base = terms{health: o.Benefits.HasHealth(s.fixedTerm), hcost: o.Benefits.HealthEmployeeCost(cov), wait: float64(o.Benefits.WaitMonths)}
	cb := o.ConvertedBenefits()
	s.converted = terms{health: cb.HasHealth(false), hcost: cb.HealthEmployeeCost(cov), wait: float64(cb.WaitMonths), conv: 1}
	s.ext = s.base
	if s.fixedTerm && o.Employment.Extension.Benefits {
		s.ext = terms{health: true, hcost: cb.HealthEmployeeCost(cov)}
	}
	cm := o.Commitments
	s.renegeCost, s.resignCost, s.reputation = cm.RenegeCost, cm.ResignCost, cm.ReputationCostValue()
	s.quitRep = cm.QuitReputationCostValue()
	s.notice = cm.NoticeWeeksValue() * 7 / crossroads.DaysPerMonth
	s.oneOff = o.Costs.OneOff
	if b := o.Pay.SigningBonus; b > 0 {
		// Taxed at the marginal rates of the job's yearly pay: the tax on a
		// year's pay with the bonus less the tax on the year's pay.
		g := o.Pay.Monthly()
		s.bonus = 12 * (m.takeHome(g+b/12) - m.takeHome(g))
	}
	if f := o.Future.Failure; f != nil {
		s.failP, s.failN = f.Probability, float64(f.WithinMonths)
	}
	for _, x := range []float64{s.commute, s.hazard, s.base.hcost, s.converted.hcost, s.renegeCost, s.resignCost, s.start, s.knownBy, s.oneOff, s.bonus, s.failP} {
		if !finite(x) {
			return s, crossroads.Errorf(crossroads.Invalid, "%s (%s): a number is not finite", where, o.ID)
		}
	}
	for conv := range 2 {
		s.ownCover[conv] = ownCoverAt(c, 12*s.gross[conv].mean()+lens.OtherIncomeYearly(c))
	}
	s.ui = claimAfter(c, s.gross[0].mean())
	s.fixedPay = s.gross[0].fixed && s.gross[1].fixed && s.raise.fixed
	s.noRaise = s.raise.fixed && s.raise.m == 0
	if s.hazard > 0 && s.hazard < 1 {
		s.invLog = 1 / math.Log1p(-s.hazard)
	}
	if s.fixedPay {
		for conv := range 2 {
			g := s.gross[conv].m
			for y := range maxYears {
				s.th[conv][y] = m.takeHome(g)
				g *= 1 + s.raise.m
			}
		}
	}
	return s, nil
}
