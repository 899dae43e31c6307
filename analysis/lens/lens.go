package lens

import (
	"fmt"
	"math"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/money"
	"github.com/crossroads/crossroads/analysis/money/aca"
	"github.com/crossroads/crossroads/occupation"
)

// Quadrants of the lens.
const (
	CareerMove    = "career move"
	Job           = "job"
	SteppingStone = "stepping stone"
	Stopgap       = "stopgap"
)

// DefaultThreshold is the score at or above which a present or future score
// counts as high.
const DefaultThreshold = 50

// Settings of the lens. The zero value is the documented default.
type Settings struct {
	// Weights are the weights of the criteria normalised within each group,
	// by criterion id. Nil means the case's direct or swing weights
	// (DirectWeights); pairwise weights are computed by the caller.
	Weights map[string]float64
	// Outlook returns the projected ten-year employment change, in percent,
	// of an occupation code; nil or ok == false means unknown.
	Outlook func(code string) (percent float64, ok bool)
	// Threshold of the quadrants; 0 means DefaultThreshold.
	Threshold float64
}

// Criterion is one criterion's part in an opportunity's score.
type Criterion struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Group string `json:"group"`
	// Value in [0, 1] from the criterion's value function.
	Value float64 `json:"value"`
	// Weight within the group, the group's weights summing to 1.
	Weight float64 `json:"weight"`
	// Contribution to the group score in points: 100 · Weight · Value.
	Contribution float64 `json:"contribution"`
	// Rated is true when the value came from the opportunity's ratings.
	Rated bool `json:"rated,omitempty"`
	// Basis says how the value was found, with its numbers.
	Basis string `json:"basis"`
}

// Facts are the quantities the lens derived for an opportunity, in the case's
// currency per month.
type Facts struct {
	MonthlyGross    float64 `json:"monthly_gross"`
	MonthlyTakeHome float64 `json:"monthly_take_home"`
	HealthCost      float64 `json:"health_cost"`
	// OwnCoverMonthly is the person's own health cover a month in a job
	// without an employer plan, at its pay, and OwnCoverSource where that
	// figure comes from (a quote, the marketplace estimate after the
	// credit, or the unsubsidised default).
	OwnCoverMonthly float64 `json:"own_cover_monthly,omitempty"`
	OwnCoverSource  string  `json:"own_cover_source,omitempty"`
	CommuteCost     float64 `json:"commute_cost"`
	// MonthlyNet is take-home less health and commute costs.
	MonthlyNet float64 `json:"monthly_net"`
	// NeedsRatio is MonthlyNet over the essential expenses; 0 when no
	// expenses are given.
	NeedsRatio float64 `json:"needs_ratio"`
	// MonthsToFirstPay from the as_of date.
	MonthsToFirstPay float64 `json:"months_to_first_pay"`
	// SpendBeforePay is what the person spends from savings before the
	// first pay; CurrentJobPay the take-home of the current job received
	// until then (the current job is kept until the new one starts, as in
	// the simulation).
	SpendBeforePay float64 `json:"spend_before_pay"`
	CurrentJobPay  float64 `json:"current_job_pay,omitempty"`
	// PaidMonthsFirstYear is the expected number of paid months in the 12
	// months after the start.
	PaidMonthsFirstYear float64 `json:"paid_months_first_year"`
	// PermanenceChance is the chance of a permanent position.
	PermanenceChance float64 `json:"permanence_chance"`
	// CommuteHours is the time spent commuting per month, and
	// CommuteTimeValue what that time is worth at half the hourly wage
	// (USDOT guidance on the value of travel time).
	CommuteHours     float64 `json:"commute_hours"`
	CommuteTimeValue float64 `json:"commute_time_value"`
	// OutlookPercent is the occupation's projected ten-year change, if known.
	OutlookPercent *float64 `json:"outlook_percent,omitempty"`
}

