package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/examples"
)

// fixedNow is the clock of the test servers: the example's as_of date.
var fixedNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// newTestServer returns a server on an in-memory store holding the example
// (case 1) and a blank case (case 2), and an httptest server running it.
func newTestServer(t testing.TB) (*Server, *httptest.Server) {
	t.Helper()
	mem := &MemoryCases{Now: func() time.Time { return fixedNow }}
	s := &Server{Cases: mem, Now: func() time.Time { return fixedNow },
		Logger: slog.New(slog.NewTextHandler(testLog{t}, nil))}
	ctx := context.Background()
	if _, err := mem.CreateCase(ctx, "Benefits call-centre contract or data entry close to home", examples.MotivatingCase); err != nil {
		t.Fatal(err)
	}
	blank, err := marshalCase(s.newCase())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mem.CreateCase(ctx, "Untitled case", blank); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// testLog writes the server's log to the test's.
type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// client returns an HTTP client that does not follow redirects.
func client() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func get(t testing.TB, ts *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	resp, err := client().Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func post(t testing.TB, ts *httptest.Server, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("POST", ts.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", ts.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

var (
	idAttr    = regexp.MustCompile(`\sid="([^"]+)"`)
	controlRe = regexp.MustCompile(`<(input|select|textarea)\b[^>]*>`)
	attrRe    = regexp.MustCompile(`\s([a-z-]+)="([^"]*)"`)
	labelFor  = regexp.MustCompile(`<label\b[^>]*\sfor="([^"]+)"`)
)

// checkHTML checks what a page must always be: unique ids, and a label
// for every visible control.
func checkHTML(t *testing.T, page, body string) {
	t.Helper()
	if !strings.HasPrefix(body, "<!doctype html>") {
		t.Errorf("%s: not a whole page", page)
	}
	seen := map[string]bool{}
	for _, m := range idAttr.FindAllStringSubmatch(body, -1) {
		if seen[m[1]] {
			t.Errorf("%s: id %q used twice", page, m[1])
		}
		seen[m[1]] = true
	}
	labelled := map[string]bool{}
	for _, m := range labelFor.FindAllStringSubmatch(body, -1) {
		labelled[m[1]] = true
	}
	for _, c := range controlRe.FindAllString(body, -1) {
		attrs := map[string]string{}
		for _, a := range attrRe.FindAllStringSubmatch(c, -1) {
			attrs[a[1]] = a[2]
		}
		switch attrs["type"] {
		case "hidden", "submit":
			continue
		}
		if !labelled[attrs["id"]] && attrs["aria-label"] == "" {
			t.Errorf("%s: control without a label: %s", page, c)
		}
	}
}

// TestEveryPageRenders renders every page of the site, for a complete and
// for a blank case.
func TestEveryPageRenders(t *testing.T) {
	_, ts := newTestServer(t)
	pages := []struct {
		path   string
		status int
	}{
		{"/", 200},
		{"/about", 200},
		{"/cases/1/report", 200},
		{"/cases/1/report?balance=80&savings=2000&offer.data-entry=90&convert.contract=20", 200},
		{"/cases/1/print", 200},
		{"/cases/1/report.pdf", 503},
		{"/cases/1/delete", 200},
		{"/cases/1/edit/opportunities/0", 200},
		{"/cases/1/edit/opportunities/1", 200},
		{"/cases/1/edit/opportunities/new", 200},
		{"/cases/1/edit/opportunities/1/remove", 200},
		{"/cases/2/report", 200},
		{"/cases/2/edit/opportunities/new", 200},
		{"/cases/9/report", 404},
		{"/nowhere", 404},
	}
	for _, s := range steps {
		pages = append(pages, struct {
			path   string
			status int
		}{"/cases/1/edit/" + s.Slug, 200}, struct {
			path   string
			status int
		}{"/cases/2/edit/" + s.Slug, 200})
	}
	for _, p := range pages {
		t.Run(p.path, func(t *testing.T) {
			resp, body := get(t, ts, p.path)
			if resp.StatusCode != p.status {
				t.Fatalf("status %d, want %d\n%s", resp.StatusCode, p.status, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
				t.Errorf("Content-Security-Policy %q", csp)
			}
			checkHTML(t, p.path, body)
		})
	}
}

// TestAPIMount checks that the API handler gets the full path under
// /api/v1/, the acting user, and its own body limit.
func TestAPIMount(t *testing.T) {
	user := &crossroads.User{ID: 7, Name: "Local user"}
	var gotPath string
	var gotUser *crossroads.User
	var gotBytes int
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath, gotUser = r.URL.Path, crossroads.UserFromContext(r.Context())
		b, _ := io.ReadAll(r.Body)
		gotBytes = len(b)
	})
	s := &Server{Cases: &MemoryCases{}, API: api, Context: LocalUser(user)}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	body := strings.NewReader(strings.Repeat("x", MaxFormBytes*2))
	resp, err := http.Post(ts.URL+"/api/v1/cases", "application/json", body)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if gotPath != "/api/v1/cases" || gotUser != user || gotBytes != MaxFormBytes*2 {
		t.Errorf("the API saw path %q, user %v, %d bytes", gotPath, gotUser, gotBytes)
	}
}

// TestReportHugeAmounts renders the report of valid cases whose savings or
// expenses are the largest number there is: the page once never answered
// (see TestSavingsSliderHugeAmounts), and then failed with an infinite axis
// in the savings charts.
func TestReportHugeAmounts(t *testing.T) {
	s, ts := newTestServer(t)
	const huge = "1.7976931348623157e308"
	for _, edit := range [][]string{
		{"savings: 6000", "savings: " + huge},
		{"monthly_expenses: 2400", "monthly_expenses: " + huge},
		{"savings: 6000", "savings: " + huge, "monthly_expenses: 2400", "monthly_expenses: " + huge},
	} {
		doc := string(examples.MotivatingCase)
		for i := 0; i < len(edit); i += 2 {
			if !strings.Contains(doc, edit[i]) {
				t.Fatalf("the example has no %q", edit[i])
			}
			doc = strings.Replace(doc, edit[i], edit[i+1], 1)
		}
		rec, err := s.Cases.CreateCase(context.Background(), "Huge amounts", []byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/report", "/report?savings=5000&balance=20", "/print"} {
			if resp, body := get(t, ts, fmt.Sprintf("/cases/%d%s", rec.ID, path)); resp.StatusCode != 200 {
				t.Errorf("%v: GET %s: %d\n%s", edit, path, resp.StatusCode, body)
			}
		}
	}
}
