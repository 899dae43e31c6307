// Package ui estimates regular state unemployment insurance: the weekly
// benefit amount from the state's rule, the maximum weeks and the waiting
// weeks, for every state and DC. It is pure: no I/O, no clock. Its tables
// are generated from data/*.csv (see data/SOURCE.md and docs/money.md).
//
// The rule of each state is written as
//
//	weekly = base wage × rate + intercept, between the state's minimum and
//	         maximum, rounded down to a whole dollar
//
// where the base wage is the state's measure of prior pay: the highest
// quarter (hqw), the two highest quarters (2hqw), the last two quarters
// (2fqw), the base-period year (annual_wage), the two highest quarters and
// half the third (ND), or the average weekly wage (direct_weekly). The
// formulas and the minimum and maximum amounts are those of the U.S. DOL's
// "Significant Provisions of State Unemployment Insurance Laws", January
// 2020 — older than the 2026 figures; many maxima have risen since, so the
// estimate errs low for well-paid claimants. Dependants' allowances,
// monetary eligibility tests and partial benefits are left out.
package ui

import (
	"fmt"
	"math"
	"slices"

	"github.com/crossroads/crossroads"
)

type rule struct {
	concept                         string
	rate, intercept, lo, hi, thresh float64
}

type duration struct {
	weeks, waiting int
	source         string
}

// Source strings.
const (
	SourceRules = "U.S. DOL, Significant Provisions of State Unemployment Insurance Laws, January 2020 (as tabulated by PSLmodels ui_calculator)"
)

var durationSources = map[string]string{
	"default": "26 weeks and a one-week waiting period, the usual regular-UI limits (no state-specific figure in the stored sources)",
	"al":      "Code of Alabama § 25-4-74(a): 14 weeks while the state's unemployment rate is at most 6.5%",
	"fl":      "Florida DEO: 12 to 23 weeks by the state's unemployment rate (12 at today's rates)",
	"guide":   "Unemployment Benefits by State, 2025 guide (laidofflaunch.com, 2025-12-15); the lower bound of a range",
	"cbpp":    "CBPP, \"How Many Weeks of Unemployment Compensation Are Available?\" (2021): Montana 28 weeks",
}

// Benefit is a state's regular unemployment benefit for one claimant.
type Benefit struct {
	State string
	// Weekly benefit amount.
	Weekly float64
	// Weeks of benefit at most.
	Weeks int
	// WaitingWeeks unpaid before the first payment.
	WaitingWeeks int
	// Source in words.
	Source string
}

// Months of benefit at most, counting a month as 52/12 weeks.
func (b Benefit) Months() float64 { return float64(b.Weeks) * 12 / crossroads.WeeksPerYear }

// WaitingMonths before the first payment.
func (b Benefit) WaitingMonths() float64 {
	return float64(b.WaitingWeeks) * 12 / crossroads.WeeksPerYear
}

// Monthly is the weekly amount as money per month (× 52/12).
func (b Benefit) Monthly() float64 { return b.Weekly * crossroads.WeeksPerYear / 12 }

// FromQuarters returns the benefit for base-period quarterly wages, oldest
// first (the four quarters of the base period: normally the first four of
// the last five completed quarters).
func FromQuarters(state string, quarters [4]float64) (Benefit, error) {
	rs, ok := rules[state]
	if !ok {
		return Benefit{}, fmt.Errorf("ui: %q is not a U.S. state or DC", state)
	}
	for _, q := range quarters {
		if q < 0 || math.IsNaN(q) || math.IsInf(q, 0) {
			return Benefit{}, fmt.Errorf("ui: quarterly wages %v are not amounts ≥ 0", quarters)
		}
	}
	sorted := quarters
	slices.Sort(sorted[:])
	slices.Reverse(sorted[:])
	total := quarters[0] + quarters[1] + quarters[2] + quarters[3]
	var b Benefit
	for _, r := range rs {
		var base float64
		switch r.concept {
		case "hqw":
			base = sorted[0]
		case "2hqw":
			base = sorted[0] + sorted[1]
		case "2fqw":
			base = quarters[2] + quarters[3]
		case "ND":
			base = sorted[0] + sorted[1] + sorted[2]/2
		case "annual_wage":
			base = total
		case "direct_weekly":
			base = total / crossroads.WeeksPerYear
		}
		if base < r.thresh {
			continue
		}
		w := 0.0
		if total > 0 {
			// The tabulated rates are fractions cut to 9 digits (1/26 as
			// 0.038461538): a tenth of a cent is allowed before rounding down.
			w = math.Floor(math.Min(math.Max(base*r.rate+r.intercept, r.lo), r.hi) + 0.001)
		}
		b = Benefit{State: state, Weekly: w}
		break
	}
	d := durations[state]
	b.Weeks, b.WaitingWeeks = d.weeks, d.waiting
	b.Source = fmt.Sprintf("%s; duration: %s", SourceRules, durationSources[d.source])
	return b, nil
}

// FromWeeklyWage returns the benefit of a claimant who earned weeklyWage
// every week of the base period (13 weeks a quarter).
func FromWeeklyWage(state string, weeklyWage float64) (Benefit, error) {
	q := 13 * weeklyWage
	return FromQuarters(state, [4]float64{q, q, q, q})
}

// ForPerson returns the benefit the person would claim after an involuntary
// job end, given their weekly wage in the job that ended, and false when
// they will not claim (person.unemployment.claim false) or nothing can be
// estimated (no state and no weekly override). An override of the weekly
// amount replaces the state's formula; weeks and waiting weeks stay the
// state's (26 and 1 without a state).
func ForPerson(p *crossroads.Person, weeklyWage float64) (Benefit, bool) {
	if !p.Unemployment.Claims() {
		return Benefit{}, false
	}
	b, err := FromWeeklyWage(p.State, weeklyWage)
	if w := p.Unemployment.Weekly; w != nil {
		if err != nil {
			b = Benefit{Weeks: 26, WaitingWeeks: 1}
		}
		b.Weekly = *w
		b.Source = "the person's own weekly amount (person.unemployment.weekly); duration: " + durationSources[durations[p.State].source]
		if err != nil {
			b.Source = "the person's own weekly amount (person.unemployment.weekly); duration: " + durationSources["default"]
		}
		return b, true
	}
	return b, err == nil
}
