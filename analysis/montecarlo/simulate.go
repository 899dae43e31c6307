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

// MaxClasses bounds the number of classes of paths whose sums are kept
// apart: the combinations of the levels of the factors (see Factor).
const MaxClasses = 32

// DefaultFanPaths is the default number of paths (the first ones) from
// which the month-by-month quantiles of the fan chart are taken: enough for
// a chart (a band's standard error is then a small fraction of its width),
// and a fifth of the memory and time of the default 10,000. The last month
// of the fan always shows the quantiles of all paths.
const DefaultFanPaths = 2000

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
	// FanPaths is the number of paths (the first ones) the fan chart's
	// months before the horizon are taken from; 0 means DefaultFanPaths,
	// lowered when needed so that paths × months × strategies stays at most
	// 20 million.
	FanPaths int
	// Utility, when not nil, is applied to each path's savings at the
	// horizon; Means.Utility is its average over paths (expected utility:
	// each future is valued first, then the values are averaged).
	Utility func(savings float64) float64
	// Trajectories keeps every path's month-end savings in
	// Outcome.Trajectories (not with MeansOnly).
	Trajectories bool
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
	// TakeHome is the take-home pay received within the horizon (signing
	// bonuses included).
	TakeHome float64 `json:"take_home"`
	// PRunOut is the share of paths on which savings fall below zero at the
	// end of some month.
	PRunOut float64 `json:"p_run_out"`
	// Shortfall is how deep savings go below zero at the worst month end
	// (0 on a path where they never do); MonthsShort the month ends with
	// savings below zero; ShortArea the sum over month ends of the amount
	// below zero (money × months: depth and length in one number).
	Shortfall   float64 `json:"shortfall"`
	MonthsShort float64 `json:"months_short"`
	ShortArea   float64 `json:"short_area"`
	// Utility is the mean of Settings.Utility over the paths' savings at
	// the horizon (0 without a utility).
	Utility float64 `json:"utility"`
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
	// Reputation is the reputation cost of withdrawals and quits (0–10
	// each, summed).
	Reputation float64 `json:"reputation"`
	// Withdrawals is the number of accepted offers withdrawn from before
	// their start; Quits the number of jobs left by resigning after the
	// start (a current job left for a new one is neither).
	Withdrawals float64 `json:"withdrawals"`
	Quits       float64 `json:"quits"`
	// HealthCost is all health coverage paid (employee shares and one's own).
	HealthCost float64 `json:"health_cost"`
	// OwnHealthCost is the part paid for coverage bought without an employer.
	OwnHealthCost float64 `json:"own_health_cost"`
	// CommuteCost is the commute's money cost.
	CommuteCost float64 `json:"commute_cost"`
	// WithdrawalCost is the money paid for reneging and resigning.
	WithdrawalCost float64 `json:"withdrawal_cost"`
	// StartCosts is the one-off money spent on starting jobs (costs.one_off).
	StartCosts float64 `json:"start_costs"`
	// UnemploymentIncome is the unemployment benefit received after
	// involuntary ends of jobs.
	UnemploymentIncome float64 `json:"unemployment_income"`
	// OtherIncome is the person's other income received.
	OtherIncome float64 `json:"other_income"`
	// Occupancy is the months worked in each job state (Result.States).
	Occupancy []float64 `json:"occupancy"`
	// FutureOccupancy is the part of them that counts for the future: the
	// months in a job left by resigning within crossroads.QuitFadeMonths of
	// its start count in proportion to the time stayed.
	FutureOccupancy []float64 `json:"future_occupancy"`
}

// Band is the fan chart at one month: quantiles of month-end savings.
type Band struct {
	Month int     `json:"month"`
	P10   float64 `json:"p10"`
	P50   float64 `json:"p50"`
	P90   float64 `json:"p90"`
}

