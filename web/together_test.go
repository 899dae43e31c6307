package web

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/examples"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store/dbtest"
	"github.com/crossroads/crossroads/store/postgres"
	"github.com/crossroads/crossroads/store/sqlite"
)

var (
	inviteLinkRe = regexp.MustCompile(`id="invite-link">([^<]+)<`)
	shareLinkRe  = regexp.MustCompile(`id="share-link">([^<]+)<`)
	caseLinkRe   = regexp.MustCompile(`^/cases/(\d+)/`)
)

// linkIn returns the link a page shows with re, or fails.
func linkIn(t *testing.T, re *regexp.Regexp, body string) string {
	t.Helper()
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no link on the page:\n%s", mainText(body))
	}
	return m[1]
}

// pathOf returns the path of a link of the site.
func pathOf(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	return u.Path
}

// TestCoachAndClients goes through what a coach and two clients do with
// the pages, and what each then sees: the invite, the share, the coach's
// edit and the client's stale one, the log, and the revocation, which takes
// effect on the coach's next request.
func TestCoachAndClients(t *testing.T) {
	forEachStore(t, func(t *testing.T, st crossroads.Store) {
		e := newAccountsEnv(t, st)
		coach, ana, ben := newPerson(t, e.ts.URL), newPerson(t, e.ts.URL), newPerson(t, e.ts.URL)
		coach.signUp("cora@example.com", "Cora", crossroads.RoleCoach)
		ana.signUp("ana@example.com", "Ana", crossroads.RoleClient)
		ben.signUp("ben@example.com", "Ben", crossroads.RoleClient)

		// The coach invites Ana, who joins by the link.
		resp, body := coach.post("/coaching/invite", nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("invite: %d", resp.StatusCode)
		}
		invite := pathOf(t, linkIn(t, inviteLinkRe, body))
		if resp, _ := ana.get(invite); resp.StatusCode != http.StatusOK {
			t.Fatalf("Ana opens the invite: %d", resp.StatusCode)
		}
		resp, _ = ana.post("/join", url.Values{"code": {e.ts.URL + invite}})
		if resp.Header.Get("Location") != "/coaching?done=joined" {
			t.Fatalf("Ana joins: %d %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		// The link works once: Ben cannot use it too.
		resp, body = ben.post("/join", url.Values{"code": {invite}})
		if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "already used or expired") {
			t.Errorf("Ben with a used invite: %d\n%s", resp.StatusCode, mainText(body))
		}

		// Ana starts from the example and shares it.
		resp, _ = ana.post("/cases/example", nil)
		m := caseLinkRe.FindStringSubmatch(resp.Header.Get("Location"))
		if m == nil {
			t.Fatalf("the example: Location %q", resp.Header.Get("Location"))
		}
		caseURL := "/cases/" + m[1]
		for who, p := range map[string]*person{"the coach": coach, "Ben": ben} {
			if resp, _ := p.get(caseURL + "/report"); resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s opens Ana's unshared case: %d, want 404", who, resp.StatusCode)
			}
		}
		_, body = ana.post(caseURL+"/sharing", nil)
		share := linkIn(t, shareLinkRe, body)
		// Ben, a client, cannot use a share link, and it stays usable.
		if resp, _ := ben.post("/share", url.Values{"code": {share}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("Ben with the share link: %d, want 403", resp.StatusCode)
		}
		resp, _ = coach.post("/share", url.Values{"code": {share}})
		if resp.Header.Get("Location") != caseURL+"/report" {
			t.Fatalf("the coach opens the share: %d %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		_, body = coach.get("/")
		if !strings.Contains(body, "Benefits call-centre contract") || !strings.Contains(body, "<td>Ana</td>") {
			t.Errorf("the coach's cases do not list Ana's case with her name:\n%s", mainText(body))
		}
		_, body = ben.get("/")
		if strings.Contains(body, "Benefits call-centre contract") {
			t.Error("Ben's home lists Ana's case")
		}

		// Both open the same page; the coach saves first, Ana's stale save
		// is refused with a clear message and nothing is lost.
		form := func(goal string) url.Values {
			return url.Values{"version": {"1"}, "person.goal.statement": {goal}}
		}
		if resp, _ := coach.post(caseURL+"/edit/goal", form("the coach's goal")); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("the coach saves: %d", resp.StatusCode)
		}
		resp, body = ana.post(caseURL+"/edit/goal", form("Ana's goal"))
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "changed by someone else") || !strings.Contains(body, "Ana&#39;s goal") {
			t.Errorf("Ana's stale save: %d\n%s", resp.StatusCode, mainText(body))
		}
		// The API says the same.
		req, _ := http.NewRequest("PUT", e.ts.URL+"/api/v1"+caseURL, bytes.NewReader(examples.MotivatingCase))
		req.Header.Set("Content-Type", "application/yaml")
		req.Header.Set("If-Match", `"1"`)
		resp, body = ana.do(req)
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "changed by someone else since you opened it (version 1, now 2)") {
			t.Errorf("a stale API update: %d\n%s", resp.StatusCode, body)
		}

		// The coach starts a case for Ana; it is hers, shared with the coach.
		ana1 := mustUser(t, e.svc, "ana@example.com")
		resp, _ = coach.post("/cases", url.Values{"owner": {id(ana1.ID)}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("the coach starts a case for Ana: %d", resp.StatusCode)
		}
		if resp, _ := coach.post("/cases", url.Values{"owner": {id(mustUser(t, e.svc, "ben@example.com").ID)}}); resp.StatusCode != http.StatusNotFound {
			t.Errorf("the coach starts a case for Ben, not a client: %d, want 404", resp.StatusCode)
		}
		cases, err := e.svc.ListCases(crossroads.NewContextWithUser(t.Context(), ana1))
		if err != nil || len(cases) != 2 {
			t.Fatalf("Ana has %d cases (%v), want 2", len(cases), err)
		}

		// Ana reads the log of her case: the coach's view and change.
		_, body = ana.get(caseURL + "/audit")
		for _, want := range []string{"Cora", "changed it", "opened a share link"} {
			if !strings.Contains(body, want) {
				t.Errorf("the log lacks %q:\n%s", want, mainText(body))
			}
		}
		if resp, _ := coach.get(caseURL + "/audit"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the coach reads the log: %d, want 403", resp.StatusCode)
		}

		// Ana stops sharing: the coach's very next request is refused.
		if resp, _ := coach.get(caseURL + "/report"); resp.StatusCode != http.StatusOK {
			t.Fatalf("the coach before the revocation: %d", resp.StatusCode)
		}
		coachID := mustUser(t, e.svc, "cora@example.com").ID
		resp, _ = ana.post(caseURL+"/sharing/revoke", url.Values{"coach": {id(coachID)}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("revoke: %d", resp.StatusCode)
		}
		for _, path := range []string{caseURL + "/report", caseURL + "/edit/you", caseURL + "/case.yaml", "/api/v1" + caseURL} {
			if resp, _ := coach.get(path); resp.StatusCode != http.StatusNotFound {
				t.Errorf("the coach after the revocation, %s: %d, want 404", path, resp.StatusCode)
			}
		}
	})
}

// TestTwoServersOneDatabase runs two servers on one database, as two
// `crossroads serve` processes would, and alternates a person's requests
// between them with the same cookie: sign-up, pages, saves, the sign-in
// limit and sign-out all hold across both.
func TestTwoServersOneDatabase(t *testing.T) {
	openTwo := map[string]func(t *testing.T) (crossroads.Store, crossroads.Store){
		"sqlite": func(t *testing.T) (crossroads.Store, crossroads.Store) {
			first := dbtest.OpenSQLite(t, nil)
			second, err := sqlite.Open(first.Path())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { second.Close() })
			return first, second
		},
		"postgres": func(t *testing.T) (crossroads.Store, crossroads.Store) {
			u := dbtest.PostgresSchemaURL(t)
			var out [2]crossroads.Store
			for i := range out {
				db, err := postgres.Open(context.Background(), u)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.Close() })
				out[i] = db
			}
			return out[0], out[1]
		},
	}
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) {
			st1, st2 := openTwo[name](t)
			var servers [2]*httptest.Server
			for i, st := range []crossroads.Store{st1, st2} {
				s, _ := newAccountsServer(t, st, false)
				servers[i] = httptest.NewServer(s.Handler())
				t.Cleanup(servers[i].Close)
			}
			// One browser, one cookie jar: the two servers are on one host,
			// as behind a load balancer.
			p := newPerson(t, servers[0].URL)
			n := 0
			next := func() *person {
				p.base = servers[n%2].URL
				n++
				return p
			}
			next().signUp("ada@example.com", "Ada", crossroads.RoleClient)
			if got := next().signedInAs(); got != "Ada" {
				t.Fatalf("the other server: signed in as %q, want Ada", got)
			}
			resp, _ := next().post("/cases/example", nil)
			caseURL := strings.TrimSuffix(resp.Header.Get("Location"), "/report")
			if resp.StatusCode != http.StatusSeeOther || caseURL == "" {
				t.Fatalf("start from the example: %d %q", resp.StatusCode, resp.Header.Get("Location"))
			}
			for i := range 4 {
				if resp, _ := next().get(caseURL + "/edit/goal"); resp.StatusCode != http.StatusOK {
					t.Fatalf("request %d: %d", i, resp.StatusCode)
				}
				form := url.Values{"version": {id(int64(i + 1))}, "person.goal.statement": {"goal " + id(int64(i))}}
				if resp, body := next().post(caseURL+"/edit/goal", form); resp.StatusCode != http.StatusSeeOther {
					t.Fatalf("save %d: %d\n%s", i, resp.StatusCode, mainText(body))
				}
			}
			// A save from a stale page is refused by either server.
			form := url.Values{"version": {"2"}, "person.goal.statement": {"stale"}}
			if resp, _ := next().post(caseURL+"/edit/goal", form); resp.StatusCode != http.StatusConflict {
				t.Errorf("stale save: %d, want 409", resp.StatusCode)
			}
			// Failed sign-ins count on both servers together.
			other := newPerson(t, servers[0].URL)
			for i := range service.MaxFailuresPerEmail {
				other.base = servers[i%2].URL
				other.post("/signin", url.Values{"email": {"ada@example.com"}, "password": {"wrong password"}})
			}
			for i, ts := range servers {
				other.base = ts.URL
				if resp, _ := other.post("/signin", url.Values{"email": {"ada@example.com"}, "password": {testPassword}}); resp.StatusCode != http.StatusForbidden {
					t.Errorf("server %d after %d failures spread over both: %d, want 403", i+1, service.MaxFailuresPerEmail, resp.StatusCode)
				}
			}
			// Signing out on one ends the session on both.
			if resp, _ := next().post("/signout", nil); resp.StatusCode != http.StatusSeeOther {
				t.Fatal("sign-out")
			}
			for i, ts := range servers {
				p.base = ts.URL
				if got := p.signedInAs(); got != "" {
					t.Errorf("server %d after signing out: signed in as %q", i+1, got)
				}
			}
		})
	}
}
