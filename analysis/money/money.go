// Package money turns gross pay into take-home pay: U.S. payroll tax and a
// simple federal income tax estimate for 2026, or one effective rate.
//
// The estimate is deliberately simple and documented, not tax advice:
//
//	payroll tax  = 6.2% Social Security on wages up to $184,500
//	               + 1.45% Medicare on all wages           (SSA 2026 COLA fact sheet; IRS Pub. 15)
//	income tax   = brackets(wages − standard deduction)     (IRS Rev. Proc. 2025-32, tax year 2026)
//	               − child tax credit $2,200 per child, at most the income tax
//	                                                       (the refundable part is ignored)
//	state tax    = a flat rate the person gives (default 0)
//	take-home    = wages − payroll tax − income tax − state tax
//
// With an effective rate r the take-home is wages × (1 − r).
// Additional Medicare tax, the earned income credit, credits other than the
// child tax credit and itemised deductions are left out.
package money

import "math"

// Filing statuses.
const (
	Single          = "single"
	HeadOfHousehold = "head_of_household"
	MarriedJoint    = "married_joint"
)

// Tax describes how pay is taxed.
type Tax struct {
	// Effective, when true, taxes all pay at EffectiveRate.
	Effective     bool
	EffectiveRate float64
	// FilingStatus of the federal estimate: Single, HeadOfHousehold or
	// MarriedJoint (an unknown status counts as Single).
	FilingStatus string
	// Children qualifying for the child tax credit.
	Children int
	// StateRate is a flat state and local rate on wages.
	StateRate float64
}

// 2026 figures.
const (
	SocialSecurityRate     = 0.062
	SocialSecurityWageBase = 184500
	MedicareRate           = 0.0145
	ChildTaxCredit         = 2200
)

type bracket struct{ upTo, rate float64 }

// Brackets for tax year 2026: each rate applies to taxable income up to the
// given amount. Source: IRS Rev. Proc. 2025-32 (IR-2025-103).
var brackets = map[string][]bracket{
	Single:          {{12400, 0.10}, {50400, 0.12}, {105700, 0.22}, {201775, 0.24}, {256225, 0.32}, {640600, 0.35}, {math.Inf(1), 0.37}},
	HeadOfHousehold: {{17700, 0.10}, {67450, 0.12}, {105700, 0.22}, {201750, 0.24}, {256200, 0.32}, {640600, 0.35}, {math.Inf(1), 0.37}},
	MarriedJoint:    {{24800, 0.10}, {100800, 0.12}, {211400, 0.22}, {403550, 0.24}, {512450, 0.32}, {768700, 0.35}, {math.Inf(1), 0.37}},
}

// StandardDeduction for tax year 2026. Source: IRS Rev. Proc. 2025-32.
var StandardDeduction = map[string]float64{
	Single:          16100,
	HeadOfHousehold: 24150,
	MarriedJoint:    32200,
}

// PayrollTax returns the employee's Social Security and Medicare tax on
// yearly wages.
func PayrollTax(wages float64) float64 {
	if wages <= 0 {
		return 0
	}
	return SocialSecurityRate*math.Min(wages, SocialSecurityWageBase) + MedicareRate*wages
}

// IncomeTax returns the federal income tax estimate on yearly wages, after
// the standard deduction and the (non-refundable) child tax credit.
func IncomeTax(wages float64, status string, children int) float64 {
	bs, ok := brackets[status]
	if !ok {
		status, bs = Single, brackets[Single]
	}
	taxable := wages - StandardDeduction[status]
	tax, lower := 0.0, 0.0
	for _, b := range bs {
		if taxable <= lower {
			break
		}
		tax += (math.Min(taxable, b.upTo) - lower) * b.rate
		lower = b.upTo
	}
	credit := ChildTaxCredit * float64(max(children, 0))
	return math.Max(0, tax-credit)
}

// AnnualTax returns all tax on yearly wages under t.
func AnnualTax(wages float64, t Tax) float64 {
	if wages <= 0 {
		return 0
	}
	if t.Effective {
		return wages * t.EffectiveRate
	}
	return PayrollTax(wages) + IncomeTax(wages, t.FilingStatus, t.Children) + wages*t.StateRate
}

// TakeHome returns yearly wages after all tax under t.
func TakeHome(wages float64, t Tax) float64 { return wages - AnnualTax(wages, t) }

// MonthlyTakeHome returns the take-home pay per month of a job paying
// monthlyGross a month all year, under t.
func MonthlyTakeHome(monthlyGross float64, t Tax) float64 {
	return TakeHome(12*monthlyGross, t) / 12
}
