package web

import (
	"crypto/tls"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/internal/password"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store"
	"github.com/crossroads/crossroads/store/dbtest"
	"github.com/crossroads/crossroads/web/api"
)

// tiny are argon2id parameters that keep the tests fast; never use them for
// real.
var tiny = password.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// testPassword is the password of every account of the tests.
const testPassword = "correct horse battery"

// accountsEnv is a web server with accounts and the JSON API on one store.
type accountsEnv struct {
	t   *testing.T
	st  crossroads.Store
	svc *service.Service
	srv *Server
	ts  *httptest.Server
}

// newAccountsServer returns the server of `crossroads serve --accounts` on
// st: its service, sessions in st's database, and the API.
func newAccountsServer(t testing.TB, st crossroads.Store, secure bool) (*Server, *service.Service) {
	t.Helper()
	svc := service.New(st)
	svc.Password = tiny
	sessions, err := store.Sessions(st, 0)
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(testLog{t}, nil))
	apiHandler, err := api.New(svc, api.Options{Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Cases: ServiceCases{svc}, API: apiHandler, Logger: logger, Now: func() time.Time { return fixedNow },
		Accounts: &Accounts{Service: svc, Sessions: sessions, SecureCookies: secure}}
	return s, svc
}

// newAccountsEnv starts a server with accounts on st.
func newAccountsEnv(t *testing.T, st crossroads.Store) *accountsEnv {
	t.Helper()
	s, svc := newAccountsServer(t, st, false)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return &accountsEnv{t: t, st: st, svc: svc, srv: s, ts: ts}
}

// forEachStore runs fn on SQLite, and on PostgreSQL when it is configured.
func forEachStore(t *testing.T, fn func(t *testing.T, st crossroads.Store)) {
	for _, b := range dbtest.Backends() {
		t.Run(b.Name, func(t *testing.T) { fn(t, b.Open(t, nil)) })
	}
}

// person is someone using the site with a browser: a cookie jar, no
// automatic redirects, and the headers a browser sends with a form of the
// site itself.
type person struct {
	t    testing.TB
	base string
	jar  *cookiejar.Jar
	c    *http.Client
}

func newPerson(t testing.TB, base string) *person {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &person{t: t, base: base, jar: jar, c: c}
}

// do sends req and returns the response with its body read.
func (p *person) do(req *http.Request) (*http.Response, string) {
	p.t.Helper()
	resp, err := p.c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		p.t.Fatal(err)
	}
	return resp, string(body)
}

func (p *person) get(path string) (*http.Response, string) {
	p.t.Helper()
	req, err := http.NewRequest("GET", p.base+path, nil)
	if err != nil {
		p.t.Fatal(err)
	}
	return p.do(req)
}

