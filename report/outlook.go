package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/occupation"
)

// Occupations is the report's view of the occupation data: for each
// opportunity that names an occupation, its national pay and outlook and
// where it can lead; and the next steps from the person's own work history.
type Occupations struct {
	Opportunities []OpportunityOccupation `json:"opportunities,omitempty"`
	// NextSteps are related occupations of the person's past occupations, at
	// most one job zone higher ("from where I am").
	NextSteps []OccupationFigures `json:"next_steps,omitempty"`
	// Attribution of the data, shown whenever the report uses it.
	Attribution string `json:"attribution,omitempty"`
}

// OpportunityOccupation is the occupation of one opportunity.
type OpportunityOccupation struct {
	Opportunity string            `json:"opportunity"`
	Occupation  OccupationFigures `json:"occupation"`
	// PayPosition says where the opportunity's pay sits in the national
	// distribution of the occupation's pay.
	PayPosition string `json:"pay_position,omitempty"`
	// LeadsTo are the occupations that match the opportunity's leads_to.
	LeadsTo []OccupationFigures `json:"leads_to,omitempty"`
	// Related are the closest related occupations, at most one job zone
	// higher.
	Related []OccupationFigures `json:"related,omitempty"`
	// Meaning says in plain words whether the role looks like a dead end or
	// a foot in the door.
	Meaning string `json:"meaning"`
}

// OccupationFigures are the national figures of one occupation.
type OccupationFigures struct {
	Code    string `json:"code"`
	Title   string `json:"title"`
	JobZone int    `json:"job_zone,omitempty"`
	// Wages in dollars a year (nil when BLS publishes none); top-coded
	// values are the published bound, with TopCoded set.
	MedianAnnual *float64 `json:"median_annual,omitempty"`
	P10Annual    *float64 `json:"p10_annual,omitempty"`
	P90Annual    *float64 `json:"p90_annual,omitempty"`
	TopCoded     bool     `json:"top_coded,omitempty"`
	// ChangePercent is the projected employment change 2024–34 and
	// AnnualOpenings the yearly openings in thousands (nil when unknown).
	ChangePercent  *float64 `json:"change_percent,omitempty"`
	AnnualOpenings *float64 `json:"annual_openings,omitempty"`
	// From is the person's occupation a next step is related to.
	From string `json:"from,omitempty"`
}

func wage(w occupation.Wage) (*float64, bool) {
	if w.Status == occupation.NotAvailable {
		return nil, false
	}
	d := w.Dollars()
	return &d, w.Status == occupation.TopCoded
}

func figures(code, title string, zone int, wages *occupation.Wages, out *occupation.Outlook) OccupationFigures {
	f := OccupationFigures{Code: code, Title: title, JobZone: zone}
	if wages != nil {
		var t1, t2, t3 bool
		f.MedianAnnual, t1 = wage(wages.Annual.Median)
		f.P10Annual, t2 = wage(wages.Annual.P10)
		f.P90Annual, t3 = wage(wages.Annual.P90)
		f.TopCoded = t1 || t2 || t3
	}
	if out != nil {
		cp, op := out.ChangePercent, out.AnnualOpenings
		f.ChangePercent, f.AnnualOpenings = &cp, &op
	}
	return f
}

func figuresOf(o occupation.Occupation) OccupationFigures {
	return figures(o.Code, o.Title, o.JobZone, o.Wages, o.Outlook)
}

func stepFigures(s occupation.Step) OccupationFigures {
	f := figures(s.Code, s.Title, s.JobZone, s.Wages, s.Outlook)
	f.From = s.From
	return f
}

// leadsToScore is the lowest search score at which a leads_to text is taken
// to name an occupation.
const leadsToScore = 0.5

