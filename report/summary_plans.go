package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/strategy"
)

// planSentences are the summary's sentences about the simulated plans:
// which is best and by how much, how sure that is, the chance of being
// hired permanently at which the answer changes, what the months without
// pay and without an employer health plan do to savings, and what knowing
// a pending answer is worth.
func (r *Report) planSentences() []string {
	sim := r.Simulation
	if sim == nil || len(r.Strategies) == 0 {
		return nil
	}
	best := r.strategy(sim.Best)
	var out []string
	s := fmt.Sprintf("Of the %d plans simulated over %s possible futures, the best is plan %s: %s (score %.1f of 100",
		len(r.Strategies), thousands(sim.Paths), best.Letter, lowerFirst(best.Name), best.Score)
	if len(r.Strategies) == 1 {
		s = fmt.Sprintf("The one plan the case allows, %s, was simulated over %s possible futures (score %.1f of 100",
			lowerFirst(best.Name), thousands(sim.Paths), best.Score)
	}
	if ru := r.strategy(sim.Lead.RunnerUp); ru != nil {
		s += fmt.Sprintf(", %.1f points ahead of plan %s: %s", sim.Lead.Points, ru.Letter, lowerFirst(ru.Name))
	}
	out = append(out, s+").")
	if s := r.reasonSentence(best, r.strategy(sim.Lead.RunnerUp)); s != "" {
		out = append(out, s)
	}
	if s := r.surenessSentence(); s != "" {
		out = append(out, s)
	}
	out = append(out, r.hiringSentences()...)
	if s := r.planMoneySentence(best); s != "" {
		out = append(out, s)
	}
	if s := r.commitmentSentence(best); s != "" {
		out = append(out, s)
	}
	if s := r.riskiestSentence(best); s != "" {
		out = append(out, s)
	}
	for _, v := range r.ValueOfInformation {
		out = append(out, r.voiSummary(v))
	}
	return out
}

// reasonSentence says why the best plan comes before the runner-up, in the
// criteria that make the difference, in money and months a person feels:
// "Plan B comes first because it keeps more of your standing with the
// employer (3.4 out of 10 lost on average, against 3.9), while plan C
// leaves you $700 more at month 24."
func (r *Report) reasonSentence(best, other *Strategy) string {
	if best == nil || other == nil || r.Simulation == nil {
		return ""
	}
	type part struct {
		id   string
		gain float64 // weighted value difference, best − other
	}
	var parts []part
	for k, cr := range r.Simulation.Criteria {
		if k < len(best.Values) && k < len(other.Values) && cr.Weight > 0 {
			parts = append(parts, part{cr.ID, cr.Weight * (best.Values[k].Value - other.Values[k].Value)})
		}
	}
	slices.SortStableFunc(parts, func(a, b part) int {
		switch {
		case math.Abs(a.gain) > math.Abs(b.gain):
			return -1
		case math.Abs(a.gain) < math.Abs(b.gain):
			return 1
		}
		return 0
	})
	var pros, cons []string
	for _, p := range parts {
		if math.Abs(p.gain) < 0.0005 {
			continue
		}
		x, y := best, other
		if p.gain < 0 {
			x, y = other, best
		}
		var why string
		switch p.id {
		case strategy.CritMoney:
			why = fmt.Sprintf("leaves you %s more at month %d on average (worth %s against %s to you, counting the risk)",
				r.money(roundMoney(x.SavingsMean-y.SavingsMean)), r.HorizonMonths, r.money(roundMoney(x.SavingsWorth)), r.money(roundMoney(y.SavingsWorth)))
		case strategy.CritRunOut:
			why = fmt.Sprintf("leaves a smaller hole: over the %s your savings would be about %s below zero on average, against %s (they run out in %s of the futures against %s)",
				monthsWord(r.HorizonMonths), r.money(roundMoney(x.ShortfallAverage)), r.money(roundMoney(y.ShortfallAverage)), pct(x.PSavingsRunOut), pct(y.PSavingsRunOut))
		case strategy.CritCover:
			why = fmt.Sprintf("leaves you fewer months with no health cover (%.1f against %.1f)", x.MonthsWithoutHealthCoverage, y.MonthsWithoutHealthCoverage)
		case strategy.CritReputation:
			why = fmt.Sprintf("keeps more of your standing with the employers (%.1f out of 10 lost on average, against %.1f)", x.ReputationCost, y.ReputationCost)
		case strategy.CritFuture:
			why = "spends more of the months in work that builds toward your goal"
		case strategy.CritDailyLife:
			why = "spends more of the months in work whose daily life suits you"
		default:
			continue
		}
		if p.gain > 0 {
			if len(pros) < 2 {
				pros = append(pros, why)
			}
		} else if len(cons) < 1 {
			cons = append(cons, why)
		}
	}
	if len(pros) == 0 {
		return ""
	}
	s := fmt.Sprintf("Plan %s comes first because it %s", best.Letter, strings.Join(pros, ", and it "))
	if len(cons) > 0 {
		s += fmt.Sprintf(", while plan %s %s", other.Letter, cons[0])
	}
	return s + "."
}