// Factor kinds.
const (
	// FactorOffer: a pending opportunity's offer; level 0 no offer, 1 offer.
	FactorOffer = "offer"
	// FactorConversion: a contract's fate at its end; level 0 converted at
	// the end of the term, 1 extended and then converted, 2 extended and
	// not converted, 3 neither converted nor extended.
	FactorConversion = "conversion"
)

// Factor is a random event of every path (it has its own random numbers,
// independent of everything else) whose outcomes are also averaged per
// level. Any mean outcome under other probabilities of the event is then
// the mixture Σ π_ℓ · (mean at level ℓ): conditional Monte Carlo on all
// the paths, without re-running them.
type Factor struct {
	Kind        string `json:"kind"`
	Opportunity int    `json:"opportunity"`
	ID          string `json:"id"`
	Levels      int    `json:"levels"`
	// Shares of the paths at each level.
	Shares []float64 `json:"shares"`
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
	// ShortfallP90 is the 90th percentile of the shortfall (how deep
	// savings go below zero; 0 on paths where they never do), as above.
	ShortfallP90 Stat
	// RunOutMonth is the month (1 is the end of the first month) in which
	// savings most often first fall below zero, 0 when they never do;
	// RunOutShare is the share of the run-out paths that first run out then.
	RunOutMonth int
	RunOutShare float64
	// Fan is the month-by-month P10, P50 and P90 of savings, month 0
	// first: the first FanPaths paths before the horizon, all paths at it.
	Fan []Band
	// Batches are the means of each chunk of paths (for batch-means
	// standard errors of any function of the means).
	Batches []Means
	// Levels[f][l] are the means over the paths at level l of factor f
	// (Result.Factors).
	Levels [][]Means
	// SavingsAtHorizon and MinSavings are, per path, the savings at the
	// horizon and the lowest month-end savings.
	SavingsAtHorizon []float64
	MinSavings       []float64
	// Trajectories holds, with Settings.Trajectories, the month-end savings
	// of every path: path i's month k (1-based) at i·horizon + k − 1.
	Trajectories []float64
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
	// Pending are the indexes of the pending opportunities; the bits of
	// Offered and POffer follow this order.
	Pending []int
	// Factors whose levels are averaged apart (Outcome.Levels): the offers
	// of the pending opportunities, then the fates of the contracts, as
	// many as MaxClasses allows.
	Factors []Factor
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
	xShort
	xMonthsShort
	xArea
	xUtil
	xWithdraw
	xQuit
	xStart
	xUI
	nScalar
)

// layout of an accumulator: count, then sum and sum of squares of each
// scalar, then occupancy, then (for the all-paths accumulator) the run-out
// month histogram.
type layout struct{ occ, size int }

func newLayout(m *model) layout {
	l := layout{occ: 1 + 2*nScalar}
	l.size = l.occ + 2*m.nStates
	return l
}

