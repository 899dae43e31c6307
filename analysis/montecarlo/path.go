package montecarlo

import (
	"math"
	"math/rand/v2"

	"github.com/crossroads/crossroads"
)

// scenario holds the random draws of one path that every strategy shares:
// the common random numbers. Opportunity draws are made when the path
// begins; search draws are made the first time a strategy starts its k-th
// search and then kept for the others.
type scenario struct {
	key      uint64
	offered  []bool    // per opportunity: the pending offer comes
	gross    []float64 // per opportunity and conv: monthly gross pay
	raise    []float64 // per opportunity: yearly raise
	conv1    []bool    // converted at the end of the contract
	conv2    []bool    // converted at the end of the extension
	ext      []bool    // extended
	layoff   []float64 // months in the permanent job until it is lost, drawn when first needed
	layoffAt []uint64  // stamp of the path layoff[j] was drawn for
	failAt   []float64 // per opportunity: when its employer fails; +Inf if it does not
	bits     uint64    // bit i: the offer of pending opportunity i came

	searchN      int       // searches drawn so far
	searchLen    []float64 // per search: months until the job starts
	searchGross  []float64 // per search: that job's monthly gross pay
	searchRaise  []float64
	searchLayoff []float64

	thStamp []uint64 // take-home cache, valid when equal to stamp
	th      []float64
	stamp   uint64
}

func newScenario(m *model) *scenario {
	n := len(m.jobs)
	return &scenario{
		offered: make([]bool, n), gross: make([]float64, 2*n), raise: make([]float64, n),
		conv1: make([]bool, n), conv2: make([]bool, n), ext: make([]bool, n), layoff: make([]float64, n), layoffAt: make([]uint64, n),
		failAt:    make([]float64, n),
		searchLen: make([]float64, 0, 8), searchGross: make([]float64, 0, 8),
		searchRaise: make([]float64, 0, 8), searchLayoff: make([]float64, 0, 8),
		thStamp: make([]uint64, 2*n*maxYears), th: make([]float64, 2*n*maxYears),
	}
}

// layoffMonths returns the months a permanent job lasts under the monthly
// hazard h: the job is lost at the end of month k with probability
// (1 − h)^(k−1)·h, so k = ⌊ln u / ln(1 − h)⌋ + 1 for a uniform u. inv is
// 1 / ln(1 − h), computed once per job.
func layoffMonths(h, inv, u float64) float64 {
	switch {
	case h <= 0:
		return math.Inf(1)
	case h >= 1:
		return 1
	}
	return math.Floor(math.Log(u)*inv) + 1
}

// draw makes the opportunity draws of the path with the given key.
func (sc *scenario) draw(m *model, src *rand.PCG, key uint64, stamp uint64) {
	sc.key, sc.stamp, sc.bits, sc.searchN = key, stamp, 0, 0
	sc.searchLen, sc.searchGross = sc.searchLen[:0], sc.searchGross[:0]
	sc.searchRaise, sc.searchLayoff = sc.searchRaise[:0], sc.searchLayoff[:0]
	pi := 0
	for j := range m.jobs {
		s := &m.jobs[j]
		sc.gross[2*j] = s.gross[0].sample(src, key, oppEvent(j, evPay))
		sc.gross[2*j+1] = s.gross[1].sample(src, key, oppEvent(j, evConvPay))
		sc.raise[j] = s.raise.sample(src, key, oppEvent(j, evRaise))
		if s.pending {
			q := s.offerProb.sample(src, key, oppEvent(j, evOfferProb))
			sc.offered[j] = uniform(key, oppEvent(j, evOffer)) < q
			if sc.offered[j] {
				sc.bits |= 1 << pi
			}
			pi++
		}
		sc.failAt[j] = math.Inf(1)
		if s.failP > 0 && uniform(key, oppEvent(j, evFail)) < s.failP {
			sc.failAt[j] = s.failN * uniform(key, oppEvent(j, evFailAt))
		}
		if s.fixedTerm {
			c := s.convProb.sample(src, key, oppEvent(j, evConvProb))
			e := s.extProb.sample(src, key, oppEvent(j, evExtProb))
			sc.conv1[j] = uniform(key, oppEvent(j, evConv1)) < c
			sc.conv2[j] = uniform(key, oppEvent(j, evConv2)) < c
			sc.ext[j] = uniform(key, oppEvent(j, evExt)) < e
		}
	}
}

