package web

import (
	"math"
	"sort"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/lens"
	"github.com/crossroads/crossroads/analysis/mcda"
	"github.com/crossroads/crossroads/report"
)

// The charts are drawn in the browser by ECharts from options the server
// writes as JSON (static/app.js reads them from <script
// type="application/json"> blocks); every option here is plain data, with
// no functions, so that no script is ever inline. Each chart has a table
// or a list beside it with the same numbers, for people who do not see the
// chart and for browsers without scripts.

// chart is the ECharts option object of one chart.
type chart = map[string]any

// Colours of the charts: the present group in blues, the future group in
// oranges and browns, each distinct from white and from its neighbours.
var (
	presentColours = []string{"#0b3d91", "#1f5fbf", "#3a7bd5", "#5b9bd5", "#2a6f97", "#468faf", "#89c2d9"}
	futureColours  = []string{"#8a3b00", "#b35900", "#d97706", "#f59e0b", "#9c6644", "#c08552", "#e0a96d"}
	oppColours     = []string{"#1f5fbf", "#b35900", "#2e7d32", "#6a1b9a", "#c62828", "#00838f", "#5d4037", "#37474f"}
	textColour     = "#1b1f24"
	mutedColour    = "#57606a"
)

// base returns the options every chart shares: SVG-friendly, no animation
// (a chart is finished when it is drawn, for printing and tests), and the
// page's font.
func base() chart {
	return chart{
		"animation": false,
		"textStyle": chart{"color": textColour},
	}
}

// quadrantChart places each opportunity by its present and future scores,
// with the lens's quadrant lines at the threshold.
func quadrantChart(r *report.Report) chart {
	c := base()
	var pts []any
	for i, o := range r.Opportunities {
		pts = append(pts, chart{
			"name":      o.Name,
			"value":     []float64{round1(o.Lens.Present), round1(o.Lens.Future)},
			"itemStyle": chart{"color": oppColours[i%len(oppColours)]},
		})
	}
	t := float64(lens.DefaultThreshold)
	c["grid"] = chart{"left": 56, "right": 24, "top": 16, "bottom": 52}
	c["xAxis"] = chart{"type": "value", "min": 0, "max": 100, "name": "Supports your life today →",
		"nameLocation": "middle", "nameGap": 30, "splitLine": chart{"show": false}}
	c["yAxis"] = chart{"type": "value", "min": 0, "max": 100, "name": "Builds your future →",
		"nameLocation": "middle", "nameGap": 36, "splitLine": chart{"show": false}}
	c["tooltip"] = chart{"trigger": "item"}
	c["series"] = []any{
		chart{
			"type": "scatter", "name": "Opportunities", "symbolSize": 16, "data": pts,
			"label":       chart{"show": true, "formatter": "{b}", "position": "right", "color": textColour},
			"labelLayout": chart{"hideOverlap": false, "moveOverlap": "shiftY"},
			"markLine": chart{"silent": true, "symbol": "none", "label": chart{"show": false},
				"lineStyle": chart{"type": "dashed", "color": "#8c959f"},
				"data":      []any{chart{"xAxis": t}, chart{"yAxis": t}}},
		},
		chart{
			"type": "scatter", "name": "Quadrants", "silent": true, "symbolSize": 0,
			"tooltip": chart{"show": false},
			"label":   chart{"show": true, "formatter": "{b}", "color": mutedColour, "fontStyle": "italic"},
			"data": []any{
				chart{"name": "stepping stone", "value": []float64{t / 2, 96}},
				chart{"name": "career move", "value": []float64{(100 + t) / 2, 96}},
				chart{"name": "stopgap", "value": []float64{t / 2, 4}},
				chart{"name": "job", "value": []float64{(100 + t) / 2, 4}},
			},
		},
	}
	return c
}

