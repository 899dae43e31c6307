package web

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"

	"github.com/crossroads/crossroads"
)

// whatIf is a set of slider values: changes to a copy of the case that the
// report is built from, never saved. Nil and absent entries leave the
// case's own value.
type whatIf struct {
	Balance *float64 // share of the future, 0 to 1
	Savings *float64
	// Offer and Convert are, by opportunity id, the chance of getting the
	// opportunity and the chance of being hired permanently at the end of
	// its contract.
	Offer, Convert map[string]float64
}

// The query parameters of the sliders: balance and the chances in percent,
// savings in money, offer.ID and convert.ID for each opportunity.
const (
	qBalance = "balance"
	qSavings = "savings"
	qOffer   = "offer."
	qConvert = "convert."
)

// parseWhatIf reads the slider values of a query. Values that cannot be
// read, or that are out of range, are left out and described in ignored,
// so that a mangled address still shows a report.
func parseWhatIf(q url.Values, c *crossroads.Case) (w whatIf, ignored []string) {
	pct := func(key string) (float64, bool) {
		raw := strings.TrimSpace(q.Get(key))
		if raw == "" {
			return 0, false
		}
		x, rule := parseNumber(raw, crossroads.Checks{Prob: true})
		if rule != "" {
			ignored = append(ignored, fmt.Sprintf("%s=%q: %s", key, truncateText(raw, 20), rule))
			return 0, false
		}
		return x, true
	}
	// A slider left where the case puts it changes nothing: a form sent
	// without scripts carries every slider.
	same := func(x, casePos float64) bool { return math.Round(x*100) == casePos }
	if x, ok := pct(qBalance); ok && !same(x, math.Round(c.BalanceValue()*100)) {
		w.Balance = &x
	}
	if raw := strings.TrimSpace(q.Get(qSavings)); raw != "" {
		x, rule := parseNumber(raw, crossroads.Checks{})
		switch {
		case rule != "":
			ignored = append(ignored, fmt.Sprintf("%s=%q: %s", qSavings, truncateText(raw, 20), rule))
		case x < 0 || x > 1e9:
			ignored = append(ignored, fmt.Sprintf("%s=%q: must be an amount from 0 to 1,000,000,000", qSavings, truncateText(raw, 20)))
		case x != c.Person.Savings:
			w.Savings = &x
		}
	}
	for i := range c.Opportunities {
		o := &c.Opportunities[i]
		if x, ok := pct(qOffer + o.ID); ok && o.Pending() && !same(x, math.Round(o.OfferProbability().Mean()*100)) {
			if w.Offer == nil {
				w.Offer = map[string]float64{}
			}
			w.Offer[o.ID] = x
		}
		if x, ok := pct(qConvert + o.ID); ok && o.IsFixedTerm() && !same(x, math.Round(o.ConversionProbability().Mean()*100)) {
			if w.Convert == nil {
				w.Convert = map[string]float64{}
			}
			w.Convert[o.ID] = x
		}
	}
	return w, ignored
}

func truncateText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// active reports whether any slider differs from the case.
func (w whatIf) active() bool {
	return w.Balance != nil || w.Savings != nil || len(w.Offer) > 0 || len(w.Convert) > 0
}

// apply returns a copy of c with the slider values in place. The copy
// shares what it does not change with c, and c is left as it was: changed
// fields get new values, never writes through c's pointers.
func (w whatIf) apply(c *crossroads.Case) *crossroads.Case {
	cp := *c
	if w.Balance != nil {
		b := *w.Balance
		cp.Criteria.Balance = &b
	}
	if w.Savings != nil {
		cp.Person.Savings = *w.Savings
	}
	if len(w.Offer) > 0 || len(w.Convert) > 0 {
		cp.Opportunities = append([]crossroads.Opportunity(nil), c.Opportunities...)
		for i := range cp.Opportunities {
			o := &cp.Opportunities[i]
			if p, ok := w.Offer[o.ID]; ok {
				e := crossroads.Exactly(p)
				o.Chance.Probability = &e
			}
			if p, ok := w.Convert[o.ID]; ok {
				e := crossroads.Exactly(p)
				o.Employment.Conversion.Probability = &e
			}
		}
	}
	return &cp
}

// query writes the slider values as a query string ("" when none differ).
func (w whatIf) query() string {
	q := url.Values{}
	pct := func(x float64) string { return formatNumber(math.Round(x*1000) / 10) }
	if w.Balance != nil {
		q.Set(qBalance, pct(*w.Balance))
	}
	if w.Savings != nil {
		q.Set(qSavings, formatNumber(*w.Savings))
	}
	for id, p := range w.Offer {
		q.Set(qOffer+id, pct(p))
	}
	for id, p := range w.Convert {
		q.Set(qConvert+id, pct(p))
	}
	return q.Encode()
}

// slider is one what-if slider of the report page.
type slider struct {
	Name  string // the query parameter
	ID    string
	Label string
	// Min, Max and Step bound the slider; Value is its position.
	Min, Max, Step float64
	Value          float64
	// Shown is the value written out; Unit is "%" or the currency.
	Shown string
	Unit  string
	// InCase describes the case's own value, and CasePosition is the
	// slider's position at it.
	InCase       string
	CasePosition float64
	Changed      bool
}

