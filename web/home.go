package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
	"github.com/crossroads/crossroads/occupation"
)

// homePage is the data of the home page.
type homePage struct {
	layout
	Cases []*crossroads.CaseRecord
	// Upload holds the result of a failed upload: the file name and the
	// problems, in the command line's words.
	Upload *uploadResult
	// Clients are a coach's clients, for whom they may start cases.
	Clients []*crossroads.Link
	// Owners names the owners of a coach's cases by id.
	Owners map[int64]string
}

// uploadResult is the outcome of a failed upload.
type uploadResult struct {
	File     string
	Problems []string
	Summary  string
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	return s.showHome(w, r, http.StatusOK, nil)
}

func (s *Server) showHome(w http.ResponseWriter, r *http.Request, status int, up *uploadResult) error {
	cases, err := s.Cases.ListCases(r.Context())
	if err != nil {
		return err
	}
	p := &homePage{layout: s.layout(r, "Your cases"), Cases: cases, Upload: up}
	p.Nav = "home"
	if p.IsCoach() {
		p.PageTitle = "Cases shared with you"
		if p.Clients, err = s.Accounts.Service.ListLinks(r.Context()); err != nil {
			return err
		}
		p.Owners = map[int64]string{}
		for _, l := range p.Clients {
			p.Owners[l.ClientID] = l.ClientName
		}
	}
	s.render(w, r, status, "home", p)
	return nil
}

// newCase is the case the guided editor starts from: dated today.
func (s *Server) newCase() *crossroads.Case {
	return &crossroads.Case{Version: 1, AsOf: crossroads.DateOf(s.now())}
}

// createCase starts a new case in the guided editor.
func (s *Server) createCase(w http.ResponseWriter, r *http.Request) error {
	doc, err := casefile.Marshal(s.newCase(), "yaml")
	if err != nil {
		return err
	}
	rec, err := s.storeNewCase(r, "Untitled case", doc)
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/cases/%d/edit/you", rec.ID), http.StatusSeeOther)
	return nil
}

// storeNewCase stores a new case: the acting user's own, or, with
// accounts, the case a coach starts for the client the form's owner names.
func (s *Server) storeNewCase(r *http.Request, title string, doc []byte) (*crossroads.CaseRecord, error) {
	if s.Accounts == nil {
		return s.Cases.CreateCase(r.Context(), title, doc)
	}
	var owner int64
	if v := r.FormValue("owner"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return nil, crossroads.Errorf(crossroads.Invalid, "owner: %q is not the id of a client", clip(v))
		}
		owner = id
	}
	return s.Accounts.Service.CreateCase(r.Context(), owner, title, doc)
}

// createExample copies the motivating case into a new case and opens its
// report.
func (s *Server) createExample(w http.ResponseWriter, r *http.Request) error {
	c, err := casefile.Parse(examples.MotivatingCase, "example.yaml")
	if err != nil {
		return fmt.Errorf("the example does not parse: %w", err)
	}
	rec, err := s.storeNewCase(r, recordTitle(c), examples.MotivatingCase)
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/cases/%d/report", rec.ID), http.StatusSeeOther)
	return nil
}

// uploadCase stores an uploaded case file (YAML or JSON) after checking it
// as `crossroads validate` does, with the same messages.
func (s *Server) uploadCase(w http.ResponseWriter, r *http.Request) error {
	file, header, err := r.FormFile("file")
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return s.showHome(w, r, http.StatusRequestEntityTooLarge, &uploadResult{
				Problems: []string{fmt.Sprintf("The file is too large: a case file has at most %d MiB.", casefile.MaxBytes>>20)},
			})
		}
		return s.showHome(w, r, http.StatusUnprocessableEntity, &uploadResult{
			Problems: []string{"Choose a case file (YAML or JSON) to upload."},
		})
	}
	defer file.Close()
	name := cleanFileName(header.Filename)
	data, err := io.ReadAll(io.LimitReader(file, casefile.MaxBytes+1))
	if err != nil {
		return crossroads.Errorf(crossroads.Invalid, "the upload could not be read: %v", err)
	}
	c, err := casefile.Parse(data, name)
	if err != nil {
		up := &uploadResult{File: name}
		var ve *crossroads.ValidationError
		if errors.As(err, &ve) {
			up.Problems = strings.Split(ve.Error(), "\n")
			up.Summary = fmt.Sprintf("%s: %d problem(s); see docs/case-file.md for every field", name, len(ve.Errors))
		} else {
			up.Problems = []string{crossroads.ErrorMessage(err)}
		}
		return s.showHome(w, r, http.StatusUnprocessableEntity, up)
	}
	// Stored as YAML, the one format of stored cases; a YAML upload is
	// kept as written, with its comments.
	doc := data
	if casefile.IsJSON(data) {
		if doc, err = casefile.Marshal(c, "yaml"); err != nil {
			return err
		}
	}
	rec, err := s.storeNewCase(r, recordTitle(c), doc)
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/cases/%d/report", rec.ID), http.StatusSeeOther)
	return nil
}

// cleanFileName keeps the base name of an uploaded file for messages.
func cleanFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if name == "" {
		return "upload"
	}
	if len([]rune(name)) > 80 {
		name = string([]rune(name)[:80])
	}
	return name
}

// caseIndex sends a case's address to its report.
func (s *Server) caseIndex(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/cases/%d/report", id), http.StatusSeeOther)
	return nil
}

// deletePage is the data of the page that confirms deleting a case.
type deletePage struct {
	layout
	Record *crossroads.CaseRecord
}

func (s *Server) confirmDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	rec, err := s.Cases.GetCase(r.Context(), id)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "delete", &deletePage{layout: s.layout(r, "Delete "+rec.Title), Record: rec})
	return nil
}

func (s *Server) deleteCase(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	if err := s.Cases.DeleteCase(r.Context(), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

// aboutPage is the data of the About page.
type aboutPage struct {
	layout
	// Attribution holds the paragraphs of the occupation data's credit.
	Attribution []string
}

func (s *Server) about(w http.ResponseWriter, r *http.Request) error {
	p := &aboutPage{layout: s.layout(r, "About"), Attribution: strings.Split(occupation.Attribution, "\n\n")}
	p.Nav = "about"
	s.render(w, r, http.StatusOK, "about", p)
	return nil
}

// occupationResults is the data of the occupation picker's results.
type occupationResults struct {
	Query   string
	Matches []occupationMatch
	For     string // the prefix of the opportunity's inputs
}

// occupationSearch answers the occupation picker as the person types: a
// list of occupations to choose from (an htmx fragment).
func (s *Server) occupationSearch(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	res := &occupationResults{Query: q, For: r.URL.Query().Get("for")}
	if _, err := parsePath(strings.TrimSuffix(res.For, ".") + ".x"); err != nil || !strings.HasPrefix(res.For, "opportunities[") {
		res.For = ""
	}
	if q != "" {
		res.Matches = searchOccupations(q, 8)
	}
	s.renderTemplate(w, r, http.StatusOK, "opportunity", "occupation-results", res)
	return nil
}
