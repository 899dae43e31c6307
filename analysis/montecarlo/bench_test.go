package montecarlo

import (
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
)

// examplePolicies are the four plans of the motivating case: keep the
// contract; keep it but withdraw if the data-entry job is offered; keep it
// and switch even after starting; withdraw and wait.
var examplePolicies = []Policy{
	{Hold: 0},
	{Hold: 0, Targets: []int{1}, Mode: BeforeStart},
	{Hold: 0, Targets: []int{1}, Mode: Anytime},
	{Hold: -1, Targets: []int{1}, Mode: Anytime},
}

func exampleCase(tb testing.TB) *crossroads.Case {
	tb.Helper()
	c, err := casefile.Parse(examples.MotivatingCase, "motivating-case.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// BenchmarkCore measures the simulation core on the motivating case with
// one worker and without per-path detail; the reported ns/path-month is the
// time per path, strategy and month of the horizon.
func BenchmarkCore(b *testing.B) {
	c := exampleCase(b)
	const paths = 10000
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Simulate(c, examplePolicies, Settings{Paths: paths, Seed: 1, Workers: 1, MeansOnly: true}); err != nil {
			b.Fatal(err)
		}
	}
	pm := float64(paths * len(examplePolicies) * c.Horizon())
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/pm, "ns/path-month")
}

// BenchmarkSimulate is the main run of the analysis: every path kept, all
// workers.
func BenchmarkSimulate(b *testing.B) {
	c := exampleCase(b)
	for b.Loop() {
		if _, err := Simulate(c, examplePolicies, Settings{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSimulateMeansOnly is the main run without per-path detail (no
// quantiles, fan chart or per-path values), to show what the detail costs.
func BenchmarkSimulateMeansOnly(b *testing.B) {
	c := exampleCase(b)
	for b.Loop() {
		if _, err := Simulate(c, examplePolicies, Settings{Seed: 1, MeansOnly: true}); err != nil {
			b.Fatal(err)
		}
	}
}
