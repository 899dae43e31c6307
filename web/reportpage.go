package web

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/occupation"
	"github.com/crossroads/crossroads/report"
)

// reportPage is the data of the report page and of its print version.
type reportPage struct {
	layout
	Record *crossroads.CaseRecord
	Case   *crossroads.Case
	// Report is nil while the case is incomplete; Problems then lists
	// what is missing, each with a link to the page that asks for it.
	Report   *report.Report
	Problems []caseProblem
	// Failure is the message of an analysis that could not run.
	Failure string
	Sliders []slider
	// WhatIf describes the slider values in effect, and WhatIfQuery
	// carries them to the downloads; Ignored lists values of the address
	// that could not be used.
	WhatIf      []string
	WhatIfQuery string
	Ignored     []string
	Charts      reportCharts
	// PDF is true when the server can print the report to PDF.
	PDF bool
	// Partial is true when only the results are sent (a slider moved):
	// the links to the downloads come along to replace the page's own.
	Partial bool
}

// reportCharts are the options of the report's charts; nil leaves a chart
// out. Fans holds a savings fan chart for each simulated plan.
type reportCharts struct {
	Quadrant, Ranking, Balance, Weights, Timeline, Tornado chart
	Fans                                                   []fanChart
}

// caseProblem is a problem of an incomplete case and where to fix it.
type caseProblem struct {
	Message string
	Link    string
	Step    string
}

// problemsWithLinks lists the problems of an incomplete case, each with a
// link to the page of the guided editor that edits the field.
func problemsWithLinks(rec *crossroads.CaseRecord, c *crossroads.Case, errs []crossroads.FieldError) []caseProblem {
	var out []caseProblem
	for _, fe := range errs {
		msg := fe.Rule
		if fe.Value != "" && !strings.Contains(fe.Rule, fe.Value) {
			msg += " (" + fe.Value + ")"
		}
		p := caseProblem{Message: humanPath(c, fe.Path) + ": " + msg}
		slug, opp := stepOf(c, fe.Path)
		switch {
		case opp >= 0:
			p.Link = fmt.Sprintf("/cases/%d/edit/opportunities/%d#%s", rec.ID, opp, inputID(baseOf(fe.Path)))
			p.Step = "Opportunities"
		case slug != "":
			i, _ := stepBySlug(slug)
			p.Link = fmt.Sprintf("/cases/%d/edit/%s", rec.ID, slug)
			if slug != "opportunities" {
				p.Link += "#" + inputID(baseOf(fe.Path))
			}
			p.Step = steps[i].Title
		}
		out = append(out, p)
	}
	return out
}

// humanPath writes a case path for people: the opportunity's name for
// its index, words for the field names ("data-entry job › pay › amount").
func humanPath(c *crossroads.Case, path string) string {
	if path == "" {
		return "The case"
	}
	var parts []string
	for i, part := range strings.Split(path, ".") {
		name, idx, _ := strings.Cut(part, "[")
		if i == 0 && name == "person" && path != "person" {
			continue
		}
		if name == "opportunities" && idx != "" {
			n, _ := strconv.Atoi(strings.TrimSuffix(idx, "]"))
			if n < len(c.Opportunities) && c.Opportunities[n].Name != "" {
				parts = append(parts, c.Opportunities[n].Name)
			} else {
				parts = append(parts, fmt.Sprintf("opportunity %d", n+1))
			}
			continue
		}
		word := strings.ReplaceAll(name, "_", " ")
		if idx != "" {
			n, _ := strconv.Atoi(strings.TrimSuffix(idx, "]"))
			word += fmt.Sprintf(" %d", n+1)
		}
		parts = append(parts, word)
	}
	return capitalize(strings.Join(parts, " › "))
}

// buildReport builds the report page's data: the case with the slider
// values of the query applied, its report and charts.
func (s *Server) buildReport(r *http.Request, rec *crossroads.CaseRecord, c *crossroads.Case) *reportPage {
	p := &reportPage{layout: s.layout(r, recordTitle(c)), Record: rec, Case: c, PDF: s.PDF != nil}
	if errs := validationErrors(c); len(errs) > 0 {
		p.Problems = problemsWithLinks(rec, c, errs)
		return p
	}
	w, ignored := parseWhatIf(r.URL.Query(), c)
	p.Ignored = ignored
	p.Sliders = sliders(c, w)
	p.WhatIf = w.describe(c)
	p.WhatIfQuery = w.query()
	rep, err := s.analyse(rec, c, w)
	if err != nil {
		if crossroads.ErrorKind(err) == crossroads.Internal {
			s.logger().Error("building a report", "case", rec.ID, "err", err)
		}
		p.Failure = crossroads.ErrorMessage(err)
		return p
	}
	p.Report = rep
	p.Charts = reportCharts{
		Quadrant: quadrantChart(rep),
		Ranking:  rankingChart(rep),
		Balance:  balanceChart(rep),
		Weights:  weightsChart(rep),
		Timeline: timelineChart(rep),
		Tornado:  tornadoChart(rep),
		Fans:     fanCharts(rep),
	}
	return p
}

// analyse returns the report of the stored case rec (read into c) with
// the slider values w: kept from an earlier request, or built now (see
// reportCache). The report is shared: never modify it.
func (s *Server) analyse(rec *crossroads.CaseRecord, c *crossroads.Case, w whatIf) (*report.Report, error) {
	s.reportsOnce.Do(func() { s.reports = newReportCache(s.ReportCacheSize) })
	return s.reports.get(keyOf(rec, w.query()), func() (*report.Report, error) {
		return report.Build(w.apply(c), s.Report)
	})
}

