package crossroads

import (
	"math"
	"strconv"
	"strings"
)

var currencySymbols = map[string]string{"USD": "$", "CAD": "CA$", "AUD": "A$", "EUR": "€", "GBP": "£"}

// FormatMoney writes an amount rounded to whole units with thousands
// separators and the currency's symbol ("$2,400", "−$310"), or its code when
// there is no common symbol ("CHF 2,400").
func FormatMoney(amount float64, currency string) string {
	if math.IsNaN(amount) || math.IsInf(amount, 0) {
		return "n/a"
	}
	sign := ""
	r := math.Round(amount)
	if r < 0 {
		sign, r = "−", -r
	}
	digits := strconv.FormatFloat(r, 'f', 0, 64)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if currency == "" {
		currency = DefaultCurrency
	}
	if sym, ok := currencySymbols[currency]; ok {
		return sign + sym + b.String()
	}
	return sign + currency + " " + b.String()
}