// searchDraw makes sure the draws of search k exist.
func (sc *scenario) searchDraw(m *model, src *rand.PCG, k int) {
	for sc.searchN <= k {
		i := sc.searchN
		sc.searchLen = append(sc.searchLen, max(0, m.searchLen.sample(src, sc.key, searchEvent(i, evSearchMonths))))
		sc.searchGross = append(sc.searchGross, m.search.gross[0].sample(src, sc.key, searchEvent(i, evSearchPay)))
		sc.searchRaise = append(sc.searchRaise, m.search.raise.sample(src, sc.key, searchEvent(i, evSearchRaise)))
		sc.searchLayoff = append(sc.searchLayoff, layoffMonths(m.search.hazard, m.search.invLog, uniform(sc.key, searchEvent(i, evSearchLayoff))))
		sc.searchN++
	}
}

// Phases of a job.
const (
	phTerm = iota // the fixed term of a contract
	phExt         // its extension
	phPerm        // a permanent job, from its start
	phConv        // permanent after conversion
)

// job is the job the person holds (or will hold) on one path.
type job struct {
	spec      *jobSpec
	terms     *terms
	ok        bool
	ref       int // opportunity index, or -1 for a job found by search k
	k         int
	phase     int
	start     float64 // first day at this employer
	segFrom   float64 // start of the current phase (or of the path, for jobs already held)
	phaseFrom float64 // when the current phase began (for waits)
	natEnd    float64 // natural end of the phase
	leaveAt   float64 // the day the person leaves (resigning); +Inf if not
	leaveCost float64
	leaveRep  float64
	leaveQuit bool       // the leave is a resignation (not leaving a current job)
	worked    [2]float64 // months worked within the horizon, as offered and converted
	permanent bool
	// for a lined-up job that the person will leave again (resign after the
	// start): the planned leave, applied when it starts
	planLeave, planCost, planRep float64
}

// pathOut is what one strategy gives on one path.
type pathOut struct {
	savingsH    float64
	minSavings  float64
	firstRunOut int     // month (1-based) savings first fall below zero; 0 never
	monthsShort int     // month ends with savings below zero
	shortArea   float64 // Σ over month ends of the amount below zero
	utility     float64 // the money utility of savingsH
	takeHome    float64
	noPay       float64
	noCover     float64
	permanent   bool
	reputation  float64
	withdrawals int // accepted offers withdrawn from before the start
	quits       int // jobs resigned from after the start
	healthCost  float64
	ownHealth   float64
	commute     float64
	costs       float64 // of withdrawing and resigning
	startCosts  float64 // one-off costs of starting jobs
	otherIncome float64
	uiIncome    float64 // unemployment benefit received
}

// runner simulates one strategy on one path at a time. It is owned by one
// worker; its buffers are reused, so a path allocates nothing.
type runner struct {
	m    *model
	sc   *scenario
	src  *rand.PCG
	flow []float64 // money in (+) or out (−) in each month
	diff []float64 // difference array of whole-month rates (len horizon+1)
	occ  []float64 // months worked in each job state, then the months of them that count for the future
	fan  []float64 // month-end savings of the path (len horizon), when kept
	traj []float64 // month-end savings of the path, when every path's are kept
	out  pathOut

	payLen, covLen float64
	ownLen         float64 // months worked without an employer plan
	// The unemployment benefit being paid: from uiFrom to uiTo (+Inf when
	// none), at uiRate a month, with own cover at uiOwn.
	uiFrom, uiTo, uiRate, uiOwn float64
}

func newRunner(m *model, sc *scenario, src *rand.PCG) *runner {
	return &runner{m: m, sc: sc, src: src, flow: make([]float64, m.horizon), diff: make([]float64, m.horizon+1), occ: make([]float64, 2*m.nStates), fan: make([]float64, m.horizon)}
}

// raster books rate × (the part of [a, b) inside month k) for each month k
// and returns the length of [a, b) inside the horizon. The months [a, b)
// covers whole go into the difference array d (rate from month ⌈a⌉, −rate
// from month ⌊b⌋), the partial months at either end into flow, so that an
// interval costs the same whatever its length; the savings loop adds d up.
func (r *runner) raster(a, b, rate float64) float64 {
	if a < 0 {
		a = 0
	}
	if b > r.m.h {
		b = r.m.h
	}
	if !(b > a) {
		return 0
	}
	if rate != 0 {
		ia, ib := int(a), int(b)
		if ia == ib {
			r.flow[ia] += rate * (b - a)
		} else {
			r.flow[ia] += rate * (float64(ia+1) - a)
			r.diff[ia+1] += rate
			r.diff[ib] -= rate
			if fb := float64(ib); b > fb {
				r.flow[ib] += rate * (b - fb)
			}
		}
	}
	return b - a
}

