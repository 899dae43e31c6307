package strategy

import (
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/montecarlo"
)

// Strategy is a plan the person can follow: what to do with each offer in
// hand and each pending opportunity.
type Strategy struct {
	// ID is a short identifier, unique within the case.
	ID string `json:"id"`
	// Name says the plan in plain words.
	Name string `json:"name"`
	// Policy is the plan as the simulation runs it.
	Policy montecarlo.Policy `json:"-"`
}

// Generate lists the strategies of a valid case, in this order:
//
//   - for each offer in hand (status offer or accepted): take it (keep it)
//     and stop looking; when a pending opportunity's answer is expected
//     before it starts, take it but withdraw before the start if the
//     pending offer comes (reneging); when a pending job could start after
//     it, take it and switch if the pending offer comes, resigning once
//     started;
//   - with a current job: stay; stay but move if a pending offer comes; and
//     stay while searching, moving to the job found (or to a pending offer
//     that comes first);
//   - without one: with pending opportunities, decline every offer in hand
//     (withdraw from an accepted one) and wait for the pending answers,
//     searching if none is an offer; and decline every offer in hand and
//     keep searching, taking a pending offer that comes first.
//
// All pending opportunities are pursued together: the first offer to come
// is taken.
func Generate(c *crossroads.Case) []Strategy {
	var inHand, pending []int
	current := -1
	for j := range c.Opportunities {
		o := &c.Opportunities[j]
		switch {
		case o.Status == crossroads.StatusOffer || o.Status == crossroads.StatusAccepted:
			inHand = append(inHand, j)
		case o.Pending():
			pending = append(pending, j)
		case o.Status == crossroads.StatusCurrentJob && current < 0:
			current = j
		}
	}
	var out []Strategy
	add := func(id, name string, p montecarlo.Policy) {
		out = append(out, Strategy{ID: id, Name: name, Policy: p})
	}
	them := targetNames(c, pending)
	for _, h := range inHand {
		o := &c.Opportunities[h]
		verb := "Accept"
		if o.Status == crossroads.StatusAccepted {
			verb = "Keep"
		}
		id := strings.ToLower(verb) + "-" + o.ID
		add(id, verb+" the "+o.Name+" and stop looking", montecarlo.Policy{Hold: h})
		if len(pending) == 0 {
			continue
		}
		start := startMonths(c, o)
		renege, move := false, false
		for _, p := range pending {
			po := &c.Opportunities[p]
			known := c.AsOf.MonthsUntil(po.KnownBy(c.AsOf))
			if known < start {
				renege = true
			}
			if startMonths(c, po) > start {
				move = true
			}
		}
		if renege {
			add(id+"-withdraw-if-offered", verb+" the "+o.Name+", but withdraw before it starts if "+them+" is offered",
				montecarlo.Policy{Hold: h, Targets: pending, Mode: montecarlo.BeforeStart})
		}
		if move {
			add(id+"-switch-if-offered", verb+" the "+o.Name+", and switch to "+them+" if it is offered, even after starting",
				montecarlo.Policy{Hold: h, Targets: pending, Mode: montecarlo.Anytime})
		}
	}
	search := montecarlo.Policy{Hold: -1, Targets: pending, Mode: montecarlo.Anytime, Search: true}
	first := ""
	if len(pending) > 0 {
		first = ", taking " + them + " if it is offered first"
	}
	if current >= 0 {
		cur := c.Opportunities[current].Name
		add("stay", "Stay in the "+cur, montecarlo.Policy{Hold: -1})
		if len(pending) > 0 {
			add("stay-switch-if-offered", "Stay in the "+cur+" and move to "+them+" if it is offered",
				montecarlo.Policy{Hold: -1, Targets: pending, Mode: montecarlo.Anytime})
		}
		add("search", "Stay in the "+cur+" while searching, and move to the job found"+first, search)
		return out
	}
	decline := declineWords(c, inHand)
	if len(pending) > 0 {
		add("wait", capitalize(decline+"wait for "+them+", searching if no offer comes"),
			montecarlo.Policy{Hold: -1, Targets: pending, Mode: montecarlo.Anytime})
	}
	add("search", capitalize(decline+"keep searching"+first), search)
	return out
}

// startMonths returns the months from as_of to an opportunity's start, as
// the simulation takes it: a pending job starts at its start date or its
// answer date, whichever is later.
func startMonths(c *crossroads.Case, o *crossroads.Opportunity) float64 {
	s := 0.0
	if !o.Start.IsZero() {
		s = c.AsOf.MonthsUntil(o.Start)
	}
	if o.Pending() {
		s = max(s, c.AsOf.MonthsUntil(o.KnownBy(c.AsOf)))
	}
	return s
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func targetNames(c *crossroads.Case, idx []int) string {
	var names []string
	for _, j := range idx {
		names = append(names, "the "+c.Opportunities[j].Name)
	}
	return orList(names)
}

func orList(list []string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " or " + list[len(list)-1]
}

// declineWords says what happens to the offers in hand when the person
// takes none of them: "withdraw from the X now and ", "decline the X and ",
// or "" when there is none.
func declineWords(c *crossroads.Case, inHand []int) string {
	var accepted, offers []string
	for _, h := range inHand {
		o := &c.Opportunities[h]
		if o.Status == crossroads.StatusAccepted {
			accepted = append(accepted, "the "+o.Name)
		} else {
			offers = append(offers, "the "+o.Name)
		}
	}
	var parts []string
	if len(accepted) > 0 {
		parts = append(parts, "withdraw from "+andList(accepted)+" now")
	}
	if len(offers) > 0 {
		parts = append(parts, "decline "+andList(offers))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ", ") + " and "
}

func andList(list []string) string {
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}
