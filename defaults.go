package crossroads

import (
	"math"
	"slices"
)

// Figure is a published number the analyses use as a default, with its
// source, so that reports can show every assumption next to where it comes
// from. The person can replace each with their own number in the case.
type Figure struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Year   string  `json:"year"`
	Source string  `json:"source"`
}

// The cited default figures. All are U.S. figures.
var (
	FigMileageRate = Figure{"IRS standard mileage rate (business)", 0.725, "$ per mile", "2026",
		"IRS Notice 2026-10"}
	FigHealthPremiumSelf = Figure{"Average employer health premium, single coverage", 9325, "$ per year", "2025",
		"KFF Employer Health Benefits Survey 2025"}
	FigHealthWorkerSelf = Figure{"Worker's share of the single-coverage premium", 1440, "$ per year", "2025",
		"KFF Employer Health Benefits Survey 2025"}
	FigHealthPremiumFamily = Figure{"Average employer health premium, family coverage", 26993, "$ per year", "2025",
		"KFF Employer Health Benefits Survey 2025"}
	FigHealthWorkerFamily = Figure{"Worker's share of the family-coverage premium", 6850, "$ per year", "2025",
		"KFF Employer Health Benefits Survey 2025"}
	FigSocialSecurityRate = Figure{"Social Security tax, employee share", 0.062, "share of wages", "2026",
		"SSA 2026 COLA fact sheet; IRS Publication 15"}
	FigSocialSecurityWageBase = Figure{"Social Security wage base", 184500, "$ per year", "2026",
		"SSA 2026 COLA fact sheet"}
	FigMedicareRate = Figure{"Medicare tax, employee share", 0.0145, "share of wages", "2026",
		"IRS Publication 15"}
	FigCommuteTimeValue = Figure{"Value of commuting time", 0.5, "share of the hourly wage", "2016",
		"USDOT Revised Departmental Guidance on Valuation of Travel Time in Economic Analysis (personal local travel)"}
	FigHoursPerYear = Figure{"Hours per year used to annualise hourly pay", 2080, "hours", "convention",
		"BLS OEWS: annual wage = hourly wage × 2,080"}
	FigLayoffRisk = Figure{"Yearly chance of losing a permanent job", 0.10, "probability per year", "2024–2025",
		"Assumption near the yearly total of layoffs and discharges in the BLS Job Openings and Labor Turnover Survey (about 1% of employment a month)"}
	FigSearchMonths = Figure{"Length of a job search (most likely)", 3, "months", "2025",
		"Assumption around the median duration of unemployment in the BLS Current Population Survey (about 10 weeks), with a long tail to 9 months"}
)

// Defaults that are conventions of the tool rather than published figures.
const (
	DefaultHorizonMonths     = 24
	DefaultCurrency          = "USD"
	DefaultBalance           = 0.5
	DefaultHoursPerWeek      = 40
	DefaultMaxCommuteMinutes = 60
	DefaultRating            = 5.0
	DefaultReputationCost    = 7.0
	DefaultNoticeWeeks       = 2.0
	WorkingDaysPerMonth      = 21.7 // 260.4 working days a year / 12
	WeeksPerYear             = 52
)

// DefaultSearchMonths is the default length of a job search.
var DefaultSearchMonths = Estimate{1, FigSearchMonths.Value, 9}

// Horizon returns the horizon in months.
func (c *Case) Horizon() int {
	if c.HorizonMonths > 0 {
		return c.HorizonMonths
	}
	return DefaultHorizonMonths
}

// CurrencyCode returns the currency of the case.
func (c *Case) CurrencyCode() string {
	if c.Currency != "" {
		return c.Currency
	}
	return DefaultCurrency
}

// BalanceValue returns the present-vs-future balance, 0 (present only) to 1
// (future only).
func (c *Case) BalanceValue() float64 {
	if c.Criteria.Balance != nil {
		return *c.Criteria.Balance
	}
	return DefaultBalance
}