func (l layout) add(acc []float64, o *pathOut, occ []float64) {
	_ = acc[2*nScalar]
	acc[0]++
	acc[1+2*xSav] += o.savingsH
	acc[2+2*xSav] += o.savingsH * o.savingsH
	acc[1+2*xTake] += o.takeHome
	acc[2+2*xTake] += o.takeHome * o.takeHome
	if o.firstRunOut > 0 {
		acc[1+2*xRun]++
		acc[2+2*xRun]++
	}
	acc[1+2*xNoPay] += o.noPay
	acc[2+2*xNoPay] += o.noPay * o.noPay
	acc[1+2*xNoCover] += o.noCover
	acc[2+2*xNoCover] += o.noCover * o.noCover
	if o.permanent {
		acc[1+2*xPerm]++
		acc[2+2*xPerm]++
	}
	if o.reputation != 0 {
		acc[1+2*xRep] += o.reputation
		acc[2+2*xRep] += o.reputation * o.reputation
	}
	acc[1+2*xHealth] += o.healthCost
	acc[2+2*xHealth] += o.healthCost * o.healthCost
	acc[1+2*xOwn] += o.ownHealth
	acc[2+2*xOwn] += o.ownHealth * o.ownHealth
	acc[1+2*xCommute] += o.commute
	acc[2+2*xCommute] += o.commute * o.commute
	if o.costs != 0 {
		acc[1+2*xCosts] += o.costs
		acc[2+2*xCosts] += o.costs * o.costs
	}
	if o.otherIncome != 0 {
		acc[1+2*xIncome] += o.otherIncome
		acc[2+2*xIncome] += o.otherIncome * o.otherIncome
	}
	if o.minSavings < 0 {
		d, ms := -o.minSavings, float64(o.monthsShort)
		acc[1+2*xShort] += d
		acc[2+2*xShort] += d * d
		acc[1+2*xMonthsShort] += ms
		acc[2+2*xMonthsShort] += ms * ms
		acc[1+2*xArea] += o.shortArea
		acc[2+2*xArea] += o.shortArea * o.shortArea
	}
	acc[1+2*xUtil] += o.utility
	acc[2+2*xUtil] += o.utility * o.utility
	if o.withdrawals != 0 {
		w := float64(o.withdrawals)
		acc[1+2*xWithdraw] += w
		acc[2+2*xWithdraw] += w * w
	}
	if o.uiIncome != 0 {
		acc[1+2*xUI] += o.uiIncome
		acc[2+2*xUI] += o.uiIncome * o.uiIncome
	}
	if o.startCosts != 0 {
		acc[1+2*xStart] += o.startCosts
		acc[2+2*xStart] += o.startCosts * o.startCosts
	}
	if o.quits != 0 {
		q := float64(o.quits)
		acc[1+2*xQuit] += q
		acc[2+2*xQuit] += q * q
	}
	a := acc[l.occ : l.occ+len(occ)]
	for i, v := range occ {
		a[i] += v
	}
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
	m.utility = s.Utility
	if len(policies) == 0 {
		return nil, crossroads.Errorf(crossroads.Invalid, "no policy to simulate")
	}
	cps := make([]cpolicy, len(policies))
	for i, p := range policies {
		if cps[i], err = m.policy(c, p, i); err != nil {
			return nil, err
		}
	}
	m.sameAs(cps)
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

	res := &Result{Paths: n, Seed: s.Seed, Horizon: m.horizon, PayLagMonths: m.lag, Pending: m.pending}
	for j := range m.jobs {
		res.States = append(res.States, State{Opportunity: j, ID: m.jobs[j].id}, State{Opportunity: j, ID: m.jobs[j].id, Converted: true})
	}
	res.States = append(res.States, State{Opportunity: -1, ID: crossroads.SearchJobID})
	nclass := 1
	for _, j := range m.pending {
		if nclass*2 <= MaxClasses {
			res.Factors = append(res.Factors, Factor{Kind: FactorOffer, Opportunity: j, ID: m.jobs[j].id, Levels: 2})
			nclass *= 2
		}
	}
	for j := range m.jobs {
		if m.jobs[j].fixedTerm && nclass*4 <= MaxClasses {
			res.Factors = append(res.Factors, Factor{Kind: FactorConversion, Opportunity: j, ID: m.jobs[j].id, Levels: 4})
			nclass *= 4
		}
	}
	factors := res.Factors
	classOf := func(sc *scenario) int {
		cl, mult := 0, 1
		for _, f := range factors {
			j, lv := f.Opportunity, 0
			if f.Kind == FactorOffer {
				if sc.offered[j] {
					lv = 1
				}
			} else {
				switch {
				case sc.conv1[j]:
				case sc.ext[j] && sc.conv2[j]:
					lv = 1
				case sc.ext[j]:
					lv = 2
				default:
					lv = 3
				}
			}
			cl += lv * mult
			mult *= f.Levels
		}
		return cl
	}

	fanN := 0
	if detail {
		fanN = s.FanPaths
		if fanN <= 0 {
			fanN = DefaultFanPaths
		}
		fanN = min(fanN, n, max(1, 20_000_000/(P*m.horizon)))
		res.FanPaths = fanN
	}
	// Per-chunk sums, per class; and the run-out month histogram per chunk.
	all := make([]float64, nc*P*nclass*lay.size)
	hist := make([]float64, nc*P*m.horizon)
	var savH, minS [][]float64
	var fan [][]float64  // [policy][path*horizon + month]
	var traj [][]float64 // the same for every path, with s.Trajectories
	if detail {
		savH, minS, fan = make([][]float64, P), make([][]float64, P), make([][]float64, P)
		for i := range P {
			savH[i], minS[i] = make([]float64, n), make([]float64, n)
			fan[i] = make([]float64, m.horizon*fanN)
		}
		res.Offered = make([]uint64, n)
		if s.Trajectories {
			traj = make([][]float64, P)
			for i := range P {
				traj[i] = make([]float64, m.horizon*n)
			}
		}
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
			outs := make([]pathOut, P)
			occs := make([][]float64, P)
			for pi := range occs {
				occs[pi] = make([]float64, 2*m.nStates)
			}
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
						cl := classOf(sc)
						for pi := range cps {
							keep := detail && i < fanN
							if keep {
								r.fan = fan[pi][i*m.horizon : (i+1)*m.horizon]
							}
							if traj != nil {
								r.traj = traj[pi][i*m.horizon : (i+1)*m.horizon]
							}
							if e := cps[pi].same; e >= 0 && sc.bits&cps[pi].mask == 0 {
								// None of its pending offers came: the policy
								// does what policy e did on this path.
								r.out = outs[e]
								copy(r.occ, occs[e])
								if keep {
									copy(r.fan, fan[e][i*m.horizon:(i+1)*m.horizon])
								}
								if traj != nil {
									copy(r.traj, traj[e][i*m.horizon:(i+1)*m.horizon])
								}
							} else {
								r.run(&cps[pi], keep)
							}
							outs[pi] = r.out
							copy(occs[pi], r.occ)
							lay.add(all[((ch*P+pi)*nclass+cl)*lay.size:][:lay.size], &r.out, r.occ)
							if f := r.out.firstRunOut; f > 0 {
								hist[(ch*P+pi)*m.horizon+f-1]++
							}
							if detail {
								savH[pi][i], minS[pi][i] = r.out.savingsH, r.out.minSavings
							}
						}
					}
				}
			}
		}()
	}
	wg.Wait()

	// Reduce in chunk order, then class order; policies in parallel.
	res.Outcomes = make([]Outcome, P)
	var nextPolicy atomic.Int64
	for range min(workers, P) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				pi := int(nextPolicy.Add(1) - 1)
				if pi >= P {
					return
				}
				res.Outcomes[pi] = reduce(pi, P, nc, nclass, lay, m, all, hist, factors, detail, savH, minS, fan, fanN)
				if traj != nil {
					res.Outcomes[pi].Trajectories = traj[pi]
				}
			}
		}()
	}
	wg.Wait()
	finish(res, m, n, detail)
	return res, nil
}

