package mcda

import "math"

// DefaultV is the usual VIKOR weight of the strategy of the majority of
// criteria (Opricovic and Tzeng 2004: "v = 0.5" for consensus).
const DefaultV = 0.5

// VIKOR ranks by the compromise index Q of Opricovic and Tzeng (2004),
// "Compromise solution by MCDM methods: A comparative analysis of VIKOR and
// TOPSIS", European Journal of Operational Research 156(2), 445-455, section 2:
//
//	f*_j = best value of criterion j, f-_j = worst value
//	d_ij = w_j (f*_j - f_ij) / (f*_j - f-_j)   (0 when f*_j = f-_j)
//	S_i  = sum_j d_ij        (group utility)
//	R_i  = max_j d_ij        (individual regret)
//	Q_i  = v (S_i - S*)/(S- - S*) + (1 - v)(R_i - R*)/(R- - R*)
//
// with S* = min S, S- = max S, R* = min R, R- = max R; a term whose
// denominator is zero (S or R constant, e.g. a single alternative) is 0.
// v must lie in [0, 1]; DefaultV is the usual choice. Scores holds Q and rank
// 1 is the lowest Q (lower is better). S and R are returned too. The
// normalisation is the linear one of the paper, reported as MinMax.
func VIKOR(p Problem, v float64) (Result, error) {
	if !(v >= 0 && v <= 1) {
		return Result{}, invalidf("VIKOR v = %v is outside [0, 1]", v)
	}
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	m, k := len(p.Values), len(p.Criteria)
	w := normalizedWeights(p.Weights)
	best := make([]float64, k)
	worst := make([]float64, k)
	for j := 0; j < k; j++ {
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := 0; i < m; i++ {
			lo = math.Min(lo, p.Values[i][j])
			hi = math.Max(hi, p.Values[i][j])
		}
		if p.Types[j] == Cost {
			best[j], worst[j] = lo, hi
		} else {
			best[j], worst[j] = hi, lo
		}
	}
	S := make([]float64, m)
	R := make([]float64, m)
	for i, row := range p.Values {
		s, r := 0.0, 0.0
		for j, x := range row {
			if best[j] == worst[j] {
				continue
			}
			num, den := best[j]-x, best[j]-worst[j]
			if math.IsInf(den, 0) {
				// A span wider than the largest float: halve first.
				num, den = best[j]/2-x/2, best[j]/2-worst[j]/2
			}
			d := w[j] * num / den
			s += d
			r = math.Max(r, d)
		}
		S[i], R[i] = s, r
	}
	sLo, sHi := minMax(S)
	rLo, rHi := minMax(R)
	Q := make([]float64, m)
	for i := range Q {
		q := 0.0
		if sHi > sLo {
			q += v * (S[i] - sLo) / (sHi - sLo)
		}
		if rHi > rLo {
			q += (1 - v) * (R[i] - rLo) / (rHi - rLo)
		}
		Q[i] = q
	}
	return Result{
		Method:        MethodVIKOR,
		Normalization: MinMax,
		Scores:        Q,
		Ranks:         Ranks(Q, false),
		S:             S,
		R:             R,
	}, nil
}

func minMax(x []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range x {
		lo = math.Min(lo, v)
		hi = math.Max(hi, v)
	}
	return lo, hi
}
