package mcda

import "math"

// WeightInterval is the result of the weight sensitivity of one criterion:
// while its normalised weight stays within [Lo, Hi] (the other weights
// keeping their proportions) the current best alternative stays best.
type WeightInterval struct {
	Criterion string
	Weight    float64 // the current normalised weight
	Lo, Hi    float64 // the interval around Weight, within [0, 1]
	// BelowBest is the alternative that is best just below Lo, AboveBest
	// the one just above Hi; empty when Lo is 0 (or Hi is 1) and the best
	// never changes on that side.
	BelowBest, AboveBest string
}

// SensitivityTolerance is the precision of the interval ends for the methods
// other than WSM, which are searched numerically.
const SensitivityTolerance = 1e-9

// sensitivityGrid is the number of steps of the scan that brackets a change
// of the best alternative before bisection refines it.
const sensitivityGrid = 100

// WeightSensitivity varies each criterion's weight w_j from 0 to 1 while the
// other weights keep their proportions,
//
//	w_k' = w_k (1 - w_j') / (1 - w_j)   for k != j,
//
// and returns, for each criterion in order, the interval of w_j' around the
// current weight within which the current best alternative (the first, in
// input order, of those ranked 1) is still ranked 1. When w_j = 1 the other
// weights share 1 - w_j' equally. With a single criterion the ranking does
// not depend on the weight and the interval is [0, 1].
//
// For WSM the scores are linear in w_j' (normalisation does not depend on the
// weights), so the interval ends are the exact crossings of the best
// alternative's score line with the others'. For the other methods the
// interval is found by scanning sensitivityGrid steps on each side and
// bisecting the first change to SensitivityTolerance; a change of the best
// alternative that starts and ends between two scan points can be missed.
func WeightSensitivity(p Problem, m Method) ([]WeightInterval, error) {
	base, err := m.Rank(p)
	if err != nil {
		return nil, err
	}
	best := 0
	for i, r := range base.Ranks {
		if r == 1 {
			best = i
			break
		}
	}
	w := normalizedWeights(p.Weights)
	out := make([]WeightInterval, len(w))
	var oriented []float64
	if m.Name == MethodWSM {
		n := m.Normalization
		if n == "" {
			n = MinMax
		}
		if oriented, err = orientedMatrix(p, n); err != nil {
			return nil, err
		}
	}
	for j := range w {
		iv := WeightInterval{Criterion: p.critName(j), Weight: w[j], Lo: 0, Hi: 1}
		switch {
		case len(w) == 1:
		case oriented != nil:
			wsmInterval(p, oriented, w, j, best, &iv)
		default:
			if err := searchInterval(p, m, w, j, best, &iv); err != nil {
				return nil, err
			}
		}
		out[j] = iv
	}
	return out, nil
}

// reweighted returns the weights with w_j set to t and the others scaled to
// keep their proportions.
func reweighted(w []float64, j int, t float64) []float64 {
	t = math.Min(1, math.Max(0, t)) // the scan can step a hair past the ends
	out := make([]float64, len(w))
	rest := 1 - w[j]
	for k := range w {
		switch {
		case k == j:
			out[k] = t
		case rest > 0:
			out[k] = w[k] * (1 - t) / rest
		default:
			out[k] = (1 - t) / float64(len(w)-1)
		}
	}
	return out
}

// wsmInterval solves the crossings exactly. With a_i the oriented normalised
// value of alternative i on criterion j and b_i its weighted sum over the
// other criteria at w_j' = 0, the score is t a_i + (1 - t) b_i, and the best
// alternative b beats i while c_i + s_i t >= 0 with c_i = b_b - b_i and
// s_i = (a_b - a_i) - c_i.
func wsmInterval(p Problem, r []float64, w []float64, j, best int, iv *WeightInterval) {
	k := len(w)
	others := reweighted(w, j, 0)
	m := len(p.Values)
	a := make([]float64, m)
	b := make([]float64, m)
	for i := 0; i < m; i++ {
		a[i] = r[i*k+j]
		for c := 0; c < k; c++ {
			if c != j {
				b[i] += others[c] * r[i*k+c]
			}
		}
	}
	t0 := w[j]
	below, above := -1, -1
	var belowSlope, aboveSlope float64
	for i := 0; i < m; i++ {
		if i == best {
			continue
		}
		c := b[best] - b[i]
		s := (a[best] - a[i]) - c
		if s == 0 {
			continue // parallel lines never cross
		}
		root := -c / s
		if s < 0 {
			// The lead shrinks as t grows: i takes over above root.
			root = math.Max(root, t0) // a tie at t0 (or rounding below it)
			if root < iv.Hi || (above >= 0 && root == iv.Hi && s < aboveSlope) {
				iv.Hi, above, aboveSlope = root, i, s
			}
		} else {
			// The lead shrinks as t falls: i takes over below root.
			root = math.Min(root, t0)
			if root > iv.Lo || (below >= 0 && root == iv.Lo && s > belowSlope) {
				iv.Lo, below, belowSlope = root, i, s
			}
		}
	}
	if above >= 0 {
		iv.AboveBest = p.altName(above)
	}
	if below >= 0 {
		iv.BelowBest = p.altName(below)
	}
}

// searchInterval scans and bisects for the methods without a closed form.
func searchInterval(p Problem, m Method, w []float64, j, best int, iv *WeightInterval) error {
	q := p
	// winner returns the alternative ranked 1 at w_j' = t: best if it is
	// still ranked 1, else the first ranked 1.
	winner := func(t float64) (int, error) {
		q.Weights = reweighted(w, j, t)
		res, err := m.Rank(q)
		if err != nil {
			return 0, err
		}
		if res.Ranks[best] == 1 {
			return best, nil
		}
		for i, r := range res.Ranks {
			if r == 1 {
				return i, nil
			}
		}
		return best, nil
	}
	edge := func(from, to float64) (float64, int, error) {
		last := from
		for s := 1; s <= sensitivityGrid; s++ {
			t := from + (to-from)*float64(s)/sensitivityGrid
			who, err := winner(t)
			if err != nil {
				return 0, 0, err
			}
			if who == best {
				last = t
				continue
			}
			good, bad, taker := last, t, who
			for math.Abs(bad-good) > SensitivityTolerance {
				mid := (good + bad) / 2
				who, err := winner(mid)
				if err != nil {
					return 0, 0, err
				}
				if who == best {
					good = mid
				} else {
					bad, taker = mid, who
				}
			}
			return good, taker, nil
		}
		return to, -1, nil
	}
	hi, above, err := edge(w[j], 1)
	if err != nil {
		return err
	}
	lo, below, err := edge(w[j], 0)
	if err != nil {
		return err
	}
	iv.Lo, iv.Hi = lo, hi
	if above >= 0 {
		iv.AboveBest = p.altName(above)
	}
	if below >= 0 {
		iv.BelowBest = p.altName(below)
	}
	return nil
}
