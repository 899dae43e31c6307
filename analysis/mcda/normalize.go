package mcda

import (
	"math"
	"strings"
)

// Normalization names a way to bring the columns of a decision matrix to a
// common scale. See the package documentation for the formulas.
type Normalization string

// The normalisations.
const (
	Vector Normalization = "vector" // x / sqrt(sum x^2); direction left to the method
	MinMax Normalization = "minmax" // (x-min)/(max-min) for benefit, (max-x)/(max-min) for cost
	Max    Normalization = "max"    // x/max for benefit, min/x for cost; values must be >= 0
	Sum    Normalization = "sum"    // x/sum x for benefit, (1/x)/sum(1/x) for cost; values must be >= 0
	None   Normalization = "none"   // values as given; direction left to the method
)

// Normalizations lists the normalisations in the order the documentation
// presents them.
var Normalizations = []Normalization{Vector, MinMax, Max, Sum, None}

// ParseNormalization reads the name of a normalisation, ignoring case and
// surrounding space.
func ParseNormalization(s string) (Normalization, error) {
	n := Normalization(strings.ToLower(strings.TrimSpace(s)))
	for _, k := range Normalizations {
		if n == k {
			return n, nil
		}
	}
	return "", invalidf("normalization %q is not one of vector, minmax, max, sum, none", s)
}

// oriented reports whether n already turns cost columns around, so that a
// higher normalised value is always better.
func (n Normalization) oriented() bool { return n == MinMax || n == Max || n == Sum }

// colStats are the column statistics every normalisation needs.
type colStats struct {
	min, max   float64
	sum, sumSq float64
	sumInv     float64 // sum of 1/x over the non-zero x (sum of cost columns only)
	zeros      int     // how many x are exactly 0
	negative   int     // index+1 of the first negative value, 0 if none
}

// colMap maps a raw value of one column to its normalised value. The value
// is first multiplied by 2^exp, which brings a column of huge or tiny values
// near 1 (exact, and harmless because every normalisation but none is
// invariant to scaling a column); then the map is a*x + b, or, when inv is
// set, c/x with zero for x == 0.
type colMap struct {
	exp     int
	a, b    float64
	inv     bool
	c, zero float64
}

func (t colMap) apply(x float64) float64 {
	if t.exp != 0 {
		x = math.Ldexp(x, t.exp)
	}
	if !t.inv {
		return t.a*x + t.b
	}
	if x == 0 {
		return t.zero
	}
	return t.c / x
}

// rangeOf returns the smallest and largest normalised values of a column whose
// raw values lie in [lo, hi]. Affine maps are monotone; inverse maps are only
// used on values >= 0 and do not increase.
func (t colMap) rangeOf(lo, hi float64) (float64, float64) {
	a, b := t.apply(lo), t.apply(hi)
	if a > b {
		a, b = b, a
	}
	return a, b
}

// orientCost returns the map of 1 - r (for vector) or -r (for none): the
// orientation the weighted sum gives a cost column that the normalisation left
// as it was.
func (t colMap) orientCost(n Normalization) colMap {
	switch n {
	case Vector:
		return colMap{exp: t.exp, a: -t.a, b: 1 - t.b}
	case None:
		return colMap{exp: t.exp, a: -t.a, b: -t.b}
	}
	return t
}

// columnStats scans the rows once. row(i) returns alternative i's values. It
// reports the first value that is not finite as (i, j, false).
func columnStats(m, n int, row func(int) []float64, st []colStats) (bi, bj int, ok bool) {
	for j := range st {
		st[j] = colStats{min: math.Inf(1), max: math.Inf(-1)}
	}
	for i := 0; i < m; i++ {
		r := row(i)[:n]
		for j, x := range r {
			s := &st[j]
			if x-x != 0 {
				return i, j, false
			}
			if x < s.min {
				s.min = x
			}
			if x > s.max {
				s.max = x
			}
			s.sum += x
			s.sumSq += x * x
			if x <= 0 {
				if x == 0 {
					s.zeros++
				} else if s.negative == 0 {
					s.negative = i + 1
				}
			}
		}
	}
	// The sum of reciprocals needs a division per value; only the sum
	// normalisation of a cost column uses it, so it is computed on demand
	// by reciprocalSum.
	return 0, 0, true
}

// columnStatsVector is columnStats for the vector normalisation, the hot
// path of TOPSIS on large matrices: it gathers only what vector needs (the
// extremes and the sum of squares), in flat accumulators.
func columnStatsVector(m, n int, row func(int) []float64, st []colStats) (bi, bj int, ok bool) {
	lo := make([]float64, n)
	hi := make([]float64, n)
	sq := make([]float64, n)
	for j := range lo {
		lo[j], hi[j] = math.Inf(1), math.Inf(-1)
	}
	for i := 0; i < m; i++ {
		r := row(i)[:n]
		lo, hi, sq := lo[:len(r)], hi[:len(r)], sq[:len(r)]
		for j, x := range r {
			if x-x != 0 {
				return i, j, false
			}
			if x < lo[j] {
				lo[j] = x
			}
			if x > hi[j] {
				hi[j] = x
			}
			sq[j] += x * x
		}
	}
	for j := range st {
		st[j] = colStats{min: lo[j], max: hi[j], sumSq: sq[j]}
	}
	return 0, 0, true
}

// reciprocalSum returns the sum of 1/x over the non-zero values of column j.
func reciprocalSum(j, m int, exp int, row func(int) []float64) float64 {
	sum := 0.0
	for i := 0; i < m; i++ {
		if x := math.Ldexp(row(i)[j], exp); x != 0 {
			sum += 1 / x
		}
	}
	return sum
}

