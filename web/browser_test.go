package web

// Browser tests: a headless Chromium, driven by chromedp, uses the site as a
// person would. They need Debian's chromium (apt-get install -y chromium)
// and skip without it, or with -short. Screenshots of the main pages go to
// $CROSSROADS_SCREENSHOTS when it is set, else to a temporary directory.

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store/dbtest"
	"github.com/crossroads/crossroads/web/pdf"
)

// browser is a headless Chromium on one tab.
type browser struct {
	t       *testing.T
	ctx     context.Context
	base    string
	shots   string
	axe     string
	mu      sync.Mutex
	console []string
}

// newBrowser starts Chromium for the site at base, or skips the test.
func newBrowser(t *testing.T, base string) *browser {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests skipped with -short")
	}
	path, err := pdf.Find()
	if err != nil {
		t.Skipf("browser tests need Chromium: %v", err)
	}
	axe, err := os.ReadFile(filepath.Join("testdata", "vendor", "axe-core-4.14.1.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	shots := os.Getenv("CROSSROADS_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	b := &browser{t: t, ctx: ctx, base: base, shots: shots, axe: string(axe)}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.console = append(b.console, m.String())
			b.mu.Unlock()
		}
	}()
	b.do(chromedp.EmulateViewport(1200, 900))
	return b
}

// do runs steps, each with a time limit, and fails the test on an error.
func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v (page %s, focus on %s)", err, b.location(), eval[string](b, `document.activeElement.id`))
	}
}

// eval evaluates a JavaScript expression in the page (awaiting a promise).
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluating %.80q: %v", expr, err)
	}
	return v
}

func (b *browser) location() string {
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
	defer cancel()
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	return loc
}

// path returns the path of the page.
func (b *browser) path() string { return strings.TrimPrefix(b.location(), b.base) }

// open loads a page of the site.
func (b *browser) open(path string) {
	b.t.Helper()
	b.do(chromedp.Navigate(b.base + path))
}

// press clicks a button or link and waits for the page it leads to, which
// must not be an error.
func (b *browser) press(sel chromedp.CSS) {
	b.t.Helper()
	b.pressExpect(sel, 0)
}

// pressExpect is press for a page of the given status (0: any success).
func (b *browser) pressExpect(sel chromedp.CSS, status int64) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(sel))
	if err != nil {
		b.t.Fatalf("pressing %s: %v (page %s)", sel, err, b.location())
	}
	if status == 0 && resp.Status >= 400 || status != 0 && resp.Status != status {
		body := eval[string](b, `document.querySelector('main').innerText`)
		b.t.Fatalf("pressing %s: status %d at %s\n%s", sel, resp.Status, b.location(), body)
	}
}

// typeIn types text into the input with the given id, as keystrokes.
func (b *browser) typeIn(id, text string) {
	b.t.Helper()
	// (SetValue with "" sets the text "undefined" in chromedp v0.23.0.)
	eval[chromedp.Void](b, `document.getElementById(`+jsString(id)+`).value = ''`)
	b.do(chromedp.SendKeys(chromedp.ID(id), text))
}

// choose selects an option of a select, or sets a date input.
func (b *browser) choose(id, value string) {
	b.t.Helper()
	b.do(chromedp.SetValue(chromedp.ID(id), value))
}

// check clicks a checkbox or a radio button.
func (b *browser) check(id string) {
	b.t.Helper()
	b.do(chromedp.Click(chromedp.ID(id)))
}

// openRange opens the "give a range" part of an uncertain number.
func (b *browser) openRange(id string) {
	b.t.Helper()
	b.do(chromedp.Click(chromedp.CSS(fmt.Sprintf("details:has(#%s-min) > summary", id))))
}

// shot saves a screenshot of the whole page.
func (b *browser) shot(name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	p := filepath.Join(b.shots, name+".png")
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s", p)
}

// axeCheck runs axe-core on the page and fails on any serious or critical
// violation.
func (b *browser) axeCheck(name string) {
	b.t.Helper()
	if !eval[bool](b, `typeof axe !== 'undefined'`) {
		eval[chromedp.Void](b, b.axe)
	}
	violations := eval[[]string](b, `axe.run(document).then(r => r.violations
		.filter(v => v.impact === 'serious' || v.impact === 'critical')
		.map(v => v.id + ' (' + v.impact + '): ' + v.help + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')))`)
	for _, v := range violations {
		b.t.Errorf("axe on %s: %s", name, v)
	}
}

