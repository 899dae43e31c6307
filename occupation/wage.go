package occupation

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// WageStatus says whether BLS published a wage figure.
type WageStatus uint8

// The wage statuses. The zero value is NotAvailable, so that a Wage that was
// never filled in can not pass for a published $0.
const (
	NotAvailable WageStatus = iota // "*" in OEWS: the estimate is not available
	Published                      // a published figure
	TopCoded                       // "#" in OEWS: at or above the top-code value
)

var statusNames = [...]string{NotAvailable: "not available", Published: "published", TopCoded: "top-coded"}

// String returns "not available", "published" or "top-coded".
func (s WageStatus) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "WageStatus(" + strconv.Itoa(int(s)) + ")"
}

// The OEWS May 2024 top-code values: a wage shown as "#" is equal to or
// greater than $115.00 per hour or $239,200 per year (OEWS May 2024 field
// descriptions, notes).
const (
	TopCodeHourlyCents = 11500    // $115.00 an hour
	TopCodeAnnualCents = 23920000 // $239,200 a year
)

// Wage is one OEWS wage figure: an hourly or annual mean or percentile.
type Wage struct {
	// Cents is the published wage in cents when Status is Published, the
	// top-code value the wage is at or above when Status is TopCoded, and 0
	// when it is NotAvailable.
	Cents  int64
	Status WageStatus
}

// Known reports whether w is a published figure.
func (w Wage) Known() bool { return w.Status == Published }

// Dollars returns Cents in dollars (see Cents for what it means for each
// status).
func (w Wage) Dollars() float64 { return float64(w.Cents) / 100 }

// String formats w for people: "$20.59" or "$42,830" when published (cents
// are shown below $1,000, as OEWS publishes hourly wages to the cent and
// annual wages to the dollar), "at or above $239,200" when top-coded, and
// "not available".
func (w Wage) String() string {
	switch w.Status {
	case Published:
		return formatCents(w.Cents)
	case TopCoded:
		return "at or above " + formatCents(w.Cents)
	}
	return "not available"
}

// formatCents writes an amount of money with thousands separators.
func formatCents(c int64) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	dollars, cents := c/100, c%100
	s := strconv.FormatInt(dollars, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if dollars < 1000 || cents != 0 {
		s += fmt.Sprintf(".%02d", cents)
	}
	return sign + "$" + s
}

// wageJSON is the JSON form of a Wage.
type wageJSON struct {
	Status  string   `json:"status"`
	Dollars *float64 `json:"dollars,omitempty"`
	Text    string   `json:"text"`
}

// MarshalJSON writes w as {"status", "dollars", "text"}; dollars is absent
// when the wage is not available, and is the top-code value for top-coded
// wages.
func (w Wage) MarshalJSON() ([]byte, error) {
	j := wageJSON{Status: w.Status.String(), Text: w.String()}
	if w.Status != NotAvailable {
		d := w.Dollars()
		j.Dollars = &d
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the form written by MarshalJSON; text is ignored.
func (w *Wage) UnmarshalJSON(b []byte) error {
	var j wageJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	var s WageStatus
	switch j.Status {
	case "published":
		s = Published
	case "top-coded":
		s = TopCoded
	case "not available":
		*w = Wage{}
		return nil
	default:
		return fmt.Errorf("occupation.Wage: status %q: want published, top-coded or not available", j.Status)
	}
	if j.Dollars == nil {
		return fmt.Errorf("occupation.Wage: status %q needs dollars", j.Status)
	}
	c := math.Round(*j.Dollars * 100)
	if !(c > 0 && c < 1e15) {
		return fmt.Errorf("occupation.Wage: dollars %v out of range", *j.Dollars)
	}
	*w = Wage{Cents: int64(c), Status: s}
	return nil
}