// Opportunity is the lens result for one opportunity.
type Opportunity struct {
	ID       string      `json:"id"`
	Name     string      `json:"name"`
	Present  float64     `json:"present"`
	Future   float64     `json:"future"`
	Overall  float64     `json:"overall"`
	Quadrant string      `json:"quadrant"`
	Criteria []Criterion `json:"criteria"`
	Facts    Facts       `json:"facts"`
}

// Result is the lens applied to every opportunity of a case.
type Result struct {
	Balance       float64       `json:"balance"`
	Threshold     float64       `json:"threshold"`
	Opportunities []Opportunity `json:"opportunities"`
}

// Evaluate scores every opportunity of a valid case. It returns an error
// only when the weights cannot be normalised.
func Evaluate(c *crossroads.Case, s Settings) (Result, error) {
	w := s.Weights
	if w == nil {
		var err error
		if w, err = DirectWeights(c); err != nil {
			return Result{}, err
		}
	}
	t := s.Threshold
	if t == 0 {
		t = DefaultThreshold
	}
	res := Result{Balance: c.BalanceValue(), Threshold: t}
	for i := range c.Opportunities {
		o := score(c, &c.Opportunities[i], w, s)
		o.Overall = (1-res.Balance)*o.Present + res.Balance*o.Future
		o.Quadrant = Quadrant(o.Present, o.Future, t)
		res.Opportunities = append(res.Opportunities, o)
	}
	return res, nil
}

// Quadrant names the quadrant of a present and a future score.
func Quadrant(present, future, threshold float64) string {
	switch hp, hf := present >= threshold, future >= threshold; {
	case hp && hf:
		return CareerMove
	case hp:
		return Job
	case hf:
		return SteppingStone
	}
	return Stopgap
}

// RawWeight returns a criterion's weight before normalisation: the case's
// weight or the default (with the goal taken into account: 2 for permanence
// or growth when the person does not want them).
func RawWeight(c *crossroads.Case, id string) float64 {
	if _, set := c.Criteria.Weights[id]; !set {
		g := c.Person.Goal
		off := (id == crossroads.CritPermanence && g.WantsPermanence != nil && !*g.WantsPermanence) ||
			(id == crossroads.CritGrowth && g.WantsGrowth != nil && !*g.WantsGrowth)
		if off {
			if c.Criteria.Weighting == "swing" {
				return 20
			}
			return 2
		}
	}
	return c.RawWeight(id)
}

