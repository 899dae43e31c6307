package occupation

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/crossroads/crossroads"
)

// Step is a possible move to a related occupation, with the figures a
// person needs to weigh it.
type Step struct {
	Code        string `json:"code"`
	Title       string `json:"title"`
	From        string `json:"from"` // the occupation it is related to
	Tier        Tier   `json:"tier"`
	Index       int    `json:"index"`
	JobZone     int    `json:"jobZone,omitempty"`
	JobZoneName string `json:"jobZoneName,omitempty"`
	// Wages and Outlook are nil when BLS publishes no figures.
	Wages   *Wages   `json:"wages,omitempty"`
	Outlook *Outlook `json:"outlook,omitempty"`
}

func (d *dataset) step(from string, r Relation) Step {
	o := d.occs[d.byCode[r.Code]].clone()
	return Step{
		Code: o.Code, Title: o.Title, From: from, Tier: r.Tier, Index: r.Index,
		JobZone: o.JobZone, JobZoneName: o.JobZoneName, Wages: o.Wages, Outlook: o.Outlook,
	}
}

// Related returns the occupations that O*NET lists as related to the one
// with the given code ("43-4051.00" or "43-4051"), in O*NET order (by
// Index), each with its job zone, pay and outlook. It reports false for an
// unknown code. An occupation without related occupations in O*NET 30.3
// (93 of them, mostly "All Other" ones) gives an empty list.
func Related(code string) ([]Step, bool) {
	d := load()
	i, ok := d.index(code)
	if !ok {
		return nil, false
	}
	o := d.occs[i]
	steps := make([]Step, 0, len(o.Related))
	for _, r := range o.Related {
		steps = append(steps, d.step(o.Code, r))
	}
	return steps, true
}

// NextSteps answers "from where I am, where can I go next?": it returns
// the occupations related (in O*NET) to any of the person's past or present
// occupations fromCodes, that ask for at most one job zone more than the
// highest job zone among fromCodes, best first, at most limit of them (all
// when limit <= 0).
//
// The rule:
//   - Candidates are the related occupations of every code in fromCodes,
//     without the fromCodes themselves. A candidate related to several of
//     them keeps its closest relation (lowest tier, then lowest index, then
//     the earlier from-code), and From names that from-code.
//   - A candidate qualifies when its job zone is known and at most z+1,
//     where z is the highest job zone among fromCodes: a step of one zone
//     is within reach with on-the-job training, a larger one means going
//     back to school first. If no from-code has a job zone there is no
//     candidate either, since O*NET 30.3 lists related occupations only for
//     occupations with a job zone.
//   - Candidates are ranked by relatedness tier (Primary-Short,
//     Primary-Long, Supplemental), then O*NET's relatedness index, then the
//     projected employment change 2024–34 (higher first; without an
//     outlook last), then code.
//
// NextSteps returns an error of kind Invalid when fromCodes is empty or a
// code is malformed, and of kind NotFound when a code is not an
// occupation.
func NextSteps(fromCodes []string, limit int) ([]Step, error) {
	const op = "occupation.NextSteps"
	if len(fromCodes) == 0 {
		return nil, &crossroads.Error{Op: op, Kind: crossroads.Invalid, Message: "no occupation to start from"}
	}
	d := load()
	from := make(map[string]bool)
	var froms []Occupation
	zone := 0
	for _, c := range fromCodes {
		norm, ok := NormalizeCode(c)
		if !ok {
			return nil, &crossroads.Error{Op: op, Kind: crossroads.Invalid,
				Message: "occupation code " + quote(c) + " is not an O*NET-SOC code such as 43-4051.00"}
		}
		i, ok := d.byCode[norm]
		if !ok {
			return nil, &crossroads.Error{Op: op, Kind: crossroads.NotFound,
				Message: "no occupation with code " + quote(c)}
		}
		if from[norm] {
			continue
		}
		from[norm] = true
		froms = append(froms, d.occs[i])
		zone = max(zone, d.occs[i].JobZone)
	}
	best := make(map[string]Step)
	for _, f := range froms {
		for _, r := range f.Related {
			if from[r.Code] {
				continue
			}
			s := d.step(f.Code, r)
			if s.JobZone == 0 || s.JobZone > zone+1 {
				continue
			}
			if cur, ok := best[r.Code]; ok && closer(cur, s) <= 0 {
				continue
			}
			best[r.Code] = s
		}
	}
	steps := make([]Step, 0, len(best))
	for _, s := range best {
		steps = append(steps, s)
	}
	slices.SortFunc(steps, func(a, b Step) int {
		if c := closer(a, b); c != 0 {
			return c
		}
		if c := cmp.Compare(growth(b), growth(a)); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
	if limit > 0 && len(steps) > limit {
		steps = steps[:limit]
	}
	return steps, nil
}

// closer compares the relations of a and b by tier, then index: negative
// when a is closer. Relations from the same from-code never tie.
func closer(a, b Step) int {
	if c := cmp.Compare(a.Tier, b.Tier); c != 0 {
		return c
	}
	return cmp.Compare(a.Index, b.Index)
}

// growth is the projected change used for ranking: -Inf without outlook.
func growth(s Step) float64 {
	if s.Outlook == nil {
		return math.Inf(-1)
	}
	return s.Outlook.ChangePercent
}

func quote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return "\"" + strings.ToValidUTF8(s, "\uFFFD") + "\""
}

// Parameters of OutlookValue.
const (
	// OutlookSpan is the distance, in percentage points of projected
	// change, from the all-occupations average to the ends of the 0..1
	// scale.
	OutlookSpan = 10.0
)

// OutlookValue maps a projected employment change 2024–34, in percent, to
// the 0..1 value of the future score's "occupation outlook" criterion:
//
//	v = clamp(0.5 + (p − a) / (2·s), 0, 1)
//
// with a = AllOccupationsChangePercent (3.1%, the projected change of all
// occupations in BLS EP 2024–34 Table 1.2) and s = OutlookSpan (10
// points): growth as fast as the average of all occupations is the neutral
// 0.5, 13.1% or more is 1, −6.9% or less is 0.
//
// Why: BLS itself describes each occupation's projected growth relative to
// the average for all occupations ("faster than average", "little or no
// change", "decline"), so the average, not zero, is the neutral point; a
// zero-growth occupation is already below par when the whole labour market
// grows 3.1%. The span of ±10 points keeps the scale linear (easy to
// explain: each point of projected change is worth 0.05) and covers the
// bulk of occupations: of the 832 EP line items, 87% lie between −6.9% and
// +13.1%, so only the clearly booming or shrinking ones are clamped.
// Customer service representatives (−5.5%) get 0.07, human resources
// specialists (+6.2%) 0.655, data entry keyers (−25.9%) 0.
//
// NaN gives NaN: an unknown outlook is not a neutral one, and callers must
// treat a missing Outlook as missing.
func OutlookValue(changePercent float64) float64 {
	if math.IsNaN(changePercent) {
		return math.NaN()
	}
	v := 0.5 + (changePercent-AllOccupationsChangePercent)/(2*OutlookSpan)
	return min(max(v, 0), 1)
}