// Opportunity returns the opportunity with the given id, or nil.
func (c *Case) Opportunity(id string) *Opportunity {
	for i := range c.Opportunities {
		if c.Opportunities[i].ID == id {
			return &c.Opportunities[i]
		}
	}
	return nil
}

// FilingStatus returns the tax filing status used by the estimate.
func (c *Case) FilingStatus() string {
	switch {
	case c.Settings.Tax.FilingStatus != "":
		return c.Settings.Tax.FilingStatus
	case c.Person.SingleParent && c.Person.Dependants > 0:
		return "head_of_household"
	}
	return "single"
}

// Hours returns the weekly hours, 40 unless given.
func (p Pay) Hours() float64 {
	if p.HoursPerWeek > 0 {
		return p.HoursPerWeek
	}
	return DefaultHoursPerWeek
}

// AnnualOf converts an amount per p.Per to a yearly amount: hourly ×
// hours a week × 52, monthly × 12.
func (p Pay) AnnualOf(amount float64) float64 {
	switch p.Per {
	case "hour":
		return amount * p.Hours() * WeeksPerYear
	case "month":
		return amount * 12
	}
	return amount
}

// Annual returns the expected yearly gross pay (the PERT mean of a range).
func (p Pay) Annual() float64 { return p.AnnualOf(p.Amount.Mean()) }

// Monthly returns the expected monthly gross pay, a twelfth of Annual.
func (p Pay) Monthly() float64 { return p.Annual() / 12 }

// MonthlyRange returns the monthly gross pay as an estimate.
func (p Pay) MonthlyRange() Estimate { return p.Amount.Scale(p.AnnualOf(1) / 12) }

// HealthCoverage returns who must be covered: "self" or "family".
func (p *Person) HealthCoverage() string {
	switch {
	case p.Health.Coverage != "":
		return p.Health.Coverage
	case p.Dependants > 0:
		return "family"
	}
	return "self"
}

// DefaultDependantAge is the age of a dependant whose age is not given: a
// school-age child.
const DefaultDependantAge = 10

// DependantAgesValue returns the age of each dependant: person.dependant_ages
// where given, DefaultDependantAge for the rest.
func (p *Person) DependantAgesValue() []int {
	ages := make([]int, max(p.Dependants, 0))
	for i := range ages {
		ages[i] = DefaultDependantAge
		if i < len(p.DependantAges) {
			ages[i] = p.DependantAges[i]
		}
	}
	return ages
}

// Claims reports whether the person would claim unemployment insurance
// (true unless person.unemployment.claim is false).
func (u *Unemployment) Claims() bool { return u.Claim == nil || *u.Claim }

// HealthFullCost returns the full monthly premium of the employer plan for
// the given coverage ("self" or "family"): as given, else the KFF average.
func (b *Benefits) HealthFullCost(coverage string) float64 {
	if b.HealthFullMonthly != nil {
		return *b.HealthFullMonthly
	}
	if coverage == "family" {
		return FigHealthPremiumFamily.Value / 12
	}
	return FigHealthPremiumSelf.Value / 12
}

// HealthWithoutEmployer returns the monthly cost of coverage bought on one's
// own (0 when the person would go uncovered).
func (p *Person) HealthWithoutEmployer() float64 {
	switch {
	case p.Health.GoUncovered:
		return 0
	case p.Health.WithoutEmployerMonthly != nil:
		return *p.Health.WithoutEmployerMonthly
	case p.HealthCoverage() == "family":
		return FigHealthPremiumFamily.Value / 12
	}
	return FigHealthPremiumSelf.Value / 12
}

// RiskAttitudeValue returns the risk attitude, "averse" unless given.
func (p *Person) RiskAttitudeValue() string {
	if p.RiskAttitude != "" {
		return p.RiskAttitude
	}
	return "averse"
}

func ratingOr(r *float64, def float64) float64 {
	if r != nil {
		return *r
	}
	return def
}

// NeedsFlexibilityValue returns the person's need for flexibility, 0–10.
func (p *Person) NeedsFlexibilityValue() float64 { return ratingOr(p.NeedsFlexibility, DefaultRating) }