// noOverflow checks that the page does not scroll sideways.
func (b *browser) noOverflow(name string) {
	b.t.Helper()
	if w := eval[[]int](b, `[document.documentElement.scrollWidth, window.innerWidth]`); w[0] > w[1] {
		b.t.Errorf("%s: the page is %d pixels wide in a window of %d", name, w[0], w[1])
	}
}

// checkConsole fails on scripts' errors and on anything the
// Content-Security-Policy refused.
func (b *browser) checkConsole() {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, m := range b.console {
		if strings.Contains(m, "Content Security Policy") || strings.Contains(m, "Refused to") ||
			strings.Contains(m, "Uncaught") || strings.HasPrefix(m, "error") {
			b.t.Errorf("console: %s", m)
		}
	}
}

// clearConsole forgets the console messages so far.
func (b *browser) clearConsole() {
	b.mu.Lock()
	b.console = nil
	b.mu.Unlock()
}

// waitCharts waits until every chart of the page is drawn and returns how
// many charts have an SVG.
func (b *browser) waitCharts() int {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.documentElement.dataset.chartsReady === 'true'`)); err != nil {
		b.t.Fatalf("the charts were not drawn: %v", err)
	}
	return eval[int](b, `document.querySelectorAll('[data-chart] svg').length`)
}

// browserServer runs the site as `crossroads serve` does: the service on a
// SQLite store, one local user, PDF export with Chromium.
func browserServer(t *testing.T) (*httptest.Server, *Server) {
	t.Helper()
	svc := service.New(dbtest.OpenSQLite(t, nil))
	u, err := svc.EnsureLocalUser(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Cases: ServiceCases{svc}, Context: LocalUser(u), Now: func() time.Time { return fixedNow }}
	if p, err := pdf.Find(); err == nil {
		s.PDF = pdf.New(p)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts, s
}

// TestBrowserBuildsTheExample builds the motivating case in the guided
// editor as a person would, reads its report and charts, moves a slider,
// downloads the PDF, and checks every page with axe-core.
func TestBrowserBuildsTheExample(t *testing.T) {
	ts, _ := browserServer(t)
	b := newBrowser(t, ts.URL)

	b.open("/")
	b.axeCheck("home (no cases)")
	// The skip link is the first stop of the keyboard, and visible then.
	b.do(chromedp.KeyEvent(kb.Tab))
	if got := eval[string](b, `document.activeElement.className + ' ' + (document.activeElement.getBoundingClientRect().left >= 0)`); got != "skip true" {
		t.Errorf("first Tab: focus on %q, want the visible skip link", got)
	}
	b.press(`form[action="/cases"] button`)
	if !strings.HasSuffix(b.path(), "/edit/you") {
		t.Fatalf("a new case opens %s, want its first step", b.path())
	}
	caseURL := strings.TrimSuffix(b.path(), "/edit/you")
	next := chromedp.CSS(`button[name=go][value=next]`)

	// 1. You.
	b.axeCheck("step: you")
	b.typeIn("f-title", "Benefits call-centre contract or data entry close to home")
	b.typeIn("f-person-name", "Dana")
	b.typeIn("f-person-situation", "Single mother of one school-age child. Between jobs after a long career in financial services.")
	b.check("f-person-single-parent")
	b.typeIn("f-person-dependants", "1")
	b.typeIn("f-person-experience-0-field", "financial services")
	b.typeIn("f-person-experience-0-role", "client service and account administration")
	b.typeIn("f-person-experience-0-years", "19")
	b.typeIn("f-person-experience-0-occupation", "43-4051.00")
	b.typeIn("f-person-experience-1-field", "human resources")
	b.typeIn("f-person-experience-1-role", "HR support")
	b.typeIn("f-person-experience-1-years", "3")
	b.typeIn("f-person-skills", "customer service\nhuman resources\nbenefits questions")
	b.typeIn("f-person-enjoys", "talking with people and helping them\nhuman resources work")
	b.typeIn("f-person-dislikes", "repetitive work alone at a computer")
	b.choose("f-person-prefers-people", "9")
	b.shot("step-you")
	b.press(next)

	// 2. Needs now: first a mistake, which comes back beside its field.
	b.typeIn("f-person-monthly-expenses", "about 2400")
	b.typeIn("f-person-savings", "6,000")
	b.pressExpect(next, http.StatusUnprocessableEntity)
	b.clearConsole() // the browser logs the 422 of the page itself
	if msg := eval[string](b, `document.querySelector('#f-person-monthly-expenses-error').innerText`); !strings.Contains(msg, "Must be a number") {
		t.Errorf("the problem beside the field reads %q", msg)
	}
	if v := eval[string](b, `document.activeElement.id`); v != "error-summary" {
		t.Errorf("focus after a refused save is on %q, want the summary of problems", v)
	}
	b.axeCheck("step: needs, with a problem")
	b.shot("step-needs-problem")
	b.typeIn("f-person-monthly-expenses", "2400")
	b.choose("f-person-health-coverage", "family")
	b.typeIn("f-person-health-without-employer-monthly", "350")
	b.typeIn("f-person-max-commute-minutes", "45")
	b.choose("f-person-needs-flexibility", "8")
	b.press(next)

	// 3. Long term.
	b.axeCheck("step: goal")
	b.typeIn("f-person-goal-statement", "Build a career in human resources with a good, stable employer.")
	b.typeIn("f-person-goal-targets", "human resources\nbenefits")
	b.choose("f-person-goal-wants-permanence", "true")
	b.choose("f-person-goal-wants-growth", "true")
	b.check("f-person-risk-attitude-0")
	b.press(next)

	// 4. Opportunities: the contract, with the occupation picker.
	b.axeCheck("step: opportunities (none)")
	b.press(`a[href$="/edit/opportunities/new"]`)
	b.axeCheck("new opportunity")
	p := "f-opportunities-0-"
	b.typeIn(p+"name", "call-centre contract")
	b.choose(p+"status", "accepted")
	b.typeIn(p+"employer", "a large healthcare provider")
	b.typeIn(p+"role", "Contract call-centre representative answering employees' benefits questions")
	b.typeIn(p+"field", "healthcare")
	b.typeIn("occupation-q", "customer service rep")
	b.do(chromedp.WaitVisible(chromedp.CSS(`.occ-pick[data-code="43-4051.00"]`)))
	b.axeCheck("occupation picker")
	b.do(chromedp.Click(chromedp.CSS(`.occ-pick[data-code="43-4051.00"]`)))
	if got := eval[[]string](b, `[document.getElementById('`+p+`occupation').value, document.getElementById('`+p+`pay-amount').value, document.getElementById('`+p+`pay-per').value]`); got[0] != "43-4051.00" || got[1] != "42830" || got[2] != "year" {
		t.Errorf("after picking: occupation, pay, per = %q; want the code and the national median proposed", got)
	}
	b.typeIn(p+"pay-amount", "20.59")
	b.choose(p+"pay-per", "hour")
	b.typeIn(p+"pay-hours-per-week", "40")
	b.choose(p+"start", "2026-12-21")
	b.choose(p+"employment-type", "contract")
	b.typeIn(p+"employment-months", "3")
	b.choose(p+"benefits-health", "false")
	b.typeIn(p+"commute-minutes-one-way", "35")
	b.typeIn(p+"commute-monthly-cost", "260")
	b.typeIn(p+"schedule-flexibility", "1")
	b.typeIn(p+"schedule-description", "Fixed shifts, very structured")
	b.typeIn(p+"schedule-measured-by", "calls handled per day")
	b.choose(p+"work-people-contact", "8")
	b.typeIn(p+"work-enjoyment", "4")
	b.choose(p+"work-can-do", "true")
	b.typeIn(p+"future-leads-to", "human resources\nbenefits administration")
	b.choose(p+"future-growth", "8")
	b.choose(p+"future-skills", "6")
	b.choose(p+"future-industry-stability", "8")
	b.choose(p+"future-foot-in-door", "9")
	b.choose(p+"commitments-reputation-cost", "7")
	b.choose(p+"commitments-closes-door", "true")
	b.shot("opportunity-contract")
	b.press(`button[name=go][value=list]:not(.default-submit)`)

	// The data-entry job: the picker proposes exactly its pay.
	b.press(`a[href$="/edit/opportunities/new"]`)
	p = "f-opportunities-1-"
	b.typeIn(p+"name", "data-entry job")
	b.choose(p+"status", "interview_scheduled")
	b.typeIn(p+"employer", "a railroad equipment company")
	b.typeIn(p+"role", "Administrative data entry clerk")
	b.typeIn(p+"field", "railroad equipment")
	b.typeIn("occupation-q", "data entry")
	b.do(chromedp.WaitVisible(chromedp.CSS(`.occ-pick[data-code="43-9021.00"]`)))
	b.do(chromedp.Click(chromedp.CSS(`.occ-pick[data-code="43-9021.00"]`)))
	if got := eval[string](b, `document.getElementById('`+p+`pay-amount').value`); got != "39850" {
		t.Errorf("proposed pay %q, want 39850", got)
	}
	b.choose(p+"start", "2027-01-04")
	b.choose(p+"employment-type", "permanent")
	b.choose(p+"benefits-health", "true")
	b.typeIn(p+"benefits-retirement-match-percent", "3")
	b.typeIn(p+"benefits-paid-leave-days", "10")
	b.typeIn(p+"commute-minutes-one-way", "8")
	b.typeIn(p+"commute-monthly-cost", "40")
	b.typeIn(p+"schedule-flexibility", "5")
	b.openRange(p + "schedule-flexibility")
	b.typeIn(p+"schedule-flexibility-min", "3")
	b.typeIn(p+"schedule-flexibility-max", "7")
	b.choose(p+"work-people-contact", "1")
	b.typeIn(p+"work-enjoyment", "2")
	b.choose(p+"future-growth", "3")
	b.choose(p+"future-skills", "2")
	b.choose(p+"future-industry-stability", "9")
	b.choose(p+"future-foot-in-door", "5")
	b.press(`button[name=go][value=list]:not(.default-submit)`)
	b.axeCheck("step: opportunities (two)")
	b.shot("step-opportunities")
	b.press(`a.button[href$="/edit/chances"]`)

	// 5. How sure.
	b.axeCheck("step: chances")
	b.typeIn("f-opportunities-0-chance-probability", "100")
	b.typeIn("f-opportunities-0-employment-conversion-probability", "50")
	b.openRange("f-opportunities-0-employment-conversion-probability")
	b.typeIn("f-opportunities-0-employment-conversion-probability-min", "30")
	b.typeIn("f-opportunities-0-employment-conversion-probability-max", "70")
	b.typeIn("f-opportunities-0-employment-extension-probability", "30")
	b.typeIn("f-opportunities-0-employment-extension-months", "3")
	b.typeIn("f-opportunities-1-chance-probability", "50")
	b.openRange("f-opportunities-1-chance-probability")
	b.typeIn("f-opportunities-1-chance-probability-min", "30")
	b.typeIn("f-opportunities-1-chance-probability-max", "70")
	b.choose("f-opportunities-1-chance-interview-date", "2026-12-02")
	b.choose("f-opportunities-1-chance-known-by", "2026-12-14")
	b.shot("step-chances")
	b.press(next)

	// 6. What matters: the balance is one plain question.
	b.axeCheck("step: priorities")
	b.check("f-criteria-balance-2")
	b.typeIn("f-criteria-weights-commute", "8")
	b.typeIn("f-criteria-weights-benefits", "8")
	b.shot("step-priorities")
	b.press(next)
	b.axeCheck("step: pairwise")
	b.press(next)

	// The report: the coach's question answered, with charts.
	if !strings.HasSuffix(b.path(), caseURL+"/report") {
		t.Fatalf("after the last step: %s, want the report", b.path())
	}
	// The quadrant, ranking, balance, weights, timeline and tornado charts,
	// and a savings fan chart for each of the plans.
	plans := eval[int](b, `document.querySelectorAll('table.plans tbody tr').length`)
	if n := b.waitCharts(); n != 6+plans || plans < 2 {
		t.Errorf("%d charts drawn for %d plans, want 6 and one for each plan", n, plans)
	}
	if n := eval[int](b, `document.querySelectorAll('.chart-fan svg').length`); n != plans {
		t.Errorf("%d fan charts for %d plans", n, plans)
	}
	summary := eval[string](b, `document.querySelector('ul.summary').innerText`)
	for _, want := range []string{"call-centre contract comes out ahead of the data-entry job", "stepping stone", "the future counts for less than 50%"} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary lacks %q:\n%s", want, summary)
		}
	}
	b.axeCheck("report")
	b.checkConsole()
	b.shot("report")

	// Move a slider with the keyboard: the numbers change without a page
	// load, and the case is not changed.
	scores := `Array.from(document.querySelectorAll('#results td.score')).map(e => e.textContent).join(' ')`
	before := eval[string](b, scores)
	eval[chromedp.Void](b, `window.__noReload = true`)
	b.do(chromedp.Focus(chromedp.ID("f-whatif-convert-call-centre-contract")))
	for range 30 {
		b.do(chromedp.KeyEvent(kb.ArrowLeft))
	}
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.search.includes('convert.call-centre-contract=20') && `+
		`document.documentElement.dataset.chartsReady === 'true' && `+scores+` !== `+jsString(before)))
	cancel()
	if err != nil {
		t.Fatalf("the scores did not change after moving the slider: %v", err)
	}
	after := eval[string](b, scores)
	if !eval[bool](b, `window.__noReload === true`) {
		t.Error("moving the slider reloaded the page")
	}
	if got := eval[string](b, `document.getElementById('f-whatif-convert-call-centre-contract-out').textContent`); got != "20%" {
		t.Errorf("the slider shows %q, want 20%%", got)
	}
	if !strings.Contains(b.location(), "convert.call-centre-contract=20") {
		t.Errorf("the address %s does not carry the slider", b.location())
	}
	if n := b.waitCharts(); n != 6+plans {
		t.Errorf("%d charts after the slider moved, want %d", n, 6+plans)
		t.Log(eval[string](b, `[document.querySelectorAll('[data-chart]').length, document.querySelectorAll('script[type="application/json"]').length, document.documentElement.dataset.chartsReady, document.querySelectorAll('[data-chart] > div').length].join(' ')`))
	}
	t.Logf("scores %s → %s with a 20%% chance of conversion", before, after)
	b.shot("report-slider")

	// The PDF of that report.
	href := eval[string](b, `document.getElementById('download-pdf').href`)
	resp, err := http.Get(href)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("PDF: %d %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), buf.Bytes()[:min(buf.Len(), 20)])
	}
	os.WriteFile(filepath.Join(b.shots, "report.pdf"), buf.Bytes(), 0o644)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not found (apt-get install poppler-utils): the text of the PDF is not checked")
	} else {
		cmd := exec.Command("pdftotext", "-layout", "-", "-")
		cmd.Stdin = &buf
		text, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Benefits call-centre contract or data entry close to home", "The answer, in plain words",
			"What if the chance of being hired permanently after the call-centre contract is 20%", "The plans, month by month",
			"Where the best plan changes", "Assumptions and sources"} {
			if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), want) {
				t.Errorf("the PDF's text lacks %q", want)
			}
		}
		if strings.Contains(string(text), "Move a slider") {
			t.Error("the PDF shows the sliders")
		}
	}
	b.checkConsole()
}

