package report

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/lens"
	"github.com/crossroads/crossroads/analysis/mcda"
	"github.com/crossroads/crossroads/analysis/money"
)

// summarize writes the plain-language summary from the numbers of the
// report. Every sentence depends on the numbers it quotes: no canned text.
func summarize(r *Report) []string {
	var out []string
	out = append(out, r.verdict())
	out = append(out, r.planSentences()...)
	for i := range r.Opportunities {
		out = append(out, r.lensSentence(&r.Opportunities[i]))
	}
	if s := r.balanceSentence(); s != "" {
		out = append(out, s)
	}
	if s := r.weightSentence(); s != "" {
		out = append(out, s)
	}
	for i := range r.Opportunities {
		if s := r.moneySentence(&r.Opportunities[i]); s != "" {
			out = append(out, s)
		}
	}
	if s := r.commuteSentence(); s != "" {
		out = append(out, s)
	}
	out = append(out, r.pendingSentences()...)
	return out
}

// commuteSentence compares the longest and the shortest commute when they
// differ by more than ten hours a month.
func (r *Report) commuteSentence() string {
	var long, short *Opportunity
	for i := range r.Opportunities {
		o := &r.Opportunities[i]
		if long == nil || o.Facts.CommuteHours > long.Facts.CommuteHours {
			long = o
		}
		if short == nil || o.Facts.CommuteHours < short.Facts.CommuteHours {
			short = o
		}
	}
	if long == nil || long.Facts.CommuteHours-short.Facts.CommuteHours <= 10 {
		return ""
	}
	return fmt.Sprintf("The %s's commute takes about %.0f hours a month, %.0f more than the %s's: time worth about %s a month at half your hourly wage (the U.S. DOT's value of commuting time), and time away from home.",
		long.Name, long.Facts.CommuteHours, long.Facts.CommuteHours-short.Facts.CommuteHours, short.Name,
		r.money(long.Facts.CommuteTimeValue-short.Facts.CommuteTimeValue))
}

func (r *Report) balanceWords() string {
	b := r.Weights.Balance
	switch {
	case math.Abs(b-0.5) < 0.005:
		return "With today's needs and the future weighed evenly"
	case b < 0.5:
		return fmt.Sprintf("With today's needs counting for %s and the future for %s", pct(1-b), pct(b))
	}
	return fmt.Sprintf("With the future counting for %s and today's needs for %s", pct(b), pct(1-b))
}

// ranked returns the opportunities in rank order (stable for ties).
func (r *Report) ranked() []*Opportunity {
	out := make([]*Opportunity, len(r.Opportunities))
	for i := range r.Opportunities {
		out[i] = &r.Opportunities[i]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Rank < out[j].Rank })
	return out
}

func (r *Report) verdict() string {
	rk := r.ranked()
	best := rk[0]
	if len(rk) == 1 {
		return fmt.Sprintf("%s, the %s is the only option.", r.balanceWords(), best.Name)
	}
	second := rk[1]
	if best.Rank == second.Rank {
		return fmt.Sprintf("%s, the %s and the %s tie.", r.balanceWords(), best.Name, second.Name)
	}
	gap := math.Abs(best.Score - second.Score)
	var margin string
	switch {
	case r.Ranking.Method != mcda.MethodWSM:
		margin = fmt.Sprintf("(%s: %.1f against %.1f)", strings.ToUpper(r.Ranking.Method), best.Score, second.Score)
	case gap < 1:
		margin = fmt.Sprintf("by a hair, %.1f to %.1f out of 100: the two are level, and a small change in what matters most reverses the order", best.Score, second.Score)
	case gap < 3:
		margin = fmt.Sprintf("by a narrow margin, %.0f to %.0f out of 100: the two are close, and small changes in what matters most can reverse the order", best.Score, second.Score)
	case gap < 10:
		margin = fmt.Sprintf("with a modest lead, %.0f to %.0f out of 100", best.Score, second.Score)
	default:
		margin = fmt.Sprintf("clearly, %.0f to %.0f out of 100", best.Score, second.Score)
	}
	return fmt.Sprintf("%s, the %s comes out ahead of the %s %s.", r.balanceWords(), best.Name, second.Name, margin)
}