// DirectWeights normalises the case's direct ratings or swing points within
// each group: w_i = r_i / Σ_group r.
func DirectWeights(c *crossroads.Case) (map[string]float64, error) {
	w := map[string]float64{}
	for _, g := range []string{crossroads.GroupPresent, crossroads.GroupFuture} {
		ids := c.CriterionIDs(g)
		sum := 0.0
		for _, id := range ids {
			sum += RawWeight(c, id)
		}
		if !(sum > 0) {
			if g == crossroads.GroupPresent && c.BalanceValue() == 1 || g == crossroads.GroupFuture && c.BalanceValue() == 0 {
				for _, id := range ids {
					w[id] = 0
				}
				continue
			}
			return nil, crossroads.Errorf(crossroads.Invalid, "every %s criterion has weight 0; the weights cannot be normalised", g)
		}
		for _, id := range ids {
			w[id] = RawWeight(c, id) / sum
		}
	}
	return w, nil
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

type scorer struct {
	c   *crossroads.Case
	o   *crossroads.Opportunity
	s   Settings
	cur string
	f   Facts
}

func (sc *scorer) money(x float64) string { return crossroads.FormatMoney(x, sc.cur) }

func score(c *crossroads.Case, o *crossroads.Opportunity, w map[string]float64, s Settings) Opportunity {
	sc := &scorer{c: c, o: o, s: s, cur: c.CurrencyCode()}
	res := Opportunity{ID: o.ID, Name: o.Name}
	for _, g := range []string{crossroads.GroupPresent, crossroads.GroupFuture} {
		total := 0.0
		for _, id := range c.CriterionIDs(g) {
			cr := sc.criterion(id)
			cr.Group = g
			cr.Weight = w[id]
			cr.Contribution = 100 * cr.Weight * cr.Value
			total += cr.Contribution
			res.Criteria = append(res.Criteria, cr)
		}
		if g == crossroads.GroupPresent {
			res.Present = total
		} else {
			res.Future = total
		}
	}
	res.Facts = sc.f
	return res
}

// criterion computes the value of one criterion, derived or rated.
func (sc *scorer) criterion(id string) Criterion {
	cr := Criterion{ID: id}
	if b, ok := crossroads.Builtin(id); ok {
		cr.Name = b.Name
		cr.Value, cr.Basis = sc.derived(id)
		if r, rated := sc.o.Ratings[id]; rated {
			cr.Value, cr.Rated = r/10, true
			cr.Basis = fmt.Sprintf("rated %s/10 (derived: %s)", num(r), cr.Basis)
		}
		return cr
	}
	for _, cc := range sc.c.Criteria.Custom {
		if cc.ID != id {
			continue
		}
		cr.Name = cc.Name
		lo, hi := cc.Scale()
		r := sc.o.Ratings[id]
		cr.Value, cr.Rated = clamp01((r-lo)/(hi-lo)), true
		if cc.Type == "cost" {
			cr.Value = 1 - cr.Value
		}
		cr.Basis = fmt.Sprintf("rated %s on a scale of %s to %s", num(r), num(lo), num(hi))
		if cc.Type == "cost" {
			cr.Basis += " (less is better)"
		}
	}
	return cr
}

func num(x float64) string { return strings.TrimSuffix(fmt.Sprintf("%.2f", x), ".00") }

// ratingValue returns rating/10 of an optional rating.
func ratingValue(r *float64, what string) (float64, string) {
	if r == nil {
		return crossroads.DefaultRating / 10, fmt.Sprintf("%s not rated; neutral 5/10 assumed", what)
	}
	return *r / 10, fmt.Sprintf("%s rated %s/10", what, num(*r))
}

// TaxOf returns the tax settings of the case for package money.
func TaxOf(c *crossroads.Case) money.Tax {
	t := c.Settings.Tax
	tax := money.Tax{FilingStatus: c.FilingStatus(), Children: c.Person.Dependants, StateRate: t.StateRate}
	if t.Mode == "effective" && t.EffectiveRate != nil {
		tax.Effective, tax.EffectiveRate = true, *t.EffectiveRate
	}
	return tax
}

// HealthCost returns the monthly health cost of the person in opportunity
// o: the employee share of its employer plan, or the person's own cover at
// its pay (OwnCover).
func HealthCost(c *crossroads.Case, o *crossroads.Opportunity) float64 {
	if o.Benefits.HasHealth(o.IsFixedTerm()) {
		return o.Benefits.HealthEmployeeCost(c.Person.HealthCoverage())
	}
	v, _ := OwnCover(c, o)
	return v
}

// OwnCoverAt returns what the person's own health cover costs a month in a
// year with the given household income, and where the figure comes from
// (aca.OwnCover: nothing when they would go uncovered; their own quote; the
// 2026 marketplace premium after the credit, with Medicaid and CHIP, when
// person.state is given; else the unsubsidised default).
func OwnCoverAt(c *crossroads.Case, yearly float64) (float64, string) {
	return aca.OwnCover(c, yearly)
}

// OwnCover returns the own cover a month while in opportunity o without an
// employer plan: at o's yearly pay and the person's other income.
func OwnCover(c *crossroads.Case, o *crossroads.Opportunity) (float64, string) {
	return OwnCoverAt(c, o.Pay.Annual()+OtherIncomeYearly(c))
}

// OwnCoverWithoutJob returns the own cover a month without a job: at the
// person's other income alone.
func OwnCoverWithoutJob(c *crossroads.Case) (float64, string) {
	return OwnCoverAt(c, OtherIncomeYearly(c))
}

// TypicalOwnCover returns the own cover a month at the median pay of the
// case's opportunities: the figure of a month of essential spending that
// scales the plans' money and hardship.
func TypicalOwnCover(c *crossroads.Case) float64 {
	var opps []*crossroads.Opportunity
	for i := range c.Opportunities {
		opps = append(opps, &c.Opportunities[i])
	}
	pay := crossroads.MedianPay(opps)
	v, _ := OwnCoverAt(c, pay.Annual()+OtherIncomeYearly(c))
	return v
}

// OtherIncomeYearly is the person's other income (person.income) as a
// yearly amount.
func OtherIncomeYearly(c *crossroads.Case) float64 {
	t := 0.0
	for _, in := range c.Person.Income {
		t += 12 * in.Monthly
	}
	return t
}

// StartMonths returns the months from as_of to the start of an opportunity
// (the expected search length for keep_searching, 0 for the current job).
func StartMonths(c *crossroads.Case, o *crossroads.Opportunity) float64 {
	switch {
	case o.Status == crossroads.StatusCurrentJob:
		return 0
	case o.Status == crossroads.StatusKeepSearching && o.Start.IsZero():
		return o.SearchMonths().Mean()
	case o.Start.IsZero():
		return 0
	}
	return math.Max(0, c.AsOf.MonthsUntil(o.Start))
}

// PayLagMonths is the time from the start to the first paycheck.
const PayLagMonths = 0.5

func (sc *scorer) derived(id string) (float64, string) {
	c, o := sc.c, sc.o
	switch id {
	case crossroads.CritTakeHome:
		gross := o.Pay.Monthly()
		take := money.MonthlyTakeHome(gross, TaxOf(c))
		health := HealthCost(c, o)
		if !o.Benefits.HasHealth(o.IsFixedTerm()) {
			sc.f.OwnCoverMonthly, sc.f.OwnCoverSource = OwnCover(c, o)
		}
		commute := o.CommuteMonthlyCost()
		net := take - health - commute
		sc.f.MonthlyGross, sc.f.MonthlyTakeHome, sc.f.HealthCost, sc.f.CommuteCost, sc.f.MonthlyNet = gross, take, health, commute, net
		needs := c.Person.MonthlyExpenses
		if needs <= 0 {
			return 1, fmt.Sprintf("%s a month after tax, health and commute; no essential expenses given", sc.money(net))
		}
		r := net / needs
		sc.f.NeedsRatio = r
		return clamp01(r - 0.5), fmt.Sprintf("%s take-home − %s health − %s commute = %s a month, %.2f× the needs of %s",
			sc.money(take), sc.money(health), sc.money(commute), sc.money(net), r, sc.money(needs))
	case crossroads.CritBenefits:
		b := o.Benefits
		h, why := 0.0, "no employer health coverage"
		if b.HasHealth(o.IsFixedTerm()) {
			full := crossroads.FigHealthPremiumSelf.Value / 12
			if c.Person.HealthCoverage() == "family" {
				full = crossroads.FigHealthPremiumFamily.Value / 12
			}
			share := b.HealthEmployeeCost(c.Person.HealthCoverage())
			h = 1 - 0.5*math.Min(1, share/full)
			h *= 1 - math.Min(float64(b.WaitMonths), 12)/12
			why = fmt.Sprintf("health coverage at %s a month", sc.money(share))
			if b.WaitMonths > 0 {
				why += fmt.Sprintf(" after %d months", b.WaitMonths)
			}
		}
		v := 0.7*h + 0.15*math.Min(1, b.RetirementMatchPercent/6) + 0.15*math.Min(1, b.PaidLeaveDays/20)
		return v, fmt.Sprintf("%s, %s%% retirement match, %s paid leave days", why, num(b.RetirementMatchPercent), num(b.PaidLeaveDays))
	case crossroads.CritCommute:
		m := o.Commute.MinutesOneWay * (1 - o.Commute.Remote)
		limit := float64(c.Person.MaxCommuteMinutes)
		if limit == 0 {
			limit = crossroads.DefaultMaxCommuteMinutes
		}
		v := 1.0
		if m > 10 {
			v = clamp01(1 - (m-10)/math.Max(limit-10, 1))
		}
		hours := m * 2 * crossroads.WorkingDaysPerMonth / 60
		hourly := o.Pay.Annual() / crossroads.FigHoursPerYear.Value
		sc.f.CommuteHours, sc.f.CommuteTimeValue = hours, hours*hourly*crossroads.FigCommuteTimeValue.Value
		why := fmt.Sprintf("%s minutes each way; longest acceptable %s", num(m), num(limit))
		if hours > 0 {
			why += fmt.Sprintf("; %.0f hours a month, worth %s at half the hourly wage", hours, sc.money(sc.f.CommuteTimeValue))
		}
		return v, why
	case crossroads.CritFlexibility:
		if f := o.Schedule.Flexibility; f != nil {
			return f.Mean() / 10, fmt.Sprintf("flexibility rated %s/10", num(f.Mean()))
		}
		return 0.5, "flexibility not rated; neutral 5/10 assumed"
	case crossroads.CritFirstPaycheck:
		return sc.firstPaycheck()
	case crossroads.CritSecurity:
		months := sc.paidMonthsFirstYear() * sc.survivalFirstYear()
		sc.f.PaidMonthsFirstYear = months
		return months / 12, fmt.Sprintf("%.1f of the first 12 months paid, expected", months)
	case crossroads.CritEnjoyment:
		if e := o.Work.Enjoyment; e != nil {
			return e.Mean() / 10, fmt.Sprintf("enjoyment rated %s/10", num(e.Mean()))
		}
		if pc, pp := o.Work.PeopleContact, c.Person.PrefersPeople; pc != nil && pp != nil {
			v := (10 - math.Abs(*pc-*pp)) / 10
			return v, fmt.Sprintf("people contact %s/10 against a preference for people of %s/10", num(*pc), num(*pp))
		}
		return 0.5, "enjoyment not rated; neutral 5/10 assumed"
	case crossroads.CritGoalFit:
		return sc.goalFit()
	case crossroads.CritPermanence:
		p := sc.permanence()
		if f := o.Future.Failure; f != nil {
			p *= 1 - f.Probability
		}
		sc.f.PermanenceChance = p
		switch {
		case o.Status == crossroads.StatusKeepSearching:
			return p, "the job a search finds may or may not be permanent; 0.5 assumed"
		case o.IsFixedTerm():
			return p, fmt.Sprintf("%.0f%% chance of being hired permanently", 100*p)
		case p == 0:
			return p, "the job ends on " + o.Employment.Ends.String()
		}
		return p, "a permanent position"
	case crossroads.CritGrowth:
		return ratingValue(o.Future.Growth, "room to grow")
	case crossroads.CritSkills:
		return ratingValue(o.Future.Skills, "skills built")
	case crossroads.CritStability:
		v, why := ratingValue(o.Future.IndustryStability, "industry stability")
		if o.Future.Outsourceable {
			v, why = v/2, why+", halved: the work can be outsourced"
		}
		return v, why
	case crossroads.CritOutlook:
		p, ok, src := sc.outlook()
		if !ok {
			return 0.5, "occupation outlook unknown; neutral assumed"
		}
		sc.f.OutlookPercent = &p
		return occupation.OutlookValue(p), fmt.Sprintf("projected change %+.1f%% over ten years (%s)", p, src)
	case crossroads.CritFootInDoor:
		return ratingValue(o.Future.FootInDoor, "a foot in the door")
	}
	return 0.5, "unknown criterion"
}

func (sc *scorer) outlook() (float64, bool, string) {
	if p := sc.o.Future.OutlookPercent; p != nil {
		return *p, true, "given in the case"
	}
	if sc.o.Occupation != "" && sc.s.Outlook != nil {
		if p, ok := sc.s.Outlook(sc.o.Occupation); ok {
			return p, true, "BLS Employment Projections 2024–34, " + sc.o.Occupation
		}
	}
	return 0, false, ""
}

func (sc *scorer) firstPaycheck() (float64, string) {
	c, o := sc.c, sc.o
	if o.Status == crossroads.StatusCurrentJob {
		return 1, "already paid"
	}
	g := StartMonths(c, o) + PayLagMonths
	sc.f.MonthsToFirstPay = g
	spend, fromJob := Bridge(c, o, g)
	sc.f.SpendBeforePay, sc.f.CurrentJobPay = spend, fromJob
	why := fmt.Sprintf("first pay in %.1f months: %s from savings of %s", g, sc.money(spend), sc.money(c.Person.Savings))
	if fromJob > 0 {
		why = fmt.Sprintf("first pay in %.1f months, the current job paying %s until then: %s from savings of %s", g, sc.money(fromJob), sc.money(spend), sc.money(c.Person.Savings))
	}
	if c.Person.Savings <= 0 {
		if spend > 0 {
			return 0, why
		}
		return 1, why
	}
	return clamp01(1 - spend/c.Person.Savings), why
}

// CurrentJob returns the case's current job (the first opportunity with
// status current_job), or nil.
func CurrentJob(c *crossroads.Case) *crossroads.Opportunity {
	for i := range c.Opportunities {
		if c.Opportunities[i].Status == crossroads.StatusCurrentJob {
			return &c.Opportunities[i]
		}
	}
	return nil
}

// Bridge returns what the person draws from savings between as_of and the
// first paycheck of opportunity o, g months away, on the simulation's
// timeline: essential expenses every month; the current job, if any, kept
// until o starts (or until it ends for certain), paying its take-home half
// a month after the work (so until g) and costing its health plan's share
// (or one's own cover) and its commute while worked; one's own cover once
// no job covers; the one-off cost of starting o; the other income. fromJob is the current job's take-home
// received in that time. The draw is never below zero.
func Bridge(c *crossroads.Case, o *crossroads.Opportunity, g float64) (spend, fromJob float64) {
	p := &c.Person
	own, _ := OwnCoverWithoutJob(c)
	cost := g*(p.MonthlyExpenses+own) + o.Costs.OneOff
	if cur := CurrentJob(c); cur != nil && cur != o {
		work := max(0, g-PayLagMonths)
		if !cur.Employment.Ends.IsZero() {
			work = min(work, max(0, c.AsOf.MonthsUntil(cur.Employment.Ends)))
		}
		paid := min(g, work+PayLagMonths)
		fromJob = paid * money.MonthlyTakeHome(cur.Pay.Monthly(), TaxOf(c))
		cost += work * (HealthCost(c, cur) - own + cur.CommuteMonthlyCost())
	}
	return max(0, cost-fromJob-IncomeBetween(c, 0, g)), fromJob
}

// IncomeBetween returns the person's other income received between months
// from and to after as_of (income that ends on a new job is counted, since
// the job has not started yet).
func IncomeBetween(c *crossroads.Case, from, to float64) float64 {
	total := 0.0
	for _, in := range c.Person.Income {
		end := to
		if !in.Until.IsZero() {
			end = math.Min(end, c.AsOf.MonthsUntil(in.Until))
		}
		if end > from {
			total += in.Monthly * (end - from)
		}
	}
	return total
}

// keptMonths returns the expected months in a permanent job over n months
// with monthly hazard h: Σ_{k<n} (1 − h)^k, continuous in n.
func keptMonths(n, h float64) float64 {
	if n <= 0 {
		return 0
	}
	if h <= 0 {
		return n
	}
	if h >= 1 {
		return math.Min(n, 1)
	}
	q := 1 - h
	return (1 - math.Pow(q, n)) / (1 - q)
}

func (sc *scorer) paidMonthsFirstYear() float64 {
	o := sc.o
	h := o.MonthlyLayoffHazard()
	const year = 12.0
	if o.Status == crossroads.StatusCurrentJob && !o.Employment.Ends.IsZero() {
		return keptMonths(math.Min(year, sc.c.AsOf.MonthsUntil(o.Employment.Ends)), h)
	}
	if !o.IsFixedTerm() {
		return keptMonths(year, h)
	}
	L := float64(o.Employment.Months)
	if L >= year {
		return year
	}
	conv := o.ConversionProbability().Mean()
	ext := o.ExtensionProbability().Mean()
	E := float64(o.ExtensionMonths())
	months := L + conv*keptMonths(year-L, h)
	afterExt := math.Max(0, year-L-E)
	months += (1 - conv) * ext * (math.Min(E, year-L) + conv*keptMonths(afterExt, h))
	return months
}

// survivalFirstYear returns the share of the first year after the start
// during which the employer is expected to be still in business, under its
// one-time failure risk (future.failure: probability p, at a time spread
// evenly over the months from as_of): (1/12)·∫ (1 − p·min(1, τ/N)) dτ over
// the year after the start.
func (sc *scorer) survivalFirstYear() float64 {
	f := sc.o.Future.Failure
	if f == nil || f.Probability == 0 {
		return 1
	}
	s, n, p := StartMonths(sc.c, sc.o), float64(f.WithinMonths), f.Probability
	// ∫_a^b min(1, τ/N) dτ
	ramp := func(a, b float64) float64 {
		in := func(x float64) float64 {
			if x <= n {
				return x * x / (2 * n)
			}
			return n/2 + (x - n)
		}
		return in(b) - in(a)
	}
	return 1 - p*ramp(s, s+12)/12
}

func (sc *scorer) permanence() float64 {
	o := sc.o
	switch {
	case o.Status == crossroads.StatusKeepSearching:
		return 0.5
	case o.IsFixedTerm():
		c := o.ConversionProbability().Mean()
		return c + (1-c)*o.ExtensionProbability().Mean()*c
	case !o.Employment.Ends.IsZero():
		return 0
	}
	return 1
}

func (sc *scorer) goalFit() (float64, string) {
	o, g := sc.o, sc.c.Person.Goal
	if o.Future.GoalFit != nil {
		return *o.Future.GoalFit / 10, fmt.Sprintf("fit with the goal rated %s/10", num(*o.Future.GoalFit))
	}
	if len(g.Targets) == 0 {
		return 0.5, "no goal targets named; neutral assumed"
	}
	if t, ok := sameAny(g.Targets, o.Role); ok {
		return 1, fmt.Sprintf("the role %q is the goal target %q", o.Role, t)
	}
	if t, via, ok := matchAny(g.Targets, o.Future.LeadsTo); ok {
		return 1, fmt.Sprintf("leads to %q, a goal target (%q)", via, t)
	}
	if t, via, ok := matchAny(g.Targets, []string{o.Role, o.Field, o.Employment.Conversion.Role}); ok {
		return 0.6, fmt.Sprintf("the role or field %q touches the goal target %q", via, t)
	}
	return 0.2, fmt.Sprintf("nothing about it points to the goal (%s)", strings.Join(g.Targets, ", "))
}

// sameAny reports the first target that is the role itself, ignoring case,
// spaces and a leading article.
func sameAny(targets []string, role string) (string, bool) {
	norm := func(x string) string {
		x = strings.ToLower(strings.Join(strings.Fields(x), " "))
		for _, a := range []string{"a ", "an ", "the "} {
			x = strings.TrimPrefix(x, a)
		}
		return x
	}
	r := norm(role)
	if r == "" {
		return "", false
	}
	for _, t := range targets {
		if norm(t) == r {
			return t, true
		}
	}
	return "", false
}

// matchAny reports the first target that matches a candidate: one contains
// the other, ignoring case.
func matchAny(targets, candidates []string) (target, candidate string, ok bool) {
	for _, t := range targets {
		lt := strings.ToLower(strings.TrimSpace(t))
		if lt == "" {
			continue
		}
		for _, cand := range candidates {
			lc := strings.ToLower(strings.TrimSpace(cand))
			if lc != "" && (strings.Contains(lc, lt) || strings.Contains(lt, lc)) {
				return t, cand, true
			}
		}
	}
	return "", "", false
}
