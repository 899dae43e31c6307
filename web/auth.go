package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/crossroads/crossroads"
)

// accountPage is the data of the pages of accounts: sign-in, sign-up,
// password reset, the account and its deletion.
type accountPage struct {
	layout
	// Values are the entries to show again (never a password).
	Values map[string]string
	// Problems are the problems of single fields, in the form's order.
	Problems []formProblem
	// Message is a problem of the whole form ("email or password is
	// incorrect").
	Message string
	// Notice is good news at the top of the page ("You are signed out.").
	Notice string
	// Next is where a sign-in leads afterwards.
	Next string
	// Token is the password-reset token of the page's address.
	Token string
}

// accountInput is one input of an account form.
type accountInput struct {
	ID, Name, Label, Type, Value, Autocomplete, Hint, Error string
}

// Input returns the input of the form named name.
func (p *accountPage) Input(name, label, typ, autocomplete, hint string) accountInput {
	in := accountInput{ID: "f-" + name, Name: name, Label: label, Type: typ, Autocomplete: autocomplete, Hint: hint}
	if typ != "password" {
		in.Value = p.Values[name]
	}
	for _, pr := range p.Problems {
		if pr.Field == name && in.Error == "" {
			in.Error = pr.Message
		}
	}
	return in
}

func (s *Server) accountPage(r *http.Request, title string) *accountPage {
	return &accountPage{layout: s.layout(r, title), Values: map[string]string{}}
}

// signInNotices are the notices the sign-in page shows after a redirect.
var signInNotices = map[string]string{
	"out":     "You are signed out.",
	"reset":   "Your new password is set. Sign in with it.",
	"deleted": "Your account and all your cases were deleted.",
}

func (s *Server) signInPage(w http.ResponseWriter, r *http.Request) error {
	p := s.accountPage(r, "Sign in")
	p.Nav = "signin"
	p.Next = localPath(r.URL.Query().Get("next"))
	p.Notice = signInNotices[r.URL.Query().Get("done")]
	s.render(w, r, http.StatusOK, "signin", p)
	return nil
}

func (s *Server) signInPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f, problems := readSignInForm(r.PostForm)
	p := s.accountPage(r, "Sign in")
	p.Nav = "signin"
	p.Next, p.Values["email"], p.Problems = f.Next, f.Email, problems
	if len(problems) > 0 {
		s.render(w, r, http.StatusUnprocessableEntity, "signin", p)
		return nil
	}
	u, err := s.Accounts.Service.Authenticate(r.Context(), f.Email, f.Password, s.Accounts.clientIP(r))
	if err != nil {
		switch kind := crossroads.ErrorKind(err); kind {
		case crossroads.Unauthenticated, crossroads.Forbidden:
			p.Message = sentence(crossroads.ErrorMessage(err))
			s.render(w, r, statusOf(kind), "signin", p)
			return nil
		}
		return err
	}
	if err := s.signIn(r.Context(), u); err != nil {
		return err
	}
	http.Redirect(w, r, f.Next, http.StatusSeeOther)
	return nil
}

func (s *Server) signUpPage(w http.ResponseWriter, r *http.Request) error {
	p := s.accountPage(r, "Create an account")
	p.Nav = "signup"
	p.Next = localPath(r.URL.Query().Get("next"))
	p.Values["role"] = string(crossroads.RoleClient)
	s.render(w, r, http.StatusOK, "signup", p)
	return nil
}

func (s *Server) signUpPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f, problems := readSignUpForm(r.PostForm)
	p := s.accountPage(r, "Create an account")
	p.Nav = "signup"
	p.Next, p.Problems = f.Next, problems
	p.Values["email"], p.Values["name"], p.Values["role"] = f.Email, f.Name, string(f.Role)
	if len(problems) > 0 {
		s.render(w, r, http.StatusUnprocessableEntity, "signup", p)
		return nil
	}
	u, err := s.Accounts.Service.SignUp(r.Context(), f.Email, f.Name, f.Password, f.Role)
	if err != nil {
		switch kind := crossroads.ErrorKind(err); kind {
		case crossroads.Invalid, crossroads.Conflict:
			p.Message = sentence(crossroads.ErrorMessage(err))
			s.render(w, r, statusOf(kind), "signup", p)
			return nil
		}
		return err
	}
	if err := s.signIn(r.Context(), u); err != nil {
		return err
	}
	next := f.Next
	if next == "/" && u.Role == crossroads.RoleCoach {
		next = "/coaching"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) signOutPost(w http.ResponseWriter, r *http.Request) error {
	if err := s.signOut(r.Context()); err != nil {
		return err
	}
	http.Redirect(w, r, "/signin?done=out", http.StatusSeeOther)
	return nil
}

