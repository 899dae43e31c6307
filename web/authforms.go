package web

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/internal/password"
)

// The forms of accounts and sharing, read from a request's values into
// structs, with a problem for each field that is wrong. They check the shape
// of what was typed; the service checks the rest (and says why).

// formProblem is a problem of one field of an account form.
type formProblem struct {
	Field   string // the input's name
	Label   string // the input's label, for the summary
	Message string
}

// signInForm is the sign-in form.
type signInForm struct {
	Email    string
	Password string
	Next     string // a path of this site to go to afterwards
}

// maxFormField bounds what a form keeps of one value, so that nothing
// larger than a page could show comes back in a page.
const maxFormField = 2048

// formValue returns the trimmed value of key, cut to maxFormField bytes on
// a character boundary.
func formValue(v url.Values, key string) string {
	return clip(strings.TrimSpace(v.Get(key)))
}

// clip cuts s to at most maxFormField bytes without splitting a character,
// and drops invalid UTF-8.
func clip(s string) string {
	s = strings.ToValidUTF8(s, "")
	if len(s) <= maxFormField {
		return s
	}
	cut := maxFormField
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// readSignInForm reads the sign-in form. A password is kept exactly as
// typed (spaces count); a missing email or password is a problem.
func readSignInForm(v url.Values) (signInForm, []formProblem) {
	f := signInForm{Email: formValue(v, "email"), Password: v.Get("password"), Next: localPath(v.Get("next"))}
	var problems []formProblem
	if f.Email == "" {
		problems = append(problems, formProblem{"email", "Email", "Enter your email address."})
	}
	if f.Password == "" {
		problems = append(problems, formProblem{"password", "Password", "Enter your password."})
	}
	if len(f.Password) > password.MaxBytes {
		f.Password = ""
		problems = append(problems, formProblem{"password", "Password",
			"A password has at most " + strconv.Itoa(password.MaxBytes) + " bytes."})
	}
	return f, problems
}

// signUpForm is the form that creates an account.
type signUpForm struct {
	Email    string
	Name     string
	Password string
	Role     crossroads.Role
	Next     string
}

// readSignUpForm reads the sign-up form: the two passwords must agree and
// the role is client or coach. The service checks the email, the name and
// the password's length.
func readSignUpForm(v url.Values) (signUpForm, []formProblem) {
	f := signUpForm{Email: formValue(v, "email"), Name: formValue(v, "name"), Password: v.Get("password"),
		Next: localPath(v.Get("next"))}
	var problems []formProblem
	if f.Email == "" {
		problems = append(problems, formProblem{"email", "Email", "Enter your email address."})
	}
	if f.Name == "" {
		problems = append(problems, formProblem{"name", "Your name", "Enter the name others will see."})
	}
	if err := password.Validate(f.Password); err != nil {
		problems = append(problems, formProblem{"password", "Password", sentence(crossroads.ErrorMessage(err))})
	} else if v.Get("confirm") != f.Password {
		problems = append(problems, formProblem{"confirm", "Password again", "The two passwords are not the same."})
	}
	switch role := v.Get("role"); role {
	case string(crossroads.RoleClient), string(crossroads.RoleCoach):
		f.Role = crossroads.Role(role)
	case "":
		problems = append(problems, formProblem{"role", "I am", "Choose whether you are deciding or coaching."})
	default:
		problems = append(problems, formProblem{"role", "I am", "Choose one of the two answers."})
	}
	return f, problems
}

// readNewPassword reads the form of a new password: the password and the
// same again.
func readNewPassword(v url.Values) (string, []formProblem) {
	pw := v.Get("password")
	if err := password.Validate(pw); err != nil {
		return "", []formProblem{{"password", "New password", sentence(crossroads.ErrorMessage(err))}}
	}
	if v.Get("confirm") != pw {
		return "", []formProblem{{"confirm", "New password again", "The two passwords are not the same."}}
	}
	return pw, nil
}

// codeLength is the length of a share or invite code: 32 random bytes in
// unpadded base64url.
const codeLength = 43

// readCode reads a share or client invite code as people paste it: the
// code alone, or the whole link (…/join/CODE, …/share/CODE), with spaces
// around. It returns Invalid naming the field when it is neither.
func readCode(s string) (string, error) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		s = s[i+1:]
	}
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	if len(s) != codeLength || strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_')
	}) >= 0 {
		return "", crossroads.Errorf(crossroads.Invalid,
			"code: paste the code or the whole link you were given (a code has %d letters, digits, - and _)", codeLength)
	}
	return s, nil
}

// sentence makes a message start with a capital and end with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = strings.ToUpper(string(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
