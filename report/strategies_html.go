package report

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"

	"github.com/crossroads/crossroads/analysis/strategy"
)

// Money writes an amount in the report's currency (for the HTML template).
func (r *Report) Money(x float64) string { return r.money(x) }

// VOIText says what knowing a pending answer is worth (for the HTML
// template).
func (r *Report) VOIText(v strategy.VOI) string { return r.voiSentence(v) }

// BreakEvenText says where an input changes the best plan (for the HTML
// template).
func (r *Report) BreakEvenText(b strategy.BreakEven) string { return r.breakEvenSentence(b) }

// TornadoText says a tornado bar's values (for the HTML template).
func (r *Report) TornadoText(b strategy.Bar) string {
	return fmt.Sprintf("%s → %+.1f (best %s); %s → %+.1f (best %s)", r.inputValue(b.Unit, b.Low), b.LeadLow, r.planLetter(b.BestLow),
		r.inputValue(b.Unit, b.High), b.LeadHigh, r.planLetter(b.BestHigh))
}

// FanSVG draws the fan chart of the best plan's savings as an inline SVG:
// the P10–P90 band, the median and the zero line, month by month.
func (r *Report) FanSVG() template.HTML {
	if r.Simulation == nil {
		return ""
	}
	s := r.strategy(r.Simulation.Best)
	const w, h, left, top, bottom = 640.0, 296.0, 70.0, 10.0, 46.0
	lo, hi := 0.0, 0.0
	for _, f := range s.Fan {
		lo, hi = math.Min(lo, f.P10), math.Max(hi, f.P90)
	}
	if hi == lo {
		hi = lo + 1
	}
	n := float64(len(s.Fan) - 1)
	if n < 1 {
		n = 1
	}
	x := func(m int) float64 { return left + float64(m)/n*(w-left-10) }
	y := func(v float64) float64 { return top + (hi-v)/(hi-lo)*(h-top-bottom) }
	var band, median strings.Builder
	for i, f := range s.Fan {
		fmt.Fprintf(&band, "%s%.1f %.1f", sep(i), x(f.Month), y(f.P90))
		fmt.Fprintf(&median, "%s%.1f %.1f", sep(i), x(f.Month), y(f.P50))
	}
	for i := len(s.Fan) - 1; i >= 0; i-- {
		f := s.Fan[i]
		fmt.Fprintf(&band, " L%.1f %.1f", x(f.Month), y(f.P10))
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-labelledby="fan-title">`, w, h, w, h)
	fmt.Fprintf(&b, `<title id="fan-title">Savings month by month under plan %s: the band holds 80%% of the simulated futures (P10 to P90), the line is the median</title>`, html.EscapeString(s.Letter))
	fmt.Fprintf(&b, `<path d="%s Z" fill="#a9cce3"/>`, band.String())
	fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="#1b4f72" stroke-width="2"/>`, median.String())
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#b03a2e" stroke-dasharray="4 3"/>`, left, y(0), w-10, y(0))
	for _, v := range []float64{lo, 0, hi} {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end">%s</text>`, left-4, y(v)+4, html.EscapeString(r.money(v)))
	}
	for m := 0; m <= int(n); m += max(1, int(n)/6) {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle">%d</text>`, x(m), h-bottom+16, m)
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="start">month</text>`, left, h-24+32)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func sep(i int) string {
	if i == 0 {
		return "M"
	}
	return " L"
}

// TornadoSVG draws the tornado chart as an inline SVG: for each input a bar
// from the best plan's lead at the input's low value to its lead at the high
// value, with the line of no lead.
func (r *Report) TornadoSVG() template.HTML {
	if len(r.Tornado) == 0 {
		return ""
	}
	const w, left, row = 640.0, 300.0, 26.0
	h := row*float64(len(r.Tornado)) + 30
	lo, hi := 0.0, 0.0
	for _, t := range r.Tornado {
		lo = math.Min(lo, math.Min(t.LeadLow, t.LeadHigh))
		hi = math.Max(hi, math.Max(t.LeadLow, t.LeadHigh))
	}
	if hi == lo {
		hi = lo + 1
	}
	x := func(v float64) float64 { return left + (v-lo)/(hi-lo)*(w-left-10) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-labelledby="tornado-title">`, w, h, w, h)
	b.WriteString(`<title id="tornado-title">The best plan's lead over the next best, in points, with each input at its low and high value; left of the line another plan is best</title>`)
	for i, t := range r.Tornado {
		y := 10 + row*float64(i)
		a, c := x(math.Min(t.LeadLow, t.LeadHigh)), x(math.Max(t.LeadLow, t.LeadHigh))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end">%s</text>`, left-6, y+13, html.EscapeString(clip(t.Name, 44)))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="16" fill="#2a6f97"/>`, a, y+2, math.Max(1, c-a))
	}
	fmt.Fprintf(&b, `<line x1="%.1f" y1="4" x2="%.1f" y2="%.1f" stroke="#b03a2e"/>`, x(0), x(0), h-20)
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="start">%+.1f</text><text x="%.1f" y="%.1f" text-anchor="end">%+.1f</text>`, left, h-6, lo, w-10, h-6, hi)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