// sliders returns the what-if sliders of c: the chance of each pending
// offer, the chance of conversion of each contract, the balance and the
// savings, at the values of w where it sets them.
func sliders(c *crossroads.Case, w whatIf) []slider {
	var out []slider
	pctText := func(x float64) string { return formatNumber(math.Round(x*100)) + "%" }
	estText := func(e crossroads.Estimate) string {
		if e.IsRange() {
			return fmt.Sprintf("%s to %s, most likely %s", pctText(e.Min), pctText(e.Max), pctText(e.Likely))
		}
		return pctText(e.Likely)
	}
	prob := func(name, label string, e crossroads.Estimate, set map[string]float64, id string) slider {
		v, changed := set[id]
		if !changed {
			v = e.Mean()
		}
		return slider{Name: name, ID: inputID("whatif." + name), Label: label, Min: 0, Max: 100, Step: 1,
			Value: math.Round(v * 100), Shown: pctText(v), Unit: "%", InCase: "in the case: " + estText(e),
			CasePosition: math.Round(e.Mean() * 100), Changed: changed}
	}
	for i := range c.Opportunities {
		o := &c.Opportunities[i]
		if o.Pending() {
			out = append(out, prob(qOffer+o.ID, "Chance of an offer: "+o.Name, o.OfferProbability(), w.Offer, o.ID))
		}
	}
	for i := range c.Opportunities {
		o := &c.Opportunities[i]
		if o.IsFixedTerm() {
			out = append(out, prob(qConvert+o.ID, "Chance of being hired permanently: "+o.Name, o.ConversionProbability(), w.Convert, o.ID))
		}
	}
	b, changed := c.BalanceValue(), false
	if w.Balance != nil {
		b, changed = *w.Balance, true
	}
	out = append(out, slider{Name: qBalance, ID: inputID("whatif.balance"), Label: "How much the future counts against today's needs",
		Min: 0, Max: 100, Step: 5, Value: math.Round(b * 100), Shown: pctText(b), Unit: "%",
		InCase: "in the case: " + pctText(c.BalanceValue()), CasePosition: math.Round(c.BalanceValue() * 100), Changed: changed})
	cur := c.CurrencyCode()
	sv, changed := c.Person.Savings, false
	if w.Savings != nil {
		sv, changed = *w.Savings, true
	}
	top := max(3*c.Person.Savings, 6*c.Person.MonthlyExpenses, 1000, sv)
	if math.IsInf(top, 1) {
		// Amounts near the largest number overflow when multiplied: an
		// infinite step would never get smaller in the loop below.
		top = math.MaxFloat64
	}
	step := niceStep(top / 100)
	// The case's own savings must be a position of the slider, or the
	// browser would move it to the nearest step.
	for step > 1 && math.Mod(c.Person.Savings, step) != 0 {
		step = smallerStep(step)
	}
	hi := math.Ceil(top/step) * step
	if math.IsInf(hi, 1) {
		hi = top
	}
	out = append(out, slider{Name: qSavings, ID: inputID("whatif.savings"), Label: "Savings today",
		Min: 0, Max: hi, Step: step, Value: sv, Shown: crossroads.FormatMoney(sv, cur), Unit: cur,
		InCase: "in the case: " + crossroads.FormatMoney(c.Person.Savings, cur), CasePosition: c.Person.Savings, Changed: changed})
	return out
}

// niceStep rounds x up to 1, 2 or 5 times a power of ten.
func niceStep(x float64) float64 {
	if x <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}

// smallerStep returns the next step below a 1-2-5 step: 1000 → 500 → 200
// → 100. (Rounding a slightly smaller number up with niceStep would give
// back 1000 itself, and the loop in sliders would never end.)
func smallerStep(step float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(step)))
	switch m := math.Round(step / p); {
	case m >= 5:
		return 2 * p
	case m >= 2:
		return p
	default:
		return p / 2
	}
}

// describe says in words what the sliders change, for the report's notice.
func (w whatIf) describe(c *crossroads.Case) []string {
	var out []string
	pctText := func(x float64) string { return formatNumber(math.Round(x*100)) + "%" }
	for i := range c.Opportunities {
		o := &c.Opportunities[i]
		if p, ok := w.Offer[o.ID]; ok {
			out = append(out, fmt.Sprintf("the chance of an offer for the %s is %s", o.Name, pctText(p)))
		}
		if p, ok := w.Convert[o.ID]; ok {
			out = append(out, fmt.Sprintf("the chance of being hired permanently after the %s is %s", o.Name, pctText(p)))
		}
	}
	if w.Balance != nil {
		out = append(out, "the future counts for "+pctText(*w.Balance))
	}
	if w.Savings != nil {
		out = append(out, "savings are "+crossroads.FormatMoney(*w.Savings, c.CurrencyCode()))
	}
	return out
}

// Position writes a slider's position for its value attribute.
func (s slider) Position() string { return strconv.FormatFloat(s.Value, 'f', -1, 64) }
