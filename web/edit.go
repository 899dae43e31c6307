package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/occupation"
	"github.com/crossroads/crossroads/report"
)

// editorPage is the data shared by the pages of the guided editor.
type editorPage struct {
	layout
	Record *crossroads.CaseRecord
	Case   *crossroads.Case
	Steps  []step
	// StepIndex is the index of the page's step in Steps.
	StepIndex int
	Step      step
	Form      *Form
	// Notice is a message at the top of the page ("Saved.").
	Notice string
	// Back is the URL of the previous step, or "".
	Back string
	// Action is the URL the form posts to.
	Action string
}

// caseID reads the case id of the URL; a malformed id is a case that
// does not exist.
func caseID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, crossroads.Errorf(crossroads.NotFound, "there is no case %q", r.PathValue("id"))
	}
	return id, nil
}

// loadCase returns the case of the URL, possibly unfinished.
func (s *Server) loadCase(r *http.Request) (*crossroads.CaseRecord, *crossroads.Case, error) {
	id, err := caseID(r)
	if err != nil {
		return nil, nil, err
	}
	rec, err := s.Cases.GetCase(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	c, err := casefile.ParseDraft(rec.Document, "case.yaml")
	if c == nil {
		return nil, nil, crossroads.Errorf(crossroads.Invalid,
			"the stored case file cannot be read (%v); download it as YAML, correct it and upload it again", err)
	}
	return rec, c, nil
}

// recordTitle is the title a case is listed under.
func recordTitle(c *crossroads.Case) string {
	if t := strings.TrimSpace(c.Title); t != "" {
		return t
	}
	if c.Person.Name != "" {
		return "Untitled case of " + c.Person.Name
	}
	return "Untitled case"
}

// saveCase stores c as the new state of rec, if rec is still at version.
func (s *Server) saveCase(r *http.Request, rec *crossroads.CaseRecord, version int64, c *crossroads.Case) (*crossroads.CaseRecord, error) {
	doc, err := casefile.Marshal(c, "yaml")
	if err != nil {
		return nil, fmt.Errorf("writing case %d: %w", rec.ID, err)
	}
	return s.Cases.UpdateCase(r.Context(), rec.ID, version, recordTitle(c), doc)
}

// parseForm reads a posted form; a malformed or oversized body is the
// person's problem, not the server's.
func parseForm(r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return mbe
		}
		return crossroads.Errorf(crossroads.Invalid, "the form could not be read: %v", err)
	}
	return nil
}

// formVersion reads the version of the case the form was made from.
func formVersion(r *http.Request) (int64, error) {
	v, err := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	if err != nil || v <= 0 {
		return 0, crossroads.Errorf(crossroads.Invalid, "the form lacks the version of the case it was made from; reload the page and try again")
	}
	return v, nil
}

func (s *Server) editorBase(r *http.Request, rec *crossroads.CaseRecord, c *crossroads.Case, i int) editorPage {
	st := steps[i]
	p := editorPage{
		layout: s.layout(r, st.Title+" · "+recordTitle(c)),
		Record: rec, Case: c, Steps: steps, StepIndex: i, Step: st,
		Action: fmt.Sprintf("/cases/%d/edit/%s", rec.ID, st.Slug),
	}
	if i > 0 {
		p.Back = fmt.Sprintf("/cases/%d/edit/%s", rec.ID, steps[i-1].Slug)
	}
	return p
}

// stepPages build the data of each step's page from the shared part.
var stepPages = map[string]func(p editorPage) any{
	"you":           func(p editorPage) any { return &p },
	"needs":         func(p editorPage) any { return &p },
	"goal":          func(p editorPage) any { return &p },
	"opportunities": opportunityList,
	"chances":       chancesView,
	"priorities":    prioritiesView,
	"pairwise":      pairwiseView,
}

// editStep shows the page of one step, filled from the stored case.
func (s *Server) editStep(w http.ResponseWriter, r *http.Request) error {
	i, ok := stepBySlug(r.PathValue("step"))
	if !ok {
		return crossroads.Errorf(crossroads.NotFound, "there is no step %q", r.PathValue("step"))
	}
	rec, c, err := s.loadCase(r)
	if err != nil {
		return err
	}
	p := s.editorBase(r, rec, c, i)
	var fields []string
	if steps[i].fields != nil {
		fields = steps[i].fields(c)
	}
	p.Form = newForm(encodeForm(c, fields), s.listProblems(c, i), c.CurrencyCode())
	if r.URL.Query().Get("saved") == "1" {
		p.Notice = "Saved."
	}
	s.renderForm(w, r, http.StatusOK, steps[i].Slug, stepPages[steps[i].Slug](p))
	return nil
}