func (r *runner) spec(j *job) *jobSpec { return j.spec }

// setTerms points j.terms at the terms of j's phase.
func setTerms(j *job) {
	switch j.phase {
	case phExt:
		j.terms = &j.spec.ext
	case phConv:
		j.terms = &j.spec.converted
	default:
		j.terms = &j.spec.base
	}
}

// takeHome returns the monthly take-home pay of job j in phase terms t in
// raise year y.
func (r *runner) takeHome(j *job, conv, y int) float64 {
	s := r.spec(j)
	if s.fixedPay {
		return s.th[conv][y]
	}
	var g, raise float64
	if j.ref < 0 {
		g, raise = r.sc.searchGross[j.k], r.sc.searchRaise[j.k]
	} else {
		idx := (2*j.ref+conv)*maxYears + y
		if r.sc.thStamp[idx] == r.sc.stamp {
			return r.sc.th[idx]
		}
		g, raise = r.sc.gross[2*j.ref+conv], r.sc.raise[j.ref]
		for range y {
			g *= 1 + raise
		}
		v := r.m.takeHome(g)
		r.sc.th[idx], r.sc.thStamp[idx] = v, r.sc.stamp
		return v
	}
	for range y {
		g *= 1 + raise
	}
	return r.m.takeHome(g)
}

// closePhase books job j's current phase from j.segFrom to `to`: the work
// (occupancy and commute), the employer's health plan and the pay, which
// arrives lag months after it is earned.
func (r *runner) closePhase(j *job, to float64) {
	from := j.segFrom
	if !(to > from) {
		return
	}
	s, t := j.spec, j.terms
	state := 2 * len(r.m.jobs)
	if j.ref >= 0 {
		state = 2*j.ref + t.conv
	}
	// Employer coverage begins wait months after the start of the job (or
	// of the extension or conversion that brings it).
	hs := to
	if t.health {
		waitFrom := j.phaseFrom
		if j.phase == phTerm || j.phase == phPerm {
			waitFrom = j.start
		}
		hs = from
		if w := waitFrom + t.wait; w > hs {
			hs = w
		}
	}
	// The savings loop charges the own cover of a month without a job; a
	// month worked costs the employer plan's share instead, or the own
	// cover at the job's income.
	var worked, covered float64
	own := s.ownCover[t.conv]
	if hs == from {
		// covered from the start of the phase: one interval
		worked = r.raster(from, to, r.m.ownHealth-t.hcost-s.commute)
		covered = worked
	} else {
		worked = r.raster(from, to, r.m.ownHealth-own-s.commute)
		covered = r.raster(hs, to, own-t.hcost)
		r.out.ownHealth += own * (worked - covered)
		r.ownLen += worked - covered
	}
	r.occ[state] += worked
	r.occ[r.m.nStates+state] += worked
	j.worked[t.conv] += worked
	r.out.commute += s.commute * worked
	r.covLen += covered
	r.out.healthCost += t.hcost * covered
	// Pay earned in [from, to), split at the raises, received lag later.
	if s.noRaise {
		th := r.takeHome(j, t.conv, 0)
		got := r.raster(from+r.m.lag, to+r.m.lag, th)
		r.payLen += got
		r.out.takeHome += th * got
		j.segFrom = to
		return
	}
	base, skip := s.raiseBase, s.raiseSkip
	if j.ref < 0 {
		base, skip = j.start, 0
	}
	q := (from - base) / 12
	y := int(q)
	if float64(y) > q {
		y-- // floor of a negative number
	}
	y = max(0, y-skip)
	for a := from; a < to; y++ {
		b := to
		if y >= maxYears-1 {
			y = maxYears - 1
		} else if next := base + 12*float64(y+skip+1); next < b {
			b = next
		}
		th := r.takeHome(j, t.conv, y)
		got := r.raster(a+r.m.lag, b+r.m.lag, th)
		r.payLen += got
		r.out.takeHome += th * got
		a = b
	}
	j.segFrom = to
}

