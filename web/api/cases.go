package api

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/casefile"
)

// caseSummary is a stored case without its document, as lists show it.
type caseSummary struct {
	ID        int64     `json:"id"`
	OwnerID   int64     `json:"owner_id"`
	CreatedBy int64     `json:"created_by"`
	Title     string    `json:"title"`
	Format    string    `json:"format"`
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func summaryOf(rec *crossroads.CaseRecord) caseSummary {
	return caseSummary{ID: rec.ID, OwnerID: rec.OwnerID, CreatedBy: rec.CreatedBy, Title: rec.Title,
		Format: rec.Format, Version: rec.Version, CreatedAt: rec.CreatedAt, UpdatedAt: rec.UpdatedAt}
}

// caseDetail is a stored case with its document as text and the parsed
// case, or the problems that keep the document from being one.
type caseDetail struct {
	caseSummary
	Document string                  `json:"document"`
	Case     *crossroads.Case        `json:"case,omitempty"`
	Problems []crossroads.FieldError `json:"problems,omitempty"`
}

// detailOf returns the detail of rec, parsing its document unless c, the
// case it holds, is given.
func detailOf(rec *crossroads.CaseRecord, c *crossroads.Case) (caseDetail, error) {
	d := caseDetail{caseSummary: summaryOf(rec), Document: string(rec.Document), Case: c}
	if c != nil {
		return d, nil
	}
	c, err := casefile.Parse(rec.Document, storedName(rec.ID))
	var ve *crossroads.ValidationError
	switch {
	case errors.As(err, &ve):
		d.Problems = ve.Errors
	case err != nil:
		return d, err
	}
	d.Case = c
	return d, nil
}

// storedName is how messages name the document of a stored case.
func storedName(id int64) string { return fmt.Sprintf("case %d", id) }

// etag is the entity tag of a case version.
func etag(version int64) string { return `"` + strconv.FormatInt(version, 10) + `"` }

// writeCase writes the detail of a case with its ETag.
func writeCase(w http.ResponseWriter, status int, d caseDetail) error {
	w.Header().Set("ETag", etag(d.Version))
	return writeJSON(w, status, d)
}

// caseID reads the {id} of the path.
func caseID(r *http.Request) (int64, error) {
	s := r.PathValue("id")
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 1 {
		return 0, fieldError("id", truncate(s, 40), "must be the id of a case, a whole number from 1")
	}
	return id, nil
}

// maxVersionDigits bounds the version in If-Match, as the OpenAPI document
// does: 18 digits always fit an int64.
const maxVersionDigits = 18

// ifMatch reads the version of an update from the If-Match header: "3" or
// 3.
func ifMatch(r *http.Request) (int64, error) {
	const rule = `must be the version of the case you are changing, as its ETag gave it, such as "3"`
	values := r.Header.Values("If-Match")
	if len(values) == 0 {
		return 0, fieldError("If-Match", "", "is required: %s", rule)
	}
	s := strings.TrimSpace(strings.Join(values, ","))
	digits := s
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		digits = s[1 : len(s)-1]
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || len(digits) > maxVersionDigits || strings.ContainsAny(digits, "+-") {
		return 0, fieldError("If-Match", truncate(s, 40), "%s", rule)
	}
	return v, nil
}

// caseTitle returns the title to store: the title parameter when given,
// the case's own title otherwise.
func caseTitle(r *http.Request, c *crossroads.Case) (string, error) {
	q := r.URL.Query()
	if !q.Has("title") {
		if strings.TrimSpace(c.Title) == "" {
			return "", fieldError("title", "", "is required: give the case a title, in the case file or with the title parameter")
		}
		return c.Title, nil
	}
	t := q.Get("title")
	shown := strconv.Quote(truncate(t, 40))
	switch {
	case strings.TrimSpace(t) == "":
		return "", fieldError("title", shown, "must not be empty")
	case !utf8.ValidString(t):
		return "", fieldError("title", shown, "must be valid UTF-8 text")
	case utf8.RuneCountInString(t) > crossroads.MaxTitleRunes:
		return "", fieldError("title", shown, "is %d characters long; the limit is %d", utf8.RuneCountInString(t), crossroads.MaxTitleRunes)
	case strings.IndexFunc(t, unicode.IsControl) >= 0:
		return "", fieldError("title", shown, "must be one line without control characters")
	}
	return t, nil
}

// ownerParam reads the owner parameter: the client a coach creates a case
// for; 0 when absent.
func ownerParam(r *http.Request) (int64, error) {
	q := r.URL.Query()
	if !q.Has("owner") {
		return 0, nil
	}
	s := q.Get("owner")
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 1 {
		return 0, fieldError("owner", truncate(s, 40), "must be the id of a client, a whole number from 1")
	}
	return id, nil
}

// listCases answers GET /cases.
func (a *api) listCases(w http.ResponseWriter, r *http.Request) error {
	recs, err := a.svc.ListCases(r.Context())
	if err != nil {
		return err
	}
	out := struct {
		Cases []caseSummary `json:"cases"`
	}{Cases: make([]caseSummary, 0, len(recs))}
	for _, rec := range recs {
		out.Cases = append(out.Cases, summaryOf(rec))
	}
	return writeJSON(w, http.StatusOK, out)
}

// createCase answers POST /cases.
func (a *api) createCase(w http.ResponseWriter, r *http.Request) error {
	owner, err := ownerParam(r)
	if err != nil {
		return err
	}
	c, body, err := readCase(w, r, a.limit)
	if err != nil {
		return err
	}
	title, err := caseTitle(r, c)
	if err != nil {
		return err
	}
	doc, err := storedDocument(c, body)
	if err != nil {
		return err
	}
	rec, err := a.svc.CreateCase(r.Context(), owner, title, doc)
	if err != nil {
		return err
	}
	d, err := detailOf(rec, c)
	if err != nil {
		return err
	}
	w.Header().Set("Location", fmt.Sprintf("%s/cases/%d", Prefix, rec.ID))
	return writeCase(w, http.StatusCreated, d)
}

// getCase answers GET /cases/{id}.
func (a *api) getCase(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	rec, err := a.svc.GetCase(r.Context(), id)
	if err != nil {
		return err
	}
	d, err := detailOf(rec, nil)
	if err != nil {
		return err
	}
	return writeCase(w, http.StatusOK, d)
}

// updateCase answers PUT /cases/{id}.
func (a *api) updateCase(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	version, err := ifMatch(r)
	if err != nil {
		return err
	}
	c, body, err := readCase(w, r, a.limit)
	if err != nil {
		return err
	}
	title, err := caseTitle(r, c)
	if err != nil {
		return err
	}
	doc, err := storedDocument(c, body)
	if err != nil {
		return err
	}
	rec, err := a.svc.UpdateCase(r.Context(), id, version, title, doc)
	if err != nil {
		return err
	}
	d, err := detailOf(rec, c)
	if err != nil {
		return err
	}
	return writeCase(w, http.StatusOK, d)
}

// deleteCase answers DELETE /cases/{id}.
func (a *api) deleteCase(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	if err := a.svc.DeleteCase(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// caseAudit answers GET /cases/{id}/audit.
func (a *api) caseAudit(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	entries, err := a.svc.CaseAudit(r.Context(), id)
	if err != nil {
		return err
	}
	if entries == nil {
		entries = []*crossroads.AuditEntry{}
	}
	return writeJSON(w, http.StatusOK, struct {
		Entries []*crossroads.AuditEntry `json:"entries"`
	}{entries})
}