// TestBrowserPages checks the remaining pages with axe-core, at desktop and
// at phone width, and takes their screenshots.
func TestBrowserPages(t *testing.T) {
	ts, s := browserServer(t)
	b := newBrowser(t, ts.URL)
	b.open("/")
	b.press(`form[action="/cases/example"] button`)
	id := strings.TrimSuffix(strings.TrimPrefix(b.path(), "/cases/"), "/report")
	b.waitCharts()
	pages := []string{"/", "/about", "/cases/" + id + "/report", "/cases/" + id + "/print",
		"/cases/" + id + "/edit/you", "/cases/" + id + "/edit/needs", "/cases/" + id + "/edit/opportunities/1",
		"/cases/" + id + "/edit/pairwise", "/cases/" + id + "/delete", "/nowhere"}
	for _, width := range []int64{1200, 390} {
		b.do(chromedp.EmulateViewport(width, 844))
		for _, p := range pages {
			b.open(p)
			if strings.Contains(p, "report") || strings.Contains(p, "print") {
				b.waitCharts()
			}
			name := fmt.Sprintf("%s at %d pixels", p, width)
			b.axeCheck(name)
			b.noOverflow(name)
			if p == "/nowhere" {
				b.clearConsole() // the browser logs the 404 of the page itself
			}
		}
		b.open("/cases/" + id + "/report")
		b.waitCharts()
		b.shot(fmt.Sprintf("example-report-%d", width))
		b.open("/cases/" + id + "/edit/opportunities/0")
		b.shot(fmt.Sprintf("opportunity-%d", width))
	}
	b.open("/")
	b.shot("home")
	b.checkConsole()
	// Without a printer the PDF link explains the browser's print.
	noPDF := httptest.NewServer((&Server{Cases: s.Cases, Context: s.Context}).Handler())
	defer noPDF.Close()
	b.do(chromedp.EmulateViewport(1200, 900))
	b.do(chromedp.Navigate(noPDF.URL + "/cases/" + id + "/report.pdf"))
	if txt := eval[string](b, `document.querySelector('main').innerText`); !strings.Contains(txt, "Save as PDF") {
		t.Errorf("the page without PDF export does not explain printing:\n%s", txt)
	}
	b.axeCheck("PDF not available")
}

// jsString writes s as a JavaScript string literal.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s) + "'"
}