// buildOccupations gathers the occupation data of the case.
func buildOccupations(c *crossroads.Case) Occupations {
	var occ Occupations
	for i := range c.Opportunities {
		o := &c.Opportunities[i]
		data, ok := occupation.Lookup(o.Occupation)
		if o.Occupation == "" || !ok {
			continue
		}
		oo := OpportunityOccupation{Opportunity: o.ID, Occupation: figuresOf(data)}
		oo.PayPosition = payPosition(o.Pay.Annual(), data.Wages)
		for _, text := range o.Future.LeadsTo {
			for _, m := range occupation.Search(text, 3) {
				if m.Score < leadsToScore || m.Code == data.Code {
					continue
				}
				if lo, ok := occupation.Lookup(m.Code); ok {
					oo.LeadsTo = append(oo.LeadsTo, figuresOf(lo))
				}
			}
		}
		if steps, err := occupation.NextSteps([]string{data.Code}, 5); err == nil {
			for _, s := range steps {
				oo.Related = append(oo.Related, stepFigures(s))
			}
		}
		oo.Meaning = meaning(o, oo)
		occ.Opportunities = append(occ.Opportunities, oo)
	}
	var from []string
	for _, e := range c.Person.Experience {
		if _, ok := occupation.Lookup(e.Occupation); ok && e.Occupation != "" {
			from = append(from, e.Occupation)
		}
	}
	if len(from) > 0 {
		if steps, err := occupation.NextSteps(from, 8); err == nil {
			for _, s := range steps {
				occ.NextSteps = append(occ.NextSteps, stepFigures(s))
			}
		}
	}
	if len(occ.Opportunities) > 0 || len(occ.NextSteps) > 0 {
		occ.Attribution = occupation.Attribution
	}
	return occ
}

// payPosition places a yearly pay in an occupation's national distribution.
func payPosition(annual float64, w *occupation.Wages) string {
	if w == nil || !w.Annual.Median.Known() {
		return ""
	}
	p := w.Annual
	m := p.Median.Dollars()
	switch {
	case p.P10.Known() && annual < p.P10.Dollars():
		return fmt.Sprintf("below the 10th percentile nationally (%s)", p.P10)
	case p.P25.Known() && annual < p.P25.Dollars():
		return fmt.Sprintf("in the lowest quarter nationally (25th percentile %s)", p.P25)
	case math.Abs(annual-m) <= 0.05*m:
		return fmt.Sprintf("close to the national median (%s)", p.Median)
	case p.P75.Known() && annual <= p.P75.Dollars():
		return fmt.Sprintf("in the middle half nationally (median %s)", p.Median)
	case p.P90.Known() && annual <= p.P90.Dollars():
		return fmt.Sprintf("in the top quarter nationally (75th percentile %s)", p.P75)
	}
	return "above the 90th percentile nationally"
}

// growthWords describes a projected change against the average of all
// occupations.
func growthWords(p float64) string {
	avg := occupation.AllOccupationsChangePercent
	switch {
	case p <= -5:
		return fmt.Sprintf("shrinking fast (%+.1f%% by 2034, against %+.1f%% for all occupations)", p, avg)
	case p < 1:
		return fmt.Sprintf("shrinking or flat (%+.1f%% by 2034, against %+.1f%% for all occupations)", p, avg)
	case p <= avg+2:
		return fmt.Sprintf("growing about as fast as average (%+.1f%% by 2034)", p)
	}
	return fmt.Sprintf("growing faster than average (%+.1f%% by 2034, against %+.1f%% for all occupations)", p, avg)
}

