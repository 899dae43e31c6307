package web

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/examples"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/web/api"
)

// The roles of the web access matrix, in the order of its columns.
var webRoles = []string{"anonymous", "clientA", "clientB", "coachA", "otherCoach"}

// webWorld is the fixture of one cell of the matrix, with emails of its
// own: client A owns caseA (the example), which is shared with coachA, A's
// coach; otherCoach has no clients; clientB works with nobody. It holds a
// fresh share code of caseA, a client invite code of otherCoach and a
// password-reset token of client B, since each works once.
type webWorld struct {
	users  map[string]*crossroads.User
	caseA  *crossroads.CaseRecord
	share  string
	invite string
	reset  string
}

func newWebWorld(t *testing.T, svc *service.Service, n int) *webWorld {
	t.Helper()
	op := service.OperatorContext(t.Context())
	w := &webWorld{users: map[string]*crossroads.User{}}
	for _, r := range []struct {
		role string
		kind crossroads.Role
	}{{"clientA", crossroads.RoleClient}, {"clientB", crossroads.RoleClient}, {"coachA", crossroads.RoleCoach}, {"otherCoach", crossroads.RoleCoach}} {
		u, err := svc.AddUser(op, fmt.Sprintf("%s.%d@example.com", strings.ToLower(r.role), n), r.role, r.kind, testPassword)
		if err != nil {
			t.Fatal(err)
		}
		w.users[r.role] = u
	}
	as := func(role string) context.Context { return crossroads.NewContextWithUser(t.Context(), w.users[role]) }
	code, err := svc.CreateClientInvite(as("coachA"))
	must(t, err)
	_, err = svc.RedeemClientInvite(as("clientA"), code)
	must(t, err)
	w.caseA, err = svc.CreateCase(as("clientA"), 0, "Case A of "+strconv.Itoa(n), examples.MotivatingCase)
	must(t, err)
	code, err = svc.CreateShareCode(as("clientA"), w.caseA.ID)
	must(t, err)
	_, err = svc.RedeemShareCode(as("coachA"), code)
	must(t, err)
	w.share, err = svc.CreateShareCode(as("clientA"), w.caseA.ID)
	must(t, err)
	w.invite, err = svc.CreateClientInvite(as("otherCoach"))
	must(t, err)
	w.reset, err = svc.CreateResetToken(op, w.users["clientB"].Email)
	must(t, err)
	return w
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// other is, for "stop working with", the other side of the link between
// client A and coachA as role sees it.
func (w *webWorld) other(role string) int64 {
	if strings.Contains(role, "oach") {
		return w.users["clientA"].ID
	}
	return w.users["coachA"].ID
}

// matrixRequest is the request of one cell.
type matrixRequest struct {
	path        string
	contentType string
	body        []byte
	header      map[string]string
}

func formRequest(path string, v url.Values) matrixRequest {
	return matrixRequest{path: path, contentType: "application/x-www-form-urlencoded", body: []byte(v.Encode())}
}

// webMatrix lists every route of the page server and of the API against
// every role. A cell is the status the role gets: a number, or S for a
// redirect to the sign-in page. A row's visible function, when set, also
// checks that the response shows caseA exactly to those who may see it.
var webMatrix = []struct {
	route   string
	cells   string
	request func(w *webWorld, role string) matrixRequest
	visible bool
}{
	// The pages.
	{route: "GET /{$}", cells: "S 200 200 200 200", visible: true,
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/"} }},
	{route: "GET /about", cells: "200 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/about"} }},
	{route: "POST /cases", cells: "401 303 403 303 404",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest("/cases", url.Values{"owner": {id(w.users["clientA"].ID)}})
		}},
	{route: "POST /cases/example", cells: "401 303 403 303 404",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest("/cases/example", url.Values{"owner": {id(w.users["clientA"].ID)}})
		}},
	{route: "POST /cases/upload", cells: "401 303 403 303 404",
		request: func(w *webWorld, role string) matrixRequest {
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			mw.WriteField("owner", id(w.users["clientA"].ID))
			fw, _ := mw.CreateFormFile("file", "example.yaml")
			fw.Write(examples.MotivatingCase)
			mw.Close()
			return matrixRequest{path: "/cases/upload", contentType: mw.FormDataContentType(), body: buf.Bytes()}
		}},
	// The address of a case only leads to its report, which decides.
	{route: "GET /cases/{id}", cells: "303 303 303 303 303",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: casePath(w, "")} }},
	{route: "GET /cases/{id}/delete", cells: "S 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: casePath(w, "/delete")} }},
	{route: "POST /cases/{id}/delete", cells: "401 303 404 403 404",
		request: func(w *webWorld, role string) matrixRequest { return formRequest(casePath(w, "/delete"), nil) }},
	{route: "GET /cases/{id}/edit/{step}", cells: "S 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: casePath(w, "/edit/goal")} }},
	{route: "POST /cases/{id}/edit/{step}", cells: "401 303 404 303 404",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest(casePath(w, "/edit/goal"), url.Values{"version": {"1"}, "person.goal.statement": {"a new goal"}})
		}},
	{route: "GET /cases/{id}/edit/opportunities/new", cells: "S 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: casePath(w, "/edit/opportunities/new")}
		}},
	{route: "POST /cases/{id}/edit/opportunities/new", cells: "401 303 404 303 404",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest(casePath(w, "/edit/opportunities/new"), url.Values{"version": {"1"},
				"opportunities[2].name": {"a third job"}, "opportunities[2].status": {"lead"},
				"opportunities[2].pay.amount": {"30000"}, "opportunities[2].pay.per": {"year"}, "go": {"list"}})
		}},
	{route: "GET /cases/{id}/edit/opportunities/{n}", cells: "S 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: casePath(w, "/edit/opportunities/1")}
		}},
	{route: "POST /cases/{id}/edit/opportunities/{n}", cells: "401 303 404 303 404",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest(casePath(w, "/edit/opportunities/1"), url.Values{"version": {"1"},
				"opportunities[1].name": {"data-entry job"}, "opportunities[1].status": {"interview_scheduled"},
				"opportunities[1].pay.amount": {"39850"}, "opportunities[1].pay.per": {"year"}, "go": {"list"}})
		}},
	{route: "GET /cases/{id}/edit/opportunities/{n}/remove", cells: "S 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: casePath(w, "/edit/opportunities/1/remove")}
		}},
	{route: "POST /cases/{id}/edit/opportunities/{n}/remove", cells: "401 303 404 303 404",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest(casePath(w, "/edit/opportunities/1/remove"), url.Values{"version": {"1"}})
		}},
	{route: "GET /cases/{id}/report", cells: "S 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: casePath(w, "/report")} }},
	{route: "GET /cases/{id}/print", cells: "S 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: casePath(w, "/print")} }},
	// Without a PDF printer the PDF link explains the browser's print.
	{route: "GET /cases/{id}/report.pdf", cells: "S 503 404 503 404",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: casePath(w, "/report.pdf")} }},
	{route: "GET /cases/{id}/report.json", cells: "S 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: casePath(w, "/report.json")} }},
	{route: "GET /cases/{id}/case.yaml", cells: "S 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: casePath(w, "/case.yaml")} }},
	{route: "GET /cases/{id}/dates.ics", cells: "S 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: casePath(w, "/dates.ics")} }},
	// Public data: the occupation picker.
	{route: "GET /occupations", cells: "200 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/occupations?q=nurse"} }},
	{route: "GET /static/", cells: "200 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: loadAssets().URL("favicon.svg")}
		}},

	// Accounts.
	{route: "GET /signin", cells: "200 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/signin"} }},
	{route: "POST /signin", cells: "303 303 303 303 303",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest("/signin", url.Values{"email": {w.users["clientB"].Email}, "password": {testPassword}})
		}},
	{route: "GET /signup", cells: "200 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/signup"} }},
	{route: "POST /signup", cells: "303 303 303 303 303",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest("/signup", url.Values{"email": {"new." + w.users["clientA"].Email}, "name": {"New"},
				"password": {testPassword}, "confirm": {testPassword}, "role": {"client"}})
		}},
	{route: "POST /signout", cells: "303 303 303 303 303",
		request: func(w *webWorld, role string) matrixRequest { return formRequest("/signout", nil) }},
	// A reset link works for whoever holds it.
	{route: "GET /reset/{token}", cells: "200 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/reset/" + w.reset} }},
	{route: "POST /reset/{token}", cells: "303 303 303 303 303",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest("/reset/"+w.reset, url.Values{"password": {"another long password"}, "confirm": {"another long password"}})
		}},
	{route: "GET /account", cells: "S 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/account"} }},
	{route: "POST /account/export", cells: "401 200 200 200 200", visible: true,
		request: func(w *webWorld, role string) matrixRequest { return formRequest("/account/export", nil) }},
	{route: "GET /account/delete", cells: "S 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/account/delete"} }},
	{route: "POST /account/delete", cells: "401 303 303 303 303",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest("/account/delete", url.Values{"password": {testPassword}})
		}},

	// Coaches and clients.
	{route: "GET /coaching", cells: "S 200 200 200 200", visible: true,
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/coaching"} }},
	{route: "POST /coaching/invite", cells: "401 403 403 200 200",
		request: func(w *webWorld, role string) matrixRequest { return formRequest("/coaching/invite", nil) }},
	{route: "POST /coaching/unlink", cells: "401 303 404 303 404",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest("/coaching/unlink", url.Values{"user": {id(w.other(role))}})
		}},
	{route: "GET /join/{code}", cells: "S 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/join/" + w.invite} }},
	{route: "POST /join", cells: "401 303 303 403 403",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest("/join", url.Values{"code": {"http://example.org/join/" + w.invite}})
		}},
	{route: "GET /share/{code}", cells: "S 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/share/" + w.share} }},
	{route: "POST /share", cells: "401 403 403 303 403",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest("/share", url.Values{"code": {w.share}})
		}},
	{route: "GET /cases/{id}/sharing", cells: "S 200 404 403 404",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: casePath(w, "/sharing")} }},
	{route: "POST /cases/{id}/sharing", cells: "401 200 404 403 404",
		request: func(w *webWorld, role string) matrixRequest { return formRequest(casePath(w, "/sharing"), nil) }},
	{route: "POST /cases/{id}/sharing/revoke", cells: "401 303 404 403 404",
		request: func(w *webWorld, role string) matrixRequest {
			return formRequest(casePath(w, "/sharing/revoke"), url.Values{"coach": {id(w.users["coachA"].ID)}})
		}},
	{route: "GET /cases/{id}/audit", cells: "S 200 404 403 404",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: casePath(w, "/audit")} }},

	// The JSON API, with the session cookie.
	{route: "GET /api/v1/openapi.json", cells: "200 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/api/v1/openapi.json"} }},
	{route: "GET /api/v1/cases", cells: "401 200 200 200 200", visible: true,
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/api/v1/cases"} }},
	{route: "POST /api/v1/cases", cells: "401 201 403 201 404",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: "/api/v1/cases?owner=" + id(w.users["clientA"].ID), contentType: "application/yaml", body: examples.MotivatingCase}
		}},
	{route: "GET /api/v1/cases/{id}", cells: "401 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/api/v1" + casePath(w, "")} }},
	{route: "PUT /api/v1/cases/{id}", cells: "401 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: "/api/v1" + casePath(w, ""), contentType: "application/yaml", body: examples.MotivatingCase,
				header: map[string]string{"If-Match": `"1"`}}
		}},
	{route: "DELETE /api/v1/cases/{id}", cells: "401 204 404 403 404",
		request: func(w *webWorld, role string) matrixRequest { return matrixRequest{path: "/api/v1" + casePath(w, "")} }},
	{route: "GET /api/v1/cases/{id}/report", cells: "401 200 404 200 404",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: "/api/v1" + casePath(w, "/report")}
		}},
	{route: "GET /api/v1/cases/{id}/audit", cells: "401 200 404 403 404",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: "/api/v1" + casePath(w, "/audit")}
		}},
	{route: "POST /api/v1/analyze", cells: "401 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: "/api/v1/analyze", contentType: "application/yaml", body: examples.MotivatingCase}
		}},
	{route: "POST /api/v1/rank", cells: "401 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: "/api/v1/rank", contentType: "application/json", body: []byte(`{"method": "topsis",
				"criteria": [{"name": "pay", "weight": 0.6}, {"name": "commute", "type": "cost", "weight": 0.4}],
				"alternatives": [{"name": "A", "values": [3000, 30]}, {"name": "B", "values": [2800, 10]}]}`)}
		}},
	{route: "POST /api/v1/ahp", cells: "401 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: "/api/v1/ahp", contentType: "application/json",
				body: []byte(`{"names": ["pay", "growth", "commute"], "matrix": [[1, 2, 4], [null, 1, 2], [null, null, 1]]}`)}
		}},
	{route: "GET /api/v1/occupations", cells: "401 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: "/api/v1/occupations?q=nurse"}
		}},
	{route: "GET /api/v1/occupations/{code}", cells: "401 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: "/api/v1/occupations/43-9021.00"}
		}},
	{route: "GET /api/v1/occupations/{code}/next-steps", cells: "401 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: "/api/v1/occupations/43-9021.00/next-steps"}
		}},
	{route: "GET /api/v1/next-steps", cells: "401 200 200 200 200",
		request: func(w *webWorld, role string) matrixRequest {
			return matrixRequest{path: "/api/v1/next-steps?from=43-9021.00"}
		}},
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

func casePath(w *webWorld, rest string) string { return fmt.Sprintf("/cases/%d%s", w.caseA.ID, rest) }

// routeMethod returns the method of a route pattern ("GET /x" → "GET").
func routeMethod(pattern string) string {
	m, _, _ := strings.Cut(pattern, " ")
	return m
}

// TestMatrixCoversEveryRoute fails when a route of the page server or of
// the API has no row in webMatrix, or a row names no route.
func TestMatrixCoversEveryRoute(t *testing.T) {
	var routes []string
	for _, rt := range pageRoutes {
		routes = append(routes, rt.pattern)
	}
	routes = append(routes, "GET /static/")
	routes = append(routes, api.Routes()...)
	var rows []string
	for _, row := range webMatrix {
		if slices.Contains(rows, row.route) {
			t.Errorf("two rows for %s", row.route)
		}
		rows = append(rows, row.route)
		if n := len(strings.Fields(row.cells)); n != len(webRoles) {
			t.Errorf("%s: %d cells, want %d", row.route, n, len(webRoles))
		}
	}
	for _, r := range routes {
		if !slices.Contains(rows, r) {
			t.Errorf("route %s has no row in the access matrix", r)
		}
	}
	for _, r := range rows {
		if !slices.Contains(routes, r) {
			t.Errorf("the access matrix has a row for %s, which is no route", r)
		}
	}
}

// TestWebAccessMatrix sends every route's request as every role, each in a
// world of its own, on both stores, and checks each status against the
// matrix; a refused request must leave caseA as it was.
func TestWebAccessMatrix(t *testing.T) {
	forEachStore(t, func(t *testing.T, st crossroads.Store) {
		e := newAccountsEnv(t, st)
		n := 0
		for _, row := range webMatrix {
			t.Run(row.route, func(t *testing.T) {
				cells := strings.Fields(row.cells)
				for i, role := range webRoles {
					n++
					w := newWebWorld(t, e.svc, n)
					p := newPerson(t, e.ts.URL)
					if u := w.users[role]; u != nil {
						p.signIn(u.Email, testPassword)
					}
					mr := row.request(w, role)
					var body *bytes.Reader
					if mr.body != nil {
						body = bytes.NewReader(mr.body)
					} else {
						body = bytes.NewReader(nil)
					}
					req, err := http.NewRequest(routeMethod(row.route), e.ts.URL+mr.path, body)
					if err != nil {
						t.Fatal(err)
					}
					if mr.contentType != "" {
						req.Header.Set("Content-Type", mr.contentType)
					}
					if !strings.HasPrefix(mr.path, "/api/") {
						req.Header.Set("Sec-Fetch-Site", "same-origin")
					}
					for k, v := range mr.header {
						req.Header.Set(k, v)
					}
					resp, text := p.do(req)
					got := strconv.Itoa(resp.StatusCode)
					if resp.StatusCode == http.StatusSeeOther && (resp.Header.Get("Location") == "/signin" || strings.HasPrefix(resp.Header.Get("Location"), "/signin?next=")) && !strings.HasPrefix(mr.path, "/signin") {
						got = "S"
					}
					if got != cells[i] {
						t.Errorf("%s as %s: got %s, want %s (Location %q)\n%s", row.route, role, got, cells[i],
							resp.Header.Get("Location"), truncateText(pageProblems(text), 600))
					}
					if row.visible && resp.StatusCode == http.StatusOK {
						sees := strings.Contains(text, w.caseA.Title)
						want := role == "clientA" || role == "coachA"
						if sees != want {
							t.Errorf("%s as %s: shows caseA %v, want %v", row.route, role, sees, want)
						}
					}
					if resp.StatusCode >= 400 && cells[i] != "200" {
						c, err := st.Case(t.Context(), w.caseA.ID)
						if err != nil || c.Version != w.caseA.Version || c.Title != w.caseA.Title {
							t.Errorf("%s as %s was refused but caseA is now %+v, %v", row.route, role, c, err)
						}
					}
				}
			})
		}
	})
}

// pageProblems returns the problems a page lists, or its main text.
func pageProblems(body string) string {
	if _, after, ok := strings.Cut(body, `id="error-summary"`); ok {
		summary, _, _ := strings.Cut(after, "</div>")
		return summary
	}
	return mainText(body)
}