// surenessSentence says how sure the best plan is: its lead against the
// simulation's own error, then the nearest inputs that would change it.
func (r *Report) surenessSentence() string {
	sim := r.Simulation
	l := sim.Lead
	if l.RunnerUp == "" {
		return ""
	}
	var s string
	switch {
	case l.Points < 2*l.PointsSE:
		s = fmt.Sprintf("The lead (%.2f ± %.2f points) is within the simulation's own error: the two plans are level", l.Points, l.PointsSE)
	default:
		s = fmt.Sprintf("The lead is small but real (%.2f ± %.2f points from the simulation's randomness)", l.Points, l.PointsSE)
		if l.Points >= 5 {
			s = fmt.Sprintf("The lead is clear (%.1f ± %.1f points)", l.Points, l.PointsSE)
		}
	}
	changes := r.nearestChanges(3)
	if len(changes) == 0 {
		return s + ", and no input within its range changes the best plan."
	}
	return s + "; the best plan changes " + orJoin(changes) + "."
}

// nearestChanges lists up to n changes of the best plan, the nearest to the
// case's values first (distance relative to the range searched or tried):
// the break-even points other than the conversion probabilities (which have
// their own sentence) and the balance, then the tornado's inputs whose low or
// high value makes another plan best.
func (r *Report) nearestChanges(n int) []string {
	type change struct {
		dist float64
		text string
	}
	var cs []change
	seen := map[string]bool{}
	byInput := map[string][]string{}
	var order []string
	dist := map[string]float64{}
	for _, b := range r.BreakEven {
		if b.Input == "balance" || strings.HasPrefix(b.Input, "conversion:") {
			seen[b.Input] = true
			continue
		}
		seen[b.Input] = true
		if b.Value == nil {
			continue
		}
		dir := "below"
		if *b.Value > b.Current {
			dir = "above"
		}
		value := dir + " " + r.inputValue(b.Unit, *b.Value)
		switch {
		case b.Unit == "probability" && dir == "above" && *b.Value >= 0.9995:
			value = "certain"
		case b.Unit == "probability" && dir == "below" && *b.Value <= 0.0005:
			value = "nil"
		}
		width := b.High - b.Low
		if width <= 0 {
			width = 1
		}
		d := math.Abs(*b.Value-b.Current) / width
		if _, ok := byInput[b.Input]; !ok {
			order = append(order, b.Input)
			dist[b.Input] = d
		}
		dist[b.Input] = math.Min(dist[b.Input], d)
		byInput[b.Input] = append(byInput[b.Input], value)
	}
	for _, id := range order {
		for _, b := range r.BreakEven {
			if b.Input == id {
				cs = append(cs, change{dist[id], fmt.Sprintf("if %s were %s (now %s)", the(b.Name), orJoin(byInput[id]), r.inputValue(b.Unit, b.Current))})
				break
			}
		}
	}
	for _, t := range r.Tornado {
		if seen[t.Input] {
			continue
		}
		best := r.Simulation.Best
		for _, side := range []struct {
			x    float64
			plan string
		}{{t.Low, t.BestLow}, {t.High, t.BestHigh}} {
			if side.plan == best {
				continue
			}
			width := math.Abs(t.High - t.Low)
			if width == 0 {
				width = 1
			}
			cs = append(cs, change{math.Abs(side.x-t.Current) / width,
				fmt.Sprintf("if %s were %s instead of %s", the(t.Name), r.inputValue(t.Unit, side.x), r.inputValue(t.Unit, t.Current))})
		}
	}
	slices.SortStableFunc(cs, func(a, b change) int {
		switch {
		case a.dist < b.dist:
			return -1
		case a.dist > b.dist:
			return 1
		}
		return 0
	})
	var out []string
	for i := 0; i < n && i < len(cs); i++ {
		out = append(out, cs[i].text)
	}
	return out
}

// the puts "the" before an input's name unless it starts with "your".
func the(name string) string {
	if strings.HasPrefix(name, "your ") {
		return name
	}
	return "the " + name
}

func orJoin(list []string) string {
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " or " + list[len(list)-1]
}