// reduce sums policy pi's accumulators in chunk order, then class order,
// and works out its statistics.
func reduce(pi, P, nc, nclass int, lay layout, m *model, all, hist []float64, factors []Factor, detail bool,
	savH, minS, fan [][]float64, fanN int) Outcome {
	tot := make([]float64, lay.size)
	classes := make([]float64, nclass*lay.size)
	chunk := make([]float64, lay.size)
	out := Outcome{}
	for ch := range nc {
		clear(chunk)
		for cl := range nclass {
			acc := all[((ch*P+pi)*nclass+cl)*lay.size:][:lay.size]
			ca := classes[cl*lay.size:][:lay.size]
			for i, v := range acc {
				chunk[i] += v
				ca[i] += v
			}
		}
		for i, v := range chunk {
			tot[i] += v
		}
		out.Batches = append(out.Batches, means(lay, chunk, m))
	}
	out.Mean = means(lay, tot, m)
	out.SE = ses(lay, tot, m)
	for fi, f := range factors {
		lv := make([][]float64, f.Levels)
		for l := range lv {
			lv[l] = make([]float64, lay.size)
		}
		stride := 1
		for _, g := range factors[:fi] {
			stride *= g.Levels
		}
		for cl := range nclass {
			dst := lv[(cl/stride)%f.Levels]
			for i, v := range classes[cl*lay.size:][:lay.size] {
				dst[i] += v
			}
		}
		ms := make([]Means, f.Levels)
		for l := range lv {
			ms[l] = means(lay, lv[l], m)
		}
		out.Levels = append(out.Levels, ms)
	}
	if detail {
		h := make([]float64, m.horizon)
		for ch := range nc {
			for mo, v := range hist[(ch*P+pi)*m.horizon:][:m.horizon] {
				h[mo] += v
			}
		}
		runs, best := 0.0, 0
		for mo, v := range h {
			runs += v
			if best == 0 || v > h[best-1] {
				best = mo + 1
			}
		}
		if runs > 0 {
			out.RunOutMonth, out.RunOutShare = best, h[best-1]/runs
		}
		out.SavingsAtHorizon, out.MinSavings = savH[pi], minS[pi]
		sorted := slices.Clone(savH[pi])
		slices.Sort(sorted)
		out.SavingsP10, out.SavingsP50, out.SavingsP90 = quantileStat(sorted, 0.1), quantileStat(sorted, 0.5), quantileStat(sorted, 0.9)
		short := make([]float64, len(minS[pi]))
		for i, v := range minS[pi] {
			short[i] = max(0, -v)
		}
		slices.Sort(short)
		out.ShortfallP90 = quantileStat(short, 0.9)
		out.Fan = fanChart(fan[pi], fanN, m)
		last := &out.Fan[len(out.Fan)-1]
		last.P10, last.P50, last.P90 = out.SavingsP10.Value, out.SavingsP50.Value, out.SavingsP90.Value
	}
	return out
}