// begin starts in *j the job described by ref (opportunity index, or -1 for
// the job found by search k) at time t; an unemployment benefit being paid
// stops.
func (r *runner) begin(j *job, ref, k int, t float64) {
	r.stopClaim(t)
	inf := math.Inf(1)
	*j = job{ok: true, ref: ref, k: k, start: t, segFrom: t, phaseFrom: t, leaveAt: inf, planLeave: inf}
	s := &r.m.search
	if ref >= 0 {
		s = &r.m.jobs[ref]
	}
	j.spec = s
	if ref >= 0 && s.current {
		j.start, j.segFrom, j.phaseFrom = s.start, s.start, s.start
	}
	if s.fixedTerm {
		j.phase = phTerm
		j.natEnd = j.start + s.termMonths
	} else {
		j.phase = phPerm
		j.permanent = s.ends == inf
		j.natEnd = j.start + r.layoffAfter(j)
	}
	if s.ends < j.natEnd {
		j.natEnd = s.ends
	}
	if ref >= 0 {
		j.natEnd = min(j.natEnd, r.sc.failAt[ref])
		if !s.current {
			if s.oneOff != 0 && t < r.m.h {
				r.flow[int(max(0, t))] -= s.oneOff
				r.out.startCosts += s.oneOff
			}
			r.income(t+r.m.lag, s.bonus)
		}
	}
	setTerms(j)
}

func (r *runner) layoffAfter(j *job) float64 {
	sc := r.sc
	if j.ref < 0 {
		return sc.searchLayoff[j.k]
	}
	if sc.layoffAt[j.ref] != sc.stamp {
		s := j.spec
		sc.layoff[j.ref] = layoffMonths(s.hazard, s.invLog, uniform(sc.key, oppEvent(j.ref, evLayoff)))
		sc.layoffAt[j.ref] = sc.stamp
	}
	return sc.layoff[j.ref]
}

// next moves job j to its next phase at its natural end t, and reports
// whether it goes on.
func (r *runner) next(j *job, t float64) bool {
	s := r.spec(j)
	if j.ref < 0 || t >= r.sc.failAt[j.ref] {
		return false // a job found by searching is permanent; a failed employer is gone
	}
	conv := false
	switch j.phase {
	case phTerm:
		switch {
		case r.sc.conv1[j.ref]:
			conv = true
		case r.sc.ext[j.ref] && s.extMonths > 0:
			j.phase, j.phaseFrom, j.natEnd = phExt, t, t+s.extMonths
		default:
			return false
		}
	case phExt:
		if !r.sc.conv2[j.ref] {
			return false
		}
		conv = true
	default:
		return false
	}
	if conv {
		j.phase, j.phaseFrom, j.permanent = phConv, t, s.ends == math.Inf(1)
		j.natEnd = t + r.layoffAfter(j)
	}
	if s.ends < j.natEnd {
		j.natEnd = s.ends
	}
	j.natEnd = min(j.natEnd, r.sc.failAt[j.ref])
	setTerms(j)
	return true
}

// lined is a job lined up to start later.
type lined struct {
	ok                           bool
	ref                          int
	start                        float64
	planLeave, planCost, planRep float64
}

func lineUp(ref int, start float64) lined {
	return lined{ok: true, ref: ref, start: start, planLeave: math.Inf(1)}
}

