package strategy

import "math"

// tally answers, for a multiset of values and a threshold t, how many
// values lie below t, their sum, and the sum of e^(−v/c) over them (for
// values at or above the range's low end), exactly and in about constant
// time: the values are spread over buckets between lo and hi, with the
// running counts and sums of whole buckets, and only the bucket holding t
// is looked at value by value. It serves the savings evaluator, whose every
// query is a threshold between lo and hi.
type tally struct {
	lo, hi, width float64
	c             float64 // scale of the exponential sums; 0 for none
	// start[b] is the index in vals of bucket b's first value; bucket 0
	// holds the values below lo, the last the values at or above hi.
	start []int
	vals  []float64
	// Running totals over buckets 0..b−1.
	count []int
	sum   []float64
	exp   []float64
	n     int
}

const tallyBuckets = 4096

func (t *tally) bucket(v float64) int {
	switch {
	case v < t.lo:
		return 0
	case v >= t.hi:
		return tallyBuckets + 1
	}
	return min(tallyBuckets, 1+int((v-t.lo)/t.width))
}

func (t *tally) expOf(v float64) float64 {
	if t.c == 0 || v < t.lo {
		return 0
	}
	return math.Exp(-v / t.c)
}

// newTally builds the tally of values for thresholds in [lo, hi]. Without
// c, values at or above hi are left out: they are below no threshold asked.
func newTally(values []float64, lo, hi, c float64) *tally {
	if !(hi > lo) {
		hi = lo + 1
	}
	t := &tally{lo: lo, hi: hi, width: (hi - lo) / tallyBuckets, c: c, n: len(values)}
	nb := tallyBuckets + 2
	t.start = make([]int, nb+1)
	kept := 0
	for _, v := range values {
		if b := t.bucket(v); b <= tallyBuckets || c != 0 {
			t.start[b+1]++
			kept++
		}
	}
	for b := range nb {
		t.start[b+1] += t.start[b]
	}
	t.vals = make([]float64, kept)
	fill := make([]int, nb)
	copy(fill, t.start)
	for _, v := range values {
		if b := t.bucket(v); b <= tallyBuckets || c != 0 {
			t.vals[fill[b]] = v
			fill[b]++
		}
	}
	t.count, t.sum, t.exp = make([]int, nb+1), make([]float64, nb+1), make([]float64, nb+1)
	for b := range nb {
		s, e := 0.0, 0.0
		for _, v := range t.vals[t.start[b]:t.start[b+1]] {
			s += v
			e += t.expOf(v)
		}
		t.count[b+1] = t.start[b+1]
		t.sum[b+1] = t.sum[b] + s
		t.exp[b+1] = t.exp[b] + e
	}
	return t
}

// below returns the number of values below x, their sum and the sum of
// e^(−v/c) over those of them at or above lo. Without c, x must be at most
// hi.
func (t *tally) below(x float64) (n int, sum, exp float64) {
	b := t.bucket(x)
	n, sum, exp = t.count[b], t.sum[b], t.exp[b]
	for _, v := range t.vals[t.start[b]:t.start[b+1]] {
		if v < x {
			n++
			sum += v
			exp += t.expOf(v)
		}
	}
	return n, sum, exp
}

// totalExp returns the sum of e^(−v/c) over the values at or above lo.
func (t *tally) totalExp() float64 { return t.exp[len(t.exp)-1] }
