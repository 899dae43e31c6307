package aca

import (
	"fmt"
	"math"
)

// COBRA continuation cover: after leaving or losing a job with a group health
// plan, the person may keep the plan for up to 18 months at up to 102% of
// its full cost (ERISA § 602(2) and (3), 29 U.S.C. 1162; U.S. DOL, "An
// Employee's Guide to Health Benefits Under COBRA").
const (
	COBRAShare  = 1.02
	COBRAMonths = 18
	SourceCOBRA = "COBRA: up to 102% of the plan's full cost for up to 18 months (ERISA § 602, 29 U.S.C. 1162)"
)

// COBRAMonthly returns the COBRA premium of a plan whose full cost (employer
// and employee shares together) is fullMonthly a month.
func COBRAMonthly(fullMonthly float64) float64 { return COBRAShare * fullMonthly }

// Kinds of cover after a job ends.
const (
	KindMedicaid    = "medicaid"    // everyone on Medicaid or CHIP
	KindMarketplace = "marketplace" // the benchmark plan after the credit (children on CHIP where they qualify)
	KindQuote       = "quote"       // the person's own quote for cover bought on their own
	KindCOBRA       = "cobra"       // the old employer's plan continued
)

// Option is one way to stay covered after a job ends.
type Option struct {
	Kind string
	// Monthly cost to the household.
	Monthly float64
	// Months the option can last: 18 for COBRA, 0 for no limit.
	Months int
	// Source in words.
	Source string
}

// AfterJob lists the ways to stay covered after leaving a job whose plan
// costs fullMonthly in full (0 when the job had no plan): Medicaid or the
// marketplace after the credit (or the person's own quote, which replaces
// the marketplace estimate when quote is not nil), and COBRA. The cheapest
// comes first; on a tie, public cover, then the marketplace, then COBRA.
func AfterJob(h Household, fullMonthly float64, quote *float64) ([]Option, error) {
	var opts []Option
	switch {
	case quote != nil:
		if math.IsNaN(*quote) || *quote < 0 {
			return nil, fmt.Errorf("aca: quote %v is not an amount", *quote)
		}
		opts = append(opts, Option{Kind: KindQuote, Monthly: *quote, Source: "the person's own quote (person.health.without_employer_monthly)"})
	default:
		e, err := h.Estimate()
		if err != nil {
			return nil, err
		}
		kind := KindMarketplace
		if e.AfterCredit == 0 && e.Benchmark == 0 {
			kind = KindMedicaid
		}
		opts = append(opts, Option{Kind: kind, Monthly: e.AfterCredit, Source: e.Source})
	}
	if fullMonthly > 0 {
		opts = append(opts, Option{Kind: KindCOBRA, Monthly: COBRAMonthly(fullMonthly), Months: COBRAMonths,
			Source: fmt.Sprintf("%s: 102%% of $%.0f", SourceCOBRA, fullMonthly)})
	}
	if len(opts) == 2 && opts[1].Monthly < opts[0].Monthly {
		opts[0], opts[1] = opts[1], opts[0]
	}
	return opts, nil
}
