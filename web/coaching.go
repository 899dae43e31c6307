package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/crossroads/crossroads"
)

// coachingPage is the data of the page where coaches and clients find
// each other: a coach's clients and invite links, a client's coaches, and
// the shares between them.
type coachingPage struct {
	layout
	Links  []*crossroads.Link
	Shares []*crossroads.Share
	// InviteLink is a client invite link just made; it is shown once.
	InviteLink string
	// CodeValue and CodeError are a pasted code that did not work and why.
	CodeValue string
	CodeError string
	// Notice is good news at the top of the page.
	Notice string
}

// coachingNotices are the notices of the coaching page after a redirect.
var coachingNotices = map[string]string{
	"joined":   "You now work with this coach. They see none of your cases until you share one.",
	"unlinked": "You no longer work together. Every case that was shared between you is no longer shared.",
}

func (s *Server) coaching(w http.ResponseWriter, r *http.Request) error {
	p, err := s.coachingData(r)
	if err != nil {
		return err
	}
	p.Notice = coachingNotices[r.URL.Query().Get("done")]
	s.render(w, r, http.StatusOK, "coaching", p)
	return nil
}

func (s *Server) coachingData(r *http.Request) (*coachingPage, error) {
	u, err := requireUser(r)
	if err != nil {
		return nil, err
	}
	svc := s.Accounts.Service
	links, err := svc.ListLinks(r.Context())
	if err != nil {
		return nil, err
	}
	shares, err := svc.ListShares(r.Context())
	if err != nil {
		return nil, err
	}
	title := "Your coach"
	if u.Role == crossroads.RoleCoach {
		title = "Your clients"
	}
	p := &coachingPage{layout: s.layout(r, title), Links: links, Shares: shares}
	p.Nav = "coaching"
	return p, nil
}

// createInvite makes a client invite link and shows it.
func (s *Server) createInvite(w http.ResponseWriter, r *http.Request) error {
	code, err := s.Accounts.Service.CreateClientInvite(r.Context())
	if err != nil {
		return err
	}
	p, err := s.coachingData(r)
	if err != nil {
		return err
	}
	p.InviteLink = s.Accounts.baseURL(r) + "/join/" + code
	s.render(w, r, http.StatusOK, "coaching", p)
	return nil
}

// formID reads a positive id from the form value key.
func formID(r *http.Request, key string) (int64, error) {
	v := r.PostFormValue(key)
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, crossroads.Errorf(crossroads.Invalid, "%s: %q is not the id of a person", key, clip(v))
	}
	return id, nil
}

// unlink ends the work of the signed-in person with another.
func (s *Server) unlink(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	id, err := formID(r, "user")
	if err != nil {
		return err
	}
	if err := s.Accounts.Service.Unlink(r.Context(), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/coaching?done=unlinked", http.StatusSeeOther)
	return nil
}

// codePage is the data of the page a link with a code opens: a button
// that uses the code.
type codePage struct {
	layout
	Code string
	// Action is where the button posts the code.
	Action string
}

// joinPage opens a client invite link: a button to join the coach.
func (s *Server) joinPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	p := &codePage{layout: s.layout(r, "Work with a coach"), Code: r.PathValue("code"), Action: "/join"}
	s.render(w, r, http.StatusOK, "join", p)
	return nil
}

// sharePage opens a share link: a button for the coach to open the case.
func (s *Server) sharePage(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	p := &codePage{layout: s.layout(r, "Open a shared case"), Code: r.PathValue("code"), Action: "/share"}
	s.render(w, r, http.StatusOK, "share", p)
	return nil
}

// redeem uses the code of the form with use; a code that is malformed,
// unknown, used or expired (or a link that already holds) comes back on
// the coaching page with the reason.
func (s *Server) redeem(w http.ResponseWriter, r *http.Request, use func(code string) (string, error)) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	raw := r.PostForm.Get("code")
	code, err := readCode(raw)
	next := ""
	if err == nil {
		next, err = use(code)
	}
	switch kind := crossroads.ErrorKind(err); {
	case err == nil:
		http.Redirect(w, r, next, http.StatusSeeOther)
		return nil
	case kind == crossroads.Invalid || kind == crossroads.NotFound || kind == crossroads.Conflict:
		p, perr := s.coachingData(r)
		if perr != nil {
			return perr
		}
		p.CodeValue, p.CodeError = clip(raw), sentence(crossroads.ErrorMessage(err))
		s.render(w, r, statusOf(kind), "coaching", p)
		return nil
	default:
		return err
	}
}