// post sends a form as a page of the site does.
func (p *person) post(path string, form url.Values) (*http.Response, string) {
	p.t.Helper()
	req, err := http.NewRequest("POST", p.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		p.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", p.base)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return p.do(req)
}

// token returns the session cookie the person's browser holds, or "".
func (p *person) token() string {
	u, _ := url.Parse(p.base)
	for _, c := range p.jar.Cookies(u) {
		if c.Name == SessionCookie {
			return c.Value
		}
	}
	return ""
}

// setToken puts a session cookie into the person's browser.
func (p *person) setToken(token string) {
	u, _ := url.Parse(p.base)
	p.jar.SetCookies(u, []*http.Cookie{{Name: SessionCookie, Value: token, Path: "/"}})
}

// signUp creates an account through the sign-up page, which signs in.
func (p *person) signUp(email, name string, role crossroads.Role) {
	p.t.Helper()
	resp, body := p.post("/signup", url.Values{"email": {email}, "name": {name}, "password": {testPassword},
		"confirm": {testPassword}, "role": {string(role)}})
	if resp.StatusCode != http.StatusSeeOther {
		p.t.Fatalf("sign-up of %s: status %d\n%s", email, resp.StatusCode, mainText(body))
	}
}

// signIn signs in through the sign-in page.
func (p *person) signIn(email, pw string) {
	p.t.Helper()
	resp, body := p.post("/signin", url.Values{"email": {email}, "password": {pw}})
	if resp.StatusCode != http.StatusSeeOther {
		p.t.Fatalf("sign-in of %s: status %d\n%s", email, resp.StatusCode, mainText(body))
	}
}

// signedInAs returns the name in the sign-out button, or "" when the
// person is not signed in.
func (p *person) signedInAs() string {
	p.t.Helper()
	resp, body := p.get("/account")
	if resp.StatusCode != http.StatusOK {
		return ""
	}
	_, after, _ := strings.Cut(body, `<dt>Name</dt><dd>`)
	name, _, _ := strings.Cut(after, "<")
	return name
}

// mainText returns the text of a page's main element, for messages.
func mainText(body string) string {
	_, after, ok := strings.Cut(body, "<main")
	if !ok {
		return body
	}
	m, _, _ := strings.Cut(after, "</main>")
	return m
}

func TestSignUpSignInSignOut(t *testing.T) {
	forEachStore(t, func(t *testing.T, st crossroads.Store) {
		e := newAccountsEnv(t, st)
		ada := newPerson(t, e.ts.URL)
		// Anonymous: the pages lead to the sign-in page, and back.
		resp, _ := ada.get("/cases/1/report")
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/signin?next=%2Fcases%2F1%2Freport" {
			t.Errorf("anonymous report: status %d, Location %q; want the sign-in page", resp.StatusCode, loc)
		}
		ada.signUp("ada@example.com", "Ada", crossroads.RoleClient)
		if got := ada.signedInAs(); got != "Ada" {
			t.Fatalf("after sign-up: signed in as %q, want Ada", got)
		}
		resp, body := ada.get("/")
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Sign out") {
			t.Errorf("home: status %d, no sign-out button", resp.StatusCode)
		}
		signedIn := ada.token()
		resp, _ = ada.post("/signout", nil)
		if resp.StatusCode != http.StatusSeeOther || ada.token() != "" {
			t.Errorf("sign-out: status %d, cookie %q left", resp.StatusCode, ada.token())
		}
		// Sign-out invalidation: the old cookie no longer works.
		ada.setToken(signedIn)
		if got := ada.signedInAs(); got != "" {
			t.Errorf("the cookie of a signed-out session still signs in as %q", got)
		}
		// A wrong password and a right one.
		resp, body = ada.post("/signin", url.Values{"email": {"ada@example.com"}, "password": {"not the password"}})
		if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "Email or password is incorrect.") {
			t.Errorf("wrong password: status %d\n%s", resp.StatusCode, mainText(body))
		}
		resp, _ = ada.post("/signin", url.Values{"email": {"ADA@example.com"}, "password": {testPassword}, "next": {"/coaching"}})
		if loc := resp.Header.Get("Location"); loc != "/coaching" {
			t.Errorf("sign-in with next: Location %q", loc)
		}
		// A sign-in never leads to another site.
		resp, _ = ada.post("/signin", url.Values{"email": {"ada@example.com"}, "password": {testPassword}, "next": {"//evil.example/x"}})
		if loc := resp.Header.Get("Location"); loc != "/" {
			t.Errorf("sign-in with next //evil.example/x: Location %q, want /", loc)
		}
	})
}

// TestSessionFixation checks that signing in gives a new session token,
// whatever token the browser held before: one planted by someone else, or
// the person's own earlier session.
func TestSessionFixation(t *testing.T) {
	forEachStore(t, func(t *testing.T, st crossroads.Store) {
		e := newAccountsEnv(t, st)
		if _, err := e.svc.SignUp(t.Context(), "ada@example.com", "Ada", testPassword, crossroads.RoleClient); err != nil {
			t.Fatal(err)
		}
		victim := newPerson(t, e.ts.URL)
		victim.setToken("planted-by-an-attacker")
		victim.signIn("ada@example.com", testPassword)
		first := victim.token()
		if first == "" || first == "planted-by-an-attacker" {
			t.Fatalf("token after sign-in %q: the planted token was kept", first)
		}
		// Signing in again, with a session already, renews the token and
		// voids the old one.
		victim.signIn("ada@example.com", testPassword)
		second := victim.token()
		if second == first || second == "" {
			t.Errorf("second sign-in kept the token %q", second)
		}
		attacker := newPerson(t, e.ts.URL)
		attacker.setToken(first)
		if got := attacker.signedInAs(); got != "" {
			t.Errorf("the token from before the second sign-in still signs in as %q", got)
		}
		attacker.setToken(second)
		if got := attacker.signedInAs(); got != "Ada" {
			t.Errorf("the current token signs in as %q, want Ada", got)
		}
	})
}