func finish(res *Result, m *model, n int, detail bool) {
	for fi := range res.Factors {
		f := &res.Factors[fi]
		f.Shares = make([]float64, f.Levels)
		for l, ms := range res.Outcomes[0].Levels[fi] {
			f.Shares[l] = float64(ms.Paths) / float64(n)
		}
	}
	res.POffer = make([]float64, len(m.pending))
	for k, j := range m.pending {
		if detail {
			for _, bits := range res.Offered {
				if bits&(1<<k) != 0 {
					res.POffer[k]++
				}
			}
			res.POffer[k] /= float64(n)
			continue
		}
		for _, f := range res.Factors {
			if f.Kind == FactorOffer && f.Opportunity == j {
				res.POffer[k] = f.Shares[1]
			}
		}
	}
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
		OwnHealthCost: mu(xOwn), CommuteCost: mu(xCommute), WithdrawalCost: mu(xCosts), OtherIncome: mu(xIncome),
		Shortfall: mu(xShort), MonthsShort: mu(xMonthsShort), ShortArea: mu(xArea), Utility: mu(xUtil),
		Withdrawals: mu(xWithdraw), Quits: mu(xQuit), StartCosts: mu(xStart), UnemploymentIncome: mu(xUI)}
	if m.uncovered {
		out.MonthsUncovered = out.MonthsWithoutEmployerCover
	}
	out.Occupancy = make([]float64, m.nStates)
	out.FutureOccupancy = make([]float64, m.nStates)
	for i := range out.Occupancy {
		if n > 0 {
			out.Occupancy[i] = acc[l.occ+i] / n
			out.FutureOccupancy[i] = acc[l.occ+m.nStates+i] / n
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
		OwnHealthCost: se(xOwn), CommuteCost: se(xCommute), WithdrawalCost: se(xCosts), OtherIncome: se(xIncome),
		Shortfall: se(xShort), MonthsShort: se(xMonthsShort), ShortArea: se(xArea), Utility: se(xUtil),
		Withdrawals: se(xWithdraw), Quits: se(xQuit), StartCosts: se(xStart), UnemploymentIncome: se(xUI)}
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

// fanChart returns the month-by-month quantiles of savings (Hyndman and
// Fan type 7, as Quantile). Each month's values are spread over buckets
// between their minimum and maximum; only the buckets holding the order
// statistics needed are then ordered, by selection (Hoare's FIND).
func fanChart(fan []float64, fanN int, m *model) []Band {
	bands := []Band{{Month: 0, P10: m.savings, P50: m.savings, P90: m.savings}}
	qs := [3]float64{0.1, 0.5, 0.9}
	var ranks []int // the order statistics needed, ascending
	for _, q := range qs {
		h := float64(fanN-1) * q
		i := int(h)
		ranks = append(ranks, i, min(i+1, fanN-1))
	}
	const nb = 1024
	var count [nb + 1]int
	var slot [nb + 1]int8 // 1 + index in bufs of a bucket that is needed, else 0
	bufs := make([][]float64, len(ranks))
	stat := make(map[int]float64, len(ranks))
	x := make([]float64, fanN)
	for mo := range m.horizon {
		lo, hi := fan[mo], fan[mo]
		for i := range x {
			v := fan[i*m.horizon+mo]
			x[i] = v
			if v < lo {
				lo = v
			}
			if v > hi {
				hi = v
			}
		}
		clear(stat)
		if hi == lo {
			for _, r := range ranks {
				stat[r] = lo
			}
		} else {
			scale := nb / (hi - lo)
			clear(count[:])
			for _, v := range x {
				count[int((v-lo)*scale)]++
			}
			// The bucket of each rank, and the count of values before it.
			clear(slot[:])
			var below, bucketOf [6]int
			used := 0
			for k, r := range ranks {
				c := 0
				for b := range count {
					if c+count[b] > r {
						if slot[b] == 0 {
							used++
							slot[b] = int8(used)
							bufs[used-1] = bufs[used-1][:0]
						}
						below[k], bucketOf[k] = c, b
						break
					}
					c += count[b]
				}
			}
			// A bucket whose values are all equal (many paths often end a
			// month with the very same savings) needs no selection.
			var bmin, bmax [6]float64
			for k := range used {
				bmin[k], bmax[k] = math.Inf(1), math.Inf(-1)
			}
			for _, v := range x {
				if sl := slot[int((v-lo)*scale)]; sl != 0 {
					if v < bmin[sl-1] {
						bmin[sl-1] = v
					}
					if v > bmax[sl-1] {
						bmax[sl-1] = v
					}
				}
			}
			spread := false
			for k := range used {
				if bmin[k] != bmax[k] {
					spread = true
				}
			}
			if spread {
				for _, v := range x {
					if sl := slot[int((v-lo)*scale)]; sl != 0 && bmin[sl-1] != bmax[sl-1] {
						bufs[sl-1] = append(bufs[sl-1], v)
					}
				}
			}
			for k, r := range ranks {
				sl := slot[bucketOf[k]] - 1
				if bmin[sl] == bmax[sl] {
					stat[r] = bmin[sl]
					continue
				}
				stat[r] = selectK(bufs[sl], r-below[k])
			}
		}
		var v [3]float64
		for k, q := range qs {
			h := float64(fanN-1) * q
			i := int(h)
			v[k] = stat[i] + (h-float64(i))*(stat[min(i+1, fanN-1)]-stat[i])
		}
		bands = append(bands, Band{Month: mo + 1, P10: v[0], P50: v[1], P90: v[2]})
	}
	return bands
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
