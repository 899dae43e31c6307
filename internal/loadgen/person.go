package loadgen

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/crossroads/crossroads/examples"
)

// errStopped ends a person's work when the run is over; it is not an error
// of the server.
var errStopped = errors.New("the run is over")

// maxBody bounds what a person reads of a response.
const maxBody = 8 << 20

// person is one simulated person with a browser of their own (cookies,
// one connection pool shared by all) and a random source of their own.
type person struct {
	run      *run
	n        int
	client   *http.Client
	rng      *rand.Rand
	email    string
	password string
	signedUp bool
	// page is the last page opened, for the Referer of the next request.
	page string
}

// response is a response read whole.
type response struct {
	status   int
	location string
	body     []byte
}

// errorf is a failed request: the server's answer was not what a person
// expects.
func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

// do sends one request of kind k, reads its response and records it. It
// returns errStopped, without sending, when the run is over. Statuses
// other than 2xx and 3xx are errors, and so is a response without a body
// part that proves the page is the one expected (want, when given).
func (p *person) do(k Kind, method, path string, body io.Reader, contentType string, header http.Header, want ...string) (*response, error) {
	if !p.run.take() {
		return nil, errStopped
	}
	req, err := http.NewRequestWithContext(p.run.reqCtx, method, p.run.base+path, body)
	if err != nil {
		return nil, err
	}
	// What a browser sends: a same-origin request, from the last page.
	req.Header.Set("User-Agent", "crossroads-load")
	req.Header.Set("Accept", "text/html")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if p.page != "" {
		req.Header.Set("Referer", p.run.base+p.page)
	} else {
		req.Header.Set("Sec-Fetch-Site", "none")
	}
	if method == http.MethodPost {
		req.Header.Set("Origin", p.run.base)
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	start := time.Now()
	resp, err := p.client.Do(req)
	var r *response
	if err == nil {
		var b []byte
		b, err = io.ReadAll(io.LimitReader(resp.Body, maxBody))
		resp.Body.Close()
		r = &response{status: resp.StatusCode, location: resp.Header.Get("Location"), body: b}
	}
	d := time.Since(start)
	if err != nil {
		if p.run.reqCtx.Err() != nil {
			// Interrupted: the request is not counted.
			return nil, errStopped
		}
		err = fmt.Errorf("%s %s: %v", method, path, err)
	} else {
		err = check(r, want)
		if err != nil {
			err = fmt.Errorf("%s %s: %v", method, path, err)
		}
	}
	p.run.rec.record(k, d, err)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// check returns an error unless r has a 2xx or 3xx status and its body
// contains each of want.
func check(r *response, want []string) error {
	if r.status < 200 || r.status >= 400 {
		return errorf("status %d%s", r.status, excerpt(r.body))
	}
	for _, w := range want {
		if !bytes.Contains(r.body, []byte(w)) {
			return errorf("status %d, but the page lacks %q%s", r.status, w, excerpt(r.body))
		}
	}
	return nil
}

var (
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// excerpt is the start of the main text of an error page, for a message.
func excerpt(body []byte) string {
	s := string(body)
	if i := strings.Index(s, "<main"); i >= 0 {
		s = s[i:]
	}
	s = strings.TrimSpace(spaceRE.ReplaceAllString(tagRE.ReplaceAllString(s, " "), " "))
	if s == "" {
		return ""
	}
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	return ": " + s
}

// get opens a page.
func (p *person) get(k Kind, path string, want ...string) (*response, error) {
	r, err := p.do(k, http.MethodGet, path, nil, "", nil, want...)
	if err == nil {
		p.page = path
	}
	return r, err
}

// post sends a form.
func (p *person) post(k Kind, path string, values url.Values, want ...string) (*response, error) {
	return p.do(k, http.MethodPost, path, strings.NewReader(values.Encode()), "application/x-www-form-urlencoded", nil, want...)
}

// redirected returns the address a response sends to, which must be a
// path of this server starting with prefix.
func redirected(r *response, prefix string) (string, error) {
	if r.status != http.StatusSeeOther && r.status != http.StatusFound {
		return "", errorf("status %d, want a redirect to %s…", r.status, prefix)
	}
	if !strings.HasPrefix(r.location, prefix) {
		return "", errorf("redirected to %q, want %s…", r.location, prefix)
	}
	return r.location, nil
}

// think pauses as a person does between two steps; false when the run
// ended meanwhile.
func (p *person) think() bool {
	lo, hi := p.run.cfg.ThinkMin, p.run.cfg.ThinkMax
	d := lo
	if hi > lo {
		d += time.Duration(p.rng.Int64N(int64(hi - lo)))
	}
	if d <= 0 {
		return !p.run.stopped()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return !p.run.stopped()
	case <-p.run.stop:
		return false
	}
}

// live runs the person until the run ends: one visit after another.
func (p *person) live() {
	for {
		err := p.visit()
		if errors.Is(err, errStopped) {
			return
		}
		if err == nil {
			p.run.visits.Add(1)
		}
		if !p.think() {
			return
		}
	}
}

// visit is one visit of the person: sign up (the first time) or sign in,
// then two cases, each started from the example (first by its button,
// then by uploading its case file) and worked on (see work), and sign
// out. Each step waits for a think time first. An error ends the visit;
// it was already counted.
func (p *person) visit() error {
	var err error
	if !p.signedUp {
		err = p.signUp()
	} else {
		err = p.signIn()
	}
	if err != nil {
		return err
	}
	for _, upload := range []bool{false, true} {
		if err := p.work(upload); err != nil {
			return err
		}
	}
	if !p.think() {
		return errStopped
	}
	return p.signOut()
}

// work starts a case from the example, reads its report, changes a figure
// in the editor, reads the report again, moves the sliders 2 to 5 times,
// and goes back to the list of cases.
func (p *person) work(upload bool) error {
	if !p.think() {
		return errStopped
	}
	id, _, err := p.newCase(upload)
	if err != nil {
		return err
	}
	if !p.think() {
		return errStopped
	}
	report, err := p.edit(id)
	if err != nil {
		return err
	}
	moves := 2 + p.rng.IntN(4)
	if err := p.moveSliders(id, report, moves); err != nil {
		return err
	}
	if !p.think() {
		return errStopped
	}
	_, err = p.get(KindHome, "/", "Your cases", fmt.Sprintf(`href="/cases/%d/report"`, id))
	return err
}

// signUp creates the person's account through the sign-up page and
// lands on the list of cases.
func (p *person) signUp() error {
	r, err := p.get(KindSignUpForm, "/signup", "Create an account")
	if err != nil {
		return err
	}
	f, err := findForm(r.body, "/signup", "")
	if err != nil {
		return p.fail(KindSignUpForm, err)
	}
	if !p.think() {
		return errStopped
	}
	v := f.Values
	v.Set("email", p.email)
	v.Set("name", fmt.Sprintf("Load test person %d", p.n+1))
	v.Set("password", p.password)
	v.Set("confirm", p.password)
	v.Set("role", "client")
	r, err = p.post(KindSignUp, "/signup", v)
	if err != nil {
		return err
	}
	next, err := redirected(r, "/")
	if err != nil {
		return p.fail(KindSignUp, err)
	}
	p.signedUp = true
	_, err = p.get(KindHome, next, "Your cases")
	return err
}

// signIn signs in through the sign-in page.
func (p *person) signIn() error {
	r, err := p.get(KindSignInForm, "/signin", "Sign in")
	if err != nil {
		return err
	}
	f, err := findForm(r.body, "/signin", "")
	if err != nil {
		return p.fail(KindSignInForm, err)
	}
	if !p.think() {
		return errStopped
	}
	f.Values.Set("email", p.email)
	f.Values.Set("password", p.password)
	r, err = p.post(KindSignIn, "/signin", f.Values)
	if err != nil {
		return err
	}
	next, err := redirected(r, "/")
	if err != nil {
		return p.fail(KindSignIn, err)
	}
	_, err = p.get(KindHome, next, "Your cases")
	return err
}

// signOut signs out with the button of the page's menu.
func (p *person) signOut() error {
	r, err := p.post(KindSignOut, "/signout", url.Values{})
	if err != nil {
		return err
	}
	if _, err := redirected(r, "/signin"); err != nil {
		return p.fail(KindSignOut, err)
	}
	return nil
}

// fail records that a request which did succeed at the HTTP level did not
// do what it should, and returns the error.
func (p *person) fail(k Kind, err error) error {
	p.run.rec.failure(k, err)
	return err
}

var caseReportRE = regexp.MustCompile(`^/cases/(\d+)/report$`)

// newCase starts a case from the example, by its button or by uploading
// its case file, and opens the report the server leads to.
func (p *person) newCase(upload bool) (int64, []byte, error) {
	var (
		r   *response
		err error
		k   = KindExample
	)
	if upload {
		k = KindUpload
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		fw, ferr := mw.CreateFormFile("file", "example.yaml")
		if ferr != nil {
			return 0, nil, ferr
		}
		fw.Write(examples.MotivatingCase)
		mw.Close()
		r, err = p.do(k, http.MethodPost, "/cases/upload", &b, mw.FormDataContentType(), nil)
	} else {
		r, err = p.post(k, "/cases/example", url.Values{})
	}
	if err != nil {
		return 0, nil, err
	}
	loc, err := redirected(r, "/cases/")
	if err != nil {
		return 0, nil, p.fail(k, err)
	}
	m := caseReportRE.FindStringSubmatch(loc)
	if m == nil {
		return 0, nil, p.fail(k, errorf("redirected to %q, want a case's report", loc))
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	r, err = p.get(KindReport, loc, `id="whatif-form"`, `id="results"`)
	if err != nil {
		return 0, nil, err
	}
	return id, r.body, nil
}

// savingsChoices are the savings a person types in the editor.
var savingsChoices = []string{"1500", "2500", "4000", "6000", "8500", "12000", "20000"}

// edit changes the savings on the editor's page of today's needs, saves
// with "Save and see the report" and opens the report.
func (p *person) edit(id int64) ([]byte, error) {
	path := fmt.Sprintf("/cases/%d/edit/needs", id)
	r, err := p.get(KindEditForm, path, `name="person.savings"`)
	if err != nil {
		return nil, err
	}
	f, err := findForm(r.body, path, "")
	if err != nil {
		return nil, p.fail(KindEditForm, err)
	}
	if f.Values.Get("version") == "" {
		return nil, p.fail(KindEditForm, errorf("GET %s: the form has no version", path))
	}
	if !p.think() {
		return nil, errStopped
	}
	f.Values.Set("person.savings", savingsChoices[p.rng.IntN(len(savingsChoices))])
	f.Values.Set("go", "report")
	r, err = p.post(KindEditSave, path, f.Values)
	if err != nil {
		return nil, err
	}
	loc, err := redirected(r, fmt.Sprintf("/cases/%d/report", id))
	if err != nil {
		return nil, p.fail(KindEditSave, fmt.Errorf("POST %s: %w%s", path, err, excerpt(r.body)))
	}
	r, err = p.get(KindReport, loc, `id="whatif-form"`, `id="results"`)
	if err != nil {
		return nil, err
	}
	return r.body, nil
}

// moveSliders moves the report's what-if sliders n times, one slider a
// time to a random position, each move sent as the page's script sends
// it: the sliders away from the case's own value, as a query of the
// report's address, with htmx's headers; the answer is the results part.
func (p *person) moveSliders(id int64, report []byte, n int) error {
	action := fmt.Sprintf("/cases/%d/report", id)
	f, err := findForm(report, action, "whatif-form")
	if err != nil {
		return p.fail(KindReport, err)
	}
	if len(f.Ranges) == 0 {
		return p.fail(KindReport, errorf("GET %s: the what-if form has no sliders", action))
	}
	pos := make([]float64, len(f.Ranges))
	for i, s := range f.Ranges {
		pos[i] = s.Value
	}
	for range n {
		if !p.think() {
			return errStopped
		}
		i := p.rng.IntN(len(f.Ranges))
		s := f.Ranges[i]
		steps := int(math.Floor((s.Max-s.Min)/s.Step + 1e-9))
		pos[i] = s.Min + float64(p.rng.IntN(steps+1))*s.Step
		q := url.Values{}
		for j, s := range f.Ranges {
			if !s.HasCasePosition || pos[j] != s.CasePosition {
				q.Set(s.Name, strconv.FormatFloat(pos[j], 'f', -1, 64))
			}
		}
		path := action
		if len(q) > 0 {
			path += "?" + q.Encode()
		}
		h := http.Header{}
		h.Set("HX-Request", "true")
		h.Set("HX-Current-URL", p.run.base+p.page)
		h.Set("HX-Target", "results")
		h.Set("HX-Trigger", "whatif-form")
		h.Set("Accept", "*/*")
		h.Set("Sec-Fetch-Site", "same-origin")
		if _, err := p.do(KindWhatIf, http.MethodGet, path, nil, "", h, `id="results"`); err != nil {
			return err
		}
		p.page = path // the page's script puts the sliders in the address
	}
	return nil
}

// newPerson makes the n-th person of a run.
func newPerson(r *run, n int, transport http.RoundTripper) *person {
	jar, _ := cookiejar.New(nil)
	return &person{
		run: r,
		n:   n,
		client: &http.Client{
			Transport: transport,
			Jar:       jar,
			Timeout:   r.cfg.Timeout,
			// A person follows redirects as separate steps, each recorded.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		rng:      rand.New(rand.NewPCG(r.cfg.Seed, uint64(n))),
		email:    fmt.Sprintf("load-%s-%d@example.com", r.id, n+1),
		password: "load-test-" + r.id,
	}
}