// meaning says what the occupation data means for "dead end, or a foot in
// the door?".
func meaning(o *crossroads.Opportunity, oo OpportunityOccupation) string {
	occ := oo.Occupation
	var b strings.Builder
	if occ.ChangePercent == nil {
		fmt.Fprintf(&b, "BLS publishes no projection for %s.", occ.Title)
	} else {
		fmt.Fprintf(&b, "Nationally, employment of %s is %s.", strings.ToLower(occ.Title), growthWords(*occ.ChangePercent))
	}
	var better []string
	for _, l := range append(append([]OccupationFigures{}, oo.LeadsTo...), oo.Related...) {
		if l.ChangePercent != nil && *l.ChangePercent > occupation.AllOccupationsChangePercent && l.MedianAnnual != nil &&
			(occ.MedianAnnual == nil || *l.MedianAnnual > *occ.MedianAnnual) && !containsTitle(better, l.Title) {
			better = append(better, fmt.Sprintf("%s (median %s, %+.1f%%)", l.Title, crossroads.FormatMoney(*l.MedianAnnual, "USD"), *l.ChangePercent))
		}
	}
	growth := crossroads.DefaultRating
	if o.Future.Growth != nil {
		growth = *o.Future.Growth
	}
	shrinking := occ.ChangePercent != nil && *occ.ChangePercent < 1
	switch {
	case len(oo.LeadsTo) > 0 && len(better) > 0:
		fmt.Fprintf(&b, " But it is a foot in the door: it leads toward %s.", and(better[:min(2, len(better))]))
	case shrinking && growth < 5:
		fmt.Fprintf(&b, " On its own it looks more like a dead end than a foot in the door, unless the employer promotes from within (room to grow is rated %s/10).", num(growth))
	case len(better) > 0:
		fmt.Fprintf(&b, " Related work that pays more and grows faster: %s — a foot in the door only if the employer opens that path.", and(better[:min(2, len(better))]))
	case shrinking:
		b.WriteString(" A shrinking occupation makes the employer's own career paths matter more.")
	default:
		b.WriteString(" A growing occupation keeps doors open elsewhere too.")
	}
	return b.String()
}

func containsTitle(list []string, title string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, title+" (") {
			return true
		}
	}
	return false
}

func num(x float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", x), ".0") }

// writeOccupationsText writes the occupation section of the text report.
func (r *Report) writeOccupationsText(t *textWriter) {
	occ := r.Occupations
	if len(occ.Opportunities) == 0 && len(occ.NextSteps) == 0 {
		return
	}
	t.heading("DEAD END OR FOOT IN THE DOOR? (national occupation data)")
	for _, oo := range occ.Opportunities {
		f := oo.Occupation
		t.line(fmt.Sprintf("%s — %s (%s)", r.name(oo.Opportunity), f.Title, f.Code))
		t.wrap("  ", figureLine(f))
		if oo.PayPosition != "" {
			t.wrap("  ", "The pay offered is "+oo.PayPosition+".")
		}
		t.wrap("  ", oo.Meaning)
		if len(oo.LeadsTo) > 0 {
			t.line("  Where it leads (from the opportunity's leads_to):")
			for _, l := range oo.LeadsTo {
				t.line("    " + l.Title)
				t.wrap("      ", figureLine(l))
			}
		}
		if len(oo.Related) > 0 {
			t.line("  Closest related occupations (O*NET), at most one job zone up:")
			for _, l := range oo.Related {
				t.line("    " + l.Title)
				t.wrap("      ", figureLine(l))
			}
		}
		t.blank()
	}
	if len(occ.NextSteps) > 0 {
		t.line("From where you are (related to your past occupations, at most one job zone up):")
		for _, s := range occ.NextSteps {
			t.line("    " + s.Title)
			t.wrap("      ", figureLine(s))
		}
		t.blank()
	}
	t.wrap("  ", occ.Attribution)
}

// figureLine writes an occupation's median pay, range and outlook on one
// line.
func figureLine(f OccupationFigures) string {
	var parts []string
	if f.MedianAnnual != nil {
		s := "median " + crossroads.FormatMoney(*f.MedianAnnual, "USD")
		if f.P10Annual != nil && f.P90Annual != nil {
			s += fmt.Sprintf(" (P10–P90 %s–%s)", crossroads.FormatMoney(*f.P10Annual, "USD"), crossroads.FormatMoney(*f.P90Annual, "USD"))
		}
		if f.TopCoded {
			s += " (top-coded at or above $239,200)"
		}
		parts = append(parts, s)
	}
	if f.ChangePercent != nil {
		parts = append(parts, fmt.Sprintf("%+.1f%% by 2034", *f.ChangePercent))
	}
	if f.AnnualOpenings != nil {
		parts = append(parts, fmt.Sprintf("%.1fk openings a year", *f.AnnualOpenings))
	}
	if f.JobZone > 0 {
		parts = append(parts, fmt.Sprintf("job zone %d", f.JobZone))
	}
	return strings.Join(parts, ", ")
}