// hiringSentences say, for each contract, the chance of being hired
// permanently at which the best plan changes.
func (r *Report) hiringSentences() []string {
	c := r.caseRef
	var out []string
	for _, b := range r.BreakEven {
		id, ok := strings.CutPrefix(b.Input, "conversion:")
		if !ok {
			continue
		}
		o := c.Opportunity(id)
		if o == nil {
			continue
		}
		now := estimatePct(o.ConversionProbability())
		if b.Value == nil {
			out = append(out, fmt.Sprintf("Whatever the chance of being hired permanently at the end of the %s, from 0%% to 100%% (now %s), plan %s stays best.",
				o.Name, now, r.planLetter(b.BestBelow)))
			continue
		}
		out = append(out, fmt.Sprintf("The answer turns on the chance of being hired permanently at the end of the %s: above %s (it is now %s) plan %s, %s, is best; below it, plan %s, %s.",
			o.Name, pct(*b.Value), now, r.planLetter(b.BestAbove), r.planName(b.BestAbove), r.planLetter(b.BestBelow), r.planName(b.BestBelow)))
	}
	return out
}

// planMoneySentence says what the months without pay and without an
// employer health plan mean for savings under a plan.
func (r *Report) planMoneySentence(p *Strategy) string {
	if p == nil {
		return ""
	}
	c := r.caseRef
	s := fmt.Sprintf("Under plan %s you would go %.1f months without pay on average", p.Letter, p.MonthsWithoutPay)
	if h := r.heldOpportunity(p.ID); h != nil && h.Facts.MonthsToFirstPay > 0 {
		s += fmt.Sprintf(" (the first %.1f waiting for the %s's first paycheck, which uses %s of your %s savings)",
			h.Facts.MonthsToFirstPay, h.Name, r.money(h.Facts.SpendBeforePay), r.money(c.Person.Savings))
	}
	switch {
	case p.MonthsWithoutHealthCoverage > 0:
		s += fmt.Sprintf(" and %.1f months with no health coverage at all", p.MonthsWithoutHealthCoverage)
	case p.MonthsWithoutEmployerCoverage > 0.05 && p.OwnHealthCost > 0:
		s += fmt.Sprintf(" and %.1f months without an employer health plan, paying %s for your own cover (about %s a month)",
			p.MonthsWithoutEmployerCoverage, r.money(p.OwnHealthCost), r.money(p.OwnHealthCost/p.MonthsWithoutEmployerCoverage))
	}
	if p.UnemploymentIncome > 0.5 {
		s += fmt.Sprintf("; unemployment benefit after a job ends would bring in about %s on average", r.money(roundMoney(p.UnemploymentIncome)))
	}
	s += fmt.Sprintf(". Your savings would end the %s between %s and %s (median %s)", monthsWord(r.HorizonMonths),
		r.money(p.SavingsP10), r.money(p.SavingsP90), r.money(p.SavingsP50))
	if p.PSavingsRunOut >= 0.005 {
		s += fmt.Sprintf(", and in %s of the futures they fall below zero at some point, most often first in month %d (around %s)",
			pct(p.PSavingsRunOut), p.RunOutMonth, p.RunOutDate)
		s += ". " + r.holeSentence(p)
	} else {
		s += ", and they do not run out"
	}
	return s + "."
}

// holeSentence says how deep and how long a plan's hole is in the futures
// where savings run out: "In those futures you would be about $4,200 short
// at the worst, for about 5 month ends; in the worst tenth, more than
// $9,000."
func (r *Report) holeSentence(p *Strategy) string {
	if p.PSavingsRunOut <= 0 {
		return ""
	}
	depth, months := p.ShortfallMean/p.PSavingsRunOut, p.MonthsShort/p.PSavingsRunOut
	s := fmt.Sprintf("In those futures you would be about %s short at the worst, for about %s", r.money(roundMoney(depth)), monthEnds(months))
	if p.PSavingsRunOut > 0.1 && p.ShortfallP90 > depth*1.1 {
		s += fmt.Sprintf("; in the worst tenth of all futures, more than %s", r.money(roundMoney(p.ShortfallP90)))
	}
	return s
}

// roundMoney rounds an amount for a sentence: to $100 above $1,000, to $10
// below.
func roundMoney(x float64) float64 {
	if math.Abs(x) >= 1000 {
		return math.Round(x/100) * 100
	}
	return math.Round(x/10) * 10
}

func monthEnds(m float64) string {
	if m < 1.5 {
		return "a month"
	}
	return fmt.Sprintf("%.0f months", m)
}