// topCriteria returns the names of the n criteria of a group with the most
// points (strongest) or the most points lost (weakest).
func topCriteria(o *Opportunity, group string, n int, strongest bool) []string {
	type item struct {
		name string
		pts  float64
	}
	var items []item
	for _, c := range o.Criteria {
		if c.Group != group || c.Weight == 0 {
			continue
		}
		pts := c.Contribution
		if !strongest {
			pts = 100*c.Weight - c.Contribution
		}
		if pts > 0.5 {
			items = append(items, item{strings.ToLower(c.Name[:1]) + c.Name[1:], pts})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].pts > items[j].pts })
	var names []string
	for i := 0; i < n && i < len(items); i++ {
		names = append(names, items[i].name)
	}
	return names
}

func and(list []string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}

var quadrantWords = map[string]string{
	lens.CareerMove:    "a career move: it serves today and builds the future",
	lens.Job:           "a job: it supports the present more than it builds a future",
	lens.SteppingStone: "a stepping stone: it builds the future more than it supports the present",
	lens.Stopgap:       "a stopgap: it does little for today or for the future",
}

func (r *Report) lensSentence(o *Opportunity) string {
	l := o.Lens
	strongGroup, weakGroup := crossroads.GroupPresent, crossroads.GroupFuture
	if l.Future > l.Present {
		strongGroup, weakGroup = weakGroup, strongGroup
	}
	s := fmt.Sprintf("The %s is %s (today %.0f/100, future %.0f/100)", o.Name, quadrantWords[l.Quadrant], l.Present, l.Future)
	if top := topCriteria(o, strongGroup, 2, true); len(top) > 0 {
		s += fmt.Sprintf("; its strengths are %s", and(top))
	}
	if weak := topCriteria(o, weakGroup, 2, false); len(weak) > 0 {
		s += fmt.Sprintf(", its weak points %s", and(weak))
	}
	return s + "."
}

func (r *Report) balanceSentence() string {
	segs := r.Sensitivity.Balance
	if r.Ranking.Method != mcda.MethodWSM || len(segs) == 0 {
		return ""
	}
	if len(segs) == 1 {
		return fmt.Sprintf("The %s stays best however today's needs and the future are weighed.", r.name(segs[0].Best))
	}
	var parts []string
	for _, s := range segs {
		switch {
		case s.From == 0:
			parts = append(parts, fmt.Sprintf("the %s while the future counts for less than %s", r.name(s.Best), pct(s.To)))
		case s.To == 1:
			parts = append(parts, fmt.Sprintf("the %s above %s", r.name(s.Best), pct(s.From)))
		default:
			parts = append(parts, fmt.Sprintf("the %s between %s and %s", r.name(s.Best), pct(s.From), pct(s.To)))
		}
	}
	return "The answer turns on how much the future counts: " + and(parts) + "."
}

// weightSentence names the criterion whose weight is closest to changing the
// best choice, measured as the relative change of its weight.
func (r *Report) weightSentence() string {
	bestRel, sentence := math.Inf(1), ""
	for _, w := range r.Sensitivity.Weights {
		if w.Weight <= 0 {
			continue
		}
		if w.BestAbove != "" {
			if rel := (w.High - w.Weight) / w.Weight; rel < bestRel {
				bestRel = rel
				sentence = fmt.Sprintf("Of the weights, %s is closest to changing the answer: if it counted for %s of the decision instead of %s, the %s would come out ahead.",
					strings.ToLower(w.Name), pct1(w.High), pct1(w.Weight), r.name(w.BestAbove))
			}
		}
		if w.BestBelow != "" {
			if rel := (w.Weight - w.Low) / w.Weight; rel < bestRel {
				bestRel = rel
				sentence = fmt.Sprintf("Of the weights, %s is closest to changing the answer: if it counted for %s of the decision instead of %s, the %s would come out ahead.",
					strings.ToLower(w.Name), pct1(w.Low), pct1(w.Weight), r.name(w.BestBelow))
			}
		}
	}
	if sentence == "" && len(r.Opportunities) > 1 {
		return fmt.Sprintf("No single weight changes the answer: the %s stays best whatever weight any one criterion gets.", r.name(r.Best))
	}
	return sentence
}