// EmploymentType returns the type of employment, "permanent" unless given.
func (o *Opportunity) EmploymentType() string {
	if o.Employment.Type != "" {
		return o.Employment.Type
	}
	return EmploymentPermanent
}

// IsFixedTerm reports whether the job ends after Employment.Months unless
// extended or converted.
func (o *Opportunity) IsFixedTerm() bool {
	t := o.EmploymentType()
	return t == EmploymentContract || t == EmploymentTempToHire
}

// Pending reports whether the offer is not yet in hand.
func (o *Opportunity) Pending() bool {
	switch o.Status {
	case StatusLead, StatusApplied, StatusInterviewScheduled:
		return true
	}
	return false
}

// OfferProbability returns the chance of getting the opportunity.
func (o *Opportunity) OfferProbability() Estimate {
	if o.Chance.Probability != nil {
		return *o.Chance.Probability
	}
	switch o.Status {
	case StatusInterviewScheduled:
		return Exactly(0.5)
	case StatusApplied:
		return Exactly(0.3)
	case StatusLead:
		return Exactly(0.1)
	}
	return Exactly(1)
}

// KnownBy returns the date the answer to a pending opportunity is expected:
// the known_by date, else two weeks after the interview, else asOf.
func (o *Opportunity) KnownBy(asOf Date) Date {
	switch {
	case !o.Chance.KnownBy.IsZero():
		return o.Chance.KnownBy
	case !o.Chance.InterviewDate.IsZero():
		return DateOf(o.Chance.InterviewDate.Time().AddDate(0, 0, 14))
	}
	return asOf
}

// ExtensionProbability returns the chance a contract is extended.
func (o *Opportunity) ExtensionProbability() Estimate {
	if p := o.Employment.Extension.Probability; p != nil {
		return *p
	}
	return Exactly(0)
}

// ExtensionMonths returns the length of an extension.
func (o *Opportunity) ExtensionMonths() int {
	if m := o.Employment.Extension.Months; m > 0 {
		return m
	}
	return o.Employment.Months
}

// ConversionProbability returns the chance of being hired permanently at the
// end of a contract; 1 for a permanent job.
func (o *Opportunity) ConversionProbability() Estimate {
	if !o.IsFixedTerm() {
		return Exactly(1)
	}
	if p := o.Employment.Conversion.Probability; p != nil {
		return *p
	}
	if o.EmploymentType() == EmploymentTempToHire {
		return Exactly(0.5)
	}
	return Exactly(0)
}

// HasHealth reports whether the job (before any conversion) comes with
// health coverage.
func (b *Benefits) HasHealth(fixedTerm bool) bool {
	if b.Health != nil {
		return *b.Health
	}
	return !fixedTerm
}

// HealthEmployeeCost returns the employee's monthly share of the employer
// plan for the given coverage ("self" or "family").
func (b *Benefits) HealthEmployeeCost(coverage string) float64 {
	if b.HealthEmployeeMonthly != nil {
		return *b.HealthEmployeeMonthly
	}
	if coverage == "family" {
		return FigHealthWorkerFamily.Value / 12
	}
	return FigHealthWorkerSelf.Value / 12
}

// ConvertedPay returns the pay after conversion to permanent.
func (o *Opportunity) ConvertedPay() Pay {
	if o.Employment.Conversion.Pay != nil {
		return *o.Employment.Conversion.Pay
	}
	return o.Pay
}

// ConvertedBenefits returns the benefits after conversion to permanent:
// as given, or health coverage at the average employee cost.
func (o *Opportunity) ConvertedBenefits() Benefits {
	if o.Employment.Conversion.Benefits != nil {
		return *o.Employment.Conversion.Benefits
	}
	t := true
	b := o.Benefits
	b.Health = &t
	b.HealthEmployeeMonthly = nil
	b.WaitMonths = 0
	return b
}

// CommuteMonthlyCost returns the money cost of the commute per month: the
// given cost, else the miles driven at the IRS mileage rate.
func (o *Opportunity) CommuteMonthlyCost() float64 {
	if o.Commute.MonthlyCost != nil {
		return *o.Commute.MonthlyCost
	}
	days := WorkingDaysPerMonth * (1 - o.Commute.Remote)
	return o.Commute.MilesOneWay * 2 * days * FigMileageRate.Value
}

