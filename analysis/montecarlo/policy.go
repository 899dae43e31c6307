package montecarlo

import (
	"slices"

	"github.com/crossroads/crossroads"
)

// Mode says when the person leaves the job they hold for a pending offer
// that comes.
type Mode int

// The modes.
const (
	// Stay: the person does not pursue the pending opportunities.
	Stay Mode = iota
	// BeforeStart: an offer that comes before the held job starts is taken
	// by withdrawing from the held job (reneging); one that comes later is
	// declined.
	BeforeStart
	// Anytime: an offer is taken whenever it comes. Before the held job
	// starts the person withdraws (reneges) if the new job starts first,
	// and otherwise starts the held job and resigns from it to move; after
	// the start they resign, giving notice.
	Anytime
)

// String names the mode.
func (m Mode) String() string {
	switch m {
	case Stay:
		return "stay"
	case BeforeStart:
		return "before_start"
	case Anytime:
		return "anytime"
	}
	return "mode?"
}

// Policy is what the person does: the plan a strategy simulates.
type Policy struct {
	// Hold is the index (in the case's opportunities) of the offer kept or
	// accepted, status offer or accepted; -1 for none. Accepted offers that
	// are not held are withdrawn at month 0 (reneging, or resigning when the
	// job has begun), other offers are declined. A current job is kept
	// until another job starts.
	Hold int
	// Targets are the pending opportunities (lead, applied,
	// interview_scheduled) the person still pursues. The first offer among
	// them to come is taken as Mode says; the others are then declined.
	// Pending opportunities not listed are dropped at month 0.
	Targets []int
	// Mode says when a target's offer is taken over the held job.
	Mode Mode
	// Search starts a job search at month 0 when no job is lined up, even
	// while the person is still in a current job (which they leave for the
	// job found); otherwise a search starts only after a job is lost, or
	// when every target has said no.
	Search bool
}

// noShortcut turns off the copying of equivalent paths (tests compare).
var noShortcut bool

// cpolicy is a policy checked against a model, targets in answer order.
type cpolicy struct {
	Policy
	targets []int
	answer  []float64
	// mask has the bits (scenario.bits) of the targets; same is the index
	// of an earlier policy that does exactly what this one does on every
	// path where none of its targets' offers comes, or -1.
	mask uint64
	same int
}

// sameAs finds, for each policy that holds a job (an offer, or the current
// job) and pursues targets without searching, an earlier policy with the
// same hold, no targets and no search: on a path where no target's offer
// comes, the two do the same (each "no" leaves the held job as it was, and
// a search after a lost job starts at the loss either way), so the
// simulation copies that policy's path instead of running it again.
func (m *model) sameAs(cps []cpolicy) {
	if noShortcut {
		for i := range cps {
			cps[i].same = -1
		}
		return
	}
	bit := map[int]uint64{}
	for k, j := range m.pending {
		bit[j] = 1 << k
	}
	for i := range cps {
		p := &cps[i]
		p.same = -1
		for _, t := range p.targets {
			p.mask |= bit[t]
		}
		if len(p.targets) == 0 || p.Search || (p.Hold < 0 && m.current < 0) {
			continue
		}
		for e := range i {
			q := &cps[e]
			if q.Hold == p.Hold && len(q.targets) == 0 && !q.Search {
				p.same = e
				break
			}
		}
	}
}

func (m *model) policy(c *crossroads.Case, p Policy, i int) (cpolicy, error) {
	cp := cpolicy{Policy: p, same: -1}
	n := len(m.jobs)
	if p.Hold < -1 || p.Hold >= n {
		return cp, crossroads.Errorf(crossroads.Invalid, "policy %d: hold %d is not an opportunity", i, p.Hold)
	}
	if p.Hold >= 0 {
		if st := c.Opportunities[p.Hold].Status; st != crossroads.StatusOffer && st != crossroads.StatusAccepted {
			return cp, crossroads.Errorf(crossroads.Invalid, "policy %d: opportunity %q has status %s; only an offer or an accepted offer can be held", i, m.jobs[p.Hold].id, st)
		}
	}
	if p.Mode < Stay || p.Mode > Anytime {
		return cp, crossroads.Errorf(crossroads.Invalid, "policy %d: unknown mode %d", i, int(p.Mode))
	}
	for _, t := range p.Targets {
		if t < 0 || t >= n || !m.jobs[t].pending {
			return cp, crossroads.Errorf(crossroads.Invalid, "policy %d: target %d is not a pending opportunity", i, t)
		}
		if slices.Contains(cp.targets, t) {
			return cp, crossroads.Errorf(crossroads.Invalid, "policy %d: target %q listed twice", i, m.jobs[t].id)
		}
		cp.targets = append(cp.targets, t)
	}
	slices.SortStableFunc(cp.targets, func(a, b int) int {
		switch ka, kb := m.jobs[a].knownBy, m.jobs[b].knownBy; {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return 0
	})
	for _, t := range cp.targets {
		cp.answer = append(cp.answer, m.jobs[t].knownBy)
	}
	return cp, nil
}
