package montecarlo

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/crossroads/crossroads"
)

// BlockSize is the number of paths that share one block stream: block b
// draws the keys of its paths from rand.NewPCG(seed, b). It is fixed, so
// that path i is the same path in every run with the same seed, whatever
// the number of paths, workers or GOMAXPROCS.
const BlockSize = 256

// MaxChunks bounds the number of chunks of blocks whose sums are kept apart
// (for the deterministic reduction and the batch means).
const MaxChunks = 64

// MaxConditioned is the number of pending opportunities (the first, in the
// case's order) for which outcomes are also summed separately on the paths
// where the offer came and where it did not.
const MaxConditioned = 8

// DefaultFanPaths is the default number of paths (the first ones) from
// which the month-by-month quantiles of the fan chart are taken.
const DefaultFanPaths = 10000

// maxStored bounds paths × strategies for the per-path values kept.
const maxStored = 50_000_000

// Settings of a simulation. The zero value is the documented default.
type Settings struct {
	// Paths is the number of paths. 0 means crossroads.DefaultPaths
	// (10,000: the standard error of a probability is then at most half a
	// percentage point).
	Paths int
	// Seed of the random numbers, used as given (0 is a seed like any other).
	Seed uint64
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	// The results do not depend on it.
	Workers int
	// MeansOnly skips what needs every path kept: quantiles, the fan chart,
	// the run-out month and the per-path values. Sensitivity re-runs use it.
	MeansOnly bool
	// FanPaths is the number of paths (the first ones) the fan chart is
	// taken from; 0 means DefaultFanPaths, lowered when needed so that
	// paths × months × strategies stays at most 20 million.
	FanPaths int
}

// Stat is an estimate with its Monte Carlo standard error.
type Stat struct {
	Value float64 `json:"value"`
	SE    float64 `json:"se"`
}

// Means are the averages over paths of the outcomes that add up linearly,
// so that they can be mixed and conditioned. Money is in the case's
// currency, time in months.
type Means struct {
	// Paths averaged.
	Paths int `json:"paths"`
	// Savings at the end of the horizon.
	Savings float64 `json:"savings"`
	// TakeHome is the take-home pay received within the horizon.
	TakeHome float64 `json:"take_home"`
	// PRunOut is the share of paths on which savings fall below zero at the
	// end of some month.
	PRunOut float64 `json:"p_run_out"`
	// MonthsWithoutPay within the horizon: no paycheck arriving.
	MonthsWithoutPay float64 `json:"months_without_pay"`
	// MonthsWithoutEmployerCover: no employer health plan (the person pays
	// for their own, or goes uncovered).
	MonthsWithoutEmployerCover float64 `json:"months_without_employer_cover"`
	// MonthsUncovered: no health coverage at all (only when the person
	// would go uncovered rather than buy their own).
	MonthsUncovered float64 `json:"months_uncovered"`
	// PPermanent is the share of paths in a permanent job at the horizon.
	PPermanent float64 `json:"p_permanent"`
	// Reputation is the reputation cost of withdrawals (0–10 each, summed).
	Reputation float64 `json:"reputation"`
	// HealthCost is all health coverage paid (employee shares and one's own).
	HealthCost float64 `json:"health_cost"`
	// OwnHealthCost is the part paid for coverage bought without an employer.
	OwnHealthCost float64 `json:"own_health_cost"`
	// CommuteCost is the commute's money cost.
	CommuteCost float64 `json:"commute_cost"`
	// WithdrawalCost is the money paid for reneging and resigning.
	WithdrawalCost float64 `json:"withdrawal_cost"`
	// OtherIncome is the person's other income received.
	OtherIncome float64 `json:"other_income"`
	// Occupancy is the months worked in each job state (Result.States).
	Occupancy []float64 `json:"occupancy"`
}

// Band is the fan chart at one month: quantiles of month-end savings.
type Band struct {
	Month int     `json:"month"`
	P10   float64 `json:"p10"`
	P50   float64 `json:"p50"`
	P90   float64 `json:"p90"`
}

