package report

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/crossroads/crossroads/analysis/strategy"
)

// writePlansText writes the simulated plans: a table, the fan chart of the
// best plan, the value of information, the break-even points and the
// tornado chart.
func (r *Report) writePlansText(t *textWriter) {
	sim := r.Simulation
	if sim == nil || len(r.Strategies) == 0 {
		return
	}
	t.heading("THE PLANS, SIMULATED MONTH BY MONTH")
	t.wrap("", fmt.Sprintf("%s futures simulated over %s (seed %d); every plan meets the same futures, so their differences are not noise. Each figure is followed by ± its Monte Carlo standard error.",
		thousands(sim.Paths), monthsWord(sim.HorizonMonths), sim.Seed))
	for _, s := range r.rankedStrategies() {
		t.blank()
		t.wrapHanging(fmt.Sprintf("  %s. ", s.Letter), "     ", fmt.Sprintf("%s — rank %d, score %.1f ±%.1f", s.Name, s.Rank, s.Score, s.ScoreSE))
		t.wrap("     ", fmt.Sprintf("Savings at month %d: median %s, P10 %s, P90 %s; mean %s ±%s.",
			sim.HorizonMonths, r.money(s.SavingsP50), r.money(s.SavingsP10), r.money(s.SavingsP90), r.money(s.SavingsMean), r.money(s.SavingsMeanSE)))
		run := fmt.Sprintf("Savings run out: %s ±%s", pct1(s.PSavingsRunOut), pct1(s.PSavingsRunOutSE))
		if s.RunOutMonth > 0 {
			run += fmt.Sprintf(", most often first in month %d (%s)", s.RunOutMonth, s.RunOutDate)
			run += fmt.Sprintf("; the hole %s ±%s on average (P90 %s ±%s), %.1f ±%.2f month ends below zero",
				r.money(s.ShortfallMean), r.money(s.ShortfallMeanSE), r.money(s.ShortfallP90), r.money(s.ShortfallP90SE), s.MonthsShort, s.MonthsShortSE)
		}
		t.wrap("     ", run+".")
		t.wrap("     ", fmt.Sprintf("Months without pay %.1f ±%.2f; without an employer health plan %.1f ±%.2f.",
			s.MonthsWithoutPay, s.MonthsWithoutPaySE, s.MonthsWithoutEmployerCoverage, s.MonthsWithoutEmployerCoverageSE))
		cover := fmt.Sprintf("Own health cover %s", r.money(s.OwnHealthCost))
		if s.MonthsWithoutHealthCoverage > 0 {
			cover = fmt.Sprintf("Months with no health coverage at all %.1f ±%.2f", s.MonthsWithoutHealthCoverage, s.MonthsWithoutHealthCoverageSE)
		}
		t.wrap("     ", fmt.Sprintf("%s; take-home pay %s; in a permanent job at month %d: %s.",
			cover, r.money(s.TakeHome), sim.HorizonMonths, pct(s.PPermanent)))
		if s.Withdrawals+s.Quits > 0 {
			w := fmt.Sprintf("Withdrawing before a start in %s of the futures, resigning after one in %s: %.1f/10 of reputation on average", pct(s.Withdrawals), pct(s.Quits), s.ReputationCost)
			if s.WithdrawalCost > 0 {
				w += fmt.Sprintf(" and %s", r.money(s.WithdrawalCost))
			}
			t.wrap("     ", w+".")
		}
	}
	t.blank()
	t.wrap("  ", "Score: "+sim.ScoreMeaning+", over these criteria (weight in the ranking):")
	for _, cr := range sim.Criteria {
		t.wrapHanging(fmt.Sprintf("    %5.1f%%  ", 100*cr.Weight), "            ", cr.Name+": "+cr.Value+".")
	}
	t.line("  Values of each plan (1 best; below 0, a hole deeper than the value's scale):")
	head := "          "
	for _, cr := range sim.Criteria {
		head += fmt.Sprintf(" %9s", clip(cr.ID, 9))
	}
	t.line(head)
	for _, s := range r.Strategies {
		row := fmt.Sprintf("       %s  ", s.Letter)
		for _, v := range s.Values {
			row += fmt.Sprintf(" %9.2f", v.Value)
		}
		t.line(row)
	}

	best := r.strategy(sim.Best)
	t.blank()
	t.line(fmt.Sprintf("Savings month by month under the best plan (%s): P10 ├──●──┤ P90, median ●", best.Letter))
	t.fanChart(r, best)

	for _, v := range r.ValueOfInformation {
		t.heading("WHAT KNOWING THE ANSWER IS WORTH")
		t.wrap("", r.voiSentence(v))
	}

	t.heading("WHAT WOULD CHANGE THE BEST PLAN")
	for _, b := range r.BreakEven {
		t.bullet(r.breakEvenSentence(b))
	}
	t.wrap("  ", "Each point is found by root-finding (regula falsi) on common random numbers, not on a grid; see docs/simulation.md.")
	t.blank()
	t.line(fmt.Sprintf("Tornado: the lead of the best plan (%s) over the next best, in points,", best.Letter))
	t.line("with each input at its low and its high value (┃ marks no lead; left of")
	t.line("it another plan is best).")
	t.tornado(r)
}

