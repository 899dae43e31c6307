// Package aca estimates what health cover costs a U.S. household without an
// employer plan in the 2026 coverage year: the benchmark (second-lowest-cost
// silver) marketplace premium, the premium tax credit of IRC § 36B, the
// premium after the credit, Medicaid and CHIP eligibility by the state's
// published limits, and COBRA as the alternative after leaving a job with a
// plan. It is pure: no I/O, no clock. Every table is generated from
// data/*.csv (see data/SOURCE.md); docs/money.md names each source.
//
// The rules, as implemented:
//
//	household size   = the person + a spouse when filing jointly + dependants
//	poverty line     = 2025 HHS guideline for that size (Alaska and Hawaii their own)
//	FPL percent      = income / poverty line × 100, fractions dropped (Form 8962, line 5)
//	Medicaid adult   = FPL percent ≤ the state's adult (expansion) limit, or its
//	                   parent limit when there are dependants
//	Medicaid/CHIP    = a dependant under 19 with FPL percent ≤ the state's
//	  child            upper limit (Medicaid ages 6–18 or separate CHIP, the higher)
//	credit eligible  = 100% ≤ FPL percent ≤ 400% and not Medicaid-eligible
//	                   (the enhanced credits of 2021–2025 have expired)
//	applicable %     = Rev. Proc. 2025-25 table, linear within a band, rounded to
//	                   0.01 percentage point (26 CFR 1.36B-3(g)(1))
//	contribution     = income × applicable % / 12 a month
//	benchmark        = Σ members on the marketplace of the state's 40-year-old
//	                   benchmark ÷ age-40 factor × the member's age factor (CMS
//	                   federal default curve; at most three children under 21
//	                   count), or the family tier in NY and VT
//	credit           = max(0, benchmark − contribution)
//	after credit     = benchmark − credit (never below 0, never above benchmark)
package aca

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Year is the coverage year of the tables.
const Year = 2026

// BenchmarkUprating scales KFF's 2025 state benchmark premiums to 2026: KFF
// found average benchmark premiums up about 26% from 2025 to 2026 (KFF's
// 2026 marketplace premium analysis, October 2025, as reported). States
// differ widely around that average; the person's own quote always wins.
const BenchmarkUprating = 1.26

// PovertyCapPercent is the income above which no credit is allowed in 2026,
// in percent of the poverty line (IRC § 36B(c)(1)(A); the temporary rule of
// 2021–2025 that lifted it has expired).
const PovertyCapPercent = 400

// MaxChildrenRated is the most children under 21 whose premiums count toward
// a family's premium (45 CFR 147.102(c)(1)).
const MaxChildrenRated = 3

// Source strings of the figures.
const (
	SourcePoverty      = "HHS poverty guidelines 2025 (Federal Register, 2025-01-17), used for 2026 coverage"
	SourceApplicable   = "IRS Rev. Proc. 2025-25, § 3.01 (applicable percentage table, 2026)"
	SourceBenchmark    = "KFF State Health Facts, average benchmark premium for a 40-year-old, 2025, × 1.26 (KFF: benchmarks up 26% for 2026)"
	SourceAgeCurve     = "CMS federal default age curve (plan years 2018 on)"
	SourceMedicaid     = "Medicaid and CHIP income limits by state (Medicaid.gov eligibility levels, December 2023; KFF State Health Facts, January 2025; state manuals for 2026 parent limits)"
	SourceFamilyTiers  = "CMS state-specific rating variations (family tiers of NY and VT)"
	SourceCreditFormal = "IRC § 36B(b); 26 CFR 1.36B-3"
)

type guideline struct{ first, each float64 }

type band struct{ from, to, initial, final float64 }

type limits struct{ adult, parent, child, chip float64 }

type tiers struct{ one, two, oneKids, twoKids float64 }

// Household is who needs cover and what the household earns in the year.
type Household struct {
	// State is the two-letter code of the state (or DC).
	State string
	// Age of the person in years.
	Age int
	// SpouseAge is the age of a spouse in the tax household (filing
	// jointly), 0 for none.
	SpouseAge int
	// DependantAges are the ages of the dependants, one entry each.
	DependantAges []int
	// Income is the household's modified adjusted gross income for the
	// year; for wages, about the year's gross pay.
	Income float64
	// SelfOnly is true when only the person (and a spouse) need marketplace
	// cover: the dependants count for the household size but are covered
	// elsewhere.
	SelfOnly bool
}

// Size is the number of people in the tax household.
func (h Household) Size() int {
	n := 1 + len(h.DependantAges)
	if h.SpouseAge > 0 {
		n++
	}
	return n
}