func (s *colStats) add(i int, x float64) {
	if x < s.min {
		s.min = x
	}
	if x > s.max {
		s.max = x
	}
	s.sum += x
	s.sumSq += x * x
	if x == 0 {
		s.zeros++
	}
	if x < 0 && s.negative == 0 {
		s.negative = i + 1
	}
}

// safeExponent bounds the binary exponent of a column's largest magnitude
// within which sums of squares of up to 2^20 values stay finite and keep full
// precision; outside it the column is rescaled.
const safeExponent = 500

// columnScale returns the exponent of the power of two that brings the
// column's largest magnitude into [0.5, 1) when it lies outside
// 2^±safeExponent, else 0.
func columnScale(s colStats) int {
	big := math.Max(math.Abs(s.min), math.Abs(s.max))
	if big == 0 {
		return 0
	}
	_, e := math.Frexp(big)
	if e > safeExponent || e < -safeExponent {
		return -e
	}
	return 0
}

// columnMap returns the normalisation map of one column from its statistics.
// m is the number of alternatives. The degenerate cases follow the package
// documentation: a constant column (zero columns included) normalises to 1
// under minmax and max, to 1/m under sum and to 1/sqrt(m) under vector.
func columnMap(n Normalization, t CriterionType, s colStats, m int) colMap {
	switch n {
	case Vector:
		if s.min == 0 && s.max == 0 {
			return colMap{b: 1 / math.Sqrt(float64(m))}
		}
		return colMap{a: 1 / math.Sqrt(s.sumSq)}
	case MinMax:
		if s.max == s.min {
			return colMap{b: 1}
		}
		// Work with halves so that a span wider than the largest float
		// does not overflow; halving is exact for normal numbers.
		half := s.max/2 - s.min/2
		if t == Cost {
			return colMap{a: -0.5 / half, b: (s.max / 2) / half}
		}
		return colMap{a: 0.5 / half, b: -(s.min / 2) / half}
	case Max:
		if t == Cost {
			// min/x; x == 0 only when min == 0, and then it is the best.
			return colMap{inv: true, c: s.min, zero: 1}
		}
		if s.max == 0 {
			return colMap{b: 1}
		}
		return colMap{a: 1 / s.max}
	case Sum:
		if t == Cost {
			if s.zeros > 0 {
				// The limit as the zeros tend to 0: they share all the mass.
				return colMap{inv: true, c: 0, zero: 1 / float64(s.zeros)}
			}
			return colMap{inv: true, c: 1 / s.sumInv}
		}
		if s.sum == 0 {
			return colMap{b: 1 / float64(m)}
		}
		return colMap{a: 1 / s.sum}
	}
	return colMap{a: 1} // None
}

// columnMaps computes the maps of every column; it also checks that the
// ratio normalisations see no negative value.
func columnMaps(p Problem, m int, n Normalization, row func(int) []float64) ([]colMap, []colStats, error) {
	k := len(p.Criteria)
	st := make([]colStats, k)
	scan := columnStats
	if n == Vector {
		scan = columnStatsVector
	}
	if i, j, ok := scan(m, k, row, st); !ok {
		return nil, nil, p.badValue(i, j, row(i)[j])
	}
	maps := make([]colMap, k)
	for j := range maps {
		if (n == Max || n == Sum) && st[j].negative > 0 {
			i := st[j].negative - 1
			return nil, nil, invalidf("alternative %q, criterion %q: value %v is negative; %s normalization needs values >= 0 (use minmax or vector)",
				p.altName(i), p.critName(j), row(i)[j], n)
		}
		exp, sc := 0, st[j]
		if n != None {
			exp = columnScale(st[j])
		}
		if exp != 0 {
			// Rare: a column of huge or tiny values. Rescan it scaled.
			sc = colStats{min: math.Inf(1), max: math.Inf(-1)}
			for i := 0; i < m; i++ {
				sc.add(i, math.Ldexp(row(i)[j], exp))
			}
		}
		if n == Sum && p.Types[j] == Cost {
			sc.sumInv = reciprocalSum(j, m, exp, row)
		}
		maps[j] = columnMap(n, p.Types[j], sc, m)
		maps[j].exp = exp
	}
	return maps, st, nil
}

// Normalize returns the normalised copy of values, one row per alternative.
// Under minmax, max and sum a higher normalised value is always better (cost
// columns are turned around); under vector and none the direction is kept and
// left to the method. Degenerate columns get the values documented in the
// package documentation, never NaN. Max and sum need values >= 0.
func Normalize(values [][]float64, types []CriterionType, n Normalization) ([][]float64, error) {
	if _, err := ParseNormalization(string(n)); err != nil {
		return nil, err
	}
	k := len(types)
	p := Problem{
		Alternatives: make([]string, len(values)),
		Criteria:     make([]string, k),
		Types:        types,
		Weights:      make([]float64, k),
		Values:       values,
	}
	for j := range p.Weights {
		p.Weights[j] = 1
	}
	if len(values) == 0 {
		return [][]float64{}, nil
	}
	if err := p.validateShape(); err != nil {
		return nil, err
	}
	maps, _, err := columnMaps(p, len(values), n, func(i int) []float64 { return values[i] })
	if err != nil {
		return nil, err
	}
	flat := make([]float64, len(values)*k)
	out := make([][]float64, len(values))
	for i, row := range values {
		r := flat[i*k : (i+1)*k : (i+1)*k]
		for j, x := range row {
			r[j] = maps[j].apply(x)
		}
		out[i] = r
	}
	return out, nil
}
