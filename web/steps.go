package web

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crossroads/crossroads"
)

// step is one page of the guided editor: one question of a coach's
// conversation.
type step struct {
	Slug     string // in the URL: /cases/{id}/edit/{slug}
	Title    string // short, for the list of steps
	Question string // the coach's question, the page's heading
	Optional bool
	// fields returns the case paths the step's form edits; nil for the
	// list of opportunities, whose items have pages of their own.
	fields func(c *crossroads.Case) []string
}

// steps are the pages of the guided editor, in the order of the
// conversation.
var steps = []step{
	{Slug: "you", Title: "You", Question: "Tell me about yourself", fields: youFields},
	{Slug: "needs", Title: "Needs now", Question: "What do you need now?", fields: needsFields},
	{Slug: "goal", Title: "Long term", Question: "What do you want in the long run?", fields: goalFields},
	{Slug: "opportunities", Title: "Opportunities", Question: "What are your options?"},
	{Slug: "chances", Title: "How sure", Question: "How sure is each one?", fields: chanceFields},
	{Slug: "priorities", Title: "What matters", Question: "What matters most to you?", fields: priorityFields},
	{Slug: "pairwise", Title: "Compare pairs", Question: "Compare what matters, two at a time", Optional: true, fields: pairwiseFields},
}

// stepBySlug returns the step with the given slug.
func stepBySlug(slug string) (int, bool) {
	for i, s := range steps {
		if s.Slug == slug {
			return i, true
		}
	}
	return 0, false
}

func youFields(*crossroads.Case) []string {
	return []string{
		"title", "as_of",
		"person.name", "person.situation", "person.age", "person.single_parent", "person.dependants", "person.dependant_ages",
		"person.experience", "person.skills", "person.enjoys", "person.dislikes", "person.prefers_people",
	}
}

func needsFields(*crossroads.Case) []string {
	return []string{
		"currency", "person.state", "person.monthly_expenses", "person.savings", "person.income",
		"person.unemployment.claim", "person.unemployment.weekly",
		"person.health.coverage", "person.health.without_employer_monthly", "person.health.go_uncovered",
		"person.max_commute_minutes", "person.needs_flexibility",
		"settings.tax.mode", "settings.tax.effective_rate", "settings.tax.filing_status", "settings.tax.state_rate",
	}
}

func goalFields(*crossroads.Case) []string {
	return []string{
		"person.goal.statement", "person.goal.targets", "person.goal.wants_permanence", "person.goal.wants_growth",
		"person.risk_attitude", "horizon_months", "notes",
	}
}

// opportunityFieldNames are the fields of an opportunity's own page,
// relative to the opportunity. Its id is made from its name when it is
// added and never edited; its chances are on the "how sure" page.
var opportunityFieldNames = []string{
	"name", "employer", "role", "field", "occupation", "status",
	"pay.amount", "pay.per", "pay.hours_per_week", "start",
	"employment.type", "employment.months", "employment.ends",
	"benefits.health", "benefits.health_employee_monthly", "benefits.wait_months",
	"benefits.retirement_match_percent", "benefits.paid_leave_days", "raise_percent",
	"commute.minutes_one_way", "commute.miles_one_way", "commute.monthly_cost", "commute.remote",
	"schedule.flexibility", "schedule.description", "schedule.measured_by",
	"work.content", "work.people_contact", "work.enjoyment", "work.can_do",
	"future.leads_to", "future.growth", "future.skills", "future.skills_built",
	"future.industry_stability", "future.outsourceable", "future.foot_in_door", "future.layoff_risk_per_year",
	"commitments.renege_cost", "commitments.resign_cost", "commitments.reputation_cost", "commitments.closes_door",
	"search.months", "notes",
}

// opportunityFields returns the paths of the page of opportunity i.
func opportunityFields(i int) []string {
	p := fmt.Sprintf("opportunities[%d].", i)
	out := make([]string, len(opportunityFieldNames))
	for j, f := range opportunityFieldNames {
		out[j] = p + f
	}
	return out
}

// chanceFieldNames are the fields of the "how sure" page for each
// opportunity; fixedTermChanceFields only for contracts and temp work.
var (
	chanceFieldNames      = []string{"chance.probability", "chance.interview_date", "chance.known_by", "chance.respond_by"}
	fixedTermChanceFields = []string{
		"employment.conversion.probability", "employment.conversion.role",
		"employment.extension.probability", "employment.extension.months", "employment.extension.benefits",
	}
)

func chanceFields(c *crossroads.Case) []string {
	var out []string
	for i := range c.Opportunities {
		p := fmt.Sprintf("opportunities[%d].", i)
		for _, f := range chanceFieldNames {
			out = append(out, p+f)
		}
		if c.Opportunities[i].IsFixedTerm() {
			for _, f := range fixedTermChanceFields {
				out = append(out, p+f)
			}
		}
	}
	return out
}

func priorityFields(*crossroads.Case) []string {
	return []string{"criteria.balance", "criteria.weights", "criteria.method"}
}

func pairwiseFields(*crossroads.Case) []string {
	return []string{"criteria.weighting", "criteria.pairwise.present", "criteria.pairwise.future"}
}

// owns reports whether a problem at path belongs to one of the fields.
func owns(fields []string, path string) bool {
	return slices.ContainsFunc(fields, func(f string) bool {
		// A problem of a field, of a row of a list, or of a record that
		// holds fields of the step ("employment.conversion": applies only
		// to a contract), but not of the whole list of opportunities.
		return under(path, f) || under(f, path) && strings.Contains(path, ".")
	})
}

// stepOf returns the slug of the step whose page edits path (and the index
// of the opportunity for an opportunity's own page), for links from the
// list of a case's remaining problems.
func stepOf(c *crossroads.Case, path string) (slug string, opp int) {
	for _, s := range steps {
		if s.fields != nil && owns(s.fields(c), path) {
			return s.Slug, -1
		}
	}
	for i := range c.Opportunities {
		if owns(opportunityFields(i), path) {
			return "opportunities", i
		}
	}
	if under(path, "opportunities") {
		return "opportunities", -1
	}
	return "", -1
}