// run simulates policy p on the current scenario; it fills r.out (and r.fan
// when keepFan).
func (r *runner) run(p *cpolicy, keepFan bool) {
	m, sc := r.m, r.sc
	r.out = pathOut{}
	r.payLen, r.covLen, r.ownLen = 0, 0, 0
	r.uiFrom, r.uiTo = math.Inf(1), math.Inf(1)
	for i := range r.occ {
		r.occ[i] = 0
	}
	inf := math.Inf(1)
	var cur job
	var next, after lined
	searching, searchEnd, searchK, k := false, 0.0, 0, 0
	firstNew := inf
	taken := false
	ti := 0

	startSearch := func(at float64) {
		if k >= m.maxSearch {
			return
		}
		sc.searchDraw(m, r.src, k)
		searching, searchEnd, searchK = true, at+sc.searchLen[k], k
		k++
	}

	if m.current >= 0 {
		r.begin(&cur, m.current, 0, 0)
	}
	for j := range m.jobs {
		s := &m.jobs[j]
		if s.accepted && j != p.Hold {
			if s.start <= 0 {
				r.oneOff(0, s.resignCost)
				r.out.reputation += s.quitRepAfter(-s.start)
				r.out.quits++
			} else {
				r.oneOff(0, s.renegeCost)
				r.out.reputation += s.reputation
				r.out.withdrawals++
			}
		}
	}
	if p.Hold >= 0 {
		h := &m.jobs[p.Hold]
		if h.start <= 0 {
			if cur.ok {
				r.closePhase(&cur, 0)
			}
			r.begin(&cur, p.Hold, 0, h.start)
			firstNew = 0
		} else {
			next = lineUp(p.Hold, h.start)
		}
	}
	switch {
	case next.ok:
	case p.Search && (!cur.ok || cur.spec.current):
		// Keep searching: from month 0, even while still in the current job.
		startSearch(0)
	case !cur.ok && len(p.targets) == 0:
		startSearch(0)
	}

	const (
		evNone = iota
		evEnd
		evLined
		evTarget
		evSearch
	)
	for {
		tn, ev := m.h, evNone
		if cur.ok {
			if e := min(cur.natEnd, cur.leaveAt); e < tn {
				tn, ev = e, evEnd
			}
		}
		if next.ok {
			// A lined-up job starts, or its employer fails first.
			if at := min(next.start, sc.failAt[next.ref]); at < tn {
				tn, ev = at, evLined
			}
		}
		if ti < len(p.targets) && p.answer[ti] < tn {
			tn, ev = p.answer[ti], evTarget
		}
		if searching && searchEnd < tn {
			tn, ev = searchEnd, evSearch
		}
		if ev == evNone {
			break
		}
		switch ev {
		case evEnd:
			r.closePhase(&cur, tn)
			switch {
			case cur.leaveAt <= cur.natEnd:
				r.oneOff(tn, cur.leaveCost)
				r.out.reputation += cur.leaveRep
				if cur.leaveQuit {
					r.out.quits++
					r.discountFuture(&cur, tn)
				}
				cur.ok = false
				if !next.ok && !searching {
					startSearch(tn) // the job left for is gone (its employer failed)
				}
			case !r.next(&cur, tn):
				r.claim(&cur, tn)
				cur.ok = false
				if !next.ok && !searching {
					startSearch(tn)
				}
			}
		case evLined:
			if sc.failAt[next.ref] < next.start {
				// The employer fails before the start: no job there. A job
				// the person still holds (a current job) is kept unless they
				// already resigned from it.
				next, after = after, lined{}
				if cur.ok && cur.leaveAt < inf && cur.spec.current {
					cur.leaveAt = inf
				}
				if !next.ok && !searching && !cur.ok {
					startSearch(tn)
				}
				continue
			}
			if cur.ok {
				r.closePhase(&cur, tn)
			}
			r.begin(&cur, next.ref, 0, tn)
			cur.leaveAt, cur.leaveCost, cur.leaveRep = next.planLeave, next.planCost, next.planRep
			cur.leaveQuit = next.planLeave < inf
			firstNew = min(firstNew, tn)
			searching = false
			next, after = after, lined{}
		case evTarget:
			j := p.targets[ti]
			ti++
			if taken {
				continue
			}
			s := &m.jobs[j]
			if !sc.offered[j] {
				if ti == len(p.targets) && !cur.ok && !next.ok && !searching {
					startSearch(tn)
				}
				continue
			}
			st := max(s.start, tn)
			switch {
			case next.ok && next.ref == p.Hold && p.Hold >= 0:
				h := &m.jobs[p.Hold]
				if p.Mode == Anytime && st > next.start {
					leave := max(st, max(tn, next.start)+h.notice)
					next.planLeave, next.planCost, next.planRep = leave, h.resignCost, h.quitRepAfter(leave-next.start)
					after = lineUp(j, leave)
				} else {
					r.oneOff(tn, h.renegeCost)
					r.out.reputation += h.reputation
					r.out.withdrawals++
					next = lineUp(j, st)
				}
				taken = true
			case cur.ok && !next.ok && cur.ref < 0:
				// The search found a job first: it is taken, and the
				// pending offer that comes later is declined.
				continue
			case cur.ok && !next.ok:
				cs := r.spec(&cur)
				current := cur.ref >= 0 && cs.current
				if !current && p.Mode != Anytime {
					continue // declined: the held job has started
				}
				cur.leaveAt = max(st, tn+cs.notice)
				if !current && cur.ref >= 0 {
					cur.leaveCost, cur.leaveRep, cur.leaveQuit = cs.resignCost, cs.quitRepAfter(cur.leaveAt-cur.start), true
				}
				next = lineUp(j, cur.leaveAt)
				taken = true
			case !cur.ok && !next.ok:
				next = lineUp(j, st)
				searching = false
				taken = true
			}
		case evSearch:
			searching = false
			if !next.ok && (!cur.ok || cur.spec.current) {
				// The job found starts; a current job is left for it.
				if cur.ok {
					r.closePhase(&cur, tn)
				}
				r.begin(&cur, -1, searchK, tn)
				firstNew = min(firstNew, tn)
			}
		}
	}
	if cur.ok {
		r.closePhase(&cur, m.h)
		r.out.permanent = cur.permanent
	}
	for _, in := range m.incomes {
		end := in.until
		if in.endsOnNewJob && firstNew < end {
			end = firstNew
		}
		r.out.otherIncome += in.monthly * r.raster(0, end, in.monthly)
	}
	r.out.noPay = max(0, m.h-r.payLen)
	r.stopClaim(m.h)
	r.out.noCover = max(0, m.h-r.covLen)
	r.out.ownHealth += m.ownHealth * max(0, r.out.noCover-r.ownLen)
	r.out.healthCost += r.out.ownHealth

	s := m.savings
	rate := -(m.expenses + m.ownHealth)
	minS, first, short, area := inf, 0, 0, 0.0
	flow, diff := r.flow, r.diff[:len(r.flow)]
	for i, f := range flow {
		rate += diff[i]
		s += f + rate
		flow[i], diff[i] = 0, 0
		if keepFan {
			r.fan[i] = s
		}
		if r.traj != nil {
			r.traj[i] = s
		}
		if s < minS {
			minS = s
		}
		if s < 0 {
			if first == 0 {
				first = i + 1
			}
			short++
			area -= s
		}
	}
	r.diff[len(flow)] = 0
	r.out.savingsH, r.out.minSavings, r.out.firstRunOut = s, minS, first
	r.out.monthsShort, r.out.shortArea = short, area
	if m.utility != nil {
		r.out.utility = m.utility(s)
	}
}