// listProblems returns the problems the opportunities page shows without
// a form: those of the list as a whole ("needs at least 2 entries").
func (s *Server) listProblems(c *crossroads.Case, i int) []crossroads.FieldError {
	if steps[i].Slug != "opportunities" {
		return nil
	}
	var out []crossroads.FieldError
	for _, fe := range validationErrors(c) {
		if fe.Path == "opportunities" {
			out = append(out, fe)
		}
	}
	return out
}

// validationErrors returns the problems of c: those of c.Validate, and
// the essential spending, which a case file must give and a case built in
// the editor may not have reached yet (it is 0 then, and every figure
// measured against it would be meaningless).
func validationErrors(c *crossroads.Case) []crossroads.FieldError {
	var out []crossroads.FieldError
	if ve, ok := c.Validate().(*crossroads.ValidationError); ok {
		out = ve.Errors
	}
	if c.Person.MonthlyExpenses <= 0 && !slices.ContainsFunc(out, func(fe crossroads.FieldError) bool {
		return fe.Path == "person.monthly_expenses"
	}) {
		out = append(out, crossroads.FieldError{Path: "person.monthly_expenses", Rule: "is required: your essential spending each month"})
	}
	return out
}

// complete reports whether c can be analysed.
func complete(c *crossroads.Case) bool { return len(validationErrors(c)) == 0 }

// renderForm renders a page with a form. When the form has problems, the
// page is rendered twice: the first pass records the labels of the inputs,
// which the summary of problems at the top of the page names.
func (s *Server) renderForm(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	type hasForm interface{ form() *Form }
	if hf, ok := data.(hasForm); ok && len(hf.form().Errors) > 0 {
		pages[page].ExecuteTemplate(io.Discard, "layout", data)
	}
	s.render(w, r, status, page, data)
}

func (p *editorPage) form() *Form { return p.Form }