// rankedStrategies returns the plans in rank order (generation order for
// ties).
func (r *Report) rankedStrategies() []*Strategy {
	out := make([]*Strategy, 0, len(r.Strategies))
	for rank := 1; len(out) < len(r.Strategies) && rank <= len(r.Strategies); rank++ {
		for i := range r.Strategies {
			if r.Strategies[i].Rank == rank {
				out = append(out, &r.Strategies[i])
			}
		}
	}
	return out
}

// inputValue writes the value of an input in its unit.
func (r *Report) inputValue(unit string, x float64) string {
	switch unit {
	case "probability":
		return pct1(x)
	case "money":
		return r.money(x)
	case "share":
		return fmt.Sprintf("%.2f", x)
	case "months":
		return fmt.Sprintf("%.1f months", x)
	case "factor":
		return fmt.Sprintf("×%.2g", x)
	}
	return fmt.Sprintf("%g", x)
}

func thousands(n int) string { return strings.TrimPrefix(r0Money(float64(n)), "$") }

func r0Money(x float64) string {
	return strings.ReplaceAll(fmt.Sprintf("$%s", groupDigits(int64(math.Round(x)))), "$-", "−$")
}

func groupDigits(n int64) string {
	s := fmt.Sprintf("%d", n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, d := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// fanChart draws the month-by-month P10–P90 band and median of a plan's
// savings on a money axis, one row a month (every k-th month for long
// horizons), with ┊ at zero.
func (t *textWriter) fanChart(r *Report, s *Strategy) {
	const cols = 46
	lo, hi := 0.0, 0.0
	for _, f := range s.Fan {
		lo, hi = math.Min(lo, f.P10), math.Max(hi, f.P90)
	}
	if hi == lo {
		hi = lo + 1
	}
	x := func(v float64) int { return int(math.Round((v - lo) / (hi - lo) * (cols - 1))) }
	step := max(1, (len(s.Fan)+29)/30)
	t.line(fmt.Sprintf("  month  %-*s%s", cols/2, r.money(lo), padLeft(r.money(hi), cols-cols/2)))
	for i, f := range s.Fan {
		if i%step != 0 && i != len(s.Fan)-1 {
			continue
		}
		row := []rune(strings.Repeat(" ", cols))
		if z := x(0); z >= 0 && z < cols {
			row[z] = '┊'
		}
		a, b := x(f.P10), x(f.P90)
		for k := a; k <= b; k++ {
			row[k] = '─'
		}
		row[a], row[b] = '├', '┤'
		row[x(f.P50)] = '●'
		t.line(fmt.Sprintf("  %5d  %s  %s", f.Month, string(row), r.money(f.P50)))
	}
}

func padLeft(s string, n int) string {
	if k := n - utf8.RuneCountInString(s); k > 0 {
		return strings.Repeat(" ", k) + s
	}
	return s
}

// tornado draws each input's lead at its low and high value as a bar
// around the lead at the case's values.
func (t *textWriter) tornado(r *Report) {
	const cols, label = 32, 40
	lo, hi := 0.0, 0.0
	for _, b := range r.Tornado {
		lo = math.Min(lo, math.Min(b.LeadLow, b.LeadHigh))
		hi = math.Max(hi, math.Max(b.LeadLow, b.LeadHigh))
	}
	if hi == lo {
		hi = lo + 1
	}
	x := func(v float64) int { return int(math.Round((v - lo) / (hi - lo) * (cols - 1))) }
	t.line(fmt.Sprintf("  %-*s %-*s%s", label, "", cols/2, fmt.Sprintf("%+.1f", lo), padLeft(fmt.Sprintf("%+.1f", hi), cols-cols/2)))
	for _, b := range r.Tornado {
		row := []rune(strings.Repeat(" ", cols))
		a, c := x(math.Min(b.LeadLow, b.LeadHigh)), x(math.Max(b.LeadLow, b.LeadHigh))
		for k := a; k <= c; k++ {
			row[k] = '█'
		}
		if z := x(0); z >= 0 && z < cols {
			row[z] = '┃'
		}
		t.line(fmt.Sprintf("  %-*s %s", label, clip(b.Name, label), string(row)))
		t.line(fmt.Sprintf("    %s → %+.1f (best %s); %s → %+.1f (best %s)", r.inputValue(b.Unit, b.Low), b.LeadLow, r.planLetter(b.BestLow),
			r.inputValue(b.Unit, b.High), b.LeadHigh, r.planLetter(b.BestHigh)))
	}
}

// voiSentence says what knowing a pending answer is worth.
func (r *Report) voiSentence(v strategy.VOI) string {
	when := "now"
	if v.Deadline != "" {
		when = "before " + v.Deadline
		if o := r.opportunity(v.DeadlineOf); o != nil {
			if o.Status == "accepted" {
				when += fmt.Sprintf(" (when the %s starts: the last day to withdraw without resigning)", o.Name)
			} else {
				when += fmt.Sprintf(" (the day you must answer the %s)", o.Name)
			}
		}
	}
	s := fmt.Sprintf("Knowing the %s's answer %s is worth %s ±%s of expected savings at month %d",
		v.Name, when, r.money(v.Money), r.money(v.MoneySE), r.HorizonMonths)
	if v.RunOut < -0.0005 {
		s += fmt.Sprintf(", %.1f percentage points less chance of running out of savings", -100*v.RunOut)
	}
	s += fmt.Sprintf(" and %.1f points of score, against the best plan that commits without it (%s: %s). With the answer: %s if it is an offer, %s if not.",
		v.Score, r.planLetter(v.BestWithout), r.planName(v.BestWithout), r.planLetter(v.BestIfOffer), r.planLetter(v.BestIfNoOffer))
	switch {
	case v.BeforeDeadline && math.Abs(v.CapturedScore-v.Score) < 0.05:
		s += fmt.Sprintf(" The answer is expected on %s, before then, so plan %s already gets all of it.", v.KnownBy, r.planLetter(v.CapturedBy))
	case v.BeforeDeadline:
		s += fmt.Sprintf(" The answer is expected on %s, before then; plan %s gets %.1f of those points.", v.KnownBy, r.planLetter(v.CapturedBy), v.CapturedScore)
	case v.Deadline != "":
		s += fmt.Sprintf(" The answer is expected on %s, after then: asking for more time, or for an earlier answer, is worth up to that much.", v.KnownBy)
	}
	return s
}

// breakEvenSentence says where an input changes the best plan.
func (r *Report) breakEvenSentence(b strategy.BreakEven) string {
	name := strings.ToUpper(b.Name[:1]) + b.Name[1:]
	now := r.inputValue(b.Unit, b.Current)
	if b.Value == nil {
		return fmt.Sprintf("%s (now %s): plan %s stays best from %s to %s.", name, now, r.planLetter(b.BestBelow),
			r.inputValue(b.Unit, b.Low), r.inputValue(b.Unit, b.High))
	}
	return fmt.Sprintf("%s (now %s): at %s the best plan changes from %s below to %s above.", name, now,
		r.inputValue(b.Unit, *b.Value), r.planLetter(b.BestBelow), r.planLetter(b.BestAbove))
}

// monthsWord writes "1 month" or "n months".
func monthsWord(n int) string {
	if n == 1 {
		return "1 month"
	}
	return fmt.Sprintf("%d months", n)
}