// contributions returns, for each opportunity of the report, the points
// each criterion adds to the weighted-sum score: 100 × overall weight ×
// value, which sum to (1 − balance) × present + balance × future.
func contributions(r *report.Report) (ids []string, names []string, groups []string, pts [][]float64) {
	for _, ci := range r.Weights.Criteria {
		if ci.Overall <= 0 {
			continue
		}
		ids = append(ids, ci.ID)
		names = append(names, ci.Name)
		groups = append(groups, ci.Group)
	}
	pts = make([][]float64, len(ids))
	for j, id := range ids {
		var w float64
		for _, ci := range r.Weights.Criteria {
			if ci.ID == id {
				w = ci.Overall
			}
		}
		for _, o := range r.Opportunities {
			var v float64
			for _, cr := range o.Criteria {
				if cr.ID == id {
					v = cr.Value
				}
			}
			pts[j] = append(pts[j], round1(100*w*v))
		}
	}
	return ids, names, groups, pts
}

// rankingOrder returns the indexes of the report's opportunities, best
// first.
func rankingOrder(r *report.Report) []int {
	idx := make([]int, len(r.Opportunities))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return r.Opportunities[idx[a]].Rank < r.Opportunities[idx[b]].Rank })
	return idx
}

// rankingChart stacks, for each opportunity, the points of each criterion.
func rankingChart(r *report.Report) chart {
	c := base()
	order := rankingOrder(r)
	var cats []string
	for _, i := range order {
		cats = append(cats, r.Opportunities[i].Name)
	}
	_, names, groups, pts := contributions(r)
	var series []any
	np, nf := 0, 0
	for j, name := range names {
		colour := presentColours[np%len(presentColours)]
		label := "Today: " + name
		if groups[j] == crossroads.GroupFuture {
			colour = futureColours[nf%len(futureColours)]
			label = "Future: " + name
			nf++
		} else {
			np++
		}
		var data []float64
		for _, i := range order {
			data = append(data, pts[j][i])
		}
		series = append(series, chart{"type": "bar", "stack": "score", "name": label, "data": data,
			"itemStyle": chart{"color": colour, "borderColor": "#ffffff", "borderWidth": 1},
			"emphasis":  chart{"focus": "series"}})
	}
	c["legend"] = chart{"bottom": 0, "left": 0, "itemGap": 8, "textStyle": chart{"fontSize": 11}}
	c["grid"] = chart{"left": 130, "right": 24, "top": 8, "bottom": 150}
	c["xAxis"] = chart{"type": "value", "min": 0, "max": 100, "name": "points out of 100", "nameLocation": "middle", "nameGap": 24}
	c["yAxis"] = chart{"type": "category", "data": cats, "inverse": true, "axisLabel": chart{"width": 120, "overflow": "break"}}
	c["tooltip"] = chart{"trigger": "axis", "axisPointer": chart{"type": "shadow"}}
	c["series"] = series
	// On a phone the legend takes more lines.
	c = responsive(c, chart{"grid": chart{"bottom": 250, "left": 100}, "yAxis": chart{"axisLabel": chart{"width": 90, "lineHeight": 14}}})
	return c
}

// balanceChart draws each opportunity's weighted-sum score as the balance
// goes from today only (0%) to the future only (100%): a straight line
// from its present score to its future score. Only for the weighted sum,
// whose score is that line.
func balanceChart(r *report.Report) chart {
	if r.Ranking.Method != mcda.MethodWSM {
		return nil
	}
	c := base()
	var series []any
	for i, o := range r.Opportunities {
		s := chart{"type": "line", "name": o.Name, "symbol": "none",
			"data":      [][]float64{{0, round1(o.Lens.Present)}, {100, round1(o.Lens.Future)}},
			"lineStyle": chart{"width": 3, "color": oppColours[i%len(oppColours)], "type": []string{"solid", "dashed", "dotted"}[i%3]},
			"itemStyle": chart{"color": oppColours[i%len(oppColours)]}}
		if i == 0 {
			s["markLine"] = chart{"silent": true, "symbol": "none", "lineStyle": chart{"color": textColour, "type": "solid"},
				"label": chart{"formatter": "you: {c}%", "color": textColour},
				"data":  []any{chart{"xAxis": math.Round(100 * r.Weights.Balance)}}}
		}
		series = append(series, s)
	}
	c["grid"] = chart{"left": 48, "right": 24, "top": 40, "bottom": 52}
	c["legend"] = chart{"top": 0}
	c["xAxis"] = chart{"type": "value", "min": 0, "max": 100, "name": "How much the future counts (%)", "nameLocation": "middle", "nameGap": 30}
	c["yAxis"] = chart{"type": "value", "min": 0, "max": 100, "name": "Score", "nameLocation": "middle", "nameGap": 32}
	c["tooltip"] = chart{"trigger": "axis"}
	c["series"] = series
	return c
}