// Given holds a strategy's means on the paths where a pending offer came
// and on those where it did not.
type Given struct {
	Offer   Means `json:"offer"`
	NoOffer Means `json:"no_offer"`
}

// Outcome is what one policy gives over all paths.
type Outcome struct {
	Mean Means
	// SE holds the standard errors of Mean's fields (Occupancy and Paths
	// are left empty).
	SE Means
	// Savings at the horizon: mean and quantiles (Hyndman and Fan's type 7:
	// linear interpolation between order statistics, "Sample quantiles in
	// statistical packages", The American Statistician 50(4), 1996). The
	// standard error of a quantile q is half the distance between the order
	// statistics n·q ∓ √(n·q(1 − q)), the ±1σ distribution-free confidence
	// interval of a quantile (Conover, Practical Nonparametric Statistics,
	// 3rd ed., 1999, §3.2).
	SavingsP10, SavingsP50, SavingsP90 Stat
	// RunOutMonth is the month (1 is the end of the first month) in which
	// savings most often first fall below zero, 0 when they never do;
	// RunOutShare is the share of the run-out paths that first run out then.
	RunOutMonth int
	RunOutShare float64
	// Fan is the month-by-month P10, P50 and P90 of savings, month 0 first.
	Fan []Band
	// Batches are the means of each chunk of paths (for batch-means
	// standard errors of any function of the means).
	Batches []Means
	// Given[i] conditions on pending opportunity i (Result.Pending).
	Given []Given
	// SavingsAtHorizon and MinSavings are, per path, the savings at the
	// horizon and the lowest month-end savings.
	SavingsAtHorizon []float64
	MinSavings       []float64
}

// State is a job state of the occupancy: an opportunity as offered, the
// same after conversion to permanent, or the job a search finds.
type State struct {
	Opportunity int    `json:"opportunity"` // index in the case; -1 for the job a search finds
	ID          string `json:"id"`
	Converted   bool   `json:"converted"`
}

// Result of a simulation.
type Result struct {
	Paths        int
	Seed         uint64
	Horizon      int
	PayLagMonths float64
	FanPaths     int
	// States of the occupancy vectors.
	States []State
	// Pending are the indexes of the pending opportunities; Given and the
	// bits of Offered follow this order (Given only for the first
	// MaxConditioned).
	Pending []int
	// POffer is the share of paths on which each pending offer came.
	POffer []float64
	// Offered[i] has bit k set when pending offer k came on path i.
	Offered  []uint64
	Outcomes []Outcome
}

// scalar outcomes summed per path (with their squares).
const (
	xSav = iota
	xTake
	xRun
	xNoPay
	xNoCover
	xPerm
	xRep
	xHealth
	xOwn
	xCommute
	xCosts
	xIncome
	nScalar
)

// layout of an accumulator: count, then sum and sum of squares of each
// scalar, then occupancy, then (for the all-paths accumulator) the run-out
// month histogram.
type layout struct{ occ, hist, size, condSize int }

func newLayout(m *model) layout {
	l := layout{occ: 1 + 2*nScalar}
	l.hist = l.occ + m.nStates
	l.condSize = l.hist
	l.size = l.hist + m.horizon
	return l
}