// commitmentSentence says which commitments a plan breaks, and when:
// withdrawing from an accepted offer before its start, or resigning after
// starting (which costs more goodwill, the sooner after the start).
func (r *Report) commitmentSentence(p *Strategy) string {
	if r.plans == nil || p.Withdrawals+p.Quits < 0.005 {
		return ""
	}
	c := r.caseRef
	var pol *strategy.Result
	for i := range r.plans.Strategies {
		if r.plans.Strategies[i].ID == p.ID {
			pol = &r.plans.Strategies[i]
		}
	}
	if pol == nil {
		return ""
	}
	var accepted []string
	for j := range c.Opportunities {
		if o := &c.Opportunities[j]; o.Status == crossroads.StatusAccepted {
			accepted = append(accepted, "the "+o.Name)
		}
	}
	what := orJoin(accepted)
	when := ""
	for _, t := range pol.Policy.Targets {
		o := &c.Opportunities[t]
		when = fmt.Sprintf(", when the %s's answer comes (expected by %s)", o.Name, o.KnownBy(c.AsOf))
		break
	}
	var parts []string
	switch {
	case p.Withdrawals > 0.995:
		parts = append(parts, fmt.Sprintf("withdrawing from %s now, before it starts", what))
	case p.Withdrawals >= 0.005:
		parts = append(parts, fmt.Sprintf("withdrawing from %s before it starts in %s of the futures%s", what, pct(p.Withdrawals), when))
	}
	if p.Quits >= 0.005 {
		parts = append(parts, fmt.Sprintf("resigning from %s after starting in %s of the futures, which costs more goodwill than withdrawing before the start", what, pct(p.Quits)))
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("Plan %s means %s; on average that costs %.1f out of 10 of your standing with the employer.", p.Letter, strings.Join(parts, ", and "), p.ReputationCost)
}

// heldOpportunity returns the report opportunity a plan keeps or accepts.
func (r *Report) heldOpportunity(planID string) *Opportunity {
	if r.plans == nil {
		return nil
	}
	for _, s := range r.plans.Strategies {
		if s.ID == planID && s.Policy.Hold >= 0 {
			return &r.Opportunities[s.Policy.Hold]
		}
	}
	return nil
}

// riskiestSentence names the plan most likely to run out of savings, when
// it is not the best.
func (r *Report) riskiestSentence(best *Strategy) string {
	var worst *Strategy
	for i := range r.Strategies {
		s := &r.Strategies[i]
		if worst == nil || s.PSavingsRunOut > worst.PSavingsRunOut {
			worst = s
		}
	}
	if worst == nil || worst.ID == best.ID || worst.PSavingsRunOut < best.PSavingsRunOut+0.05 {
		return ""
	}
	return fmt.Sprintf("The riskiest plan is %s, %s: savings run out in %s of the futures (against %s under plan %s), most often first in month %d, and the hole is about %s on average against %s.",
		worst.Letter, lowerFirst(worst.Name), pct(worst.PSavingsRunOut), pct(best.PSavingsRunOut), best.Letter, worst.RunOutMonth,
		r.money(roundMoney(worst.ShortfallMean)), r.money(roundMoney(best.ShortfallMean)))
}

// voiSummary says in a sentence what knowing a pending answer is worth.
func (r *Report) voiSummary(v strategy.VOI) string {
	if v.Money < 0.5 && v.Score < 0.05 {
		return fmt.Sprintf("Knowing the %s's answer sooner would not change the best plan.", v.Name)
	}
	s := fmt.Sprintf("Knowing the %s's answer before deciding is worth about %s of savings at month %d", v.Name, r.money(v.Money), r.HorizonMonths)
	if v.RunOut < -0.005 {
		s += fmt.Sprintf(" and %.0f points less chance of running out", -100*v.RunOut)
	}
	switch {
	case v.BeforeDeadline && v.Deadline != "":
		days := crossroads.MustDate(v.KnownBy).DaysUntil(crossroads.MustDate(v.Deadline))
		s += fmt.Sprintf("; it is expected on %s, %d days before the deadline of %s, so plan %s", v.KnownBy, days, v.Deadline, r.planLetter(v.CapturedBy))
		if math.Abs(v.CapturedScore-v.Score) < 0.05 {
			s += " gets all of that value by waiting for it."
		} else {
			s += " gets part of that value by waiting for it."
		}
		return s
	case v.Deadline != "":
		return s + fmt.Sprintf("; it is expected on %s, after the deadline of %s, so it is worth asking for more time or an earlier answer.", v.KnownBy, v.Deadline)
	}
	return s + "."
}
