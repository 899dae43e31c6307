package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
)

// storedCase reads case id back from the server's store.
func storedCase(t *testing.T, s *Server, id int64) (*crossroads.CaseRecord, *crossroads.Case) {
	t.Helper()
	rec, err := s.Cases.GetCase(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := casefile.ParseDraft(rec.Document, "stored.yaml")
	if c == nil {
		t.Fatalf("the stored case cannot be read:\n%s", rec.Document)
	}
	return rec, c
}

func TestSaveStepWithProblems(t *testing.T) {
	s, ts := newTestServer(t)
	form := url.Values{"version": {"1"}, "person.monthly_expenses": {"a lot"}, "person.savings": {"6000"}, "go": {"next"}}
	resp, body := post(t, ts, "/cases/2/edit/needs", form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", resp.StatusCode)
	}
	// The message is beside its input, the input keeps what was typed, and
	// the summary at the top links to it.
	field := regexp.MustCompile(`(?s)<div class="field invalid">\s*<label for="f-person-monthly-expenses">.*?</div>\s*</div>`).FindString(body)
	if !strings.Contains(field, "Must be a number (you entered a lot).") || !strings.Contains(field, `value="a lot"`) {
		t.Errorf("the field does not show its problem and the entry:\n%s", field)
	}
	if !strings.Contains(body, `<a href="#f-person-monthly-expenses">Essential spending each month: Must be a number`) {
		t.Error("the summary of problems does not link to the field")
	}
	if !strings.Contains(body, `value="6000"`) {
		t.Error("the valid entry was lost")
	}
	if rec, _ := storedCase(t, s, 2); rec.Version != 1 {
		t.Errorf("version %d after a refused save, want 1", rec.Version)
	}
}

func TestSaveStep(t *testing.T) {
	s, ts := newTestServer(t)
	form := url.Values{"version": {"1"}, "person.monthly_expenses": {"2,400"}, "person.savings": {"6000"},
		"person.income[0].label": {"severance"}, "person.income[0].monthly": {"500"}, "person.income[0].until": {"2027-01-31"},
		"person.income[1].label": {""}, "person.income[1].monthly": {""}, "go": {"next"}}
	resp, body := post(t, ts, "/cases/2/edit/needs", form)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/cases/2/edit/goal" {
		t.Fatalf("status %d, Location %q\n%s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	rec, c := storedCase(t, s, 2)
	if rec.Version != 2 || c.Person.MonthlyExpenses != 2400 || len(c.Person.Income) != 1 || c.Person.Income[0].Until != crossroads.MustDate("2027-01-31") {
		t.Errorf("stored version %d, person %+v", rec.Version, c.Person)
	}
	// "Save" stays on the page and says so.
	form.Set("version", "2")
	form.Set("go", "stay")
	resp, _ = post(t, ts, "/cases/2/edit/needs", form)
	if loc := resp.Header.Get("Location"); loc != "/cases/2/edit/needs?saved=1" {
		t.Errorf("Save: Location %q", loc)
	}
	if _, body := get(t, ts, "/cases/2/edit/needs?saved=1"); !strings.Contains(body, "Saved.") {
		t.Error("no notice after saving")
	}
}

func TestSaveConflict(t *testing.T) {
	s, ts := newTestServer(t)
	// Another window saves first.
	if resp, _ := post(t, ts, "/cases/2/edit/goal", url.Values{"version": {"1"}, "person.goal.statement": {"first"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d", resp.StatusCode)
	}
	resp, body := post(t, ts, "/cases/2/edit/goal", url.Values{"version": {"1"}, "person.goal.statement": {"second, from a stale page"}})
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("status %d, want 409", resp.StatusCode)
	}
	if !strings.Contains(body, "changed by someone else, or in another window") || !strings.Contains(body, "second, from a stale page") ||
		!strings.Contains(body, `name="version" value="2"`) {
		t.Error("the conflict page must keep the entries, explain, and carry the current version")
	}
	if _, c := storedCase(t, s, 2); c.Person.Goal.Statement != "first" {
		t.Errorf("statement %q: the stale save overwrote the other", c.Person.Goal.Statement)
	}
}

// TestGuidedEditorBuildsExample fills every page of the guided editor with
// the motivating case's answers, as a person would, starting from a blank
// case, and checks that the stored case is the example; on every backend.
func TestGuidedEditorBuildsExample(t *testing.T) {
	want := mustExample(t)
	for _, b := range casesBackends() {
		t.Run(b.name, func(t *testing.T) {
			cases, as := b.open(t)
			s := &Server{Cases: cases, Now: func() time.Time { return fixedNow },
				Context: func(r *http.Request) (context.Context, error) { return as(r.Context()), nil }}
			ts := httptest.NewServer(s.Handler())
			defer ts.Close()
			resp, _ := post(t, ts, "/cases", nil)
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("POST /cases: %d", resp.StatusCode)
			}
			loc := resp.Header.Get("Location")
			base := strings.TrimSuffix(loc, "/edit/you")
			version := 1
			send := func(path string, fields []string) {
				t.Helper()
				form := encodeForm(want, fields)
				form.Set("version", fmt.Sprint(version))
				form.Set("go", "next")
				resp, body := post(t, ts, base+path, form)
				if resp.StatusCode != http.StatusSeeOther {
					t.Fatalf("POST %s: %d\n%s", path, resp.StatusCode, body)
				}
				version++
			}
			send("/edit/you", youFields(want))
			send("/edit/needs", needsFields(want))
			send("/edit/goal", goalFields(want))
			for i := range want.Opportunities {
				// A new opportunity is posted with the inputs of its index.
				send("/edit/opportunities/new", opportunityFields(i))
			}
			send("/edit/chances", chanceFields(want))
			send("/edit/priorities", priorityFields(want))
			send("/edit/pairwise", pairwiseFields(want))

			id := strings.TrimPrefix(base, "/cases/")
			var n int64
			fmt.Sscan(id, &n)
			rec, err := cases.GetCase(as(context.Background()), n)
			if err != nil {
				t.Fatal(err)
			}
			got, err := casefile.Parse(rec.Document, "built.yaml")
			if err != nil {
				t.Fatalf("the built case is not valid: %v", err)
			}
			// The example's settings are not asked by the guided editor, and
			// the ids of the opportunities are made from their names.
			got.Settings = want.Settings
			if got.Opportunities[0].ID != "call-centre-contract" || got.Opportunities[1].ID != "data-entry-job" {
				t.Errorf("ids %q, %q; want them made from the names", got.Opportunities[0].ID, got.Opportunities[1].ID)
			}
			got.Opportunities[0].ID, got.Opportunities[1].ID = want.Opportunities[0].ID, want.Opportunities[1].ID
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("the case built in the editor differs from the example (-want +got):\n%s", diff)
			}
			if rec.Title != want.Title {
				t.Errorf("title %q, want %q", rec.Title, want.Title)
			}
			resp, body := get(t, ts, base+"/report")
			if resp.StatusCode != 200 || !strings.Contains(body, "comes out ahead") {
				t.Errorf("the report of the built case: %d", resp.StatusCode)
			}
		})
	}
}

func TestOpportunityPages(t *testing.T) {
	s, ts := newTestServer(t)
	// Without scripts, the picker searches and picks by posting the form;
	// picking proposes the median pay when the pay is empty.
	form := url.Values{"version": {"1"}, "opportunities[2].name": {"Office job"}, "q": {"data entry"}, "action": {"find"}}
	resp, body := post(t, ts, "/cases/1/edit/opportunities/new", form)
	if resp.StatusCode != 200 || !strings.Contains(body, "Data Entry Keyers") || !strings.Contains(body, `value="Office job"`) {
		t.Fatalf("find: %d; the results or the entries are missing", resp.StatusCode)
	}
	form.Del("action")
	form.Set("pick", "43-9021.00")
	resp, body = post(t, ts, "/cases/1/edit/opportunities/new", form)
	if resp.StatusCode != 200 || !strings.Contains(body, `name="opportunities[2].pay.amount" value="39850"`) ||
		!strings.Contains(body, "Pay proposed: $39,850 a year") {
		t.Fatalf("pick: %d; the median pay was not proposed", resp.StatusCode)
	}
	if rec, _ := storedCase(t, s, 1); rec.Version != 1 {
		t.Error("searching or picking saved the case")
	}
	// Saving the new opportunity appends it with an id made from its name.
	form.Del("pick")
	form.Set("opportunities[2].pay.per", "year")
	form.Set("opportunities[2].status", "applied")
	form.Set("opportunities[2].occupation", "43-9021.00")
	form.Set("opportunities[2].pay.amount", "39850")
	form.Set("go", "list")
	resp, body = post(t, ts, "/cases/1/edit/opportunities/new", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", resp.StatusCode, body)
	}
	_, c := storedCase(t, s, 1)
	if len(c.Opportunities) != 3 || c.Opportunities[2].ID != "office-job" || c.Opportunities[2].Name != "Office job" {
		t.Fatalf("opportunities after adding: %+v", c.Opportunities)
	}
	// Removing one keeps the others.
	resp, _ = post(t, ts, "/cases/1/edit/opportunities/0/remove", url.Values{"version": {"2"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("remove: %d", resp.StatusCode)
	}
	if _, c := storedCase(t, s, 1); len(c.Opportunities) != 2 || c.Opportunities[0].ID != "data-entry" {
		t.Errorf("after removing the first: %+v", c.Opportunities)
	}
	// The occupation picker's results, for htmx.
	resp, body = get(t, ts, "/occupations?q=customer+service&for=opportunities[0].")
	if resp.StatusCode != 200 || !strings.Contains(body, "Customer Service Representatives") || strings.Contains(body, "<html") {
		t.Errorf("/occupations: %d\n%s", resp.StatusCode, body)
	}
}

// TestMalformedRequests sends what a broken client or a curious person
// might: nothing may end in a server error or show a stack trace.
func TestMalformedRequests(t *testing.T) {
	_, ts := newTestServer(t)
	big := strings.Repeat("x", MaxFormBytes+10)
	reqs := []struct {
		method, path, ctype, body string
		status                    int
	}{
		{"GET", "/cases/abc/report", "", "", 404},
		{"GET", "/cases/-1/report", "", "", 404},
		{"GET", "/cases/99999999999999999999/report", "", "", 404},
		{"GET", "/cases/1/edit/nosuchstep", "", "", 404},
		{"GET", "/cases/1/edit/opportunities/7", "", "", 404},
		{"GET", "/cases/1/edit/opportunities/x/remove", "", "", 404},
		{"GET", "/cases/1/report?balance=NaN&savings=-5&offer.data-entry=1e999&convert.contract=%ff", "", "", 200},
		{"GET", "/cases/1/report?balance=" + strings.Repeat("9", 5000), "", "", 200},
		{"GET", "/occupations?q=" + strings.Repeat("%E2%80%8B", 500) + "&for=%3Cscript%3E", "", "", 200},
		{"POST", "/cases/1/edit/needs", "application/x-www-form-urlencoded", "version=1&person.savings=%zz", 422},
		{"POST", "/cases/1/edit/needs", "application/x-www-form-urlencoded", "person.savings=1", 422},
		{"POST", "/cases/1/edit/needs", "application/x-www-form-urlencoded", "version=abc", 422},
		{"POST", "/cases/1/edit/needs", "application/x-www-form-urlencoded", "version=1&person.experience[99999999999].field=x&person..=1&=&%00=%00", 422},
		{"POST", "/cases/1/edit/needs", "application/x-www-form-urlencoded", "version=1&x=" + big, 413},
		{"POST", "/cases/1/edit/opportunities", "application/x-www-form-urlencoded", "version=1", 404},
		{"POST", "/cases/1/edit/opportunities/new", "application/x-www-form-urlencoded", "version=1&pick=not-a-code", 422},
		{"POST", "/cases/1/edit/opportunities/5/remove", "application/x-www-form-urlencoded", "version=1", 404},
		{"POST", "/cases/1/edit/pairwise", "application/x-www-form-urlencoded", "version=1&criteria.weighting=pairwise&criteria.pairwise.present[0].a=take_home&criteria.pairwise.present[0].b=nonsense&criteria.pairwise.present[0].ratio=1/0", 422},
		{"POST", "/cases/upload", "multipart/form-data; boundary=zz", "--zz\r\nnot a part", 422},
		{"POST", "/cases/upload", "text/plain", "hello", 422},
		{"POST", "/cases/9/delete", "application/x-www-form-urlencoded", "", 404},
		{"DELETE", "/cases/1", "", "", 404},
		{"GET", "/cases/1/report.json?balance=%", "", "", 200},
		{"GET", "/static/app.css", "", "", 404},
		{"GET", "/api/v1/cases", "", "", 404},
	}
	for _, r := range reqs {
		t.Run(r.method+" "+r.path[:min(len(r.path), 60)], func(t *testing.T) {
			req, _ := http.NewRequest(r.method, ts.URL+r.path, strings.NewReader(r.body))
			if r.ctype != "" {
				req.Header.Set("Content-Type", r.ctype)
			}
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			resp, err := client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != r.status {
				t.Errorf("status %d, want %d\n%.300s", resp.StatusCode, r.status, body)
			}
			if resp.StatusCode >= 500 || bytes.Contains(body, []byte("goroutine")) || bytes.Contains(body, []byte(".go:")) {
				t.Errorf("a server error or internals:\n%s", body)
			}
		})
	}
}

func TestCrossOriginRefused(t *testing.T) {
	s, ts := newTestServer(t)
	req, _ := http.NewRequest("POST", ts.URL+"/cases/1/delete", nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || !bytes.Contains(body, []byte("came from another site")) {
		t.Errorf("cross-site POST: %d\n%s", resp.StatusCode, body)
	}
	if _, err := s.Cases.GetCase(context.Background(), 1); err != nil {
		t.Error("the cross-site request deleted the case")
	}
	req, _ = http.NewRequest("POST", ts.URL+"/cases/1/delete", nil)
	req.Header.Set("Origin", "https://evil.example")
	resp, _ = client().Do(req)
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST with a foreign Origin: %d, want 403", resp.StatusCode)
	}
}

func upload(t *testing.T, ts *httptest.Server, name string, data []byte) (*http.Response, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", ts.URL+"/cases/upload", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(body)
}

func TestUpload(t *testing.T) {
	s, ts := newTestServer(t)
	resp, _ := upload(t, ts, "dana.yaml", examples.MotivatingCase)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/cases/3/report" {
		t.Fatalf("upload: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if rec, _ := storedCase(t, s, 3); !bytes.Equal(rec.Document, examples.MotivatingCase) {
		t.Error("a YAML upload is not kept as written")
	}
	c := mustExample(t)
	js, _ := casefile.Marshal(c, "json")
	if resp, _ := upload(t, ts, "dana.json", js); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("JSON upload: %d", resp.StatusCode)
	}
	if rec, got := storedCase(t, s, 4); !bytes.HasPrefix(rec.Document, []byte("version: 1")) || !cmp.Equal(got, c) {
		t.Error("a JSON upload is not stored as the same case in YAML")
	}
	// A broken file gets the messages of `crossroads validate`.
	broken, err := os.ReadFile(filepath.Join("..", "casefile", "testdata", "broken", "typos.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	resp, body := upload(t, ts, "../../typos.yaml", broken)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("broken upload: %d", resp.StatusCode)
	}
	_, perr := casefile.Parse(broken, "typos.yaml")
	for _, line := range strings.Split(perr.Error(), "\n") {
		if !strings.Contains(body, htmlEscape(line)) {
			t.Errorf("the page lacks the message %q", line)
		}
	}
	if !strings.Contains(body, "typos.yaml: ") || !strings.Contains(body, "problem(s); see docs/case-file.md") {
		t.Error("the page lacks the file name and the count of problems")
	}
	if resp, _ := upload(t, ts, "big.yaml", bytes.Repeat([]byte("# padding\n"), MaxUploadBytes/10+10)); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized upload: %d, want 413", resp.StatusCode)
	}
	if list, _ := s.Cases.ListCases(context.Background()); len(list) != 4 {
		t.Errorf("%d cases after the uploads, want 4", len(list))
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

func TestWhatIf(t *testing.T) {
	s, ts := newTestServer(t)
	score := regexp.MustCompile(`<td class="n score">([0-9.]+)</td>`)
	scores := func(body string) []string {
		var out []string
		for _, m := range score.FindAllStringSubmatch(body, -1) {
			out = append(out, m[1])
		}
		return out
	}
	_, plain := get(t, ts, "/cases/1/report")
	req, _ := http.NewRequest("GET", ts.URL+"/cases/1/report?balance=20&offer.data-entry=90", nil)
	req.Header.Set("HX-Request", "true")
	resp, err := client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	partial := string(b)
	if resp.StatusCode != 200 || strings.Contains(partial, "<html") || !strings.HasPrefix(partial, `<div id="results"`) ||
		!strings.Contains(partial, `hx-swap-oob="true"`) || !strings.Contains(partial, `report.pdf?balance=20&amp;offer.data-entry=90`) {
		t.Fatalf("htmx request: %d; want only the results\n%.200s", resp.StatusCode, partial)
	}
	if cmp.Equal(scores(plain), scores(partial)) {
		t.Errorf("scores %v did not change with the sliders", scores(plain))
	}
	if !strings.Contains(partial, "the future counts for 20%") || !strings.Contains(partial, "not saved") {
		t.Error("the report does not say which values it assumes")
	}
	if rec, _ := storedCase(t, s, 1); rec.Version != 1 {
		t.Error("moving a slider saved the case")
	}
	// A slider left at the case's value changes nothing; a bad value is
	// named and left out.
	_, same := get(t, ts, "/cases/1/report?balance=50&savings=6000&offer.data-entry=50")
	if strings.Contains(same, "whatif-notice") || !cmp.Equal(scores(plain), scores(same)) {
		t.Error("sliders at the case's own values changed the report")
	}
	_, bad := get(t, ts, "/cases/1/report?balance=abc")
	if !strings.Contains(bad, "balance=&#34;abc&#34;: must be a percentage from 0 to 100") {
		t.Error("a bad slider value is not reported")
	}
}

func TestDownloads(t *testing.T) {
	_, ts := newTestServer(t)
	resp, body := get(t, ts, "/cases/1/report.json?balance=80")
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), `benefits-call-centre-contract-or-data-entry-close-to-home-report.json`) {
		t.Fatalf("report.json: %d %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	var rep struct {
		Best    string
		Weights struct{ Balance float64 }
	}
	if err := json.Unmarshal([]byte(body), &rep); err != nil || rep.Best != "contract" || rep.Weights.Balance != 0.8 {
		t.Errorf("report.json: best %q, balance %v, %v", rep.Best, rep.Weights.Balance, err)
	}
	resp, body = get(t, ts, "/cases/1/case.yaml")
	if resp.StatusCode != 200 || body != string(examples.MotivatingCase) {
		t.Error("case.yaml is not the stored case file")
	}
	for _, p := range []string{"/cases/2/report.json", "/cases/2/dates.ics", "/cases/2/report.pdf"} {
		if resp, body := get(t, ts, p); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "not complete yet") {
			t.Errorf("%s of an incomplete case: %d", p, resp.StatusCode)
		}
	}
	resp, ics := get(t, ts, "/cases/1/dates.ics")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Fatalf("dates.ics: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
		"DTSTART;VALUE=DATE:20261202\r\nDTEND;VALUE=DATE:20261203\r\nSUMMARY:Interview: data-entry job\r\n",
		"SUMMARY:Contract ends (conversion decided): call-centre contract\r\n",
		"END:VCALENDAR\r\n",
	} {
		if !strings.Contains(ics, want) {
			t.Errorf("dates.ics lacks %q", want)
		}
	}
	if _, again := get(t, ts, "/cases/1/dates.ics"); again != ics {
		t.Error("two downloads of the same case differ (UIDs must be stable)")
	}
}

func TestStaticFiles(t *testing.T) {
	s, ts := newTestServer(t)
	u := s.assets.URL("vendor/echarts-6.1.0.min.js")
	req, _ := http.NewRequest("GET", ts.URL+u, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") != "gzip" ||
		resp.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" ||
		resp.Header.Get("Content-Type") != "text/javascript; charset=utf-8" {
		t.Errorf("%s: %d %v", u, resp.StatusCode, resp.Header)
	}
	if resp, _ := get(t, ts, strings.Replace(u, ".min.", ".min.0", 1)); resp.StatusCode != 404 {
		t.Errorf("a wrong checksum URL: %d, want 404", resp.StatusCode)
	}
	// The vendored files (served, and the tests' axe-core) are the ones
	// VENDOR.md lists, unchanged.
	for _, dir := range []string{"static/vendor", "testdata/vendor"} {
		sums, err := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(sums)), "\n") {
			want, name, _ := strings.Cut(line, "  ")
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			got := sha256.Sum256(data)
			if hex.EncodeToString(got[:]) != want {
				t.Errorf("%s/%s: SHA-256 differs from SHA256SUMS", dir, name)
			}
		}
	}
}

// TestEscaping saves text with markup in every kind of place a page shows
// it (inputs, headings, chart options, summary sentences) and checks that
// none of it reaches a page unescaped.
func TestEscaping(t *testing.T) {
	s, ts := newTestServer(t)
	evil := `<script>alert(1)</script>"'><img src=x onerror=alert(2)>`
	_, c := storedCase(t, s, 1)
	c.Title = evil
	c.Person.Name = evil
	c.Opportunities[0].Name = evil + " contract"
	c.Opportunities[1].Notes = []string{evil}
	c.Person.Goal.Targets = []string{evil}
	doc, err := casefile.Marshal(c, "yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Cases.UpdateCase(context.Background(), 1, 1, evil, doc); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/", "/cases/1/report", "/cases/1/report?offer.data-entry=80", "/cases/1/print",
		"/cases/1/edit/you", "/cases/1/edit/goal", "/cases/1/edit/opportunities", "/cases/1/edit/opportunities/0",
		"/cases/1/edit/chances", "/cases/1/edit/opportunities/0/remove", "/cases/1/delete", "/cases/1/report.pdf",
		"/occupations?q=" + url.QueryEscape(evil)} {
		resp, body := get(t, ts, p)
		if resp.StatusCode >= 500 && resp.StatusCode != http.StatusServiceUnavailable { // no PDF printer here
			t.Errorf("%s: status %d", p, resp.StatusCode)
		}
		for _, raw := range []string{"<script>alert", "<img src=x", `"'><img`} {
			if strings.Contains(body, raw) {
				t.Errorf("%s shows %q unescaped", p, raw)
			}
		}
	}
}