// weightsChart shows, for each criterion, the range of its share of the
// decision within which the best choice stays, and its share now.
func weightsChart(r *report.Report) chart {
	if len(r.Sensitivity.Weights) == 0 {
		return nil
	}
	c := base()
	var cats []string
	var lows, spans []float64
	var now []any
	for i, w := range r.Sensitivity.Weights {
		cats = append(cats, w.Name)
		lows = append(lows, round1(100*w.Low))
		spans = append(spans, round1(100*(w.High-w.Low)))
		now = append(now, []float64{round1(100 * w.Weight), float64(i)})
	}
	c["grid"] = chart{"left": 190, "right": 24, "top": 32, "bottom": 40}
	c["legend"] = chart{"top": 0, "data": []string{"Range where the best choice stays", "Share now"}}
	c["xAxis"] = chart{"type": "value", "min": 0, "max": 100, "name": "share of the decision (%)", "nameLocation": "middle", "nameGap": 26}
	c["yAxis"] = chart{"type": "category", "data": cats, "inverse": true, "axisLabel": chart{"width": 180, "overflow": "break"}}
	c["tooltip"] = chart{"trigger": "item"}
	c["series"] = []any{
		chart{"type": "bar", "stack": "range", "silent": true, "data": lows, "itemStyle": chart{"color": "transparent"}, "tooltip": chart{"show": false}},
		chart{"type": "bar", "stack": "range", "name": "Range where the best choice stays", "data": spans, "itemStyle": chart{"color": "#9ecae1"}},
		chart{"type": "scatter", "name": "Share now", "data": now, "symbol": "diamond", "symbolSize": 12, "itemStyle": chart{"color": "#0b3d91"}},
	}
	return c
}

// timelineChart places the case's dates on a time axis, one row for the
// case and one for each opportunity.
func timelineChart(r *report.Report) chart {
	if len(r.Timeline) == 0 {
		return nil
	}
	c := base()
	rows := []string{"Your decision"}
	row := map[string]int{"": 0}
	for _, o := range r.Opportunities {
		row[o.ID] = len(rows)
		rows = append(rows, o.Name)
	}
	var data []any
	for _, e := range r.Timeline {
		y := row[e.Opportunity]
		colour := textColour
		if y > 0 {
			colour = oppColours[(y-1)%len(oppColours)]
		}
		data = append(data, chart{"name": e.What, "value": []any{e.Date, y}, "itemStyle": chart{"color": colour}})
	}
	c["grid"] = chart{"left": 130, "right": 40, "top": 24, "bottom": 32}
	c["xAxis"] = chart{"type": "time", "axisLabel": chart{"hideOverlap": true}}
	c["yAxis"] = chart{"type": "category", "data": rows, "inverse": true, "axisLabel": chart{"width": 120, "overflow": "break"}}
	c["tooltip"] = chart{"trigger": "item", "formatter": "{b}"}
	c["series"] = []any{chart{"type": "scatter", "symbolSize": 12, "data": data,
		"label":       chart{"show": true, "formatter": "{b}", "position": "top", "fontSize": 10, "color": mutedColour},
		"labelLayout": chart{"hideOverlap": true}}}
	return c
}

func round1(x float64) float64 { return math.Round(10*x) / 10 }

// responsive returns the chart c with narrow changes for screens at most
// 600 pixels wide (an ECharts media query).
func responsive(c chart, narrow chart) chart {
	return chart{
		"baseOption": c,
		"media":      []any{chart{"query": chart{"maxWidth": 600}, "option": narrow}},
	}
}
