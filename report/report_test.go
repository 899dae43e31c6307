package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// exampleReport builds the report of the motivating case with its own
// settings (10,000 paths, seed 1).
func exampleReport(t *testing.T) *Report {
	t.Helper()
	c, err := casefile.Parse(examples.MotivatingCase, "motivating-case.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs from line %d:\ngot:  %q\nwant: %q\n(run go test ./report -update after checking the change)", path, i+1, g, w)
			}
		}
	}
}

// TestExampleGolden renders the example's report as text and JSON and
// compares both with the golden files.
func TestExampleGolden(t *testing.T) {
	r := exampleReport(t)
	var text, js bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	golden(t, "example.txt", text.Bytes())
	golden(t, "example.json", js.Bytes())
}

// TestJSONStrategyFields checks the fields the JSON report promises for the
// simulated plans (docs/report-json.md).
func TestJSONStrategyFields(t *testing.T) {
	r := exampleReport(t)
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	strategies, ok := doc["strategies"].([]any)
	if !ok || len(strategies) != 5 {
		t.Fatalf("strategies: %T of %d, want 5 plans", doc["strategies"], len(strategies))
	}
	estimates := []string{"savings_p10", "savings_p50", "savings_p90", "p_savings_run_out", "months_without_pay", "months_without_health_coverage"}
	for _, s := range strategies {
		m := s.(map[string]any)
		for _, k := range append([]string{"name", "rank"}, estimates...) {
			if _, ok := m[k]; !ok {
				t.Errorf("strategy %v lacks %q", m["id"], k)
			}
		}
		for _, k := range estimates {
			if _, ok := m[k+"_se"]; !ok {
				t.Errorf("strategy %v lacks %q", m["id"], k+"_se")
			}
		}
		if fan, _ := m["fan"].([]any); len(fan) != 25 {
			t.Errorf("strategy %v: fan of %d months, want 25 (months 0 to 24)", m["id"], len(fan))
		}
	}
	if v, _ := doc["value_of_information"].([]any); len(v) != 1 {
		t.Errorf("value_of_information: %v", doc["value_of_information"])
	}
	be, _ := doc["break_even"].([]any)
	if len(be) == 0 {
		t.Fatal("no break_even entries")
	}
	for _, e := range be {
		m := e.(map[string]any)
		for _, k := range []string{"input", "value", "best_below", "best_above"} {
			if _, ok := m[k]; !ok {
				t.Errorf("break_even entry %v lacks %q", m["input"], k)
			}
		}
	}
	if tor, _ := doc["tornado"].([]any); len(tor) == 0 {
		t.Error("no tornado")
	}
}

// TestSummaryAnswersTheCoach checks that the plain summary says, in
// numbers, what the month without pay and the missing benefits mean for
// savings, which plan is best, how sure that is, and the chance of being
// hired permanently at which the answer changes.
func TestSummaryAnswersTheCoach(t *testing.T) {
	r := exampleReport(t)
	all := strings.Join(r.Summary, "\n")
	best := r.strategy(r.Simulation.Best)
	for _, want := range []string{
		"the best is plan " + best.Letter,
		"points ahead of plan",
		"from the simulation's randomness",
		"chance of being hired permanently at the end of the call-centre contract",
		"months without pay on average",
		"months without an employer health plan, paying",
		"unemployment benefit after a job ends would bring in about",
		"fall below zero at some point, most often first in month",
		"In those futures you would be about",
		"short at the worst",
		"Knowing the data-entry job's answer",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("summary lacks %q:\n%s", want, all)
		}
	}
}

// TestHTMLPlans checks that the HTML report has the plans' section with
// its two charts.
func TestHTMLPlans(t *testing.T) {
	r := exampleReport(t)
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	h := b.String()
	for _, want := range []string{`id="s-plans"`, `aria-labelledby="fan-title"`, `aria-labelledby="tornado-title"`, "What would change the best plan"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

// TestCommitmentSentence: every plan that withdraws from the accepted
// contract, or resigns from it after starting, says so, with how often.
func TestCommitmentSentence(t *testing.T) {
	r := exampleReport(t)
	seen := 0
	for i := range r.Strategies {
		s := &r.Strategies[i]
		got := r.commitmentSentence(s)
		if s.Withdrawals >= 0.005 && !strings.Contains(got, "withdrawing from the call-centre contract") {
			t.Errorf("plan %s withdraws in %.0f%% of futures but says %q", s.Letter, 100*s.Withdrawals, got)
		}
		if s.Quits >= 0.005 && !strings.Contains(got, "resigning from the call-centre contract after starting") {
			t.Errorf("plan %s quits in %.0f%% of futures but says %q", s.Letter, 100*s.Quits, got)
		}
		if s.Withdrawals+s.Quits < 0.005 && got != "" {
			t.Errorf("plan %s breaks no commitment but says %q", s.Letter, got)
		}
		if got != "" {
			seen++
		}
	}
	if seen < 3 {
		t.Errorf("only %d plans break a commitment; the example has four that do", seen)
	}
}