// joinCoach makes the signed-in client a client of the invite's coach.
func (s *Server) joinCoach(w http.ResponseWriter, r *http.Request) error {
	return s.redeem(w, r, func(code string) (string, error) {
		if _, err := s.Accounts.Service.RedeemClientInvite(r.Context(), code); err != nil {
			return "", err
		}
		return "/coaching?done=joined", nil
	})
}

// openShare shares the code's case with the signed-in coach and opens it.
func (s *Server) openShare(w http.ResponseWriter, r *http.Request) error {
	return s.redeem(w, r, func(code string) (string, error) {
		sh, err := s.Accounts.Service.RedeemShareCode(r.Context(), code)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("/cases/%d/report", sh.CaseID), nil
	})
}

// sharingPage is the data of a case's sharing page, for its owner.
type sharingPage struct {
	layout
	Record *crossroads.CaseRecord
	Shares []*crossroads.Share
	// Coaches are the owner's coaches, to whom a share link may go.
	Coaches []*crossroads.Link
	// ShareLink is a share link just made; it is shown once.
	ShareLink string
	Notice    string
}

func (s *Server) sharingData(r *http.Request) (*sharingPage, error) {
	id, err := caseID(r)
	if err != nil {
		return nil, err
	}
	svc := s.Accounts.Service
	shares, err := svc.CaseShares(r.Context(), id)
	if err != nil {
		return nil, err
	}
	rec, err := svc.GetCase(r.Context(), id)
	if err != nil {
		return nil, err
	}
	links, err := svc.ListLinks(r.Context())
	if err != nil {
		return nil, err
	}
	return &sharingPage{layout: s.layout(r, "Sharing · "+rec.Title), Record: rec, Shares: shares, Coaches: links}, nil
}

func (s *Server) sharing(w http.ResponseWriter, r *http.Request) error {
	p, err := s.sharingData(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("done") == "revoked" {
		p.Notice = "The case is no longer shared with that coach: from their next click on, they cannot open it."
	}
	s.render(w, r, http.StatusOK, "sharing", p)
	return nil
}

// createShareCode makes a share link for the case and shows it.
func (s *Server) createShareCode(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	code, err := s.Accounts.Service.CreateShareCode(r.Context(), id)
	if err != nil {
		return err
	}
	p, err := s.sharingData(r)
	if err != nil {
		return err
	}
	p.ShareLink = s.Accounts.baseURL(r) + "/share/" + code
	s.render(w, r, http.StatusOK, "sharing", p)
	return nil
}

// revokeShare stops sharing the case with the coach of the form.
func (s *Server) revokeShare(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	coach, err := formID(r, "coach")
	if err != nil {
		return err
	}
	if err := s.Accounts.Service.RevokeShare(r.Context(), id, coach); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/cases/%d/sharing?done=revoked", id), http.StatusSeeOther)
	return nil
}

// auditPage is the data of a case's log.
type auditPage struct {
	layout
	CaseID  int64
	Title   string
	Entries []*crossroads.AuditEntry
}

// caseAudit shows who viewed or changed the case, for its owner.
func (s *Server) caseAudit(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	entries, err := s.Accounts.Service.CaseAudit(r.Context(), id)
	if err != nil {
		return err
	}
	title := fmt.Sprintf("Case %d", id)
	if len(entries) > 0 {
		title = entries[len(entries)-1].CaseTitle
	}
	// Newest first, as people read a log.
	rev := make([]*crossroads.AuditEntry, len(entries))
	for i, e := range entries {
		rev[len(entries)-1-i] = e
	}
	s.render(w, r, http.StatusOK, "audit", &auditPage{layout: s.layout(r, "Log · "+title), CaseID: id, Title: title, Entries: rev})
	return nil
}