// saveStep reads the form of one step onto the stored case and saves it,
// or shows the page again with the person's entries and the problems.
func (s *Server) saveStep(w http.ResponseWriter, r *http.Request) error {
	i, ok := stepBySlug(r.PathValue("step"))
	if !ok || steps[i].fields == nil {
		return crossroads.Errorf(crossroads.NotFound, "there is no step %q", r.PathValue("step"))
	}
	if err := parseForm(r); err != nil {
		return err
	}
	version, err := formVersion(r)
	if err != nil {
		return err
	}
	rec, c, err := s.loadCase(r)
	if err != nil {
		return err
	}
	st := steps[i]
	fields := st.fields(c)
	problems := decodeForm(c, r.PostForm, fields)
	normalizeStep(st.Slug, c)
	problems = append(problems, problemsOf(c, fields, problems)...)
	show := func(status int, notice string, rec *crossroads.CaseRecord) {
		p := s.editorBase(r, rec, c, i)
		p.Form = newForm(r.PostForm, problems, c.CurrencyCode())
		p.Notice = notice
		s.renderForm(w, r, status, st.Slug, stepPages[st.Slug](p))
	}
	if len(problems) > 0 {
		show(http.StatusUnprocessableEntity, "", rec)
		return nil
	}
	saved, err := s.saveCase(r, rec, version, c)
	if crossroads.ErrorKind(err) == crossroads.Conflict {
		current, gerr := s.Cases.GetCase(r.Context(), rec.ID)
		if gerr != nil {
			return gerr
		}
		show(http.StatusConflict, "This case was changed by someone else, or in another window, since you opened this page. "+
			"Your entries are below: save again to keep them.", current)
		return nil
	}
	if err != nil {
		return err
	}
	next := fmt.Sprintf("/cases/%d/edit/%s?saved=1", saved.ID, st.Slug)
	switch r.PostFormValue("go") {
	case "next":
		next = nextURL(saved.ID, i)
	case "report":
		next = fmt.Sprintf("/cases/%d/report", saved.ID)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// nextURL is where "Save and continue" leads from step i.
func nextURL(id int64, i int) string {
	if i+1 < len(steps) {
		return fmt.Sprintf("/cases/%d/edit/%s", id, steps[i+1].Slug)
	}
	return fmt.Sprintf("/cases/%d/report", id)
}

// problemsOf returns the validation problems of c that concern the fields,
// leaving out those already found while reading the form.
func problemsOf(c *crossroads.Case, fields []string, already []crossroads.FieldError) []crossroads.FieldError {
	var out []crossroads.FieldError
	for _, fe := range validationErrors(c) {
		if !owns(fields, fe.Path) {
			continue
		}
		dup := slices.ContainsFunc(already, func(a crossroads.FieldError) bool {
			return under(fe.Path, baseOf(a.Path)) || under(baseOf(a.Path), fe.Path)
		})
		if !dup {
			out = append(out, fe)
		}
	}
	return out
}

// normalizeStep tidies what a step's form leaves: the judgements of pairs
// left unanswered, and the comparisons when pairwise weighting is off.
func normalizeStep(slug string, c *crossroads.Case) {
	if slug != "pairwise" {
		return
	}
	pw := &c.Criteria.Pairwise
	if c.Criteria.Weighting != "pairwise" {
		pw.Present, pw.Future = nil, nil
		return
	}
	keep := func(cs []crossroads.Comparison) []crossroads.Comparison {
		return slices.DeleteFunc(cs, func(x crossroads.Comparison) bool { return x.Ratio == "" })
	}
	pw.Present, pw.Future = keep(pw.Present), keep(pw.Future)
}

// normalizeOpportunity clears what does not apply to an opportunity after
// its page changed its status or employment type: the length, conversion
// and extension of a job that is not a contract, the search of an option
// that is not a search.
func normalizeOpportunity(o *crossroads.Opportunity) {
	if !o.IsFixedTerm() {
		o.Employment.Months = 0
		o.Employment.Conversion = crossroads.Conversion{}
		o.Employment.Extension = crossroads.Extension{}
	}
	if o.Status != crossroads.StatusKeepSearching {
		o.Search = crossroads.Search{}
	}
}

// oppRow is one opportunity in the list of the opportunities page.
type oppRow struct {
	Index    int
	Name     string
	Status   string
	Pay      string
	Problems int
}

// oppListPage is the data of the opportunities page.
type oppListPage struct {
	editorPage
	Rows []oppRow
}

var statusNames = map[string]string{
	crossroads.StatusLead:               "a lead",
	crossroads.StatusApplied:            "applied",
	crossroads.StatusInterviewScheduled: "interview scheduled",
	crossroads.StatusOffer:              "written offer in hand",
	crossroads.StatusAccepted:           "offer accepted",
	crossroads.StatusCurrentJob:         "current job",
	crossroads.StatusKeepSearching:      "keep searching",
}

func opportunityList(p editorPage) any {
	page := &oppListPage{editorPage: p}
	errs := validationErrors(p.Case)
	for i, o := range p.Case.Opportunities {
		row := oppRow{Index: i, Name: o.Name, Status: statusNames[o.Status]}
		if row.Name == "" {
			row.Name = fmt.Sprintf("Opportunity %d (no name yet)", i+1)
		}
		if o.Pay.Amount != (crossroads.Estimate{}) && o.Pay.Per != "" {
			row.Pay = payText(o.Pay, p.Case.CurrencyCode())
		}
		for _, fe := range errs {
			if owns(opportunityFields(i), fe.Path) {
				row.Problems++
			}
		}
		page.Rows = append(page.Rows, row)
	}
	return page
}

// payText writes pay as "$20.59 an hour" or "$35,000–$45,000 a year".
func payText(p crossroads.Pay, currency string) string {
	m := func(x float64) string { return crossroads.FormatMoney(x, currency) }
	per := map[string]string{"year": " a year", "month": " a month", "hour": " an hour"}[p.Per]
	a := p.Amount
	if p.Per == "hour" {
		m = func(x float64) string {
			s := crossroads.FormatMoney(x, currency)
			if x != float64(int64(x)) && !strings.Contains(s, ".") {
				s = fmt.Sprintf("%s%.2f", strings.TrimRightFunc(s, func(r rune) bool { return r >= '0' && r <= '9' || r == ',' }), x)
			}
			return s
		}
	}
	if a.IsRange() {
		return m(a.Min) + "–" + m(a.Max) + per + " (most likely " + m(a.Likely) + ")"
	}
	return m(a.Likely) + per
}

// opportunityPage is the data of one opportunity's page.
type opportunityPage struct {
	editorPage
	// Index of the opportunity; P is the prefix of its inputs,
	// "opportunities[Index].".
	Index int
	P     string
	New   bool
	// Query and Matches are the occupation search, when the page was
	// sent back to search without scripts.
	Query   string
	Matches []occupationMatch
	// Occupation is the occupation the inputs name, if known.
	Occupation *occupationMatch
}

// occupationMatch is one occupation the picker proposes.
type occupationMatch struct {
	Code, Title string
	// Median is the national median annual pay, 0 when BLS publishes
	// none; MedianText is it written out.
	Median     float64
	MedianText string
}

func matchOf(code string) (occupationMatch, bool) {
	o, ok := occupation.Lookup(code)
	if !ok {
		return occupationMatch{}, false
	}
	m := occupationMatch{Code: o.Code, Title: o.Title}
	if o.Wages != nil && o.Wages.Annual.Median.Known() {
		m.Median = o.Wages.Annual.Median.Dollars()
		m.MedianText = crossroads.FormatMoney(m.Median, "USD") + " a year"
	}
	return m, true
}

// searchOccupations proposes occupations for a job title.
func searchOccupations(q string, limit int) []occupationMatch {
	var out []occupationMatch
	for _, m := range occupation.Search(q, limit) {
		if om, ok := matchOf(m.Code); ok {
			out = append(out, om)
		}
	}
	return out
}

// opportunityIndex reads the opportunity of the URL: its index, or
// len(c.Opportunities) for a new one.
func opportunityIndex(r *http.Request, c *crossroads.Case) (int, bool, error) {
	n := r.PathValue("n")
	if n == "" {
		if len(c.Opportunities) >= 20 {
			return 0, false, crossroads.Errorf(crossroads.Invalid, "a case holds at most 20 opportunities")
		}
		return len(c.Opportunities), true, nil
	}
	i, err := strconv.Atoi(n)
	if err != nil || i < 0 || i >= len(c.Opportunities) {
		return 0, false, crossroads.Errorf(crossroads.NotFound, "this case has no opportunity %q", n)
	}
	return i, false, nil
}

func (s *Server) opportunityPage(r *http.Request, rec *crossroads.CaseRecord, c *crossroads.Case, i int, isNew bool, form *Form) *opportunityPage {
	si, _ := stepBySlug("opportunities")
	p := &opportunityPage{editorPage: s.editorBase(r, rec, c, si), Index: i, P: fmt.Sprintf("opportunities[%d].", i), New: isNew}
	p.Form = form
	p.Back = fmt.Sprintf("/cases/%d/edit/opportunities", rec.ID)
	if isNew {
		p.Action = fmt.Sprintf("/cases/%d/edit/opportunities/new", rec.ID)
		p.PageTitle = "New opportunity · " + recordTitle(c)
	} else {
		p.Action = fmt.Sprintf("/cases/%d/edit/opportunities/%d", rec.ID, i)
		name := c.Opportunities[i].Name
		if name == "" {
			name = fmt.Sprintf("Opportunity %d", i+1)
		}
		p.PageTitle = name + " · " + recordTitle(c)
	}
	if m, ok := matchOf(form.Value(p.P + "occupation")); ok {
		p.Occupation = &m
	}
	return p
}

// editOpportunity shows the page of one opportunity, or of a new one.
func (s *Server) editOpportunity(w http.ResponseWriter, r *http.Request) error {
	rec, c, err := s.loadCase(r)
	if err != nil {
		return err
	}
	i, isNew, err := opportunityIndex(r, c)
	if err != nil {
		return err
	}
	vals := url.Values{}
	if !isNew {
		vals = encodeForm(c, opportunityFields(i))
	}
	p := s.opportunityPage(r, rec, c, i, isNew, newForm(vals, nil, c.CurrencyCode()))
	if r.URL.Query().Get("saved") == "1" {
		p.Notice = "Saved."
	}
	s.renderForm(w, r, http.StatusOK, "opportunity", p)
	return nil
}

// saveOpportunity saves the page of one opportunity. The same form also
// searches occupations ("find") and picks one ("pick"), for browsers
// without scripts; those send the page back without saving.
func (s *Server) saveOpportunity(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	version, err := formVersion(r)
	if err != nil {
		return err
	}
	rec, c, err := s.loadCase(r)
	if err != nil {
		return err
	}
	i, isNew, err := opportunityIndex(r, c)
	if err != nil {
		return err
	}
	prefix := fmt.Sprintf("opportunities[%d].", i)
	if code := r.PostFormValue("pick"); code != "" || r.PostFormValue("action") == "find" {
		vals := url.Values{}
		for k, v := range r.PostForm {
			vals[k] = v
		}
		p := s.opportunityPage(r, rec, c, i, isNew, newForm(vals, nil, c.CurrencyCode()))
		if code != "" {
			m, ok := matchOf(code)
			if !ok {
				return crossroads.Errorf(crossroads.Invalid, "there is no occupation %q", code)
			}
			vals.Set(prefix+"occupation", m.Code)
			p.Occupation = &m
			p.Notice = "Occupation set to " + m.Title + "."
			if vals.Get(prefix+"pay.amount") == "" && m.Median > 0 {
				vals.Set(prefix+"pay.amount", formatNumber(m.Median))
				vals.Set(prefix+"pay.per", "year")
				p.Notice += " Pay proposed: " + m.MedianText + ", the national median of the occupation " +
					"(BLS, May 2024). Replace it with the real figure when you know it."
			}
			p.Notice += " Nothing is saved until you press Save."
		} else {
			p.Query = strings.TrimSpace(r.PostFormValue("q"))
			p.Matches = searchOccupations(p.Query, 8)
		}
		s.renderForm(w, r, http.StatusOK, "opportunity", p)
		return nil
	}
	fields := opportunityFields(i)
	problems := decodeForm(c, r.PostForm, fields)
	o := &c.Opportunities[i]
	if isNew {
		o.ID = newOpportunityID(c, i)
	}
	normalizeOpportunity(o)
	problems = append(problems, problemsOf(c, fields, problems)...)
	show := func(status int, notice string, rec *crossroads.CaseRecord) {
		p := s.opportunityPage(r, rec, c, i, isNew, newForm(r.PostForm, problems, c.CurrencyCode()))
		p.Notice = notice
		s.renderForm(w, r, status, "opportunity", p)
	}
	if len(problems) > 0 {
		show(http.StatusUnprocessableEntity, "", rec)
		return nil
	}
	saved, err := s.saveCase(r, rec, version, c)
	if crossroads.ErrorKind(err) == crossroads.Conflict {
		current, gerr := s.Cases.GetCase(r.Context(), rec.ID)
		if gerr != nil {
			return gerr
		}
		show(http.StatusConflict, "This case was changed by someone else, or in another window, since you opened this page. "+
			"Your entries are below: save again to keep them.", current)
		return nil
	}
	if err != nil {
		return err
	}
	next := fmt.Sprintf("/cases/%d/edit/opportunities", saved.ID)
	if r.PostFormValue("go") == "stay" {
		next = fmt.Sprintf("/cases/%d/edit/opportunities/%d?saved=1", saved.ID, i)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// newOpportunityID makes the id of a new opportunity from its name: lower
// case words joined by '-', unique in the case.
func newOpportunityID(c *crossroads.Case, i int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(c.Opportunities[i].Name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 30 {
			break
		}
	}
	base := b.String()
	if base == "" || base[0] < 'a' || base[0] > 'z' {
		base = "option-" + base
	}
	base = strings.TrimSuffix(base, "-")
	taken := func(id string) bool {
		return slices.ContainsFunc(c.Opportunities, func(o crossroads.Opportunity) bool { return o.ID == id })
	}
	id := base
	for n := 2; taken(id); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

// removePage is the data of the page that confirms removing an
// opportunity.
type removePage struct {
	layout
	Record *crossroads.CaseRecord
	Index  int
	Name   string
}

func (s *Server) confirmRemoveOpportunity(w http.ResponseWriter, r *http.Request) error {
	rec, c, err := s.loadCase(r)
	if err != nil {
		return err
	}
	i, isNew, err := opportunityIndex(r, c)
	if err != nil || isNew {
		return crossroads.Errorf(crossroads.NotFound, "this case has no such opportunity")
	}
	name := c.Opportunities[i].Name
	if name == "" {
		name = fmt.Sprintf("Opportunity %d", i+1)
	}
	s.render(w, r, http.StatusOK, "remove", &removePage{layout: s.layout(r, "Remove "+name), Record: rec, Index: i, Name: name})
	return nil
}

// removeOpportunity removes one opportunity, with the weights and
// comparisons that only it used left alone.
func (s *Server) removeOpportunity(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	version, err := formVersion(r)
	if err != nil {
		return err
	}
	rec, c, err := s.loadCase(r)
	if err != nil {
		return err
	}
	i, isNew, err := opportunityIndex(r, c)
	if err != nil || isNew {
		return crossroads.Errorf(crossroads.NotFound, "this case has no such opportunity")
	}
	c.Opportunities = slices.Delete(c.Opportunities, i, i+1)
	if _, err := s.saveCase(r, rec, version, c); err != nil {
		if crossroads.ErrorKind(err) == crossroads.Conflict {
			return crossroads.Errorf(crossroads.Conflict, "this case was changed by someone else, or in another window; nothing was removed. Go back, reload the page and try again")
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/cases/%d/edit/opportunities", rec.ID), http.StatusSeeOther)
	return nil
}

// chanceOpp is one opportunity on the "how sure" page.
type chanceOpp struct {
	Index     int
	P         string
	Name      string
	Status    string
	Pending   bool
	FixedTerm bool
	Type      string
}

// chancesPage is the data of the "how sure" page.
type chancesPage struct {
	editorPage
	Opps []chanceOpp
}

func chancesView(p editorPage) any {
	page := &chancesPage{editorPage: p}
	for i := range p.Case.Opportunities {
		o := &p.Case.Opportunities[i]
		name := o.Name
		if name == "" {
			name = fmt.Sprintf("Opportunity %d", i+1)
		}
		page.Opps = append(page.Opps, chanceOpp{
			Index: i, P: fmt.Sprintf("opportunities[%d].", i), Name: name, Status: statusNames[o.Status],
			Pending: o.Pending(), FixedTerm: o.IsFixedTerm(), Type: strings.ReplaceAll(o.EmploymentType(), "_", " "),
		})
	}
	return page
}

// criterionRow is one criterion on the "what matters" page.
type criterionRow struct {
	ID, Name, Question, Group string
	Default                   string
}

// prioritiesPage is the data of the "what matters" page.
type prioritiesPage struct {
	editorPage
	Present, Future []criterionRow
	// WeightMax is 10 for ratings, 100 for swing points.
	WeightMax int
	Swing     bool
	Pairwise  bool
}

// balanceChoices are the answers to the one plain question about the
// present-vs-future balance, as shares of the future.
var balanceChoices = []string{
	"20|Today's needs come first: I need a job that works for my life now",
	"35|Mostly today's needs, with an eye on the future",
	"50|Both count the same",
	"65|Mostly the future, as long as today is manageable",
	"80|The future comes first: I can put up with a hard year for the right career step",
}

func criterionRows(c *crossroads.Case, group string) []criterionRow {
	var out []criterionRow
	for _, id := range c.CriterionIDs(group) {
		row := criterionRow{ID: id, Group: group}
		if b, ok := crossroads.Builtin(id); ok {
			row.Name, row.Question = b.Name, b.Question
		} else {
			for _, cc := range c.Criteria.Custom {
				if cc.ID == id {
					row.Name = cc.Name
				}
			}
		}
		w := c.RawWeight(id)
		if _, given := c.Criteria.Weights[id]; given {
			cp := *c
			cp.Criteria.Weights = nil
			w = cp.RawWeight(id)
		}
		row.Default = formatNumber(w)
		out = append(out, row)
	}
	return out
}

func prioritiesView(p editorPage) any {
	c := p.Case
	page := &prioritiesPage{editorPage: p, WeightMax: 10,
		Present: criterionRows(c, crossroads.GroupPresent), Future: criterionRows(c, crossroads.GroupFuture),
		Swing: c.Criteria.Weighting == "swing", Pairwise: c.Criteria.Weighting == "pairwise"}
	if page.Swing {
		page.WeightMax = 100
	}
	return page
}

// Balance is the radio group of the balance question.
func (p *prioritiesPage) Balance() Field {
	return p.Form.Radio("criteria.balance", "When you picture the year ahead, what matters more: a job that supports your life today, or a step toward the career you want?",
		"There is no right answer. The report shows how the choice changes if you lean one way or the other.", balanceChoices...)
}

// pairGroup is one group of criteria compared in pairs.
type pairGroup struct {
	Name  string // present or future
	Title string
	Pairs []pair
	// Result is the AHP of the group when the case is complete.
	Result *report.PairwiseResult
	Names  map[string]string
}

// pair is one comparison: its index in the list and the two criteria.
type pair struct {
	Index  int
	A, B   criterionRow
	Field  Field
	Prefix string
}

// pairwisePage is the data of the "compare pairs" page.
type pairwisePage struct {
	editorPage
	Groups []pairGroup
	Use    Field
}

// ratioChoices are the answers to one comparison, on Saaty's scale.
func ratioChoices(a, b string) []string {
	return []string{
		"|Not compared yet",
		"9|" + a + " matters extremely more",
		"7|" + a + " matters very strongly more",
		"5|" + a + " matters strongly more",
		"3|" + a + " matters a little more",
		"1|Both matter the same",
		"1/3|" + b + " matters a little more",
		"1/5|" + b + " matters strongly more",
		"1/7|" + b + " matters very strongly more",
		"1/9|" + b + " matters extremely more",
	}
}

func pairwiseView(p editorPage) any {
	c := p.Case
	page := &pairwisePage{editorPage: p}
	page.Use = p.Form.Check("criteria.weighting", "Use these comparisons for the weights, instead of the ratings of the previous step",
		"Unticking this forgets the comparisons.")
	page.Use.CheckValue = "pairwise"
	var rep *report.Report
	if c.Criteria.Weighting == "pairwise" && complete(c) {
		rep, _ = report.Build(c, report.Options{})
	}
	for _, g := range []struct{ name, title string }{
		{crossroads.GroupPresent, "Today's needs"}, {crossroads.GroupFuture, "The future"},
	} {
		pg := pairGroup{Name: g.name, Title: g.title}
		var active []criterionRow
		for _, row := range criterionRows(c, g.name) {
			if w, ok := c.Criteria.Weights[row.ID]; !ok || w > 0 {
				active = append(active, row)
			}
		}
		// The judgements the form holds (stored or as posted), by pair,
		// wherever they are in the list.
		given := map[[2]string]string{}
		for k := 0; k <= maxFormIndex; k++ {
			prefix := fmt.Sprintf("criteria.pairwise.%s[%d]", g.name, k)
			a, b := p.Form.Value(prefix+".a"), p.Form.Value(prefix+".b")
			if a == "" && b == "" {
				continue
			}
			given[[2]string{a, b}] = p.Form.Value(prefix + ".ratio")
		}
		k := 0
		for i, a := range active {
			for _, b := range active[i+1:] {
				prefix := fmt.Sprintf("criteria.pairwise.%s[%d]", g.name, k)
				v := given[[2]string{a.ID, b.ID}]
				if inv := given[[2]string{b.ID, a.ID}]; v == "" && inv != "" {
					v = invertRatio(inv)
				}
				f := p.Form.Select(prefix+".ratio", a.Name+" or "+b.Name+"?", "", ratioChoices(a.Name, b.Name)...)
				f.Value = v
				f.Options = p.Form.options(v, ratioChoices(a.Name, b.Name))
				pg.Pairs = append(pg.Pairs, pair{Index: k, A: a, B: b, Field: f, Prefix: prefix})
				k++
			}
		}
		if rep != nil {
			pg.Result = rep.Weights.Pairwise[g.name]
			pg.Names = map[string]string{}
			for _, row := range active {
				pg.Names[row.ID] = row.Name
			}
		}
		page.Groups = append(page.Groups, pg)
	}
	return page
}

// invertRatio writes the judgement of b over a from that of a over b.
// A fraction is turned over ("2/3" gives "3/2", "1/3" gives "3"); a
// number x gives "1/x".
func invertRatio(r string) string {
	r = strings.TrimSpace(r)
	if num, den, ok := strings.Cut(r, "/"); ok {
		num, den = strings.TrimSpace(num), strings.TrimSpace(den)
		if num == "1" {
			return den
		}
		return den + "/" + num
	}
	if r == "1" {
		return "1"
	}
	return "1/" + r
}

// For is the prefix of the opportunity's inputs, for the occupation
// picker's results.
func (p *opportunityPage) For() string { return p.P }

// marshalCase writes a case as a stored document.
func marshalCase(c *crossroads.Case) ([]byte, error) { return casefile.Marshal(c, "yaml") }