// reportPage shows the report with its what-if sliders. A request from
// htmx (a slider moved) gets only the part that depends on the analysis.
func (s *Server) reportPage(w http.ResponseWriter, r *http.Request) error {
	rec, c, err := s.loadCase(r)
	if err != nil {
		return err
	}
	p := s.buildReport(r, rec, c)
	if r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-History-Restore-Request") != "true" {
		p.Partial = true
		s.renderTemplate(w, r, http.StatusOK, "report", "results", p)
		return nil
	}
	s.render(w, r, http.StatusOK, "report", p)
	return nil
}

// printPage shows the print version of the report: no sliders, no
// navigation, the print stylesheet on screen too.
func (s *Server) printPage(w http.ResponseWriter, r *http.Request) error {
	rec, c, err := s.loadCase(r)
	if err != nil {
		return err
	}
	p := s.buildReport(r, rec, c)
	p.Print = true
	s.render(w, r, http.StatusOK, "report", p)
	return nil
}

// downloadName makes a file name from a case's title: letters, digits and
// dashes.
func downloadName(rec *crossroads.CaseRecord, ext string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(rec.Title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() > 60 {
			break
		}
	}
	if b.Len() == 0 {
		b.WriteString(fmt.Sprintf("case-%d", rec.ID))
	}
	return b.String() + ext
}

func attachment(w http.ResponseWriter, contentType, name string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	w.Header().Set("Cache-Control", "no-store")
}

// errIncomplete refuses a download of a case that is not complete.
var errIncomplete = crossroads.Errorf(crossroads.Invalid,
	"this case is not complete yet, so there is no report to download; its report page lists what is missing")

// completeReport returns the report of a complete case with the slider
// values of the query applied, or an Invalid error that lists what is
// missing.
func (s *Server) completeReport(r *http.Request) (*crossroads.CaseRecord, *crossroads.Case, *report.Report, error) {
	rec, c, err := s.loadCase(r)
	if err != nil {
		return nil, nil, nil, err
	}
	if !complete(c) {
		return nil, nil, nil, errIncomplete
	}
	w, _ := parseWhatIf(r.URL.Query(), c)
	rep, err := s.analyse(rec, c, w)
	if err != nil {
		return nil, nil, nil, err
	}
	return rec, c, rep, nil
}

// reportJSON downloads the report as JSON (the same as `crossroads analyze
// --format json`), with the slider values of the query applied.
func (s *Server) reportJSON(w http.ResponseWriter, r *http.Request) error {
	rec, _, rep, err := s.completeReport(r)
	if err != nil {
		return err
	}
	attachment(w, "application/json", downloadName(rec, "-report.json"))
	return rep.WriteJSON(w)
}

// caseYAML downloads the stored case file, as stored.
func (s *Server) caseYAML(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	rec, err := s.Cases.GetCase(r.Context(), id)
	if err != nil {
		return err
	}
	attachment(w, "application/yaml; charset=utf-8", downloadName(rec, ".yaml"))
	_, err = w.Write(rec.Document)
	return err
}

// Link returns the URL of one of the case's downloads ("report.pdf") with
// the slider values in effect.
func (p *reportPage) Link(name string) string {
	u := fmt.Sprintf("/cases/%d/%s", p.Record.ID, name)
	if p.WhatIfQuery != "" {
		u += "?" + p.WhatIfQuery
	}
	return u
}

// OpportunityName returns the name of the report's opportunity with the
// given id.
func (p *reportPage) OpportunityName(id string) string {
	if p.Report != nil {
		for _, o := range p.Report.Opportunities {
			if o.ID == id {
				return o.Name
			}
		}
	}
	return id
}

// Groups are the two groups of criteria, in report order.
func (p *reportPage) Groups() []string {
	return []string{crossroads.GroupPresent, crossroads.GroupFuture}
}

// Figures writes an occupation's national figures in plain words.
func (p *reportPage) Figures(f report.OccupationFigures) string {
	var parts []string
	if f.MedianAnnual != nil {
		s := "national median pay " + crossroads.FormatMoney(*f.MedianAnnual, "USD") + " a year"
		if f.P10Annual != nil && f.P90Annual != nil {
			s += fmt.Sprintf(" (the middle 80%% earn %s to %s)", crossroads.FormatMoney(*f.P10Annual, "USD"), crossroads.FormatMoney(*f.P90Annual, "USD"))
		}
		if f.TopCoded {
			s += " (top-coded: at least the published bound)"
		}
		parts = append(parts, s)
	}
	if f.ChangePercent != nil {
		parts = append(parts, fmt.Sprintf("jobs projected to change by %+.1f%% from 2024 to 2034 (all occupations: %+.1f%%)",
			*f.ChangePercent, occupation.AllOccupationsChangePercent))
	}
	if f.AnnualOpenings != nil {
		parts = append(parts, fmt.Sprintf("about %s openings a year", formatThousands(*f.AnnualOpenings)))
	}
	if f.JobZone > 0 {
		parts = append(parts, fmt.Sprintf("preparation level %d of 5 (O*NET job zone)", f.JobZone))
	}
	if len(parts) == 0 {
		return "No national figures are published for this occupation."
	}
	return capitalize(strings.Join(parts, "; ")) + "."
}

// formatThousands writes a number given in thousands as a whole number
// with grouped digits ("12,300").
func formatThousands(k float64) string {
	digits := strconv.FormatFloat(math.Round(k*1000), 'f', 0, 64)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return b.String()
}

// Count writes a whole number with grouped digits ("10,000").
func (p *reportPage) Count(n int) string { return formatThousands(float64(n) / 1000) }

// Paragraphs splits a text at its blank lines.
func (p *reportPage) Paragraphs(s string) []string { return strings.Split(s, "\n\n") }

// FigureValue writes an assumption's value in its unit.
func (p *reportPage) FigureValue(f crossroads.Figure) string { return report.FigureValue(f) }