func pct1(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

func (r *Report) moneySentence(o *Opportunity) string {
	c := r.caseRef
	f := o.Facts
	needs := c.Person.MonthlyExpenses
	var parts []string
	if f.MonthlyNet > 0 || f.MonthlyGross > 0 {
		left := fmt.Sprintf("after tax, health cover and commute, the %s leaves %s a month against essential needs of %s", o.Name, r.money(f.MonthlyNet), r.money(needs))
		if d := f.MonthlyNet - needs; d < 0 {
			left += fmt.Sprintf(" (%s short)", r.money(-d))
		} else {
			left += fmt.Sprintf(" (%s to spare)", r.money(d))
		}
		parts = append(parts, left)
	}
	if f.MonthsToFirstPay > 0 {
		s := fmt.Sprintf("its first paycheck is %.1f months away, which uses %s of your %s savings", f.MonthsToFirstPay, r.money(f.SpendBeforePay), r.money(c.Person.Savings))
		if f.CurrentJobPay > 0 {
			s = fmt.Sprintf("its first paycheck is %.1f months away; your current job pays %s until then, so the wait uses %s of your %s savings",
				f.MonthsToFirstPay, r.money(f.CurrentJobPay), r.money(f.SpendBeforePay), r.money(c.Person.Savings))
		}
		if f.SpendBeforePay > c.Person.Savings {
			s += fmt.Sprintf(": %s more than you have", r.money(f.SpendBeforePay-c.Person.Savings))
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return ""
	}
	s := strings.Join(parts, "; ") + "."
	return strings.ToUpper(s[:1]) + s[1:]
}

// pendingSentences explain the timing of opportunities not yet offered
// against the offers in hand.
func (r *Report) pendingSentences() []string {
	c := r.caseRef
	var out []string
	for i := range c.Opportunities {
		p := &c.Opportunities[i]
		if !p.Pending() {
			continue
		}
		known := p.KnownBy(c.AsOf)
		s := fmt.Sprintf("The %s is not an offer yet: about a %s chance", p.Name, pct(p.OfferProbability().Mean()))
		if !known.IsZero() && known != c.AsOf {
			s += fmt.Sprintf(", with an answer expected by %s", known)
		}
		for j := range c.Opportunities {
			o := &c.Opportunities[j]
			if o.Pending() || o.Start.IsZero() || (o.Status != crossroads.StatusAccepted && o.Status != crossroads.StatusOffer) {
				continue
			}
			switch {
			case o.Status == crossroads.StatusOffer && !o.Chance.RespondBy.IsZero() && known.After(o.Chance.RespondBy):
				s += fmt.Sprintf("; that is after you must answer the %s (by %s), so you would have to decide without knowing", o.Name, o.Chance.RespondBy)
			case known.Before(o.Start):
				s += fmt.Sprintf("; that is before the %s starts on %s, so an offer could still be taken — but only by withdrawing from a job you accepted", o.Name, o.Start)
			default:
				s += fmt.Sprintf("; that is after the %s starts on %s, so taking it would mean resigning from a job just begun", o.Name, o.Start)
			}
		}
		out = append(out, s+".")
	}
	return out
}

// questions lists what is still worth finding out, from the inputs that are
// uncertain or were filled in by defaults.
func questions(r *Report) []string {
	c := r.caseRef
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	for i := range c.Opportunities {
		o := &c.Opportunities[i]
		who := o.Employer
		if who == "" {
			who = "the employer of the " + o.Name
		}
		if o.IsFixedTerm() {
			p := o.ConversionProbability()
			if o.Employment.Conversion.Probability == nil || p.IsRange() {
				add("How many contract staff in this role at %s were hired permanently last year? The chance of conversion (now %s) drives the future of the %s.", who, estimatePct(p), o.Name)
			}
			if !o.Benefits.HasHealth(true) {
				add("Does %s offer any health plan to contract staff, or coverage from the first day after conversion?", who)
			}
		}
		if o.Pending() {
			add("When will %s decide on the %s, and could the answer come sooner?", who, o.Name)
		}
		if (o.Status == crossroads.StatusAccepted || o.Status == crossroads.StatusOffer) && hasPendingBefore(c, o) {
			add("Could the %s start later or give more time to answer, so that the other decision is known first?", o.Name)
		}
		if f := o.Schedule.Flexibility; f == nil || f.IsRange() {
			add("How flexible are the hours of the %s in practice (school runs, sick days)?", o.Name)
		}
		if o.Future.Growth == nil {
			add("What career paths does %s offer from the %s?", who, o.Name)
		}
		if o.Occupation == "" && o.Status != crossroads.StatusKeepSearching {
			add("Which occupation is the %s? Naming it (an O*NET-SOC code) adds national pay and outlook figures.", o.Name)
		}
		if o.Work.CanDo != nil && !*o.Work.CanDo {
			add("What would help you do the %s well (training, a trial period)?", o.Name)
		}
		if o.Pay.Amount.IsRange() {
			add("What exactly would the %s pay? It is now a range, %s.", o.Name, o.Pay.Amount)
		}
	}
	if c.Person.Health.WithoutEmployerMonthly == nil && !c.Person.Health.GoUncovered {
		if c.Person.State == "" {
			add("What would health coverage cost you without an employer plan? The analysis assumed %s a month (the average full premium of an employer plan); naming your state estimates the marketplace premium after the tax credit, which may be far lower, and a quote is better still.",
				r.money(c.Person.HealthWithoutEmployer()))
		} else {
			add("What would a marketplace plan cost you? The analysis estimated about %s a month after the premium tax credit (%s); a real quote for your county is better.",
				r.money(lens.TypicalOwnCover(c)), c.Person.State)
		}
	}
	if c.Person.Unemployment.Claims() && c.Person.Unemployment.Weekly == nil && c.Person.State != "" {
		add("Would you qualify for unemployment benefit if a job ended through no fault of yours? The analysis assumes your past earnings qualify you for %s's benefit; the state's office can tell you the weekly amount.", c.Person.State)
	}
	for _, o := range r.Opportunities {
		if o.Facts.SpendBeforePay > c.Person.Savings {
			add("How would you bridge the %s gap before the first paycheck of the %s?", r.money(o.Facts.SpendBeforePay-c.Person.Savings), o.Name)
		}
	}
	return out
}

func hasPendingBefore(c *crossroads.Case, o *crossroads.Opportunity) bool {
	for i := range c.Opportunities {
		p := &c.Opportunities[i]
		if p.Pending() && p != o {
			return true
		}
	}
	return false
}

func estimatePct(e crossroads.Estimate) string {
	if e.IsRange() {
		return fmt.Sprintf("%s to %s, most likely %s", pct(e.Min), pct(e.Max), pct(e.Likely))
	}
	return pct(e.Likely)
}

// assumptions lists the cited default figures the analysis relied on.
func assumptions(c *crossroads.Case) []crossroads.Figure {
	var out []crossroads.Figure
	seen := map[string]bool{}
	add := func(f crossroads.Figure) {
		if !seen[f.Name] {
			seen[f.Name] = true
			out = append(out, f)
		}
	}
	if c.Settings.Tax.Mode != "effective" {
		status := c.FilingStatus()
		add(crossroads.FigSocialSecurityRate)
		add(crossroads.FigSocialSecurityWageBase)
		add(crossroads.FigMedicareRate)
		add(crossroads.Figure{Name: "Federal standard deduction (" + strings.ReplaceAll(status, "_", " ") + ")", Value: money.StandardDeduction[status],
			Unit: "$ per year", Year: "tax year 2026", Source: "IRS Rev. Proc. 2025-32"})
		add(crossroads.Figure{Name: "Federal income tax brackets", Value: 0.10, Unit: "lowest rate", Year: "tax year 2026", Source: "IRS Rev. Proc. 2025-32"})
		if c.Person.Dependants > 0 {
			add(crossroads.Figure{Name: "Child tax credit per child (non-refundable part)", Value: money.ChildTaxCredit, Unit: "$ per year", Year: "2026", Source: "One Big Beautiful Bill Act; IRS Rev. Proc. 2025-32"})
		}
	}
	family := c.Person.HealthCoverage() == "family"
	if c.Person.Health.WithoutEmployerMonthly == nil && !c.Person.Health.GoUncovered {
		if family {
			add(crossroads.FigHealthPremiumFamily)
		} else {
			add(crossroads.FigHealthPremiumSelf)
		}
	}
	for i := range c.Opportunities {
		o := &c.Opportunities[i]
		b := []crossroads.Benefits{o.Benefits}
		if o.IsFixedTerm() {
			b = append(b, o.ConvertedBenefits())
		}
		for _, bb := range b {
			if bb.HasHealth(o.IsFixedTerm()) && bb.HealthEmployeeMonthly == nil {
				if family {
					add(crossroads.FigHealthWorkerFamily)
					add(crossroads.FigHealthPremiumFamily)
				} else {
					add(crossroads.FigHealthWorkerSelf)
					add(crossroads.FigHealthPremiumSelf)
				}
			}
		}
		if o.Pay.Per == "hour" {
			add(crossroads.FigHoursPerYear)
		}
		if o.Commute.MonthlyCost == nil && o.Commute.MilesOneWay > 0 {
			add(crossroads.FigMileageRate)
		}
		if o.Commute.MinutesOneWay > 0 {
			add(crossroads.FigCommuteTimeValue)
		}
		if o.Future.LayoffRiskPerYear == nil && o.Status != crossroads.StatusKeepSearching {
			add(crossroads.FigLayoffRisk)
		}
		if o.Status == crossroads.StatusKeepSearching && o.Search.Months == nil {
			add(crossroads.FigSearchMonths)
		}
	}
	// The simulation: the pay lag, the search after a lost job or a
	// missing offer, and the job it finds.
	add(figPayLag)
	if c.Settings.Search.Months == nil && (c.SearchOption() == nil || c.SearchOption().Search.Months == nil) {
		add(crossroads.FigSearchMonths)
	}
	if sj := c.SearchJob(); sj.Future.LayoffRiskPerYear == nil {
		add(crossroads.FigLayoffRisk)
	}
	if sj := c.SearchJob(); sj.Benefits.HasHealth(false) && sj.Benefits.HealthEmployeeMonthly == nil {
		if family {
			add(crossroads.FigHealthWorkerFamily)
		} else {
			add(crossroads.FigHealthWorkerSelf)
		}
	}
	return out
}

// figPayLag is the simulation's time from a job's start to its first pay.
var figPayLag = crossroads.Figure{Name: "Time from the start of a job to its first paycheck", Value: lens.PayLagMonths, Unit: "months", Year: "convention",
	Source: "Assumption: pay arrives about two weeks after it is earned, as with a biweekly payroll"}

// timeline lists the dates of the case in order.
func timeline(c *crossroads.Case) []Event {
	ev := []Event{{Date: c.AsOf.String(), What: "Today: the decision"}}
	add := func(d crossroads.Date, id, what string) {
		if !d.IsZero() {
			ev = append(ev, Event{Date: d.String(), Opportunity: id, What: what})
		}
	}
	for i := range c.Opportunities {
		o := &c.Opportunities[i]
		add(o.Chance.InterviewDate, o.ID, "Interview: "+o.Name)
		if o.Pending() {
			add(o.KnownBy(c.AsOf), o.ID, "Answer expected: "+o.Name)
		}
		add(o.Chance.RespondBy, o.ID, "Respond by: "+o.Name)
		if o.Status != crossroads.StatusCurrentJob {
			add(o.Start, o.ID, "Start: "+o.Name)
		}
		if o.IsFixedTerm() && !o.Start.IsZero() && o.Employment.Months > 0 {
			end := o.Start.AddMonths(o.Employment.Months)
			add(end, o.ID, fmt.Sprintf("Contract ends (conversion decided): %s", o.Name))
			if o.ExtensionProbability().Mean() > 0 {
				add(end.AddMonths(o.ExtensionMonths()), o.ID, "End of a possible extension: "+o.Name)
			}
		}
		add(o.Employment.Ends, o.ID, "Job ends: "+o.Name)
	}
	sort.SliceStable(ev, func(i, j int) bool { return ev[i].Date < ev[j].Date })
	return ev
}
