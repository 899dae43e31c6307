package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crossroads/crossroads/analysis/mcda"
)

// width is the line width of the text report.
const width = 78

// WriteText writes the report as plain text for a terminal or a printout.
func (r *Report) WriteText(w io.Writer) error {
	t := &textWriter{w: w}
	title := r.Title
	if title == "" {
		title = "Decision"
	}
	t.line("CROSSROADS: " + title)
	meta := []string{}
	if r.Person != "" {
		meta = append(meta, r.Person)
	}
	meta = append(meta, "as of "+r.AsOf, fmt.Sprintf("looking %d months ahead", r.HorizonMonths), r.Currency)
	t.line(strings.Join(meta, " · "))

	t.heading("SUMMARY")
	for _, s := range r.Summary {
		t.bullet(s)
	}

	t.heading("RANKING")
	t.line(fmt.Sprintf("  %-40s %4s %7s %6s %7s  %s", "", "rank", "score", "today", "future", "job or career?"))
	for _, o := range r.Opportunities {
		t.line(fmt.Sprintf("  %-40s %4d %7.1f %6.0f %7.0f  %s", clip(o.Name, 40), o.Rank, o.Score, o.Lens.Present, o.Lens.Future, o.Lens.Quadrant))
	}
	t.wrap("  ", "Score: "+r.Ranking.ScoreMeaning+". "+r.balanceWords()+" (balance "+strconv.FormatFloat(r.Weights.Balance, 'f', 2, 64)+").")
	t.blank()
	t.quadrantChart(r)

	r.writePlansText(t)

	t.heading("WHAT EACH SCORE IS MADE OF")
	for _, o := range r.Opportunities {
		t.line(o.Name)
		for _, g := range []struct{ id, label string }{{"present", "Today"}, {"future", "Future"}} {
			score := o.Lens.Present
			if g.id == "future" {
				score = o.Lens.Future
			}
			t.line(fmt.Sprintf("  %s: %.0f/100%s%s", g.label, score, strings.Repeat(" ", max(0, 33-len(g.label))), "value weight points"))
			for _, c := range o.Criteria {
				if c.Group != g.id {
					continue
				}
				t.line(fmt.Sprintf("    %-30s %-10s %5.2f %5.0f%% %6.1f", clip(c.Name, 30), bar(c.Value, 10), c.Value, 100*c.Weight, c.Contribution))
				t.wrap("      ", c.Basis)
			}
		}
		t.blank()
	}

	t.heading("WHAT WOULD CHANGE THE ANSWER")
	if r.Ranking.Method == mcda.MethodWSM && len(r.Sensitivity.Balance) > 0 {
		t.line("Present-vs-future balance (0 = only today counts, 1 = only the future):")
		for _, s := range r.Sensitivity.Balance {
			t.line(fmt.Sprintf("  %.2f – %.2f  %s", s.From, s.To, r.name(s.Best)))
		}
		t.blank()
	}
	t.line("Weights: the range of each criterion's share of the decision in which")
	t.line("the best choice stays the same (other weights keep their proportions).")
	t.line(fmt.Sprintf("  %-30s %6s  %-15s  %s", "criterion", "now", "stays best in", "beyond it"))
	for _, s := range r.Sensitivity.Weights {
		beyond := []string{}
		if s.BestBelow != "" {
			beyond = append(beyond, "below: "+clip(r.name(s.BestBelow), 24))
		}
		if s.BestAbove != "" {
			beyond = append(beyond, "above: "+clip(r.name(s.BestAbove), 24))
		}
		if len(beyond) == 0 {
			beyond = append(beyond, "no change at any weight")
		}
		t.line(fmt.Sprintf("  %-30s %5.1f%%  %5.1f%% – %5.1f%%  %s", clip(s.Name, 30), 100*s.Weight, 100*s.Low, 100*s.High, strings.Join(beyond, "; ")))
	}

	if len(r.Weights.Pairwise) > 0 {
		t.heading("PAIRWISE COMPARISONS (AHP)")
		for _, g := range []string{"present", "future"} {
			p := r.Weights.Pairwise[g]
			if p == nil {
				continue
			}
			t.line(fmt.Sprintf("  %s: λmax %.3f, CI %.3f, CR %.3f", g, p.LambdaMax, p.CI, p.CR))
			if p.Warning != "" {
				t.wrap("    ! ", p.Warning)
			}
		}
	}

	r.writeOccupationsText(t)

	t.heading("TIMELINE")
	for _, e := range r.Timeline {
		t.line(fmt.Sprintf("  %s  %s", e.Date, e.What))
	}

	if len(r.Questions) > 0 {
		t.heading("QUESTIONS STILL WORTH ASKING")
		for _, q := range r.Questions {
			t.bullet(q)
		}
	}

	t.heading("ASSUMPTIONS AND SOURCES")
	for _, f := range r.Assumptions {
		t.wrap("  - ", fmt.Sprintf("%s: %s (%s). Source: %s.", f.Name, FigureValue(f), f.Year, f.Source))
	}
	t.wrap("  ", "Every default can be replaced in the case file with your own number.")
	return t.err
}