func (s *Server) resetPage(w http.ResponseWriter, r *http.Request) error {
	p := s.accountPage(r, "Choose a new password")
	p.Token = r.PathValue("token")
	s.render(w, r, http.StatusOK, "reset", p)
	return nil
}

func (s *Server) resetPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	p := s.accountPage(r, "Choose a new password")
	p.Token = r.PathValue("token")
	pw, problems := readNewPassword(r.PostForm)
	if len(problems) > 0 {
		p.Problems = problems
		s.render(w, r, http.StatusUnprocessableEntity, "reset", p)
		return nil
	}
	u, err := s.Accounts.Service.ResetPassword(r.Context(), p.Token, pw)
	if err != nil {
		switch kind := crossroads.ErrorKind(err); kind {
		case crossroads.Invalid, crossroads.NotFound:
			p.Message = sentence(crossroads.ErrorMessage(err))
			if kind == crossroads.NotFound {
				p.Message += " Ask the person who runs Crossroads for a new link."
			}
			s.render(w, r, statusOf(kind), "reset", p)
			return nil
		}
		return err
	}
	// The reset ended every session of the account; this request's too,
	// if it was one of them.
	if cur := currentUser(r); cur != nil && cur.ID == u.ID {
		if err := s.signOut(r.Context()); err != nil {
			return err
		}
	}
	http.Redirect(w, r, "/signin?done=reset", http.StatusSeeOther)
	return nil
}

func (s *Server) accountHome(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	p := s.accountPage(r, "Your account")
	p.Nav = "account"
	s.render(w, r, http.StatusOK, "account", p)
	return nil
}

// exportData sends all the data of the signed-in person as a JSON file.
func (s *Server) exportData(w http.ResponseWriter, r *http.Request) error {
	x, err := s.Accounts.Service.ExportMyData(r.Context())
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(x, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding the export: %w", err)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="crossroads-data-%s.json"`, x.ExportedAt.UTC().Format("2006-01-02")))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	w.Write(append(b, '\n'))
	return nil
}

func (s *Server) confirmDeleteAccount(w http.ResponseWriter, r *http.Request) error {
	if _, err := requireUser(r); err != nil {
		return err
	}
	p := s.accountPage(r, "Delete your account")
	p.Nav = "account"
	s.render(w, r, http.StatusOK, "account-delete", p)
	return nil
}

// deleteAccount deletes the signed-in person's account, once they have
// typed their password again.
func (s *Server) deleteAccount(w http.ResponseWriter, r *http.Request) error {
	u, err := requireUser(r)
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	p := s.accountPage(r, "Delete your account")
	p.Nav = "account"
	pw := r.PostForm.Get("password")
	if pw == "" {
		p.Problems = []formProblem{{"password", "Your password", "Enter your password to confirm."}}
		s.render(w, r, http.StatusUnprocessableEntity, "account-delete", p)
		return nil
	}
	if _, err := s.Accounts.Service.Authenticate(r.Context(), u.Email, pw, s.Accounts.clientIP(r)); err != nil {
		switch kind := crossroads.ErrorKind(err); kind {
		case crossroads.Unauthenticated, crossroads.Forbidden:
			msg := "That is not your password; nothing was deleted."
			if kind == crossroads.Forbidden {
				msg = sentence(crossroads.ErrorMessage(err))
			}
			p.Problems = []formProblem{{"password", "Your password", msg}}
			s.render(w, r, statusOf(kind), "account-delete", p)
			return nil
		}
		return err
	}
	if err := s.Accounts.Service.DeleteMyAccount(r.Context()); err != nil {
		return err
	}
	if err := s.signOut(r.Context()); err != nil {
		return err
	}
	http.Redirect(w, r, "/signin?done=deleted", http.StatusSeeOther)
	return nil
}

// signInLink is the sign-in page that returns to next.
func signInLink(next string) string {
	if next == "" || next == "/" {
		return "/signin"
	}
	return "/signin?next=" + url.QueryEscape(next)
}