// LayoffRisk returns the yearly chance of losing the job once permanent.
func (o *Opportunity) LayoffRisk() float64 {
	return ratingOr(o.Future.LayoffRiskPerYear, FigLayoffRisk.Value)
}

// MonthlyLayoffHazard converts the yearly layoff risk p to a monthly hazard
// h with (1 − h)^12 = 1 − p.
func (o *Opportunity) MonthlyLayoffHazard() float64 {
	p := o.LayoffRisk()
	if p >= 1 {
		return 1
	}
	return 1 - math.Pow(1-p, 1.0/12)
}

// SearchMonths returns the length of the search a keep_searching option
// stands for.
func (o *Opportunity) SearchMonths() Estimate {
	if o.Search.Months != nil {
		return *o.Search.Months
	}
	return DefaultSearchMonths
}

// ClosesDoorValue reports whether withdrawing closes the door at the
// employer.
func (c *Commitments) ClosesDoorValue() bool {
	if c.ClosesDoor != nil {
		return *c.ClosesDoor
	}
	return true
}

// ReputationCostValue returns the reputation cost of withdrawing, 0–10.
func (c *Commitments) ReputationCostValue() float64 {
	return ratingOr(c.ReputationCost, DefaultReputationCost)
}

// QuitFadeMonths is how long after the start the extra reputation cost of
// resigning (over withdrawing before the start) lasts: it falls linearly to
// nothing over these months.
const QuitFadeMonths = 6.0

// QuitReputationCostValue returns the reputation cost of resigning right
// after the start, 0–10: quit_reputation_cost, else three quarters of the
// way from the withdrawal cost to 10.
func (c *Commitments) QuitReputationCostValue() float64 {
	if c.QuitReputationCost != nil {
		return *c.QuitReputationCost
	}
	w := c.ReputationCostValue()
	return w + 0.75*(10-w)
}

// QuitReputationCostAfter returns the reputation cost of resigning after
// working the given months: the quit cost at the start, falling linearly
// to the withdrawal cost over QuitFadeMonths (and never below it).
func (c *Commitments) QuitReputationCostAfter(months float64) float64 {
	w, q := c.ReputationCostValue(), c.QuitReputationCostValue()
	if q <= w {
		return q
	}
	return w + (q-w)*max(0, 1-max(0, months)/QuitFadeMonths)
}

// NoticeWeeksValue returns the notice to give when resigning, in weeks.
func (c *Commitments) NoticeWeeksValue() float64 {
	return ratingOr(c.NoticeWeeks, DefaultNoticeWeeks)
}

// Defaults of the simulation.
const (
	// DefaultPaths is the number of Monte Carlo paths: the standard error
	// of a probability p estimated from n paths is √(p(1−p)/n), at most
	// √(0.25/n); n = 10,000 keeps it at or below half a percentage point.
	DefaultPaths = 10000
	// DefaultSensitivityPaths is the number of paths of each re-run behind
	// the break-even points and the tornado chart.
	DefaultSensitivityPaths = 2000
	// DefaultSeed of the random numbers.
	DefaultSeed = 1
)

// PathsValue returns the number of Monte Carlo paths.
func (s *Settings) PathsValue() int {
	if s.Paths > 0 {
		return s.Paths
	}
	return DefaultPaths
}

// SensitivityPathsValue returns the number of paths of each sensitivity
// re-run, never more than PathsValue.
func (s *Settings) SensitivityPathsValue() int {
	n := DefaultSensitivityPaths
	if s.SensitivityPaths > 0 {
		n = s.SensitivityPaths
	}
	return min(n, s.PathsValue())
}

// SeedValue returns the seed of the random numbers (1 when not given).
func (s *Settings) SeedValue() uint64 {
	if s.Seed != 0 {
		return s.Seed
	}
	return DefaultSeed
}