type textWriter struct {
	w   io.Writer
	err error
}

func (t *textWriter) line(s string) {
	if t.err == nil {
		_, t.err = io.WriteString(t.w, strings.TrimRight(s, " ")+"\n")
	}
}

func (t *textWriter) blank() { t.line("") }

func (t *textWriter) heading(s string) {
	t.blank()
	t.line(s)
	t.line(strings.Repeat("─", utf8.RuneCountInString(s)))
}

func (t *textWriter) bullet(s string) { t.wrapHanging("  • ", "    ", s) }

func (t *textWriter) wrap(prefix, s string) {
	t.wrapHanging(prefix, strings.Repeat(" ", utf8.RuneCountInString(prefix)), s)
}

// wrapHanging writes s word-wrapped at width, the first line after first and
// the others after rest.
func (t *textWriter) wrapHanging(first, rest, s string) {
	line := first
	n := utf8.RuneCountInString(line)
	empty := true
	for _, word := range strings.Fields(s) {
		wl := utf8.RuneCountInString(word)
		if !empty && n+1+wl > width {
			t.line(line)
			line, n, empty = rest, utf8.RuneCountInString(rest), true
		}
		if !empty {
			line += " "
			n++
		}
		line += word
		n += wl
		empty = false
	}
	if !empty {
		t.line(line)
	}
}

// quadrantChart draws the opportunities on a small present × future grid.
func (t *textWriter) quadrantChart(r *Report) {
	const cols, rows = 40, 11
	grid := make([][]rune, rows)
	for i := range grid {
		grid[i] = []rune(strings.Repeat(" ", cols+1))
		grid[i][cols/2] = '┆'
	}
	mid := rows / 2
	for j := range grid[mid] {
		if grid[mid][j] == ' ' {
			grid[mid][j] = '┄'
		}
	}
	var legend []string
	for i, o := range r.Opportunities {
		mark := rune('A' + i%26)
		x := int(o.Lens.Present/100*float64(cols) + 0.5)
		y := rows - 1 - int(o.Lens.Future/100*float64(rows-1)+0.5)
		grid[min(max(y, 0), rows-1)][min(max(x, 0), cols)] = mark
		legend = append(legend, fmt.Sprintf("%c %s (%.0f, %.0f)", mark, o.Name, o.Lens.Present, o.Lens.Future))
	}
	t.line("  future ↑   stepping stone          career move")
	for _, row := range grid {
		t.line("           │" + string(row))
	}
	t.line("           └" + strings.Repeat("─", cols+1) + "→ today")
	t.line("               stopgap                 job")
	for _, l := range legend {
		t.line("  " + l)
	}
}

func bar(v float64, n int) string {
	full := int(v*float64(n) + 0.5)
	full = min(max(full, 0), n)
	return strings.Repeat("█", full) + strings.Repeat("·", n-full)
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
