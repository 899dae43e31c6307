package web

import (
	"fmt"
	"math"
	"strings"

	"github.com/crossroads/crossroads/report"
)

// The charts of the simulated plans: a fan chart of savings for each plan
// and the tornado of the inputs that move the best plan's lead.

// fanChart is the savings fan chart of one plan.
type fanChart struct {
	ID, Name string
	Letter   string
	Rank     int
	Options  chart
	// Label describes the chart for people who do not see it.
	Label string
}

// savingsRange returns the range of the fan charts' money axis, shared by
// every plan so that their charts compare: from the lowest P10 (or 0) to
// the highest P90, rounded outwards to a nice step.
func savingsRange(r *report.Report) (lo, hi float64) {
	for _, st := range r.Strategies {
		for _, f := range st.Fan {
			lo, hi = min(lo, f.P10), max(hi, f.P90)
		}
	}
	// hi/5 - lo/5 rather than (hi-lo)/5, and the bounds themselves where
	// rounding outwards overflows: amounts near the largest number would
	// make the axis infinite, which the chart's JSON cannot hold.
	step := niceStep(hi/5 - lo/5)
	rlo, rhi := math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	if math.IsInf(rlo, 0) {
		rlo = lo
	}
	if math.IsInf(rhi, 0) {
		rhi = hi
	}
	return rlo, rhi
}

// fanCharts draws, for each plan, the month-by-month P10, P50 and P90 of
// savings: the band holds the middle 80% of the simulated paths, the line
// their median, and the dashed line is where savings run out.
func fanCharts(r *report.Report) []fanChart {
	lo, hi := savingsRange(r)
	var out []fanChart
	for _, st := range r.Strategies {
		var dates []string
		var p10, band, p50, p90 []float64
		for _, f := range st.Fan {
			dates = append(dates, f.Date)
			p10 = append(p10, math.Round(f.P10))
			band = append(band, math.Round(f.P90-f.P10))
			p50 = append(p50, math.Round(f.P50))
			p90 = append(p90, math.Round(f.P90))
		}
		c := base()
		c["grid"] = chart{"left": 64, "right": 16, "top": 28, "bottom": 36}
		c["xAxis"] = chart{"type": "category", "data": dates, "boundaryGap": false, "axisLabel": chart{"hideOverlap": true}}
		c["yAxis"] = chart{"type": "value", "min": lo, "max": hi, "name": "savings (" + r.Currency + ")", "nameTextStyle": chart{"align": "left"}}
		c["tooltip"] = chart{"trigger": "axis", "formatter": "{b}<br/>{a3}: {c3}<br/>{a2}: {c2}<br/>{a0}: {c0}"}
		c["series"] = []any{
			chart{"type": "line", "name": "10% of paths below", "data": p10, "stack": "band", "stackStrategy": "all",
				"symbol": "none", "lineStyle": chart{"width": 1, "color": "#6baed6"}},
			chart{"type": "line", "name": "band", "data": band, "stack": "band", "stackStrategy": "all", "silent": true,
				"symbol": "none", "lineStyle": chart{"opacity": 0}, "areaStyle": chart{"color": "#c6dbef"}},
			chart{"type": "line", "name": "median", "data": p50, "symbol": "none", "lineStyle": chart{"width": 2.5, "color": "#0b3d91"},
				"markLine": chart{"silent": true, "symbol": "none", "lineStyle": chart{"color": "#b3261e", "type": "dashed"},
					"label": chart{"formatter": "savings run out", "position": "insideStartTop", "color": "#b3261e"},
					"data":  []any{chart{"yAxis": 0}}}},
			chart{"type": "line", "name": "10% of paths above", "data": p90, "symbol": "none", "lineStyle": chart{"width": 1, "color": "#6baed6"}},
		}
		out = append(out, fanChart{ID: st.ID, Name: st.Name, Letter: st.Letter, Rank: st.Rank, Options: c,
			Label: fmt.Sprintf("Savings month by month if you %s: at the end, half the simulated paths are above %s; one in ten below %s and one in ten above %s.",
				lowerFirst(st.Name), r.Money(st.SavingsP50), r.Money(st.SavingsP10), r.Money(st.SavingsP90))})
	}
	return out
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// tornadoChart shows, for each input the simulation varied, how the best
// plan's lead over the next best changes between the input's low and high
// values: a box from one to the other, the line inside at the case's own
// values. Left of zero another plan is best.
func tornadoChart(r *report.Report) chart {
	if len(r.Tornado) == 0 {
		return nil
	}
	c := base()
	var cats []string
	var data [][]float64
	for _, b := range r.Tornado {
		cats = append(cats, b.Name)
		a, z := min(b.LeadLow, b.LeadHigh), max(b.LeadLow, b.LeadHigh)
		mid := min(max(b.LeadBase, a), z)
		data = append(data, []float64{round1(a), round1(a), round1(mid), round1(z), round1(z)})
	}
	c["grid"] = chart{"left": 260, "right": 24, "top": 28, "bottom": 44}
	c["xAxis"] = chart{"type": "value", "name": "the best plan's lead over the next best (points)", "nameLocation": "middle", "nameGap": 28}
	c["yAxis"] = chart{"type": "category", "data": cats, "inverse": true, "axisLabel": chart{"width": 250, "overflow": "break", "lineHeight": 14}}
	c["series"] = []any{chart{"type": "boxplot", "name": "lead", "data": data, "silent": true, "tooltip": chart{"show": false},
		"itemStyle": chart{"color": "#9ecae1", "borderColor": "#0b3d91", "borderWidth": 1.5},
		"markLine": chart{"silent": true, "symbol": "none", "lineStyle": chart{"color": "#b3261e", "type": "dashed"},
			"label": chart{"formatter": "← another plan is best", "position": "end", "color": "#b3261e"},
			"data":  []any{chart{"xAxis": 0}}}}}
	return responsive(c, chart{"grid": chart{"left": 130}, "yAxis": chart{"axisLabel": chart{"width": 120, "lineHeight": 13}}})
}
