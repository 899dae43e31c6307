package loadgen

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crossroads/crossroads/store/dbtest"
)

func TestPercentile(t *testing.T) {
	ms := func(xs ...int) []time.Duration {
		out := make([]time.Duration, len(xs))
		for i, x := range xs {
			out[i] = time.Duration(x) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	for _, tc := range []struct {
		name   string
		values []time.Duration
		p      float64
		want   time.Duration
	}{
		{"none", nil, 50, 0},
		{"one", ms(7), 99, 7 * time.Millisecond},
		{"median of 4", ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"median of 5", ms(1, 2, 3, 4, 5), 50, 3 * time.Millisecond},
		{"p95 of 1..100", ms(hundred...), 95, 95 * time.Millisecond},
		{"p99 of 1..100", ms(hundred...), 99, 99 * time.Millisecond},
		{"p100", ms(hundred...), 100, 100 * time.Millisecond},
		{"p99 of 10", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 99, 10 * time.Millisecond},
		{"p0 is the least", ms(3, 4), 0, 3 * time.Millisecond},
	} {
		if got := Percentile(tc.values, tc.p); got != tc.want {
			t.Errorf("%s: Percentile(p%v) = %v, want %v", tc.name, tc.p, got, tc.want)
		}
	}
	s := statsOf("x", ms(5, 1, 3, 2, 4), 1)
	if s.Count != 5 || s.Errors != 1 || s.P50 != 3 || s.Max != 5 || s.Mean != 3 {
		t.Errorf("statsOf = %+v", s)
	}
}

func TestTargetURL(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1:8080":          "http://127.0.0.1:8080",
		"http://127.0.0.1:8080/":  "http://127.0.0.1:8080",
		"127.1.2.3:80":            "http://127.1.2.3:80",
		"localhost:8080":          "http://localhost:8080",
		"LOCALHOST:8080":          "http://LOCALHOST:8080",
		"[::1]:8080":              "http://[::1]:8080",
		" http://[::1]:9 ":        "http://[::1]:9",
		"http://localhost:1/":     "http://localhost:1",
		"127.255.255.254:65535":   "http://127.255.255.254:65535",
		"http://127.0.0.1:8080//": "", // a path
	} {
		got, err := TargetURL(addr)
		if want == "" {
			if err == nil {
				t.Errorf("TargetURL(%q) = %q, want an error", addr, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("TargetURL(%q) = %q, %v; want %q", addr, got, err, want)
		}
	}
	for _, addr := range []string{
		"", "10.0.0.1:80", "192.168.1.10:8080", "172.16.0.1:80", "8.8.8.8:80", "0.0.0.0:8080", "[::]:8080",
		"example.com:80", "localhost.example.com:80", "128.0.0.1:80", "[::2]:80", "127.0.0.1", "https://127.0.0.1:8443",
		"http://user@127.0.0.1:80", "127.0.0.1:80?x=1", "http://127.0.0.1:80/path", "ftp://127.0.0.1:21",
	} {
		if got, err := TargetURL(addr); err == nil {
			t.Errorf("TargetURL(%q) = %q, want an error", addr, got)
		}
	}
	_, err := TargetURL("10.1.2.3:80")
	if err == nil || !strings.Contains(err.Error(), "not a loopback address") {
		t.Errorf("the error does not say why: %v", err)
	}
	for _, a := range []string{"127.0.0.1:80", "[::1]:80"} {
		if err := loopbackOnly("tcp", a, nil); err != nil {
			t.Errorf("dialing %s refused: %v", a, err)
		}
	}
	for _, a := range []string{"10.0.0.1:80", "[2001:db8::1]:80", "93.184.216.34:443"} {
		if err := loopbackOnly("tcp", a, nil); err == nil {
			t.Errorf("dialing %s allowed", a)
		}
	}
}

func TestRunRefusesOtherAddresses(t *testing.T) {
	_, err := Run(context.Background(), Config{Target: "http://192.168.1.1:8080", Users: 1, Duration: time.Second,
		MaxRequests: 1, Timeout: time.Second})
	if err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("Run on a private address: %v", err)
	}
	for _, cfg := range []Config{
		{Users: 0, Duration: time.Second, MaxRequests: 1, Timeout: time.Second},
		{Users: 1, Duration: 0, MaxRequests: 1, Timeout: time.Second},
		{Users: 1, Duration: time.Second, MaxRequests: 0, Timeout: time.Second},
		{Users: 1, Duration: time.Second, MaxRequests: 1, ThinkMin: time.Second, Timeout: time.Second},
		{Users: 1, Duration: 2 * MaxDuration, MaxRequests: 1, Timeout: time.Second},
	} {
		cfg.Target = "http://127.0.0.1:1"
		if _, err := Run(context.Background(), cfg); err == nil {
			t.Errorf("Run(%+v) started", cfg)
		}
	}
}

func TestParseForms(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="/a.js" defer></script></head><body>
<form method="post" action="/x">
<input type="hidden" name="version" value="3">
<input type="text" name="a" value="x &amp; y">
<input type="checkbox" name="c1" value="true" checked><input type="checkbox" name="c2" value="true">
<input type="radio" name="r" value="1"><input type="radio" name="r" value="2" checked>
<select name="s1"><option value="">none</option><option value="b" selected>B</option></select>
<select name="s2"><option value="first">1</option><option value="second">2</option></select>
<textarea name="t" rows="3">
line one
line two</textarea>
<input type="file" name="f"><button type="submit" name="go" value="next">Next</button>
<br><img src="x.png" alt="">
</form>
<form method="get" action="/cases/1/report" id="whatif-form">
<input type="range" id="s" name="balance" min="0" max="100" step="5" value="60" data-unit="%" data-case="60">
</form></body></html>`
	forms, err := parseForms([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(forms) != 2 {
		t.Fatalf("%d forms", len(forms))
	}
	f := forms[0]
	want := map[string]string{"version": "3", "a": "x & y", "c1": "true", "r": "2", "s1": "b", "s2": "first", "t": "line one\nline two"}
	for k, v := range want {
		if got := f.Values.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	for _, k := range []string{"c2", "f", "go"} {
		if f.Values.Has(k) {
			t.Errorf("%s is sent", k)
		}
	}
	if f.Method != "POST" || f.Action != "/x" {
		t.Errorf("form %s %s", f.Method, f.Action)
	}
	w, err := findForm([]byte(page), "/cases/1/report", "whatif-form")
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Ranges) != 1 || w.Ranges[0] != (rangeInput{Name: "balance", Min: 0, Max: 100, Step: 5, Value: 60, CasePosition: 60, HasCasePosition: true}) {
		t.Errorf("ranges %+v", w.Ranges)
	}
	if _, err := findForm([]byte(page), "/nowhere", ""); err == nil {
		t.Error("found a form that is not there")
	}
}

// TestRunCountsErrors runs against a server that fails every request.
func TestRunCountsErrors(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "broken", http.StatusInternalServerError)
	}))
	defer ts.Close()
	res, err := Run(context.Background(), Config{Target: ts.URL, Users: 2, Duration: time.Minute, MaxRequests: 6, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests != 6 || res.Errors != 6 || !res.Failed() || res.Stopped != "requests" {
		t.Errorf("requests %d, errors %d, stopped by %q", res.Requests, res.Errors, res.Stopped)
	}
	if len(res.ErrorMessages) == 0 || !strings.Contains(res.ErrorMessages[0], "status 500") {
		t.Errorf("messages %q", res.ErrorMessages)
	}
}

// runOn runs a few people against a server started here on databaseURL
// until they have made enough requests for every kind (a request bound,
// not a time bound: the test makes no assertion on timing), and checks
// that nothing failed.
func runOn(t *testing.T, databaseURL string) {
	ctx := context.Background()
	srv, err := StartServer(ctx, databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := srv.Close(ctx); err != nil {
			t.Error(err)
		}
	}()
	// A person's first visit (sign-up, two cases, sign-out) takes at most
	// 29 requests, and the next starts with a sign-in: with 3 people and
	// 120 requests, at least one makes 40 and so every kind.
	res, err := Run(ctx, Config{Target: srv.URL, Users: 3, Duration: 3 * time.Minute, MaxRequests: 120,
		ThinkMin: 0, ThinkMax: 20 * time.Millisecond, Timeout: time.Minute, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	res.ServerErrors, res.ServerMessages = srv.LoggedErrors()
	var out bytes.Buffer
	res.WriteTable(&out)
	t.Log("\n" + out.String())
	if res.Failed() {
		t.Fatalf("%d errors, %d logged by the server", res.Errors, res.ServerErrors)
	}
	if res.Stopped != "requests" || res.Requests != 120 {
		t.Fatalf("stopped by %s after %d requests, want 120", res.Stopped, res.Requests)
	}
	var made []Kind
	for _, s := range res.Kinds {
		made = append(made, s.Kind)
	}
	for _, k := range Kinds {
		if !slices.Contains(made, k) {
			t.Errorf("no %s request was made", k)
		}
	}
	if res.Analysis.Count == 0 {
		t.Error("no analysis figures")
	}
	var back Result
	var js bytes.Buffer
	if err := res.WriteJSON(&js); err != nil || json.Unmarshal(js.Bytes(), &back) != nil || back.Requests != res.Requests {
		t.Errorf("the JSON result does not read back: %v\n%s", err, js.String())
	}
}

func TestRunSQLite(t *testing.T) { runOn(t, "") }

func TestRunPostgres(t *testing.T) {
	url := os.Getenv(dbtest.PostgresEnv)
	if url == "" {
		t.Skip(dbtest.PostgresSkipMessage)
	}
	runOn(t, url)
}

// TestRunEndsAnywhere ends runs of one person at each of the first 20
// requests in turn (past the upload of the second case): wherever the
// bound falls, the run ends cleanly, with no error and exactly the
// requests allowed.
func TestRunEndsAnywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("many short runs")
	}
	ctx := context.Background()
	srv, err := StartServer(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(ctx)
	for n := 1; n <= 20; n++ {
		res, err := Run(ctx, Config{Target: srv.URL, Users: 1, Duration: 3 * time.Minute, MaxRequests: n,
			Timeout: time.Minute, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		if res.Failed() || res.Requests != n || res.Stopped != "requests" {
			t.Errorf("bound %d: %d requests, %d errors, stopped by %s: %q", n, res.Requests, res.Errors, res.Stopped, res.ErrorMessages)
		}
	}
	if n, msgs := srv.LoggedErrors(); n > 0 {
		t.Errorf("the server logged %d errors: %q", n, msgs)
	}
}
