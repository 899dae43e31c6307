package crossroads

// This file defines the case: the document a person and their coach build
// together. Its fields are the schema of case files (YAML or JSON, same
// keys). The comment above each field is its reference text: the generator in
// internal/cmd/gendocs turns these comments and the `check` tags into
// docs/case-file.md and docs/case.schema.json, and a test keeps them in sync.
//
// Conventions of the comments: the first sentence says what the field is;
// "Unit:" names its unit, "Default:" the value used when it is left out, and
// "Source:" where a default comes from. Check tags: required; money (a finite
// amount ≥ 0 in the case's currency); prob (a probability in [0, 1]); rating
// (a 0–10 judgement: 0 worst or none, 10 best); nonneg (≥ 0); min=N, max=N;
// enum=a|b|c; id (lower-case letters, digits, '-' and '_', starting with a
// letter).

// Case is one decision: one person, two or more opportunities, the criteria
// and weights, and the settings of the analysis. Money is in one currency per
// case, per month unless a field says otherwise.
type Case struct {
	// Version of the case-file format. Default: 1, the only version so far.
	Version int `yaml:"version,omitempty" json:"version,omitempty" check:"min=1,max=1"`
	// Title of the decision, for lists and reports.
	Title string `yaml:"title,omitempty" json:"title,omitempty" check:"max=200"`
	// Currency of every amount, an ISO 4217 code. Default: USD.
	Currency string `yaml:"currency,omitempty" json:"currency,omitempty" check:"currency"`
	// AsOf is the date the decision is being made: month 0 of the analysis.
	// The analyses never read a clock, so the case carries its own today.
	AsOf Date `yaml:"as_of" json:"as_of,omitzero" check:"required"`
	// HorizonMonths is how far ahead the analysis looks. Unit: months.
	// Default: 24.
	HorizonMonths int `yaml:"horizon_months,omitempty" json:"horizon_months,omitempty" check:"min=1,max=120"`
	// Person is the person deciding: their situation, needs and goals.
	Person Person `yaml:"person" json:"person" check:"required"`
	// Opportunities are the options on the table (at least two, counting
	// "current job" and "keep searching" as options).
	Opportunities []Opportunity `yaml:"opportunities" json:"opportunities" check:"required,min=2,max=20"`
	// Criteria holds the weights of the criteria, the present-vs-future
	// balance, the ranking method and any criteria of the person's own.
	Criteria Criteria `yaml:"criteria,omitempty" json:"criteria,omitzero"`
	// Settings of the analysis (simulation size and seed, taxes).
	Settings Settings `yaml:"settings,omitempty" json:"settings,omitzero"`
	// Notes are free-text remarks on the decision as a whole.
	Notes []string `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Person is the person at the decision point.
type Person struct {
	// Name or pseudonym, as the person wishes to be called in the report.
	Name string `yaml:"name,omitempty" json:"name,omitempty" check:"max=100"`
	// Situation in the person's own words (household, constraints).
	Situation string `yaml:"situation,omitempty" json:"situation,omitempty" check:"max=2000"`
	// SingleParent is true when the person is the only adult earning and
	// caring for the household's children. With Dependants > 0 it makes the
	// tax estimate use the head-of-household status.
	SingleParent bool `yaml:"single_parent,omitempty" json:"single_parent,omitempty"`
	// Dependants is the number of children or other dependants in the
	// household (they count for health coverage and the child tax credit).
	Dependants int `yaml:"dependants,omitempty" json:"dependants,omitempty" check:"min=0,max=20"`
	// DependantAges are the ages of the dependants in years, one for each
	// (health cover premiums and Medicaid and CHIP eligibility depend on
	// them). Default: 10 for each dependant, a school-age child.
	DependantAges []int `yaml:"dependant_ages,omitempty" json:"dependant_ages,omitempty" check:"max=20"`
	// State is the U.S. state (or DC) the person lives and works in, as its
	// two-letter postal code (NY, TX, DC). It chooses the state rules of
	// income tax, health cover and unemployment insurance. Default: none
	// (no state rules; settings.tax.state_rate applies as given).
	State string `yaml:"state,omitempty" json:"state,omitempty" check:"state"`
	// Age of the person in years (health cover premiums depend on it).
	// Default: 40.
	Age int `yaml:"age,omitempty" json:"age,omitempty" check:"min=14,max=100"`
	// MonthlyExpenses are the essential expenses per month (housing, food,
	// transport other than the commute, childcare, debt payments), before
	// health insurance. Unit: money per month.
	MonthlyExpenses float64 `yaml:"monthly_expenses" json:"monthly_expenses" check:"required,money"`
	// Savings available today to live on. Unit: money.
	Savings float64 `yaml:"savings" json:"savings" check:"money"`
	// Income the person receives now independently of the opportunities
	// (unemployment benefits, severance, a partner's contribution), each
	// until a date.
	Income []Income `yaml:"income,omitempty" json:"income,omitempty" check:"max=10"`
	// Health says what health coverage costs the person when no employer
	// provides it.
	Health HealthNeed `yaml:"health,omitempty" json:"health,omitzero"`
	// Unemployment says whether the person would claim unemployment
	// insurance after an involuntary job end, and how much.
	Unemployment Unemployment `yaml:"unemployment,omitempty" json:"unemployment,omitzero"`
	// MaxCommuteMinutes is the longest one-way commute the person accepts.
	// Unit: minutes. Default: 60.
	MaxCommuteMinutes int `yaml:"max_commute_minutes,omitempty" json:"max_commute_minutes,omitempty" check:"min=1,max=300"`
	// NeedsFlexibility is how much the person needs a flexible schedule (a
	// school run, care duties). Unit: rating. Default: 5. It sets the default
	// weight of the flexibility criterion.
	NeedsFlexibility *float64 `yaml:"needs_flexibility,omitempty" json:"needs_flexibility,omitempty" check:"rating"`
	// PrefersPeople is how much the person would rather work with people than
	// alone at a computer: 0 strongly prefers computer work, 10 strongly
	// prefers people. Unit: rating. Default: 5 (no preference). An
	// opportunity's enjoyment, when not rated, is derived from it.
	PrefersPeople *float64 `yaml:"prefers_people,omitempty" json:"prefers_people,omitempty" check:"rating"`
	// Enjoys lists kinds of work the person enjoys, in their own words.
	Enjoys []string `yaml:"enjoys,omitempty" json:"enjoys,omitempty"`
	// Dislikes lists kinds of work the person dislikes.
	Dislikes []string `yaml:"dislikes,omitempty" json:"dislikes,omitempty"`
	// Experience is the person's work history by field.
	Experience []Experience `yaml:"experience,omitempty" json:"experience,omitempty" check:"max=30"`
	// Skills the person has, in their own words.
	Skills []string `yaml:"skills,omitempty" json:"skills,omitempty"`
	// Goal is what the person wants long-term. Whether an opportunity is "a
	// career" is judged against it.
	Goal Goal `yaml:"goal,omitempty" json:"goal,omitzero"`
	// RiskAttitude is how much the person would give up to avoid a bad
	// outcome: averse, neutral or tolerant. Default: averse.
	RiskAttitude string `yaml:"risk_attitude,omitempty" json:"risk_attitude,omitempty" check:"enum=averse|neutral|tolerant"`
}

// Income is money the person receives now, independent of the
// opportunities.
type Income struct {
	// Label says what the income is ("unemployment benefits").
	Label string `yaml:"label" json:"label" check:"required,max=100"`
	// Monthly amount after tax. Unit: money per month.
	Monthly float64 `yaml:"monthly" json:"monthly" check:"required,money"`
	// Until is the last day the income is paid; empty means through the
	// horizon.
	Until Date `yaml:"until,omitempty" json:"until,omitzero"`
	// EndsOnNewJob is true when the income stops as soon as the person starts
	// a new job (unemployment benefits do).
	EndsOnNewJob bool `yaml:"ends_on_new_job,omitempty" json:"ends_on_new_job,omitempty"`
}

// HealthNeed describes the person's health coverage when no employer
// provides it.
type HealthNeed struct {
	// Coverage is who must be covered: self or family. Default: family when
	// the person has dependants, self otherwise.
	Coverage string `yaml:"coverage,omitempty" json:"coverage,omitempty" check:"enum=self|family"`
	// WithoutEmployerMonthly is what the person pays per month for coverage
	// bought on their own. Unit: money per month. Default: the average total
	// premium of an employer plan, $777 (self; $9,325 a year) or $2,249
	// (family; $26,993 a year), as a stand-in for buying comparable coverage
	// without a subsidy. Source: KFF Employer Health Benefits Survey 2025.
	WithoutEmployerMonthly *float64 `yaml:"without_employer_monthly,omitempty" json:"without_employer_monthly,omitempty" check:"money"`
	// GoUncovered is true when, without an employer plan, the person would
	// go without coverage rather than pay for it. The months uncovered are
	// counted as a risk instead of a cost.
	GoUncovered bool `yaml:"go_uncovered,omitempty" json:"go_uncovered,omitempty"`
}

// Unemployment is the person's unemployment insurance after a job ends
// through no fault of theirs (a contract not converted or extended, a
// layoff, an employer failing); never after quitting or withdrawing.
type Unemployment struct {
	// Claim is false when the person would not claim. Default: true.
	Claim *bool `yaml:"claim,omitempty" json:"claim,omitempty"`
	// Weekly is the person's own weekly benefit amount (from the state's
	// determination letter or calculator), replacing the estimate. Unit:
	// money per week. Default: the state's rule applied to the weekly pay of
	// the job that ended, up to the state's maximum. Source: U.S. DOL,
	// Significant Provisions of State Unemployment Insurance Laws (January
	// 2020); see docs/money.md.
	Weekly *float64 `yaml:"weekly,omitempty" json:"weekly,omitempty" check:"money"`
}

// Experience is a stretch of the person's work history.
type Experience struct {
	// Field or industry ("financial services").
	Field string `yaml:"field" json:"field" check:"required,max=100"`
	// Role or kind of work ("customer accounts", "human resources").
	Role string `yaml:"role,omitempty" json:"role,omitempty" check:"max=100"`
	// Years of experience. Unit: years.
	Years float64 `yaml:"years,omitempty" json:"years,omitempty" check:"nonneg,max=70"`
	// Occupation is the O*NET-SOC code of the work, if known ("43-4051.00").
	Occupation string `yaml:"occupation,omitempty" json:"occupation,omitempty" check:"soc"`
}

// Goal is the person's long-term goal, in their own words and as structured
// fields.
type Goal struct {
	// Statement of the goal in the person's own words.
	Statement string `yaml:"statement,omitempty" json:"statement,omitempty" check:"max=2000"`
	// Targets are the fields or roles the person wants to reach ("human
	// resources"). An opportunity whose leads_to, role or field names a
	// target fits the goal.
	Targets []string `yaml:"targets,omitempty" json:"targets,omitempty" check:"max=20"`
	// WantsPermanence is true when a permanent position matters to the person.
	// Default: true.
	WantsPermanence *bool `yaml:"wants_permanence,omitempty" json:"wants_permanence,omitempty"`
	// WantsGrowth is true when the person wants to grow (responsibility,
	// pay, skills) rather than settle. Default: true.
	WantsGrowth *bool `yaml:"wants_growth,omitempty" json:"wants_growth,omitempty"`
}

// Opportunity statuses.
const (
	StatusLead               = "lead"
	StatusApplied            = "applied"
	StatusInterviewScheduled = "interview_scheduled"
	StatusOffer              = "offer"
	StatusAccepted           = "accepted"
	StatusCurrentJob         = "current_job"
	StatusKeepSearching      = "keep_searching"
)

// Employment types.
const (
	EmploymentPermanent  = "permanent"
	EmploymentContract   = "contract"
	EmploymentTempToHire = "temp_to_hire"
)

// Opportunity is one option: an offer, a pending interview, the current job
// (staying is an option) or continuing to search.
type Opportunity struct {
	// ID is a short identifier used in weights, ratings and reports.
	ID string `yaml:"id" json:"id" check:"required,id"`
	// Name of the opportunity as the person calls it.
	Name string `yaml:"name" json:"name" check:"required,max=200"`
	// Employer name or description.
	Employer string `yaml:"employer,omitempty" json:"employer,omitempty" check:"max=200"`
	// Role or job title.
	Role string `yaml:"role,omitempty" json:"role,omitempty" check:"max=200"`
	// Field or industry of the employer.
	Field string `yaml:"field,omitempty" json:"field,omitempty" check:"max=200"`
	// Occupation is the O*NET-SOC code of the role ("43-9021.00"), if known.
	Occupation string `yaml:"occupation,omitempty" json:"occupation,omitempty" check:"soc"`
	// Status of the opportunity: lead, applied, interview_scheduled, offer
	// (a written offer in hand), accepted, current_job or keep_searching (no
	// offer yet; a search of uncertain length).
	Status string `yaml:"status" json:"status" check:"required,enum=lead|applied|interview_scheduled|offer|accepted|current_job|keep_searching"`
	// Chance says how sure the opportunity is and when that becomes known.
	Chance Chance `yaml:"chance,omitempty" json:"chance,omitzero"`
	// Pay is the gross pay.
	Pay Pay `yaml:"pay" json:"pay" check:"required"`
	// Start is the first day of work. Pay begins then. Not used for the
	// current job.
	Start Date `yaml:"start,omitempty" json:"start,omitzero"`
	// Employment says whether the job is permanent or a contract, and what
	// happens at the end of a contract.
	Employment Employment `yaml:"employment,omitempty" json:"employment,omitzero"`
	// Benefits that come with the job.
	Benefits Benefits `yaml:"benefits,omitempty" json:"benefits,omitzero"`
	// RaisePercent is the expected yearly raise. Unit: percent per year.
	// Default: 0.
	RaisePercent Estimate `yaml:"raise_percent,omitempty" json:"raise_percent,omitzero" check:"min=-50,max=100"`
	// Commute to the workplace.
	Commute Commute `yaml:"commute,omitempty" json:"commute,omitzero"`
	// Schedule of the work and how the work is measured.
	Schedule Schedule `yaml:"schedule,omitempty" json:"schedule,omitzero"`
	// Work describes the content of the work and how the person would like it.
	Work Work `yaml:"work,omitempty" json:"work,omitzero"`
	// Future says what the opportunity builds toward.
	Future Future `yaml:"future,omitempty" json:"future,omitzero"`
	// Costs of taking the opportunity.
	Costs Costs `yaml:"costs,omitempty" json:"costs,omitzero"`
	// Commitments are the costs of accepting and later withdrawing.
	Commitments Commitments `yaml:"commitments,omitempty" json:"commitments,omitzero"`
	// Search describes a job search: for status keep_searching, the search
	// this option is; for the others, unused.
	Search Search `yaml:"search,omitempty" json:"search,omitzero"`
	// Ratings give the values of the person's own criteria (criteria.custom)
	// and may override a built-in criterion's derived value, by criterion id.
	// Unit: rating, or the custom criterion's own unit.
	Ratings map[string]float64 `yaml:"ratings,omitempty" json:"ratings,omitempty"`
	// Notes are facts and remarks that have no field of their own.
	Notes []string `yaml:"notes,omitempty" json:"notes,omitempty"`
}

// Chance says how sure an opportunity is.
type Chance struct {
	// Probability of getting (or keeping) the offer. Unit: probability.
	// Default: 1 for offer, accepted and current_job; 0.5 after an
	// interview; 0.3 applied; 0.1 lead.
	Probability *Estimate `yaml:"probability,omitempty" json:"probability,omitempty" check:"prob"`
	// InterviewDate is the date of the interview, if one is scheduled.
	InterviewDate Date `yaml:"interview_date,omitempty" json:"interview_date,omitzero"`
	// KnownBy is the date by which the answer (offer or not) is expected.
	// Default: two weeks after the interview date.
	KnownBy Date `yaml:"known_by,omitempty" json:"known_by,omitzero"`
	// RespondBy is the date by which an offer in hand must be accepted or
	// declined.
	RespondBy Date `yaml:"respond_by,omitempty" json:"respond_by,omitzero"`
}

// Pay is gross pay, given per year, per month or per hour. It is converted
// one way everywhere: a year has 52 weeks; hourly pay × hours per week × 52 is
// the yearly pay (2,080 hours at 40 hours a week, as BLS OEWS annualises
// hourly wages); a month is a twelfth of a year.
type Pay struct {
	// Amount of pay per period. A range {min, likely, max} when not yet
	// known. Unit: money per period.
	Amount Estimate `yaml:"amount" json:"amount" check:"required,money"`
	// Per is the period of the amount: year, month or hour.
	Per string `yaml:"per" json:"per" check:"required,enum=year|month|hour"`
	// HoursPerWeek worked. Unit: hours. Default: 40. Used to convert hourly
	// pay.
	HoursPerWeek float64 `yaml:"hours_per_week,omitempty" json:"hours_per_week,omitempty" check:"nonneg,max=100"`
	// SigningBonus is a one-time payment that comes with the first
	// paycheck, taxed at the job's marginal rate. A bonus to repay on
	// leaving goes in commitments.renege_cost or resign_cost. Unit: money.
	// Default: 0.
	SigningBonus float64 `yaml:"signing_bonus,omitempty" json:"signing_bonus,omitempty" check:"money"`
}

// Employment says how long the job lasts and what follows a contract.
type Employment struct {
	// Type of employment: permanent, contract (fixed term) or temp_to_hire.
	// Default: permanent.
	Type string `yaml:"type,omitempty" json:"type,omitempty" check:"enum=permanent|contract|temp_to_hire"`
	// Months is the length of a contract or temp period. Unit: months.
	Months int `yaml:"months,omitempty" json:"months,omitempty" check:"min=0,max=120"`
	// Extension is the chance the contract is extended at its end, and by
	// how long.
	Extension Extension `yaml:"extension,omitempty" json:"extension,omitzero"`
	// Conversion is the chance of being hired permanently at the end of the
	// contract, and the terms then.
	Conversion Conversion `yaml:"conversion,omitempty" json:"conversion,omitzero"`
	// Ends is the date the job ends for certain (a notice given, a closing
	// site), for a current job.
	Ends Date `yaml:"ends,omitempty" json:"ends,omitzero"`
}

// Extension is the chance and length of a contract extension.
type Extension struct {
	// Probability the contract is extended. Unit: probability. Default: 0.
	Probability *Estimate `yaml:"probability,omitempty" json:"probability,omitempty" check:"prob"`
	// Months the extension lasts. Unit: months. Default: the contract length.
	Months int `yaml:"months,omitempty" json:"months,omitempty" check:"min=0,max=120"`
	// Benefits is true when an extended contract brings benefits. Default:
	// false.
	Benefits bool `yaml:"benefits,omitempty" json:"benefits,omitempty"`
}

// Conversion is the chance of being hired permanently and the terms then.
type Conversion struct {
	// Probability of being hired permanently at the end of the contract (or
	// extension). Unit: probability. Default: 0 for contract, 0.5 for
	// temp_to_hire.
	Probability *Estimate `yaml:"probability,omitempty" json:"probability,omitempty" check:"prob"`
	// Pay after conversion. Default: the same pay.
	Pay *Pay `yaml:"pay,omitempty" json:"pay,omitempty"`
	// Benefits after conversion. Default: health coverage at the employee
	// cost of an average employer plan.
	Benefits *Benefits `yaml:"benefits,omitempty" json:"benefits,omitempty"`
	// Role after conversion, if different ("benefits specialist").
	Role string `yaml:"role,omitempty" json:"role,omitempty" check:"max=200"`
}

// Benefits that come with a job.
type Benefits struct {
	// Health is true when the employer offers health coverage. Default: true
	// for permanent jobs, false for contracts and temp work.
	Health *bool `yaml:"health,omitempty" json:"health,omitempty"`
	// HealthEmployeeMonthly is the employee's share of the employer plan's
	// premium. Unit: money per month. Default: $120 (self; $1,440 a year) or
	// $571 (family; $6,850 a year). Source: KFF Employer Health Benefits
	// Survey 2025.
	HealthEmployeeMonthly *float64 `yaml:"health_employee_monthly,omitempty" json:"health_employee_monthly,omitempty" check:"money"`
	// HealthFullMonthly is the full premium of the employer plan, the
	// employer's and the employee's shares together: COBRA after the job
	// ends costs up to 102% of it for up to 18 months. Unit: money per
	// month. Default: $777 (self; $9,325 a year) or $2,249 (family; $26,993
	// a year). Source: KFF Employer Health Benefits Survey 2025.
	HealthFullMonthly *float64 `yaml:"health_full_monthly,omitempty" json:"health_full_monthly,omitempty" check:"money"`
	// WaitMonths before coverage begins after the start. Unit: months.
	// Default: 0.
	WaitMonths int `yaml:"wait_months,omitempty" json:"wait_months,omitempty" check:"min=0,max=24"`
	// RetirementMatchPercent is the employer's retirement contribution as a
	// percentage of pay. Unit: percent. Default: 0.
	RetirementMatchPercent float64 `yaml:"retirement_match_percent,omitempty" json:"retirement_match_percent,omitempty" check:"nonneg,max=50"`
	// PaidLeaveDays per year. Unit: days. Default: 0.
	PaidLeaveDays float64 `yaml:"paid_leave_days,omitempty" json:"paid_leave_days,omitempty" check:"nonneg,max=100"`
}

// Costs of taking an opportunity, beyond the commute and health cover.
type Costs struct {
	// OneOff is money spent once, in the month the job starts: tuition or a
	// course it needs, a move, tools or a uniform. Unit: money. Default: 0.
	OneOff float64 `yaml:"one_off,omitempty" json:"one_off,omitempty" check:"money"`
}

// Failure is a one-time risk that the employer fails (closes, loses the
// contract that funds the job, goes under), distinct from the yearly
// layoff risk of a going concern.
type Failure struct {
	// Probability that the employer fails within Months. Unit: probability.
	Probability float64 `yaml:"probability" json:"probability" check:"required,prob"`
	// WithinMonths from as_of: the failure, if it comes, falls at a time
	// spread evenly over them. Unit: months.
	WithinMonths int `yaml:"within_months" json:"within_months" check:"required,min=1,max=120"`
}

// Commute to the workplace.
type Commute struct {
	// MinutesOneWay is the door-to-door time each way. Unit: minutes.
	// Default: 0 (working from home).
	MinutesOneWay float64 `yaml:"minutes_one_way,omitempty" json:"minutes_one_way,omitempty" check:"nonneg,max=600"`
	// MilesOneWay is the distance each way by car; with no monthly cost it
	// is costed at the IRS business mileage rate. Unit: miles.
	MilesOneWay float64 `yaml:"miles_one_way,omitempty" json:"miles_one_way,omitempty" check:"nonneg,max=1000"`
	// MonthlyCost is the money cost of the commute (fuel, parking, transit).
	// Unit: money per month. Default: miles × 2 × 21.7 working days × $0.725.
	// Source: IRS Notice 2026-10 (standard mileage rate 72.5¢ a mile, 2026).
	MonthlyCost *float64 `yaml:"monthly_cost,omitempty" json:"monthly_cost,omitempty" check:"money"`
	// Remote is the share of working days worked from home. Unit:
	// probability (a share). Default: 0.
	Remote float64 `yaml:"remote,omitempty" json:"remote,omitempty" check:"prob"`
}

// Schedule of the work.
type Schedule struct {
	// Flexibility of the hours: 0 fixed shifts with no give, 10 the person
	// sets their own hours. Unit: rating. Default: 5.
	Flexibility *Estimate `yaml:"flexibility,omitempty" json:"flexibility,omitempty" check:"rating"`
	// Description of the schedule ("8:00–4:30, fixed breaks").
	Description string `yaml:"description,omitempty" json:"description,omitempty" check:"max=500"`
	// MeasuredBy says how the work is measured ("calls handled per day").
	MeasuredBy string `yaml:"measured_by,omitempty" json:"measured_by,omitempty" check:"max=500"`
}

// Work is the content of the work.
type Work struct {
	// Content of the work in plain words.
	Content string `yaml:"content,omitempty" json:"content,omitempty" check:"max=2000"`
	// PeopleContact is how much of the work is with people rather than
	// alone at a computer. Unit: rating.
	PeopleContact *float64 `yaml:"people_contact,omitempty" json:"people_contact,omitempty" check:"rating"`
	// Enjoyment is how much the person expects to like the work. Unit:
	// rating. Default: derived from people_contact and the person's
	// prefers_people (10 − |difference|, and 5 when either is unknown).
	Enjoyment *Estimate `yaml:"enjoyment,omitempty" json:"enjoyment,omitempty" check:"rating"`
	// CanDo is false when the person doubts they can do the work well.
	// Default: true.
	CanDo *bool `yaml:"can_do,omitempty" json:"can_do,omitempty"`
}

// Future says what an opportunity builds toward.
type Future struct {
	// LeadsTo lists the roles or fields the opportunity can lead to ("human
	// resources", "benefits administration"). Matched against the person's
	// goal targets.
	LeadsTo []string `yaml:"leads_to,omitempty" json:"leads_to,omitempty" check:"max=20"`
	// GoalFit overrides the derived fit with the person's goal. Unit:
	// rating. Default: derived (10 when leads_to names a goal target, 6 when
	// the role or field does, 2 otherwise, 5 when the person has no targets).
	GoalFit *float64 `yaml:"goal_fit,omitempty" json:"goal_fit,omitempty" check:"rating"`
	// Growth is the room to grow at this employer (career paths, internal
	// openings, promotion). Unit: rating. Default: 5.
	Growth *float64 `yaml:"growth,omitempty" json:"growth,omitempty" check:"rating"`
	// Skills is how much the job builds skills that matter for the goal.
	// Unit: rating. Default: 5.
	Skills *float64 `yaml:"skills,omitempty" json:"skills,omitempty" check:"rating"`
	// SkillsBuilt lists the skills the job builds.
	SkillsBuilt []string `yaml:"skills_built,omitempty" json:"skills_built,omitempty"`
	// IndustryStability of the employer's industry. Unit: rating. Default: 5.
	IndustryStability *float64 `yaml:"industry_stability,omitempty" json:"industry_stability,omitempty" check:"rating"`
	// Outsourceable is true when the work could be moved offshore or
	// automated away; it halves the industry-stability value.
	Outsourceable bool `yaml:"outsourceable,omitempty" json:"outsourceable,omitempty"`
	// FootInDoor is the value of being inside this employer (a good place to
	// work, hiring from within). Unit: rating. Default: 5.
	FootInDoor *float64 `yaml:"foot_in_door,omitempty" json:"foot_in_door,omitempty" check:"rating"`
	// OutlookPercent is the projected growth of the occupation, overriding the
	// occupation data. Unit: percent change over ten years. Default: from
	// the occupation's BLS projection when an occupation code is given,
	// otherwise no effect.
	OutlookPercent *float64 `yaml:"outlook_percent,omitempty" json:"outlook_percent,omitempty" check:"min=-100,max=1000"`
	// LayoffRiskPerYear is the chance of losing the job in any year after
	// the start (for a permanent job, or after conversion). Unit:
	// probability per year. Default: 0.10, about the yearly total of
	// layoffs and discharges in the BLS Job Openings and Labor Turnover
	// Survey (1% of employment a month, 2024–2025).
	LayoffRiskPerYear *float64 `yaml:"layoff_risk_per_year,omitempty" json:"layoff_risk_per_year,omitempty" check:"prob"`
	// Failure is a one-time risk that the employer fails within some
	// months: the job ends then (or never starts), and a search follows.
	// Default: none.
	Failure *Failure `yaml:"failure,omitempty" json:"failure,omitempty"`
}

// Commitments are the costs of accepting an opportunity and later
// withdrawing.
type Commitments struct {
	// RenegeCost is the money lost by withdrawing after accepting but before
	// the start (a signing bonus to repay, a relocation). Unit: money.
	RenegeCost float64 `yaml:"renege_cost,omitempty" json:"renege_cost,omitempty" check:"money"`
	// ResignCost is the money lost by resigning after the start (notice
	// unpaid, bonus clawback). Unit: money.
	ResignCost float64 `yaml:"resign_cost,omitempty" json:"resign_cost,omitempty" check:"money"`
	// ReputationCost is how much withdrawing after accepting, before the
	// start, hurts the person's standing with this employer and its
	// network. Unit: rating. Default: 7.
	ReputationCost *float64 `yaml:"reputation_cost,omitempty" json:"reputation_cost,omitempty" check:"rating"`
	// QuitReputationCost is how much resigning right after the start hurts
	// it: the employer has spent on hiring and training and counted on the
	// person. The cost falls linearly with the months worked, to the
	// withdrawal cost (reputation_cost) after 6 months. Unit: rating.
	// Default: three quarters of the way from reputation_cost to 10 (9.25
	// for the default withdrawal cost of 7): quitting days after starting
	// is about the worst a new hire can do to an employer, and it never
	// costs less than withdrawing before the start.
	QuitReputationCost *float64 `yaml:"quit_reputation_cost,omitempty" json:"quit_reputation_cost,omitempty" check:"rating"`
	// ClosesDoor is true when withdrawing means the employer will not hire
	// the person again (no conversion there). Default: true.
	ClosesDoor *bool `yaml:"closes_door,omitempty" json:"closes_door,omitempty"`
	// NoticeWeeks the person must give when resigning. Unit: weeks.
	// Default: 2.
	NoticeWeeks *float64 `yaml:"notice_weeks,omitempty" json:"notice_weeks,omitempty" check:"nonneg,max=26"`
}

// Search is a job search of uncertain length.
type Search struct {
	// Months until a new job starts. Unit: months. Default: {min: 1,
	// likely: 3, max: 9}, around the median length of unemployment in the
	// BLS Current Population Survey (about 10 weeks in 2025) with a long
	// tail.
	Months *Estimate `yaml:"months,omitempty" json:"months,omitempty" check:"min=0,max=60"`
}

// Criteria holds the weights and the ranking method.
type Criteria struct {
	// Balance between the present and the future: 0 means only today's
	// needs count, 1 only the long-term goal. Unit: a share. Default: 0.5.
	Balance *float64 `yaml:"balance,omitempty" json:"balance,omitempty" check:"prob"`
	// Weighting is how the weights are given: direct (a 0–10 rating per
	// criterion), swing (points 0–100, the most important swing 100) or
	// pairwise (AHP comparisons within each group). Default: direct.
	Weighting string `yaml:"weighting,omitempty" json:"weighting,omitempty" check:"enum=direct|swing|pairwise"`
	// Weights by criterion id: ratings 0–10 for direct, points 0–100 for
	// swing. Criteria left out keep their default weight; a weight of 0
	// leaves a criterion out.
	Weights map[string]float64 `yaml:"weights,omitempty" json:"weights,omitempty"`
	// Pairwise comparisons for weighting pairwise, each "a, b, x": a is x
	// times as important as b (x from 1/9 to 9, written as a number or a
	// fraction). Every pair of the group's criteria must be compared once.
	Pairwise Pairwise `yaml:"pairwise,omitempty" json:"pairwise,omitzero"`
	// Method of the multi-criteria ranking: wsm (weighted sum), topsis,
	// vikor or promethee2. Default: wsm.
	Method string `yaml:"method,omitempty" json:"method,omitempty" check:"enum=wsm|topsis|vikor|promethee2"`
	// Custom criteria of the person's own, rated per opportunity in ratings.
	Custom []CustomCriterion `yaml:"custom,omitempty" json:"custom,omitempty" check:"max=20"`
}

// Pairwise holds AHP comparisons for the two groups of criteria.
type Pairwise struct {
	// Present group comparisons.
	Present []Comparison `yaml:"present,omitempty" json:"present,omitempty"`
	// Future group comparisons.
	Future []Comparison `yaml:"future,omitempty" json:"future,omitempty"`
	// Method of deriving weights: eigenvector or approximate. Default:
	// eigenvector.
	Method string `yaml:"method,omitempty" json:"method,omitempty" check:"enum=eigenvector|approximate"`
}

// Comparison is one pairwise judgement: A is Ratio times as important as B.
type Comparison struct {
	// A is the first criterion id.
	A string `yaml:"a" json:"a" check:"required"`
	// B is the second criterion id.
	B string `yaml:"b" json:"b" check:"required"`
	// Ratio of importance of A over B, written as a number or a fraction
	// such as "1/3". Unit: Saaty's 1–9 scale.
	Ratio string `yaml:"ratio" json:"ratio" check:"required"`
}

// CustomCriterion is a criterion of the person's own.
type CustomCriterion struct {
	// ID used in weights and in each opportunity's ratings.
	ID string `yaml:"id" json:"id" check:"required,id"`
	// Name shown in reports.
	Name string `yaml:"name" json:"name" check:"required,max=100"`
	// Group the criterion belongs to: present or future.
	Group string `yaml:"group" json:"group" check:"required,enum=present|future"`
	// Type: benefit (more is better) or cost (less is better). Default:
	// benefit.
	Type string `yaml:"type,omitempty" json:"type,omitempty" check:"enum=benefit|cost"`
	// Min and Max of the scale the ratings are given on. Default: 0 and 10.
	Min *float64 `yaml:"min,omitempty" json:"min,omitempty"`
	// Max of the scale. Default: 10.
	Max *float64 `yaml:"max,omitempty" json:"max,omitempty"`
}

// Settings of the analysis.
type Settings struct {
	// Paths is the number of Monte Carlo paths. Default: chosen so that the
	// standard error of the run-out probability is at most half a
	// percentage point (10,000 paths).
	Paths int `yaml:"paths,omitempty" json:"paths,omitempty" check:"min=0,max=1000000"`
	// Seed of the random numbers; the same case and seed give the same
	// numbers. Default: 1.
	Seed uint64 `yaml:"seed,omitempty" json:"seed,omitempty"`
	// Tax on pay.
	Tax Tax `yaml:"tax,omitempty" json:"tax,omitzero"`
	// SensitivityPaths is the number of Monte Carlo paths of each re-run
	// behind the break-even points and the tornado chart: the first paths of
	// the same seed, so that every re-run shares the main run's random
	// numbers. Unit: paths. Default: 2,000 (a re-run then costs a fifth of
	// the main run, so that the whole analysis stays interactive; the
	// standard error of a run-out probability is then at most 1.1
	// percentage points, and much less for the difference between two
	// strategies, which share their random numbers).
	SensitivityPaths int `yaml:"sensitivity_paths,omitempty" json:"sensitivity_paths,omitempty" check:"min=0,max=100000"`
	// Search describes the job search the simulation starts when the person
	// has no job and none to come (after a lost job or a missing offer):
	// how long it lasts and the job it finds.
	Search SearchSettings `yaml:"search,omitempty" json:"search,omitzero"`
}

// SearchSettings describe the job search of the simulation and the job it
// finds. Each field left out is taken from the case's keep_searching option
// when there is one, else from the default named.
type SearchSettings struct {
	// Months from the start of a search to the first day of the job it
	// finds; a range is sampled anew for every search. Unit: months.
	// Default: the keep_searching option's search.months, else {min: 1,
	// likely: 3, max: 9}, around the median length of unemployment in the
	// BLS Current Population Survey (about 10 weeks in 2025) with a long
	// tail.
	Months *Estimate `yaml:"months,omitempty" json:"months,omitempty" check:"min=0,max=60"`
	// Pay of the job a search finds. Default: the keep_searching option's
	// pay, else the national median wage of settings.search.occupation (BLS
	// Occupational Employment and Wage Statistics, May 2024), else the
	// median of the expected pay of the case's opportunities (work like
	// the jobs on the table).
	Pay *Pay `yaml:"pay,omitempty" json:"pay,omitempty"`
	// Role of the job a search is expected to find, in the person's words
	// ("HR assistant"); it counts for the fit with the goal.
	Role string `yaml:"role,omitempty" json:"role,omitempty" check:"max=200"`
	// Occupation is the O*NET-SOC code of the job a search is expected to
	// find; its national median wage is the default pay, its BLS
	// projection the outlook. Default: the keep_searching option's.
	Occupation string `yaml:"occupation,omitempty" json:"occupation,omitempty" check:"soc"`
	// Ratings of the job a search finds on the lens criteria, by criterion
	// id, as an opportunity's ratings (the person's own guess: "a search
	// would find office work with flexible hours": flexibility 7). Default:
	// the keep_searching option's ratings, else neutral (5/10, and the
	// middle of each custom criterion's scale).
	Ratings map[string]float64 `yaml:"ratings,omitempty" json:"ratings,omitempty"`
	// Health is true when the job a search finds comes with employer health
	// coverage. Default: the keep_searching option's benefits.health, else
	// true (the job found is taken to be permanent, and most permanent jobs
	// offer coverage).
	Health *bool `yaml:"health,omitempty" json:"health,omitempty"`
	// HealthEmployeeMonthly is the employee's share of the found job's
	// health plan. Unit: money per month. Default: $120 (self) or $571
	// (family). Source: KFF Employer Health Benefits Survey 2025.
	HealthEmployeeMonthly *float64 `yaml:"health_employee_monthly,omitempty" json:"health_employee_monthly,omitempty" check:"money"`
	// CommuteMonthly is the money cost of the found job's commute. Unit:
	// money per month. Default: the keep_searching option's commute cost,
	// else the mean commute cost of the case's other opportunities.
	CommuteMonthly *float64 `yaml:"commute_monthly,omitempty" json:"commute_monthly,omitempty" check:"money"`
	// LayoffRiskPerYear is the chance of losing the found job in any year.
	// Unit: probability per year. Default: the keep_searching option's
	// future.layoff_risk_per_year, else 0.10 (BLS JOLTS layoffs and
	// discharges, about 1% of employment a month, 2024–2025).
	LayoffRiskPerYear *float64 `yaml:"layoff_risk_per_year,omitempty" json:"layoff_risk_per_year,omitempty" check:"prob"`
}

// Tax settings.
type Tax struct {
	// Mode: estimate (payroll tax plus a federal income tax estimate with the
	// 2026 brackets and standard deduction) or effective (one rate on gross
	// pay). Default: estimate.
	Mode string `yaml:"mode,omitempty" json:"mode,omitempty" check:"enum=estimate|effective"`
	// EffectiveRate on gross pay for mode effective, all taxes included.
	// Unit: a share of gross pay.
	EffectiveRate *float64 `yaml:"effective_rate,omitempty" json:"effective_rate,omitempty" check:"prob"`
	// FilingStatus for the estimate: single, head_of_household or
	// married_joint. Default: head_of_household for a single parent with
	// dependants, single otherwise.
	FilingStatus string `yaml:"filing_status,omitempty" json:"filing_status,omitempty" check:"enum=single|head_of_household|married_joint"`
	// StateRate is a flat state and local income tax rate added to the
	// estimate. Unit: a share of gross pay. Default: 0.
	StateRate float64 `yaml:"state_rate,omitempty" json:"state_rate,omitempty" check:"prob"`
}