func (l layout) add(acc []float64, o *pathOut, occ []float64) {
	acc[0]++
	x := [nScalar]float64{o.savingsH, o.takeHome, b2f(o.firstRunOut > 0), o.noPay, o.noCover, b2f(o.permanent),
		o.reputation, o.healthCost, o.ownHealth, o.commute, o.costs, o.otherIncome}
	for i, v := range x {
		acc[1+2*i] += v
		acc[2+2*i] += v * v
	}
	a := acc[l.occ : l.occ+len(occ)]
	for i, v := range occ {
		a[i] += v
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Simulate runs every policy on the same paths of case c (a valid case:
// see crossroads.Case.Validate) and returns their outcomes. The paths are
// split into blocks of BlockSize; block b draws its paths' keys from
// rand.NewPCG(s.Seed, b), and each event of a path draws from its key (see
// the package documentation), so every policy meets the same events: common
// random numbers. Workers take blocks in any order; the sums are kept per
// chunk of blocks and added in chunk order, so the result does not depend
// on the number of workers.
func Simulate(c *crossroads.Case, policies []Policy, s Settings) (*Result, error) {
	m, err := compile(c)
	if err != nil {
		return nil, err
	}
	if len(policies) == 0 {
		return nil, crossroads.Errorf(crossroads.Invalid, "no policy to simulate")
	}
	cps := make([]cpolicy, len(policies))
	for i, p := range policies {
		if cps[i], err = m.policy(c, p, i); err != nil {
			return nil, err
		}
	}
	n := s.Paths
	if n == 0 {
		n = crossroads.DefaultPaths
	}
	if n < 1 || n > 10_000_000 {
		return nil, crossroads.Errorf(crossroads.Invalid, "paths: %d is not between 1 and 10,000,000", n)
	}
	detail := !s.MeansOnly
	if detail && n*len(policies) > maxStored {
		return nil, crossroads.Errorf(crossroads.Invalid, "paths: %d paths × %d strategies is more than %d values to keep; use fewer paths", n, len(policies), maxStored)
	}
	P := len(cps)
	nb := (n + BlockSize - 1) / BlockSize
	per := (nb + MaxChunks - 1) / MaxChunks
	nc := (nb + per - 1) / per
	lay := newLayout(m)
	ncond := min(len(m.pending), MaxConditioned)

	res := &Result{Paths: n, Seed: s.Seed, Horizon: m.horizon, PayLagMonths: m.lag, Pending: m.pending}
	for j := range m.jobs {
		res.States = append(res.States, State{Opportunity: j, ID: m.jobs[j].id}, State{Opportunity: j, ID: m.jobs[j].id, Converted: true})
	}
	res.States = append(res.States, State{Opportunity: -1, ID: crossroads.SearchJobID})

	fanN := 0
	if detail {
		fanN = s.FanPaths
		if fanN <= 0 {
			fanN = DefaultFanPaths
		}
		fanN = min(fanN, n, max(1, 20_000_000/(P*m.horizon)))
		res.FanPaths = fanN
	}
	// Per-chunk sums: all paths, and per conditioned pending offer.
	all := make([]float64, nc*P*lay.size)
	cond := make([]float64, nc*P*ncond*lay.condSize)
	var savH, minS [][]float64
	var fan [][]float64 // [policy][month*fanN + path]
	if detail {
		savH, minS, fan = make([][]float64, P), make([][]float64, P), make([][]float64, P)
		for i := range P {
			savH[i], minS[i] = make([]float64, n), make([]float64, n)
			fan[i] = make([]float64, m.horizon*fanN)
		}
		res.Offered = make([]uint64, n)
	}

	workers := s.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, nc)
	var nextChunk atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := &rand.PCG{}
			sc := newScenario(m)
			r := newRunner(m, sc, src)
			var blk rand.PCG
			for {
				ch := int(nextChunk.Add(1) - 1)
				if ch >= nc {
					return
				}
				for b := ch * per; b < min((ch+1)*per, nb); b++ {
					blk.Seed(s.Seed, uint64(b))
					for i := b * BlockSize; i < min((b+1)*BlockSize, n); i++ {
						sc.draw(m, src, blk.Uint64(), uint64(i)+1)
						if detail {
							res.Offered[i] = sc.bits
						}
						for pi := range cps {
							keep := detail && i < fanN
							r.run(&cps[pi], keep)
							acc := all[(ch*P+pi)*lay.size:][:lay.size]
							lay.add(acc, &r.out, r.occ)
							if f := r.out.firstRunOut; f > 0 {
								acc[lay.hist+f-1]++
							}
							for k := range ncond {
								if sc.bits&(1<<k) != 0 {
									lay.add(cond[((ch*P+pi)*ncond+k)*lay.condSize:][:lay.condSize], &r.out, r.occ)
								}
							}
							if detail {
								savH[pi][i], minS[pi][i] = r.out.savingsH, r.out.minSavings
								if keep {
									for mo, v := range r.fan {
										fan[pi][mo*fanN+i] = v
									}
								}
							}
						}
					}
				}
			}
		}()
	}
	wg.Wait()

	// Reduce in chunk order.
	for pi := range P {
		tot := make([]float64, lay.size)
		out := Outcome{}
		for ch := range nc {
			acc := all[(ch*P+pi)*lay.size:][:lay.size]
			for i, v := range acc {
				tot[i] += v
			}
			out.Batches = append(out.Batches, means(lay, acc, m))
		}
		out.Mean = means(lay, tot, m)
		out.SE = ses(lay, tot, m)
		for k := range ncond {
			offer := make([]float64, lay.condSize)
			for ch := range nc {
				for i, v := range cond[((ch*P+pi)*ncond+k)*lay.condSize:][:lay.condSize] {
					offer[i] += v
				}
			}
			none := make([]float64, lay.condSize)
			for i := range none {
				none[i] = tot[i] - offer[i]
			}
			out.Given = append(out.Given, Given{Offer: means(lay, offer, m), NoOffer: means(lay, none, m)})
		}
		if detail {
			runs, best := 0.0, 0
			for mo := range m.horizon {
				h := tot[lay.hist+mo]
				runs += h
				if best == 0 || h > tot[lay.hist+best-1] {
					best = mo + 1
				}
			}
			if runs > 0 {
				out.RunOutMonth, out.RunOutShare = best, tot[lay.hist+best-1]/runs
			}
			out.SavingsAtHorizon, out.MinSavings = savH[pi], minS[pi]
			sorted := slices.Clone(savH[pi])
			slices.Sort(sorted)
			out.SavingsP10, out.SavingsP50, out.SavingsP90 = quantileStat(sorted, 0.1), quantileStat(sorted, 0.5), quantileStat(sorted, 0.9)
			out.Fan = fanChart(fan[pi], fanN, m)
		}
		res.Outcomes = append(res.Outcomes, out)
	}
	if len(m.pending) > 0 {
		res.POffer = make([]float64, len(m.pending))
		if detail {
			for _, bits := range res.Offered {
				for k := range m.pending {
					if bits&(1<<k) != 0 {
						res.POffer[k]++
					}
				}
			}
			for k := range res.POffer {
				res.POffer[k] /= float64(n)
			}
		} else {
			for k := range ncond {
				res.POffer[k] = float64(res.Outcomes[0].Given[k].Offer.Paths) / float64(n)
			}
		}
	}
	return res, nil
}

