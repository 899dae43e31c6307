package mcda

import (
	"cmp"
	"math"
	"slices"
)

// TieTolerance is the relative distance below which two scores count as
// equal when ranking: a and b tie when |a-b| <= TieTolerance*max(1,|a|,|b|).
// It absorbs the rounding of sums such as 0.15*30, so that alternatives that
// are equal on paper share a rank.
const TieTolerance = 1e-9

// Ranks returns the rank of each score, in input order: 1 is the best
// (the highest score when higherIsBetter, else the lowest). Tied scores (see
// TieTolerance) share the lower rank number and the next rank skips, as in
// "1,2,2,4". A tie group is anchored at its best score, so a chain of values
// each within tolerance of the next does not merge without limit. Scores must
// not be NaN.
func Ranks(scores []float64, higherIsBetter bool) []int {
	n := len(scores)
	ranks := make([]int, n)
	if n == 0 {
		return ranks
	}
	order := sortedOrder(scores, higherIsBetter)
	anchor := scores[order[0]]
	rank := 1
	for pos, i := range order {
		s := scores[i]
		if pos > 0 && !tied(anchor, s) {
			rank = pos + 1
			anchor = s
		}
		ranks[i] = rank
	}
	return ranks
}

func tied(a, b float64) bool {
	scale := 1.0
	if x := math.Abs(a); x > scale {
		scale = x
	}
	if x := math.Abs(b); x > scale {
		scale = x
	}
	return math.Abs(a-b) <= TieTolerance*scale
}

// radixThreshold is the length from which sortedOrder uses a radix sort.
const radixThreshold = 256

// sortedOrder returns the indices of scores from best to worst; equal scores
// keep their input order.
func sortedOrder(scores []float64, higherIsBetter bool) []int32 {
	n := len(scores)
	if n >= radixThreshold {
		return radixOrder(scores, higherIsBetter)
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		if higherIsBetter {
			return cmp.Compare(scores[b], scores[a])
		}
		return cmp.Compare(scores[a], scores[b])
	})
	return order
}

// sortKey maps a float64 to a uint64 whose unsigned order is the float order
// (-0 and +0 map to the same key).
func sortKey(x float64) uint64 {
	if x == 0 {
		x = 0
	}
	b := math.Float64bits(x)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// radixOrder is a stable least-significant-digit radix sort of the indices by
// their score keys, 11 bits a pass. The histograms of all digits are counted
// in one pass; passes in which every key has the same digit are skipped.
func radixOrder(scores []float64, higherIsBetter bool) []int32 {
	const bits = 11
	const buckets = 1 << bits
	const passes = (64 + bits - 1) / bits
	n := len(scores)
	keys := make([]uint64, n)
	tmpKeys := make([]uint64, n)
	order := make([]int32, n)
	tmp := make([]int32, n)
	var count [passes][buckets]int
	flip := uint64(0)
	if higherIsBetter {
		flip = ^uint64(0)
	}
	for i, s := range scores {
		k := sortKey(s) ^ flip
		keys[i] = k
		order[i] = int32(i)
		for p := 0; p < passes; p++ {
			count[p][(k>>(p*bits))&(buckets-1)]++
		}
	}
	for p := 0; p < passes; p++ {
		shift := uint(p * bits)
		c := &count[p]
		if c[(keys[0]>>shift)&(buckets-1)] == n {
			continue // every key has this digit
		}
		sum := 0
		for d := range c {
			v := c[d]
			c[d] = sum
			sum += v
		}
		for i, k := range keys {
			d := (k >> shift) & (buckets - 1)
			pos := c[d]
			c[d]++
			tmpKeys[pos] = k
			tmp[pos] = order[i]
		}
		keys, tmpKeys = tmpKeys, keys
		order, tmp = tmp, order
	}
	return order
}
