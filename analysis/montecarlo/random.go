package montecarlo

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/crossroads/crossroads"
)

// The random numbers of a path are tied to its events, not to the order in
// which a strategy asks for them. Block b of the paths draws one 64-bit key
// per path from rand.NewPCG(seed, b); every event e of the path (the offer
// of opportunity j, its first conversion, the third search, …) then gets its
// own numbers from that key:
//
//   - a uniform: output number e+1 of the SplitMix64 generator seeded with
//     the key (Steele, Lea and Flood, "Fast splittable pseudorandom number
//     generators", OOPSLA 2014), mapped to the open interval (0, 1);
//   - a PERT sample: a Beta variate drawn from rand.NewPCG(key, e).
//
// So every strategy, and every re-run with one input changed, sees the same
// number for the same event: common random numbers.

const golden = 0x9e3779b97f4a7c15

// mix64 is the SplitMix64 output function.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// uniform returns the uniform number in (0, 1) of event e of the path with
// the given key.
func uniform(key, e uint64) float64 {
	return (float64(mix64(key+(e+1)*golden)>>11) + 0.5) / (1 << 53)
}

// Event numbers. Each opportunity j owns eventsPerOpp numbers from
// j·eventsPerOpp; search k owns eventsPerSearch numbers from searchEvents +
// k·eventsPerSearch.
const (
	evOffer      = iota // uniform: does the pending offer come?
	evOfferProb         // PERT: the offer's probability, when a range
	evPay               // PERT: the monthly gross pay, when a range
	evConvPay           // PERT: the pay after conversion, when a range
	evRaise             // PERT: the yearly raise, when a range
	evConvProb          // PERT: the conversion probability, when a range
	evExtProb           // PERT: the extension probability, when a range
	evConv1             // uniform: conversion at the end of the contract
	evConv2             // uniform: conversion at the end of the extension
	evExt               // uniform: extension
	evLayoff            // uniform: months in the permanent job until a layoff
	evFail              // uniform: does the employer fail?
	evFailAt            // uniform: when, within its months
	eventsPerOpp = 16
)

const (
	evSearchMonths  = iota // PERT: length of the search
	evSearchPay            // PERT: pay of the job it finds
	evSearchRaise          // PERT: its yearly raise
	evSearchLayoff         // uniform: months until that job is lost
	eventsPerSearch = 4

	searchEvents = 1 << 32
)

func oppEvent(j, kind int) uint64    { return uint64(j*eventsPerOpp + kind) }
func searchEvent(k, kind int) uint64 { return searchEvents + uint64(k*eventsPerSearch+kind) }

// pert holds a PERT distribution ready to sample: Beta(α, β) on [a, b] with
// α = 1 + 4(m − a)/(b − a) and β = 1 + 4(b − m)/(b − a), whose mean is
// (a + 4m + b)/6 (Malcolm, Roseboom, Clark and Fazar, "Application of a
// technique for research and development program evaluation", Operations
// Research 7(5), 1959). A certain estimate (a = b) always gives m.
type pert struct {
	a, m, b     float64
	alpha, beta float64
	fixed       bool
}

// mean returns the mean of p: (a + 4m + b)/6.
func (p *pert) mean() float64 {
	if p.fixed {
		return p.m
	}
	return (p.a + 4*p.m + p.b) / 6
}

func newPERT(e crossroads.Estimate) pert {
	p := pert{a: e.Min, m: e.Likely, b: e.Max, fixed: !e.IsRange()}
	if !p.fixed {
		w := e.Max - e.Min
		p.alpha = 1 + 4*(e.Likely-e.Min)/w
		p.beta = 1 + 4*(e.Max-e.Likely)/w
	}
	return p
}

// sample draws from p with the Beta variate's own stream: src is re-seeded
// with (key, e), so that the draw does not depend on anything drawn before.
func (p *pert) sample(src *rand.PCG, key, e uint64) float64 {
	if p.fixed {
		return p.m
	}
	src.Seed(key, e)
	return p.a + (p.b-p.a)*distuv.Beta{Alpha: p.alpha, Beta: p.beta, Src: src}.Rand()
}

// SamplePERT draws one value of the estimate e from src: e.Likely when e is
// certain, else a + (b − a)·X with X ~ Beta(1 + 4(m − a)/(b − a), 1 + 4(b −
// m)/(b − a)), the PERT distribution with minimum a, mode m and maximum b
// (Malcolm et al., Operations Research 7(5), 1959). Its mean is (a + 4m +
// b)/6 and its variance (μ − a)(b − μ)/7.
func SamplePERT(e crossroads.Estimate, src rand.Source) float64 {
	p := newPERT(e)
	if p.fixed {
		return p.m
	}
	return p.a + (p.b-p.a)*distuv.Beta{Alpha: p.alpha, Beta: p.beta, Src: src}.Rand()
}
