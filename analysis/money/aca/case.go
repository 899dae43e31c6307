package aca

import "github.com/crossroads/crossroads"

// HouseholdOf returns the household of case c with a year's income: the
// person at person.age, a spouse of the same age when the filing status is
// married_joint (an assumption: the case has no spouse's age), the
// dependants at person.dependant_ages (default 10 each), in person.state.
// Coverage self leaves the dependants out of the cover, not of the size.
func HouseholdOf(c *crossroads.Case, annualIncome float64) Household {
	p := &c.Person
	h := Household{State: p.State, Age: p.AgeValue(), DependantAges: p.DependantAgesValue(),
		Income: annualIncome, SelfOnly: p.HealthCoverage() == "self"}
	if c.FilingStatus() == "married_joint" {
		h.SpouseAge = h.Age
	}
	return h
}

// OwnCover returns what cover without an employer plan costs the person of
// case c a month in a year with the given household income, and where the
// figure comes from. In order: nothing when the person would go uncovered;
// the person's own quote; the marketplace estimate after the credit (with
// Medicaid and CHIP) when person.state is given; else the unsubsidised
// default of crossroads.Person.HealthWithoutEmployer.
func OwnCover(c *crossroads.Case, annualIncome float64) (float64, string) {
	p := &c.Person
	switch {
	case p.Health.GoUncovered:
		return 0, "the person would go uncovered (person.health.go_uncovered)"
	case p.Health.WithoutEmployerMonthly != nil:
		return *p.Health.WithoutEmployerMonthly, "the person's own quote (person.health.without_employer_monthly)"
	case p.State != "":
		if e, err := HouseholdOf(c, annualIncome).Estimate(); err == nil {
			return e.AfterCredit, e.Source
		}
	}
	return p.HealthWithoutEmployer(), "the average total premium of an employer plan, unsubsidised (KFF Employer Health Benefits Survey 2025); no person.state to estimate the credit"
}
