package lens

import "sort"

// BalanceSegment is a range of the present-vs-future balance over which one
// opportunity has the best overall score.
type BalanceSegment struct {
	From float64 `json:"from"`
	To   float64 `json:"to"`
	Best string  `json:"best"` // opportunity id
}

// BalanceSegments splits the balance b ∈ [0, 1] into the ranges where each
// opportunity's overall score (1 − b)·present + b·future is the highest. The
// scores are linear in b, so the boundaries are found exactly: opportunities
// i and j tie at b* = (P_j − P_i) / ((F_i − P_i) − (F_j − P_j)). Ties are
// broken in favour of the opportunity listed first.
func BalanceSegments(r Result) []BalanceSegment {
	opps := r.Opportunities
	if len(opps) == 0 {
		return nil
	}
	cuts := []float64{0, 1}
	for i := range opps {
		for j := i + 1; j < len(opps); j++ {
			di := opps[i].Future - opps[i].Present
			dj := opps[j].Future - opps[j].Present
			if di == dj {
				continue
			}
			b := (opps[j].Present - opps[i].Present) / (di - dj)
			if b > 0 && b < 1 {
				cuts = append(cuts, b)
			}
		}
	}
	sort.Float64s(cuts)
	var segs []BalanceSegment
	for k := 0; k+1 < len(cuts); k++ {
		lo, hi := cuts[k], cuts[k+1]
		if hi-lo < 1e-12 {
			continue
		}
		best := bestAt(opps, (lo+hi)/2)
		if n := len(segs); n > 0 && segs[n-1].Best == best {
			segs[n-1].To = hi
			continue
		}
		segs = append(segs, BalanceSegment{From: lo, To: hi, Best: best})
	}
	return segs
}

func bestAt(opps []Opportunity, b float64) string {
	best, bestScore := "", 0.0
	for i, o := range opps {
		s := (1-b)*o.Present + b*o.Future
		if i == 0 || s > bestScore {
			best, bestScore = o.ID, s
		}
	}
	return best
}