// SearchOption returns the case's first keep_searching opportunity, or nil.
func (c *Case) SearchOption() *Opportunity {
	for i := range c.Opportunities {
		if c.Opportunities[i].Status == StatusKeepSearching {
			return &c.Opportunities[i]
		}
	}
	return nil
}

// SearchDuration returns the length of a job search in the simulation:
// settings.search.months, else the keep_searching option's search.months,
// else DefaultSearchMonths.
func (c *Case) SearchDuration() Estimate {
	if m := c.Settings.Search.Months; m != nil {
		return *m
	}
	if ks := c.SearchOption(); ks != nil {
		return ks.SearchMonths()
	}
	return DefaultSearchMonths
}

// MedianPay returns, as a monthly pay, the median of the expected monthly
// pay of the opportunities (the mean of the two middle ones for an even
// number); the zero Pay when there are none.
func MedianPay(opps []*Opportunity) Pay {
	var m []float64
	for _, o := range opps {
		m = append(m, o.Pay.Monthly())
	}
	if len(m) == 0 {
		return Pay{}
	}
	slices.Sort(m)
	v := m[len(m)/2]
	if len(m)%2 == 0 {
		v = (m[len(m)/2-1] + v) / 2
	}
	return Pay{Amount: Exactly(v), Per: "month"}
}

// SearchJobID is the id of the job a search finds (see Case.SearchJob).
const SearchJobID = "search-job"

// SearchJob returns the job a search finds, as an opportunity: a permanent
// job whose terms come from settings.search, else from the case's
// keep_searching option, else from the defaults documented on
// SearchSettings. Its ratings are the keep_searching option's, else neutral
// (5/10, and the middle of each custom criterion's scale).
func (c *Case) SearchJob() Opportunity {
	ks := c.SearchOption()
	s := c.Settings.Search
	job := Opportunity{ID: SearchJobID, Name: "job found by searching", Status: StatusOffer,
		Employment: Employment{Type: EmploymentPermanent}}
	if ks != nil {
		job.Role, job.Field, job.Occupation = ks.Role, ks.Field, ks.Occupation
		job.Pay, job.Benefits, job.Commute = ks.Pay, ks.Benefits, ks.Commute
		job.Schedule, job.Work, job.Future, job.Ratings = ks.Schedule, ks.Work, ks.Future, ks.Ratings
		job.RaisePercent = ks.RaisePercent
	} else {
		var others []*Opportunity
		for i := range c.Opportunities {
			others = append(others, &c.Opportunities[i])
		}
		job.Pay = MedianPay(others)
		if n := float64(len(others)); n > 0 {
			minutes, cost := 0.0, 0.0
			for _, o := range others {
				minutes += o.Commute.MinutesOneWay * (1 - o.Commute.Remote)
				cost += o.CommuteMonthlyCost()
			}
			minutes, cost = minutes/n, cost/n
			job.Commute = Commute{MinutesOneWay: minutes, MonthlyCost: &cost}
		}
		if len(c.Criteria.Custom) > 0 {
			job.Ratings = map[string]float64{}
			for _, cc := range c.Criteria.Custom {
				lo, hi := cc.Scale()
				job.Ratings[cc.ID] = (lo + hi) / 2
			}
		}
	}
	if s.Pay != nil {
		job.Pay = *s.Pay
	}
	if s.Role != "" {
		job.Role = s.Role
	}
	if s.Occupation != "" {
		job.Occupation = s.Occupation
	}
	if len(s.Ratings) > 0 {
		r := map[string]float64{}
		for k, v := range job.Ratings {
			r[k] = v
		}
		for k, v := range s.Ratings {
			r[k] = v
		}
		job.Ratings = r
	}
	if s.Health != nil {
		job.Benefits.Health = s.Health
	}
	if s.HealthEmployeeMonthly != nil {
		job.Benefits.HealthEmployeeMonthly = s.HealthEmployeeMonthly
	}
	if s.CommuteMonthly != nil {
		job.Commute.MonthlyCost = s.CommuteMonthly
	}
	if s.LayoffRiskPerYear != nil {
		job.Future.LayoffRiskPerYear = s.LayoffRiskPerYear
	}
	return job
}
