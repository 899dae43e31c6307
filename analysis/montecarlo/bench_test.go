package montecarlo

import (
	"math/rand/v2"
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

// TestPathAllocatesNothing checks that simulating a path (drawing its
// events and running every policy on it) allocates nothing once a worker's
// buffers exist.
func TestPathAllocatesNothing(t *testing.T) {
	c := exampleCase(t)
	m, err := compile(c)
	if err != nil {
		t.Fatal(err)
	}
	var cps []cpolicy
	for i, p := range examplePolicies {
		cp, err := m.policy(c, p, i)
		if err != nil {
			t.Fatal(err)
		}
		cps = append(cps, cp)
	}
	src := &rand.PCG{}
	sc := newScenario(m)
	r := newRunner(m, sc, src)
	var blk rand.PCG
	blk.Seed(1, 0)
	path := uint64(0)
	step := func() {
		path++
		sc.draw(m, src, blk.Uint64(), path)
		for i := range cps {
			r.run(&cps[i], true)
		}
	}
	for range 1000 { // let the search buffers reach their size
		step()
	}
	if n := testing.AllocsPerRun(2000, step); n != 0 {
		t.Errorf("%v allocations per path, want 0", n)
	}
}