// means turns an accumulator into means.
func means(l layout, acc []float64, m *model) Means {
	n := acc[0]
	mu := func(i int) float64 {
		if n == 0 {
			return 0
		}
		return acc[1+2*i] / n
	}
	out := Means{Paths: int(n), Savings: mu(xSav), TakeHome: mu(xTake), PRunOut: mu(xRun), MonthsWithoutPay: mu(xNoPay),
		MonthsWithoutEmployerCover: mu(xNoCover), PPermanent: mu(xPerm), Reputation: mu(xRep), HealthCost: mu(xHealth),
		OwnHealthCost: mu(xOwn), CommuteCost: mu(xCommute), WithdrawalCost: mu(xCosts), OtherIncome: mu(xIncome)}
	if m.uncovered {
		out.MonthsUncovered = out.MonthsWithoutEmployerCover
	}
	out.Occupancy = make([]float64, m.nStates)
	for i := range out.Occupancy {
		if n > 0 {
			out.Occupancy[i] = acc[l.occ+i] / n
		}
	}
	return out
}

// ses returns the standard errors of the means: √(s²/n) with the sample
// variance s² = (Σx² − n·x̄²)/(n − 1).
func ses(l layout, acc []float64, m *model) Means {
	n := acc[0]
	se := func(i int) float64 {
		if n < 2 {
			return 0
		}
		mean := acc[1+2*i] / n
		v := (acc[2+2*i] - n*mean*mean) / (n - 1)
		return math.Sqrt(math.Max(0, v) / n)
	}
	out := Means{Savings: se(xSav), TakeHome: se(xTake), PRunOut: se(xRun), MonthsWithoutPay: se(xNoPay),
		MonthsWithoutEmployerCover: se(xNoCover), PPermanent: se(xPerm), Reputation: se(xRep), HealthCost: se(xHealth),
		OwnHealthCost: se(xOwn), CommuteCost: se(xCommute), WithdrawalCost: se(xCosts), OtherIncome: se(xIncome)}
	if m.uncovered {
		out.MonthsUncovered = out.MonthsWithoutEmployerCover
	}
	return out
}