// Estimate is the cost of cover for a household without an employer plan.
// Amounts are per month.
type Estimate struct {
	Year int
	// Size of the household and its poverty line (per year).
	Size        int
	PovertyLine float64
	// FPLPercent is income as a whole percent of the poverty line.
	FPLPercent int
	// BenchmarkAll is the benchmark premium if every member bought the
	// benchmark plan.
	BenchmarkAll float64
	// Benchmark is the benchmark premium of the members who need marketplace
	// cover (not on Medicaid or CHIP).
	Benchmark float64
	// ApplicablePercent of income the household is expected to pay for the
	// benchmark plan (0 when no credit is allowed).
	ApplicablePercent float64
	// Contribution is the household's required monthly contribution.
	Contribution float64
	// Credit is the monthly premium tax credit.
	Credit float64
	// AfterCredit is the benchmark premium after the credit: what the
	// household pays for marketplace cover.
	AfterCredit float64
	// MedicaidAdult is true when the person qualifies for Medicaid.
	MedicaidAdult bool
	// PublicChildren is the number of dependants under 19 who qualify for
	// Medicaid or CHIP.
	PublicChildren int
	// AboveCap is true above 400% of the poverty line: no credit.
	AboveCap bool
	// BelowPoverty is true below 100% of the poverty line: no credit. Without
	// Medicaid (a state that has not expanded it) the person is in the
	// coverage gap and the estimate is the full benchmark premium.
	BelowPoverty bool
	// Source says where the figures come from, in words.
	Source string
}

// PovertyLine returns the 2025 HHS poverty guideline for a household of size
// people in state (Alaska and Hawaii have their own; any other state, or "",
// the contiguous figures).
func PovertyLine(state string, size int) float64 {
	g, ok := povertyGuidelines[state]
	if !ok {
		g = povertyGuidelines[""]
	}
	return g.first + g.each*float64(max(size, 1)-1)
}

// ApplicablePercent returns the 2026 applicable percentage for income at
// fplPercent of the poverty line, in percent of income, and false above 400%
// (no credit). Below 133% it is the initial percentage of the first band:
// whether a credit is allowed there is decided by the caller.
func ApplicablePercent(fplPercent float64) (float64, bool) {
	if fplPercent > PovertyCapPercent {
		return 0, false
	}
	for _, b := range applicablePercentages {
		if fplPercent < b.to || b.to == PovertyCapPercent {
			x := b.initial
			if fplPercent > b.from {
				x += (b.final - b.initial) * (fplPercent - b.from) / (b.to - b.from)
			}
			return math.Round(x*100) / 100, true
		}
	}
	return 0, false
}

// AgeFactor returns the CMS federal default age-curve factor (age 21 = 1).
func AgeFactor(age int) float64 {
	return ageCurve[min(max(age, 0), 64)]
}

// HasBenchmark reports whether the tables hold a benchmark premium for state.
func HasBenchmark(state string) bool {
	_, ok := benchmarkAge40[state]
	return ok
}

// Age40Benchmark returns the state's benchmark premium for a 40-year-old in
// 2026 (KFF's 2025 state average × BenchmarkUprating), per month.
func Age40Benchmark(state string) (float64, error) {
	p, ok := benchmarkAge40[state]
	if !ok {
		return 0, fmt.Errorf("aca: no benchmark premium for state %q", state)
	}
	return p * BenchmarkUprating, nil
}

// BenchmarkPremium returns the monthly benchmark premium that covers the
// adults of the given ages and the children (dependants) of the given ages
// in state: per member on the federal default age curve, at most three
// children under 21 counted, or the family tier in a state that rates by
// tier.
func BenchmarkPremium(state string, adults, children []int) (float64, error) {
	p40, err := Age40Benchmark(state)
	if err != nil {
		return 0, err
	}
	if len(adults) == 0 && len(children) == 0 {
		return 0, nil
	}
	if t, ok := familyTiers[state]; ok {
		// Community rating: the 40-year-old's figure is everyone's rate.
		switch {
		case len(adults) == 0:
			return p40 * float64(len(children)), nil // not a tier case; rare
		case len(adults) == 1 && len(children) == 0:
			return p40 * t.one, nil
		case len(adults) == 1:
			return p40 * t.oneKids, nil
		case len(children) == 0:
			return p40 * t.two * float64(len(adults)) / 2, nil
		}
		return p40 * t.twoKids * float64(len(adults)) / 2, nil
	}
	base := p40 / AgeFactor(40)
	sum := 0.0
	for _, a := range adults {
		sum += base * AgeFactor(a)
	}
	var young []int
	for _, a := range children {
		if a >= 21 {
			sum += base * AgeFactor(a)
		} else {
			young = append(young, a)
		}
	}
	slices.Sort(young)
	slices.Reverse(young)
	for i, a := range young {
		if i < MaxChildrenRated {
			sum += base * AgeFactor(a)
		}
	}
	return sum, nil
}