// discountFuture takes off the future value of the months worked in job j
// when the person resigns from it at t: what a job builds comes from
// staying, so a job left within crossroads.QuitFadeMonths of its start
// counts for the future in proportion to the time stayed.
func (r *runner) discountFuture(j *job, t float64) {
	keep := min(1, max(0, t-j.start)/crossroads.QuitFadeMonths)
	if keep == 1 || j.ref < 0 {
		return
	}
	for conv, w := range j.worked {
		r.occ[r.m.nStates+2*j.ref+conv] -= w * (1 - keep)
	}
}

// claim starts the unemployment benefit after the involuntary end of job j
// at t: after the waiting weeks, for at most the state's weeks, until the
// next job starts (crossroads.Person.Unemployment; package ui).
func (r *runner) claim(j *job, t float64) {
	r.stopClaim(t)
	c := &j.spec.ui
	if !c.ok {
		return
	}
	r.uiFrom, r.uiTo, r.uiRate, r.uiOwn = t+c.wait, t+c.wait+c.months, c.rate, c.ownCover
}

// stopClaim books the benefit paid until t and ends it.
func (r *runner) stopClaim(t float64) {
	if r.uiFrom >= r.uiTo {
		return
	}
	to := min(r.uiTo, t)
	if got := r.raster(r.uiFrom, to, r.uiRate+r.m.ownHealth-r.uiOwn); got > 0 {
		r.out.uiIncome += r.uiRate * got
		r.out.ownHealth += r.uiOwn * got
		r.ownLen += got
	}
	r.uiFrom, r.uiTo = math.Inf(1), math.Inf(1)
}

// income books a one-time receipt at time t (a signing bonus).
func (r *runner) income(t, amount float64) {
	if amount == 0 || t >= r.m.h {
		return
	}
	r.flow[int(max(0, t))] += amount
	r.out.takeHome += amount
}

// oneOff books a one-time cost at time t.
func (r *runner) oneOff(t, cost float64) {
	if cost == 0 || t >= r.m.h {
		return
	}
	r.flow[int(max(0, t))] -= cost
	r.out.costs += cost
}
