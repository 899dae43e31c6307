package mcda

import "math"

// TOPSIS ranks by closeness to the ideal solution (Hwang and Yoon 1981,
// Multiple Attribute Decision Making: Methods and Applications, Springer,
// pp. 128-134):
//
//	v_ij = w_j * r_ij
//	A+_j = best v_ij over i,  A-_j = worst v_ij over i
//	D+_i = sqrt(sum_j (v_ij - A+_j)^2),  D-_i = sqrt(sum_j (v_ij - A-_j)^2)
//	C_i  = D-_i / (D+_i + D-_i)
//
// An empty n means Vector (the normalisation of the original method). Under
// vector and none the best of a cost column is its minimum; minmax, max and
// sum have already turned cost columns around, so the best is always the
// maximum. When D+ + D- = 0 (the alternative is at once ideal and anti-ideal,
// which happens when every weighted column is constant) C is defined as 0.5.
// Scores are the closeness C, higher is better.
func TOPSIS(p Problem, n Normalization) (Result, error) {
	if n == "" {
		n = Vector
	}
	if _, err := ParseNormalization(string(n)); err != nil {
		return Result{}, err
	}
	if err := p.validateShape(); err != nil {
		return Result{}, err
	}
	scores := make([]float64, len(p.Values))
	if err := topsis(p, n, func(i int) []float64 { return p.Values[i] }, scores); err != nil {
		return Result{}, err
	}
	return Result{
		Method:        MethodTOPSIS,
		Normalization: n,
		Scores:        scores,
		Ranks:         Ranks(scores, true),
	}, nil
}

// TOPSISFlat is the allocation-light form of TOPSIS for large matrices: values
// holds the m x len(types) matrix row by row (alternative i, criterion j at
// values[i*len(types)+j]). It returns the closeness coefficients only, in
// input order; use Ranks for the ranks. The formulas and degenerate cases are
// those of TOPSIS.
func TOPSISFlat(values []float64, types []CriterionType, weights []float64, n Normalization) ([]float64, error) {
	k := len(types)
	if k == 0 {
		return nil, invalidf("the problem has no criteria")
	}
	if len(values)%k != 0 {
		return nil, invalidf("%d values do not fill rows of %d criteria", len(values), k)
	}
	if n == "" {
		n = Vector
	}
	if _, err := ParseNormalization(string(n)); err != nil {
		return nil, err
	}
	m := len(values) / k
	if m == 0 {
		return nil, invalidf("the problem has no alternatives")
	}
	// Names are only used in messages; unnamed items print as "#1", "#2".
	p := Problem{Criteria: make([]string, k), Types: types, Weights: weights}
	if err := p.validateCriteria(); err != nil {
		return nil, err
	}
	scores := make([]float64, m)
	err := topsis(p, n, func(i int) []float64 { return values[i*k : (i+1)*k : (i+1)*k] }, scores)
	return scores, err
}

// topsis fills scores with the closeness coefficients. It never builds the
// normalised matrix: it computes the column maps and the ideal points from
// the column statistics, then the two distances of each row in one pass.
func topsis(p Problem, n Normalization, row func(int) []float64, scores []float64) error {
	maps, st, err := columnMaps(p, len(scores), n, row)
	if err != nil {
		return err
	}
	w := normalizedWeights(p.Weights)
	k := len(maps)
	ideal := make([]float64, k)
	anti := make([]float64, k)
	affine := true
	for j, t := range maps {
		lo, hi := t.rangeOf(st[j].min, st[j].max)
		lo, hi = w[j]*lo, w[j]*hi
		if p.Types[j] == Cost && !n.oriented() {
			lo, hi = hi, lo
		}
		ideal[j], anti[j] = hi, lo
		if t.inv || t.exp != 0 {
			affine = false
		}
	}
	if affine {
		// v - A = (w a) x + (w b - A): two coefficients per column.
		a := make([]float64, k)
		bp := make([]float64, k)
		bm := make([]float64, k)
		for j, t := range maps {
			a[j] = w[j] * t.a
			bp[j] = w[j]*t.b - ideal[j]
			bm[j] = w[j]*t.b - anti[j]
		}
		for i := range scores {
			r := row(i)[:k]
			var dp, dm float64
			for j, x := range r {
				u := a[j]*x + bp[j]
				v := a[j]*x + bm[j]
				dp += u * u
				dm += v * v
			}
			scores[i] = closeness(math.Sqrt(dp), math.Sqrt(dm))
		}
		return nil
	}
	for i := range scores {
		r := row(i)[:k]
		var dp, dm float64
		for j, x := range r {
			v := w[j] * maps[j].apply(x)
			dp += (v - ideal[j]) * (v - ideal[j])
			dm += (v - anti[j]) * (v - anti[j])
		}
		scores[i] = closeness(math.Sqrt(dp), math.Sqrt(dm))
	}
	return nil
}

// closeness is D-/(D+ + D-): 0.5 when both distances are zero (or both
// overflowed), 0 or 1 when only one overflowed. Since 0 <= D- <= D+ + D-,
// the correctly rounded quotient already lies in [0, 1].
func closeness(dp, dm float64) float64 {
	if s := dp + dm; s > 0 && s <= math.MaxFloat64 {
		return dm / s
	}
	return closenessEdge(dp, dm)
}

func closenessEdge(dp, dm float64) float64 {
	switch {
	case math.IsInf(dp, 0) && !math.IsInf(dm, 0):
		return 0
	case math.IsInf(dm, 0) && !math.IsInf(dp, 0):
		return 1
	}
	return 0.5 // both zero, or both overflowed
}