// Quantile returns the q-quantile of sorted data by linear interpolation
// between order statistics (Hyndman and Fan type 7): with h = (n − 1)q,
// x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
func Quantile(sorted []float64, q float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * q
	i := int(h)
	if i >= n-1 {
		return sorted[n-1]
	}
	return sorted[i] + (h-float64(i))*(sorted[i+1]-sorted[i])
}

// quantileStat returns the q-quantile and its standard error: half the
// distance between the order statistics at n·q ∓ √(n·q(1 − q)).
func quantileStat(sorted []float64, q float64) Stat {
	n := len(sorted)
	st := Stat{Value: Quantile(sorted, q)}
	if n < 2 {
		return st
	}
	d := math.Sqrt(float64(n) * q * (1 - q))
	lo := max(0, int(math.Floor(float64(n)*q-d))-1)
	hi := min(n-1, int(math.Ceil(float64(n)*q+d))-1)
	st.SE = (sorted[hi] - sorted[lo]) / 2
	return st
}

// fanChart returns the month-by-month quantiles of savings. Each month's
// values are partly ordered by selection (Hoare's FIND), not sorted.
func fanChart(fan []float64, fanN int, m *model) []Band {
	bands := []Band{{Month: 0, P10: m.savings, P50: m.savings, P90: m.savings}}
	buf := make([]float64, fanN)
	for mo := range m.horizon {
		copy(buf, fan[mo*fanN:(mo+1)*fanN])
		bands = append(bands, Band{Month: mo + 1, P10: selectQuantile(buf, 0.1), P50: selectQuantile(buf, 0.5), P90: selectQuantile(buf, 0.9)})
	}
	return bands
}

// selectQuantile returns Quantile(sort(x), q), reordering x.
func selectQuantile(x []float64, q float64) float64 {
	n := len(x)
	h := float64(n-1) * q
	i := int(h)
	lo := selectK(x, i)
	if i >= n-1 {
		return lo
	}
	hi := x[i+1]
	for _, v := range x[i+1:] {
		if v < hi {
			hi = v
		}
	}
	return lo + (h-float64(i))*(hi-lo)
}

// selectK reorders x so that x[k] is the k-th smallest value, every value
// before it no larger and every value after it no smaller, and returns
// x[k]. Median-of-three pivots keep it deterministic.
func selectK(x []float64, k int) float64 {
	lo, hi := 0, len(x)-1
	for hi > lo {
		mid := lo + (hi-lo)/2
		if x[mid] < x[lo] {
			x[mid], x[lo] = x[lo], x[mid]
		}
		if x[hi] < x[lo] {
			x[hi], x[lo] = x[lo], x[hi]
		}
		if x[hi] < x[mid] {
			x[hi], x[mid] = x[mid], x[hi]
		}
		pivot := x[mid]
		i, j := lo, hi
		for i <= j {
			for x[i] < pivot {
				i++
			}
			for x[j] > pivot {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return x[k]
		}
	}
	return x[k]
}
