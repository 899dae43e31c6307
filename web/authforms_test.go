package web

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crossroads/crossroads"
)

func TestLocalPath(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "/"},
		{"/cases/3/report", "/cases/3/report"},
		{"/cases/3/report?balance=80", "/cases/3/report?balance=80"},
		{"//evil.example/x", "/"},
		{`/\evil.example`, "/"},
		{"https://evil.example/", "/"},
		{"javascript:alert(1)", "/"},
		{"cases/3", "/"},
		{"/a\r\nSet-Cookie: x=1", "/"},
		{"/%2F%2Fevil.example", "/%2F%2Fevil.example"},
	} {
		if got := localPath(c.in); got != c.want {
			t.Errorf("localPath(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReadCode(t *testing.T) {
	code := strings.Repeat("aB3-_", 8) + "xyz"
	for _, c := range []struct{ in, want string }{
		{code, code},
		{"  " + code + "\n", code},
		{"https://crossroads.example.org/join/" + code, code},
		{"http://127.0.0.1:8080/share/" + code + "?x=1#top", code},
		{"", ""},
		{code[:42], ""},
		{code + "a", ""},
		{strings.Repeat("=", 43), ""},
	} {
		got, err := readCode(c.in)
		if got != c.want || (err == nil) != (c.want != "") {
			t.Errorf("readCode(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
		if err != nil && (crossroads.ErrorKind(err) != crossroads.Invalid || !strings.Contains(err.Error(), "code:")) {
			t.Errorf("readCode(%q) error %v: want Invalid naming the field", c.in, err)
		}
	}
}

func TestReadSignUpForm(t *testing.T) {
	ok := url.Values{"email": {" ada@example.com "}, "name": {"Ada"}, "password": {"correct horse battery"},
		"confirm": {"correct horse battery"}, "role": {"coach"}, "next": {"/coaching"}}
	f, problems := readSignUpForm(ok)
	if len(problems) != 0 || f.Email != "ada@example.com" || f.Role != crossroads.RoleCoach || f.Next != "/coaching" {
		t.Errorf("readSignUpForm(ok) = %+v, %v", f, problems)
	}
	for _, c := range []struct {
		change url.Values
		field  string
		msg    string
	}{
		{url.Values{"email": {""}}, "email", "Enter your email address."},
		{url.Values{"name": {"  "}}, "name", "Enter the name"},
		{url.Values{"password": {"short"}, "confirm": {"short"}}, "password", "at least 10 characters"},
		{url.Values{"confirm": {"correct horse staple"}}, "confirm", "not the same"},
		{url.Values{"role": {"admin"}}, "role", "Choose one of the two answers."},
		{url.Values{"role": {""}}, "role", "Choose whether"},
	} {
		v := url.Values{}
		for k, vs := range ok {
			v[k] = vs
		}
		for k, vs := range c.change {
			v[k] = vs
		}
		_, problems := readSignUpForm(v)
		if len(problems) != 1 || problems[0].Field != c.field || !strings.Contains(problems[0].Message, c.msg) {
			t.Errorf("readSignUpForm with %v: problems %+v, want one for %s saying %q", c.change, problems, c.field, c.msg)
		}
	}
}

// checkForm checks what every account form reader promises: the next page
// is a path of this site, and what comes back to a page is valid UTF-8
// text of bounded length.
func checkForm(t *testing.T, next string, values ...string) {
	t.Helper()
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		t.Errorf("next %q is not a path of this site", next)
	}
	for _, v := range values {
		if !utf8.ValidString(v) || len(v) > maxFormField {
			t.Errorf("value %q: not valid UTF-8 of at most %d bytes", v, maxFormField)
		}
	}
}

func FuzzSignInForm(f *testing.F) {
	f.Add("email=ada%40example.com&password=correct+horse+battery&next=%2Fcases%2F3")
	f.Add("email=&password=")
	f.Add("next=%2F%2Fevil.example&email=%FF%FE")
	f.Add("next=%2F%5Cevil&password=" + strings.Repeat("x", 1100))
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		fm, problems := readSignInForm(v)
		checkForm(t, fm.Next, fm.Email)
		if len(problems) == 0 && (fm.Email == "" || fm.Password == "") {
			t.Errorf("no problem with email %q and password %q", fm.Email, fm.Password)
		}
	})
}

func FuzzSignUpForm(f *testing.F) {
	f.Add("email=ada%40example.com&name=Ada&password=correct+horse+battery&confirm=correct+horse+battery&role=client")
	f.Add("role=admin&password=short&confirm=short")
	f.Add("role=coach&name=%00&email=%E2%80&next=https%3A%2F%2Fevil.example")
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		fm, problems := readSignUpForm(v)
		checkForm(t, fm.Next, fm.Email, fm.Name)
		if len(problems) == 0 {
			if fm.Role != crossroads.RoleClient && fm.Role != crossroads.RoleCoach {
				t.Errorf("accepted role %q", fm.Role)
			}
			if fm.Password != v.Get("confirm") || utf8.RuneCountInString(fm.Password) < 10 {
				t.Errorf("accepted password %q with confirmation %q", fm.Password, v.Get("confirm"))
			}
		}
	})
}

// FuzzCodeForm fuzzes the forms that take a share or invite code (POST
// /share, POST /join): a code comes out only as 43 base64url characters.
func FuzzCodeForm(f *testing.F) {
	f.Add("code=" + url.QueryEscape("https://crossroads.example.org/share/"+strings.Repeat("Ab3_-", 8)+"xyz"))
	f.Add("code=%20%20abc")
	f.Add("code=%2F%2F%2F%3F%23")
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		code, err := readCode(v.Get("code"))
		if err != nil {
			if code != "" || crossroads.ErrorKind(err) != crossroads.Invalid {
				t.Errorf("readCode(%q) = %q, %v", v.Get("code"), code, err)
			}
			return
		}
		if len(code) != codeLength || strings.Trim(code, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != "" {
			t.Errorf("readCode(%q) = %q: not a code", v.Get("code"), code)
		}
	})
}