// Estimate returns the 2026 cost of marketplace cover for h after the
// premium tax credit, with its Medicaid and CHIP flags.
func (h Household) Estimate() (Estimate, error) {
	lim, ok := publicLimits[h.State]
	if !ok {
		return Estimate{}, fmt.Errorf("aca: %q is not a U.S. state or DC", h.State)
	}
	if h.Age <= 0 || h.SpouseAge < 0 {
		return Estimate{}, fmt.Errorf("aca: the person's age must be given")
	}
	if math.IsNaN(h.Income) || math.IsInf(h.Income, 0) {
		return Estimate{}, fmt.Errorf("aca: income %v is not a finite number", h.Income)
	}
	e := Estimate{Year: Year, Size: h.Size()}
	e.PovertyLine = PovertyLine(h.State, e.Size)
	pct := math.Max(h.Income, 0) / e.PovertyLine * 100
	e.FPLPercent = int(math.Floor(pct))
	fpl := float64(e.FPLPercent)

	adultLimit := lim.adult
	if len(h.DependantAges) > 0 {
		adultLimit = math.Max(adultLimit, lim.parent)
	}
	e.MedicaidAdult = adultLimit >= 0 && fpl <= adultLimit
	childLimit := math.Max(lim.child, lim.chip)

	adults := []int{h.Age}
	if h.SpouseAge > 0 {
		adults = append(adults, h.SpouseAge)
	}
	var kids, marketKids []int
	if !h.SelfOnly {
		kids = h.DependantAges
		for _, a := range kids {
			if a < 19 && fpl <= childLimit {
				e.PublicChildren++
			} else {
				marketKids = append(marketKids, a)
			}
		}
	}
	var err error
	if e.BenchmarkAll, err = BenchmarkPremium(h.State, adults, kids); err != nil {
		return Estimate{}, err
	}
	marketAdults := adults
	if e.MedicaidAdult {
		// Spouses are taken to qualify with the person.
		marketAdults = nil
	}
	if e.Benchmark, err = BenchmarkPremium(h.State, marketAdults, marketKids); err != nil {
		return Estimate{}, err
	}

	e.BelowPoverty = fpl < 100
	ap, under := ApplicablePercent(fpl)
	e.AboveCap = !under
	if !e.BelowPoverty && !e.AboveCap && e.Benchmark > 0 {
		e.ApplicablePercent = ap
		e.Contribution = h.Income * ap / 100 / 12
		e.Credit = math.Max(0, e.Benchmark-e.Contribution)
	}
	e.AfterCredit = math.Max(0, e.Benchmark-e.Credit)
	e.Source = e.describe(h)
	return e, nil
}

// describe says in words how the estimate was reached.
func (e Estimate) describe(h Household) string {
	var parts []string
	switch {
	case e.MedicaidAdult && e.Benchmark == 0:
		parts = append(parts, fmt.Sprintf("Medicaid in %s at %d%% of the poverty line (%s)", h.State, e.FPLPercent, SourceMedicaid))
	case e.MedicaidAdult:
		parts = append(parts, fmt.Sprintf("the adult on Medicaid in %s at %d%% of the poverty line", h.State, e.FPLPercent))
	}
	if e.PublicChildren > 0 {
		parts = append(parts, fmt.Sprintf("%d child(ren) on Medicaid or CHIP in %s", e.PublicChildren, h.State))
	}
	if e.Benchmark > 0 {
		s := fmt.Sprintf("marketplace benchmark silver $%.0f a month (%s; %s)", e.Benchmark, SourceBenchmark, SourceAgeCurve)
		switch {
		case e.AboveCap:
			s += fmt.Sprintf(", no credit above 400%% of the poverty line (income at %d%%)", e.FPLPercent)
		case e.BelowPoverty:
			s += fmt.Sprintf(", no credit below 100%% of the poverty line (income at %d%%; the coverage gap)", e.FPLPercent)
		default:
			s += fmt.Sprintf(" less a premium tax credit of $%.0f: %.2f%% of income at %d%% of the poverty line (%s; %s)",
				e.Credit, e.ApplicablePercent, e.FPLPercent, SourceApplicable, SourcePoverty)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}
