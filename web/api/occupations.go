package api

import (
	"fmt"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/occupation"
)

// Limits of the occupation routes.
const (
	defaultLimit  = 10
	maxLimit      = 100
	maxQueryRunes = 256
	maxFrom       = 20
)

// limitParam reads the limit parameter: defaultLimit when absent.
func limitParam(r *http.Request) (int, error) {
	q := r.URL.Query()
	if !q.Has("limit") {
		return defaultLimit, nil
	}
	s := q.Get("limit")
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > maxLimit {
		return 0, fieldError("limit", truncate(s, 40), "must be a whole number from 1 to %d", maxLimit)
	}
	return n, nil
}

// occupationCode checks an O*NET-SOC code given as the parameter named
// param and returns it in the form "43-4051.00".
func occupationCode(param, code string) (string, error) {
	c, ok := occupation.NormalizeCode(code)
	if !ok {
		return "", fieldError(param, strconv.Quote(truncate(code, 40)),
			"must be an O*NET-SOC code such as 43-4051.00 or 43-4051 (search for one with GET %s/occupations?q=TITLE)", Prefix)
	}
	return c, nil
}

// searchOccupations answers GET /occupations?q=.
func (a *api) searchOccupations(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query().Get("q")
	switch n := utf8.RuneCountInString(q); {
	case q == "":
		return fieldError("q", "", "is required: the job title to look for, such as \"call center representative\"")
	case n > maxQueryRunes:
		return fieldError("q", strconv.Quote(truncate(q, 40)), "is %d characters long; the limit is %d", n, maxQueryRunes)
	}
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	matches := occupation.Search(q, limit)
	if matches == nil {
		matches = []occupation.Match{}
	}
	return writeJSON(w, http.StatusOK, struct {
		Query       string             `json:"query"`
		Matches     []occupation.Match `json:"matches"`
		Attribution string             `json:"attribution"`
	}{q, matches, occupation.Attribution})
}

// getOccupation answers GET /occupations/{code} with the JSON of
// "crossroads occupation show --format json".
func (a *api) getOccupation(w http.ResponseWriter, r *http.Request) error {
	code, err := occupationCode("code", r.PathValue("code"))
	if err != nil {
		return err
	}
	o, ok := occupation.Lookup(code)
	if !ok {
		return crossroads.Errorf(crossroads.NotFound, "no occupation with code %s", code)
	}
	related, _ := occupation.Related(o.Code)
	if related == nil {
		related = []occupation.Step{}
	}
	return writeJSON(w, http.StatusOK, struct {
		occupation.Occupation
		Related     []occupation.Step `json:"related"`
		Attribution string            `json:"attribution"`
	}{o, related, occupation.Attribution})
}

// nextStepsOutput is the response of the next-steps routes.
type nextStepsOutput struct {
	From        []string          `json:"from"`
	Steps       []occupation.Step `json:"steps"`
	Attribution string            `json:"attribution"`
}

// writeNextSteps writes the next steps from the occupations codes.
func writeNextSteps(w http.ResponseWriter, codes []string, limit int) error {
	steps, err := occupation.NextSteps(codes, limit)
	if err != nil {
		return err
	}
	if steps == nil {
		steps = []occupation.Step{}
	}
	return writeJSON(w, http.StatusOK, nextStepsOutput{From: codes, Steps: steps, Attribution: occupation.Attribution})
}

// occupationNextSteps answers GET /occupations/{code}/next-steps.
func (a *api) occupationNextSteps(w http.ResponseWriter, r *http.Request) error {
	code, err := occupationCode("code", r.PathValue("code"))
	if err != nil {
		return err
	}
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	return writeNextSteps(w, []string{code}, limit)
}

// nextSteps answers GET /next-steps?from=CODE&from=CODE.
func (a *api) nextSteps(w http.ResponseWriter, r *http.Request) error {
	from := r.URL.Query()["from"]
	switch {
	case len(from) == 0:
		return fieldError("from", "", "is required: give the O*NET-SOC code of an occupation of the person's work history, one from parameter for each")
	case len(from) > maxFrom:
		return fieldError("from", "", "has %d occupations; the limit is %d", len(from), maxFrom)
	}
	codes := make([]string, len(from))
	var errs []crossroads.FieldError
	for i, f := range from {
		c, err := occupationCode("from", f)
		if err != nil {
			errs = append(errs, crossroads.FieldError{Path: fmt.Sprintf("from[%d]", i), Value: strconv.Quote(truncate(f, 40)),
				Rule: "must be an O*NET-SOC code such as 43-4051.00 or 43-4051"})
			continue
		}
		codes[i] = c
	}
	if len(errs) > 0 {
		return invalid("", errs...)
	}
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	return writeNextSteps(w, codes, limit)
}