// TestCrossSiteRefused checks that state-changing requests from another
// site are refused, on the pages and on the API, even with a valid cookie.
func TestCrossSiteRefused(t *testing.T) {
	e := newAccountsEnv(t, dbtest.OpenSQLite(t, nil))
	ada := newPerson(t, e.ts.URL)
	ada.signUp("ada@example.com", "Ada", crossroads.RoleClient)
	for _, c := range []struct {
		method, path, contentType, body string
		headers                         map[string]string
	}{
		{"POST", "/cases/example", "application/x-www-form-urlencoded", "", map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"POST", "/signout", "application/x-www-form-urlencoded", "", map[string]string{"Origin": "https://evil.example"}},
		{"POST", "/account/delete", "application/x-www-form-urlencoded", "password=" + url.QueryEscape(testPassword), map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}},
		{"POST", "/api/v1/cases", "application/yaml", "title: x\n", map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"DELETE", "/api/v1/cases/1", "", "", map[string]string{"Origin": "https://evil.example"}},
	} {
		req, err := http.NewRequest(c.method, e.ts.URL+c.path, strings.NewReader(c.body))
		if err != nil {
			t.Fatal(err)
		}
		if c.contentType != "" {
			req.Header.Set("Content-Type", c.contentType)
		}
		for k, v := range c.headers {
			req.Header.Set(k, v)
		}
		resp, body := ada.do(req)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "another site") {
			t.Errorf("%s %s from another site: status %d, want 403 saying why\n%s", c.method, c.path, resp.StatusCode, mainText(body))
		}
	}
	if got := ada.signedInAs(); got != "Ada" {
		t.Errorf("after the refused requests: signed in as %q, want Ada (the cross-site sign-out must not work)", got)
	}
	if cases, err := e.svc.ListCases(crossroads.NewContextWithUser(t.Context(), mustUser(t, e.svc, "ada@example.com"))); err != nil || len(cases) != 0 {
		t.Errorf("after the refused requests Ada has %d cases (%v), want 0", len(cases), err)
	}
}

