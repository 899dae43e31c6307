package crossroads

// Criterion groups.
const (
	GroupPresent = "present"
	GroupFuture  = "future"
)

// BuiltinCriterion describes one of the criteria every opportunity is scored
// on. Their values are derived from the opportunity's facts by the
// job-or-career lens (package analysis/lens), where each formula is
// documented.
type BuiltinCriterion struct {
	ID    string
	Name  string
	Group string
	// Weight is the default direct weight, a rating 0–10.
	Weight float64
	// Question is the criterion put as a question a coach would ask.
	Question string
}

// Builtin criteria ids.
const (
	CritTakeHome      = "take_home"
	CritBenefits      = "benefits"
	CritCommute       = "commute"
	CritFlexibility   = "flexibility"
	CritFirstPaycheck = "first_paycheck"
	CritSecurity      = "security"
	CritEnjoyment     = "enjoyment"

	CritGoalFit    = "goal_fit"
	CritPermanence = "permanence"
	CritGrowth     = "growth"
	CritSkills     = "skills"
	CritStability  = "stability"
	CritOutlook    = "outlook"
	CritFootInDoor = "foot_in_door"
)

// BuiltinCriteria lists the criteria of the lens in report order: the
// present group (does it support today's life?) and the future group (does
// it build toward the person's own goal?).
var BuiltinCriteria = []BuiltinCriterion{
	{CritTakeHome, "Take-home pay against needs", GroupPresent, 8, "Does the pay, after tax, health cover and commute, meet the monthly needs?"},
	{CritBenefits, "Benefits", GroupPresent, 7, "Does it come with health coverage, retirement and paid leave?"},
	{CritCommute, "Commute", GroupPresent, 6, "How long is the commute against the longest you accept?"},
	{CritFlexibility, "Schedule flexibility", GroupPresent, 5, "Can the hours bend around family life?"},
	{CritFirstPaycheck, "Time to the first paycheck", GroupPresent, 6, "How much of your savings goes before the first pay arrives?"},
	{CritSecurity, "Near-term security", GroupPresent, 6, "How much of the coming year is paid work, for sure?"},
	{CritEnjoyment, "Enjoyment of the work", GroupPresent, 5, "Would you like the work itself?"},
	{CritGoalFit, "Fit with your goal", GroupFuture, 8, "Does it lead toward what you want long-term?"},
	{CritPermanence, "Chance of permanence", GroupFuture, 6, "Is it, or can it become, a permanent position?"},
	{CritGrowth, "Room to grow", GroupFuture, 6, "Are there career paths and internal openings?"},
	{CritSkills, "Skills it builds", GroupFuture, 5, "Does it build skills that matter for your goal?"},
	{CritStability, "Industry stability", GroupFuture, 4, "Is the industry stable, or could the work move away?"},
	{CritOutlook, "Occupation outlook", GroupFuture, 4, "Is the occupation growing or shrinking nationally?"},
	{CritFootInDoor, "A foot in the door", GroupFuture, 5, "Is it worth being inside this employer?"},
}

// Builtin returns the built-in criterion with the given id.
func Builtin(id string) (BuiltinCriterion, bool) {
	for _, c := range BuiltinCriteria {
		if c.ID == id {
			return c, true
		}
	}
	return BuiltinCriterion{}, false
}
