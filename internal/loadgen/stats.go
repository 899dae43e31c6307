package loadgen

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
)

// Kind is a kind of request a simulated person makes.
type Kind string

// The kinds of request, in the order of a visit.
const (
	KindSignUpForm Kind = "signup-form" // GET /signup
	KindSignUp     Kind = "signup"      // POST /signup
	KindSignInForm Kind = "signin-form" // GET /signin
	KindSignIn     Kind = "signin"      // POST /signin
	KindHome       Kind = "home"        // GET /
	KindExample    Kind = "new-example" // POST /cases/example
	KindUpload     Kind = "upload"      // POST /cases/upload (the example's YAML)
	KindReport     Kind = "report"      // GET /cases/{id}/report, the whole page
	KindEditForm   Kind = "edit-form"   // GET /cases/{id}/edit/needs
	KindEditSave   Kind = "edit-save"   // POST /cases/{id}/edit/needs
	KindWhatIf     Kind = "whatif"      // GET /cases/{id}/report?… from a slider (htmx), the results only
	KindSignOut    Kind = "signout"     // POST /signout
)

// Kinds lists every kind of request, in the order of a visit.
var Kinds = []Kind{KindSignUpForm, KindSignUp, KindSignInForm, KindSignIn, KindHome, KindExample, KindUpload,
	KindReport, KindEditForm, KindEditSave, KindWhatIf, KindSignOut}

// AnalysisKinds are the requests that run an analysis: the report page and
// a slider move.
var AnalysisKinds = []Kind{KindReport, KindWhatIf}

// maxErrorMessages bounds the error messages a run keeps.
const maxErrorMessages = 10

// recorder collects the latencies and errors of a run; safe for
// concurrent use.
type recorder struct {
	mu        sync.Mutex
	latencies map[Kind][]time.Duration
	errors    map[Kind]int
	messages  []string
	dropped   int
}

func newRecorder() *recorder {
	return &recorder{latencies: map[Kind][]time.Duration{}, errors: map[Kind]int{}}
}

// record records one request of kind k that took d; err non-nil counts it
// as an error.
func (r *recorder) record(k Kind, d time.Duration, err error) {
	r.mu.Lock()
	r.latencies[k] = append(r.latencies[k], d)
	r.mu.Unlock()
	if err != nil {
		r.failure(k, err)
	}
}

// failure counts an error of kind k found after the request was recorded
// (a page that is not what it should be).
func (r *recorder) failure(k Kind, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors[k]++
	if len(r.messages) < maxErrorMessages {
		r.messages = append(r.messages, fmt.Sprintf("%s: %v", k, err))
	} else {
		r.dropped++
	}
}

// Stats are the figures of one kind of request (or of a group of kinds).
// Latencies are in milliseconds, from sending the request to having read
// the whole response.
type Stats struct {
	Kind   Kind    `json:"kind"`
	Count  int     `json:"count"`
	Errors int     `json:"errors"`
	Mean   float64 `json:"mean_ms"`
	P50    float64 `json:"p50_ms"`
	P95    float64 `json:"p95_ms"`
	P99    float64 `json:"p99_ms"`
	Max    float64 `json:"max_ms"`
}

// Percentile returns the p-th percentile (0 < p ≤ 100) of sorted by the
// nearest-rank method: the smallest value that at least p% of the values
// do not exceed. It is 0 for no values.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(n)))
	rank = min(max(rank, 1), n)
	return sorted[rank-1]
}

func ms(d time.Duration) float64 { return math.Round(float64(d)/float64(time.Millisecond)*100) / 100 }

// statsOf summarises the latencies ds (in any order; ds is sorted in
// place).
func statsOf(k Kind, ds []time.Duration, errs int) Stats {
	slices.Sort(ds)
	s := Stats{Kind: k, Count: len(ds), Errors: errs}
	if len(ds) == 0 {
		return s
	}
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	s.Mean = ms(sum / time.Duration(len(ds)))
	s.P50, s.P95, s.P99 = ms(Percentile(ds, 50)), ms(Percentile(ds, 95)), ms(Percentile(ds, 99))
	s.Max = ms(ds[len(ds)-1])
	return s
}