// mustUser returns the account of email.
func mustUser(t testing.TB, svc *service.Service, email string) *crossroads.User {
	t.Helper()
	u, err := svc.Store.UserByEmail(t.Context(), email)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestCookieAttributes checks the session cookie: HttpOnly, SameSite=Lax,
// no lasting expiry, and Secure when served over TLS or configured so.
func TestCookieAttributes(t *testing.T) {
	for _, c := range []struct {
		name       string
		tls        bool
		secureFlag bool
		wantSecure bool
	}{
		{"http", false, false, false},
		{"http behind an https proxy", false, true, true},
		{"https", true, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := dbtest.OpenSQLite(t, nil)
			s, svc := newAccountsServer(t, st, c.secureFlag)
			if _, err := svc.SignUp(t.Context(), "ada@example.com", "Ada", testPassword, crossroads.RoleClient); err != nil {
				t.Fatal(err)
			}
			var ts *httptest.Server
			if c.tls {
				ts = httptest.NewTLSServer(s.Handler())
			} else {
				ts = httptest.NewServer(s.Handler())
			}
			defer ts.Close()
			cl := ts.Client()
			cl.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
			if c.tls {
				cl.Transport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
			}
			req, _ := http.NewRequest("POST", ts.URL+"/signin", strings.NewReader(url.Values{"email": {"ada@example.com"}, "password": {testPassword}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			resp, err := cl.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			var cookie *http.Cookie
			for _, ck := range resp.Cookies() {
				if ck.Name == SessionCookie {
					cookie = ck
				}
			}
			if cookie == nil {
				t.Fatalf("no session cookie after sign-in (status %d)", resp.StatusCode)
			}
			if hsts := resp.Header.Get("Strict-Transport-Security"); (hsts != "") != c.tls {
				t.Errorf("Strict-Transport-Security %q over TLS %v", hsts, c.tls)
			}
			if !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure != c.wantSecure || cookie.Path != "/" || cookie.MaxAge != 0 {
				t.Errorf("cookie %s: want HttpOnly, SameSite=Lax, Path=/, no Max-Age, Secure=%v", cookie, c.wantSecure)
			}
		})
	}
}

// TestPasswordResetEndsSessions resets a password with the link the admin
// command prints: every session of the account ends, on every device.
func TestPasswordResetEndsSessions(t *testing.T) {
	forEachStore(t, func(t *testing.T, st crossroads.Store) {
		e := newAccountsEnv(t, st)
		laptop, phone := newPerson(t, e.ts.URL), newPerson(t, e.ts.URL)
		laptop.signUp("ada@example.com", "Ada", crossroads.RoleClient)
		phone.signIn("ada@example.com", testPassword)
		bob := newPerson(t, e.ts.URL)
		bob.signUp("bob@example.com", "Bob", crossroads.RoleClient)
		token, err := e.svc.CreateResetToken(service.OperatorContext(t.Context()), "ada@example.com")
		if err != nil {
			t.Fatal(err)
		}
		stranger := newPerson(t, e.ts.URL)
		resp, body := stranger.get("/reset/" + token)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, `action="/reset/`+token+`"`) {
			t.Fatalf("reset page: status %d\n%s", resp.StatusCode, mainText(body))
		}
		resp, body = stranger.post("/reset/"+token, url.Values{"password": {"short"}, "confirm": {"short"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "at least 10 characters") {
			t.Errorf("short password: status %d\n%s", resp.StatusCode, mainText(body))
		}
		const newPW = "a brand new passphrase"
		resp, _ = stranger.post("/reset/"+token, url.Values{"password": {newPW}, "confirm": {newPW}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/signin?done=reset" {
			t.Fatalf("reset: status %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		for name, p := range map[string]*person{"laptop": laptop, "phone": phone} {
			if got := p.signedInAs(); got != "" {
				t.Errorf("the %s is still signed in as %q after the reset", name, got)
			}
		}
		if got := bob.signedInAs(); got != "Bob" {
			t.Errorf("Bob's session ended with Ada's reset (signed in as %q)", got)
		}
		resp, body = stranger.post("/reset/"+token, url.Values{"password": {newPW}, "confirm": {newPW}})
		if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "already used") {
			t.Errorf("the link a second time: status %d\n%s", resp.StatusCode, mainText(body))
		}
		resp, _ = laptop.post("/signin", url.Values{"email": {"ada@example.com"}, "password": {testPassword}})
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("the old password: status %d, want 401", resp.StatusCode)
		}
		laptop.signIn("ada@example.com", newPW)
		if got := laptop.signedInAs(); got != "Ada" {
			t.Errorf("with the new password: signed in as %q", got)
		}
	})
}

// TestSignInLimit checks that the pages apply the service's limit on failed
// sign-ins, counted for the client's address.
func TestSignInLimit(t *testing.T) {
	e := newAccountsEnv(t, dbtest.OpenSQLite(t, nil))
	p := newPerson(t, e.ts.URL)
	p.signUp("ada@example.com", "Ada", crossroads.RoleClient)
	for i := range service.MaxFailuresPerEmail {
		if resp, _ := p.post("/signin", url.Values{"email": {"ada@example.com"}, "password": {"wrong password"}}); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d: status %d, want 401", i+1, resp.StatusCode)
		}
	}
	resp, body := p.post("/signin", url.Values{"email": {"ada@example.com"}, "password": {testPassword}})
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "Too many sign-in attempts; try again in 15 minutes.") {
		t.Errorf("after %d failures: status %d\n%s", service.MaxFailuresPerEmail, resp.StatusCode, mainText(body))
	}
	failures, err := e.st.LoginFailures(t.Context(), "ip:127.0.0.1", time.Now().Add(-time.Hour))
	if err != nil || len(failures) != service.MaxFailuresPerEmail {
		t.Errorf("failures counted for 127.0.0.1: %d (%v), want %d: the address must come without its port", len(failures), err, service.MaxFailuresPerEmail)
	}
}

func TestClientIP(t *testing.T) {
	for _, c := range []struct {
		remote, forwarded string
		trust             bool
		want              string
	}{
		{"192.0.2.7:51234", "", false, "192.0.2.7"},
		{"[2001:db8::1]:443", "", false, "2001:db8::1"},
		{"192.0.2.7:51234", "198.51.100.1", false, "192.0.2.7"},
		{"192.0.2.7:51234", "203.0.113.9, 198.51.100.1", true, "198.51.100.1"},
		{"192.0.2.7:51234", "not an address", true, "192.0.2.7"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = c.remote
		if c.forwarded != "" {
			r.Header.Set("X-Forwarded-For", c.forwarded)
		}
		a := &Accounts{TrustProxy: c.trust}
		if got := a.clientIP(r); got != c.want {
			t.Errorf("clientIP(%s, X-Forwarded-For %q, trust %v) = %q, want %q", c.remote, c.forwarded, c.trust, got, c.want)
		}
	}
}

// TestExportAndDeleteAccount downloads a person's data and deletes the
// account with its cases, from the pages.
func TestExportAndDeleteAccount(t *testing.T) {
	forEachStore(t, func(t *testing.T, st crossroads.Store) {
		e := newAccountsEnv(t, st)
		ada := newPerson(t, e.ts.URL)
		ada.signUp("ada@example.com", "Ada", crossroads.RoleClient)
		resp, _ := ada.post("/cases/example", nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("start from the example: %d", resp.StatusCode)
		}
		u := mustUser(t, e.svc, "ada@example.com")
		resp, body := ada.post("/account/export", nil)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Disposition"), `attachment; filename="crossroads-data-`) {
			t.Fatalf("export: status %d, Content-Disposition %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
		}
		var x crossroads.Export
		if err := json.Unmarshal([]byte(body), &x); err != nil {
			t.Fatalf("the export is not JSON: %v", err)
		}
		if x.User == nil || x.User.Email != "ada@example.com" || len(x.Cases) != 1 || !strings.Contains(x.Cases[0].Document, "opportunities:") {
			t.Errorf("export: user %+v, %d cases; want Ada's account and her case with its document", x.User, len(x.Cases))
		}
		resp, body = ada.post("/account/delete", url.Values{"password": {"not my password"}})
		if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "nothing was deleted") {
			t.Errorf("delete with a wrong password: status %d\n%s", resp.StatusCode, mainText(body))
		}
		resp, _ = ada.post("/account/delete", url.Values{"password": {testPassword}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/signin?done=deleted" {
			t.Fatalf("delete: status %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		if _, err := e.st.User(t.Context(), u.ID); crossroads.ErrorKind(err) != crossroads.NotFound {
			t.Errorf("the account is still there: %v", err)
		}
		if cases, err := e.st.Cases(t.Context(), crossroads.CaseFilter{OwnerID: u.ID}); err != nil || len(cases) != 0 {
			t.Errorf("after deleting the account: %d cases left (%v)", len(cases), err)
		}
		if got := ada.signedInAs(); got != "" {
			t.Errorf("still signed in as %q after deleting the account", got)
		}
	})
}

// TestAccountPagesRender renders every page of accounts and sharing, for
// each kind of person, with the checks every page passes (unique ids, a
// label for every control), and with their problems shown.
func TestAccountPagesRender(t *testing.T) {
	e := newAccountsEnv(t, dbtest.OpenSQLite(t, nil))
	w := newWebWorld(t, e.svc, 1)
	anon := newPerson(t, e.ts.URL)
	for _, path := range []string{"/signin", "/signin?done=out", "/signup", "/reset/" + w.reset, "/about"} {
		resp, body := anon.get(path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
		checkHTML(t, path, body)
	}
	resp, body := anon.post("/signup", url.Values{"role": {"admin"}, "password": {"x"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `aria-invalid="true"`) {
		t.Errorf("sign-up with problems: %d", resp.StatusCode)
	}
	checkHTML(t, "sign-up with problems", body)
	for _, role := range []string{"clientA", "coachA"} {
		p := newPerson(t, e.ts.URL)
		p.signIn(w.users[role].Email, testPassword)
		paths := []string{"/", "/account", "/account/delete", "/coaching", "/join/" + w.invite, "/share/" + w.share,
			casePath(w, "/report")}
		if role == "clientA" {
			paths = append(paths, casePath(w, "/sharing"), casePath(w, "/audit"))
		}
		for _, path := range paths {
			resp, body := p.get(path)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s as %s: %d", path, role, resp.StatusCode)
			}
			checkHTML(t, role+" "+path, body)
		}
		resp, body := p.post("/join", url.Values{"code": {"not a code"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "paste the code or the whole link") {
			t.Errorf("a bad code as %s: %d", role, resp.StatusCode)
		}
		checkHTML(t, role+" bad code", body)
	}
}