// Result is the outcome of a run.
type Result struct {
	// Target is the server's address; Database says what it stores in
	// when the run started it ("" for a server given by address).
	Target   string `json:"target"`
	Database string `json:"database,omitempty"`
	Users    int    `json:"users"`
	// DurationLimit and RequestLimit are the bounds of the run; Stopped
	// says which one ended it ("duration", "requests", or "interrupted").
	DurationLimit string `json:"duration_limit"`
	RequestLimit  int    `json:"request_limit"`
	Stopped       string `json:"stopped_by"`
	// ThinkMin and ThinkMax bound each simulated person's pause between
	// two steps.
	ThinkMin string `json:"think_min"`
	ThinkMax string `json:"think_max"`
	// Elapsed is the length of the run, until the last request ended.
	Elapsed    float64 `json:"elapsed_seconds"`
	Requests   int     `json:"requests"`
	Errors     int     `json:"errors"`
	Throughput float64 `json:"requests_per_second"`
	// Visits counts the visits people finished (sign-in to sign-out).
	Visits int `json:"visits_completed"`
	// Kinds has one entry per kind of request made, in the order of
	// Kinds; Analysis puts the report pages and slider moves together.
	Kinds    []Stats `json:"kinds"`
	Analysis Stats   `json:"analysis"`
	// ErrorMessages are the first errors; ErrorsNotShown counts the
	// others.
	ErrorMessages  []string `json:"error_messages,omitempty"`
	ErrorsNotShown int      `json:"errors_not_shown,omitempty"`
	// ServerErrors counts the errors the in-process server logged (0 for
	// a server given by address, whose log is not seen).
	ServerErrors   int      `json:"server_errors_logged"`
	ServerMessages []string `json:"server_error_messages,omitempty"`
	// ProcessCPU is the CPU time the load generator's process used during
	// the run (the server's too, when it started it), in seconds; and
	// LoadBefore and LoadAfter are the machine's one-minute load averages
	// before and after, to tell a busy machine. Set by the command.
	ProcessCPU float64 `json:"process_cpu_seconds,omitempty"`
	LoadBefore string  `json:"load_average_before,omitempty"`
	LoadAfter  string  `json:"load_average_after,omitempty"`
}

// result turns the recorder's figures into a Result.
func (r *recorder) result() *Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	res := &Result{ErrorMessages: slices.Clone(r.messages), ErrorsNotShown: r.dropped}
	var analysis []time.Duration
	analysisErrs := 0
	for _, k := range Kinds {
		ds := slices.Clone(r.latencies[k])
		if len(ds) == 0 && r.errors[k] == 0 {
			continue
		}
		res.Requests += len(ds)
		res.Errors += r.errors[k]
		if slices.Contains(AnalysisKinds, k) {
			analysis = append(analysis, ds...)
			analysisErrs += r.errors[k]
		}
		res.Kinds = append(res.Kinds, statsOf(k, ds, r.errors[k]))
	}
	res.Analysis = statsOf("analysis", analysis, analysisErrs)
	return res
}

// WriteJSON writes the result as indented JSON.
func (res *Result) WriteJSON(w io.Writer) error {
	b, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// WriteTable writes the result for people: the run, a table of the kinds
// of request, and the first errors.
func (res *Result) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Target:      %s", res.Target)
	if res.Database != "" {
		fmt.Fprintf(&b, " (started here, %s)", res.Database)
	}
	fmt.Fprintf(&b, "\nUsers:       %d, think time %s to %s between steps\n", res.Users, res.ThinkMin, res.ThinkMax)
	fmt.Fprintf(&b, "Bounds:      %s or %d requests; stopped by %s after %.1f s\n", res.DurationLimit, res.RequestLimit, res.Stopped, res.Elapsed)
	fmt.Fprintf(&b, "Requests:    %d (%.1f per second), %d errors, %d visits completed\n", res.Requests, res.Throughput, res.Errors, res.Visits)
	if res.ProcessCPU > 0 && res.Elapsed > 0 {
		fmt.Fprintf(&b, "CPU:         %.1f s used by this process (%.2f cores on average)", res.ProcessCPU, res.ProcessCPU/res.Elapsed)
		if res.LoadBefore != "" {
			fmt.Fprintf(&b, "; machine load average %s before, %s after", res.LoadBefore, res.LoadAfter)
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-24s\tcount\terrors\tmean ms\tp50 ms\tp95 ms\tp99 ms\tmax ms\t\n", "kind")
	row := func(s Stats) {
		fmt.Fprintf(tw, "%-24s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t\n", s.Kind, s.Count, s.Errors, s.Mean, s.P50, s.P95, s.P99, s.Max)
	}
	for _, s := range res.Kinds {
		row(s)
	}
	row(Stats{Kind: "analysis (report+whatif)", Count: res.Analysis.Count, Errors: res.Analysis.Errors, Mean: res.Analysis.Mean,
		P50: res.Analysis.P50, P95: res.Analysis.P95, P99: res.Analysis.P99, Max: res.Analysis.Max})
	tw.Flush()
	if len(res.ErrorMessages) > 0 {
		fmt.Fprintf(&b, "\nFirst errors:\n")
		for _, m := range res.ErrorMessages {
			fmt.Fprintf(&b, "  %s\n", m)
		}
		if res.ErrorsNotShown > 0 {
			fmt.Fprintf(&b, "  … and %d more\n", res.ErrorsNotShown)
		}
	}
	if res.ServerErrors > 0 {
		fmt.Fprintf(&b, "\nThe server logged %d errors; the first:\n", res.ServerErrors)
		for _, m := range res.ServerMessages {
			fmt.Fprintf(&b, "  %s\n", m)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
