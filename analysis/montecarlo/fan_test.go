package montecarlo

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestFanChartQuantiles checks the bucketed selection of the fan chart
// against sorting, on values with many ties and on spread values.
func TestFanChartQuantiles(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 2, 3, 10, 257, 5000} {
		m := &model{horizon: 3, savings: 7}
		fan := make([]float64, 3*n)
		for i := range fan {
			switch i / n {
			case 0:
				fan[i] = float64(r.IntN(4)) * 100 // heavy ties
			case 1:
				fan[i] = r.NormFloat64() * 1000
			default:
				fan[i] = 5 // all equal
			}
		}
		pathMajor := make([]float64, len(fan))
		for i := range n {
			for mo := range 3 {
				pathMajor[i*3+mo] = fan[mo*n+i]
			}
		}
		bands := fanChart(pathMajor, n, m)
		for mo := range 3 {
			sorted := slices.Clone(fan[mo*n : (mo+1)*n])
			slices.Sort(sorted)
			b := bands[mo+1]
			for _, c := range []struct{ got, q float64 }{{b.P10, 0.1}, {b.P50, 0.5}, {b.P90, 0.9}} {
				if want := Quantile(sorted, c.q); c.got != want {
					t.Errorf("n=%d month %d q=%v: got %v, want %v", n, mo+1, c.q, c.got, want)
				}
			}
		}
	}
}

// BenchmarkFanChart measures the month-by-month quantiles of the example's
// keep-the-contract strategy: 10,000 paths over 24 months.
func BenchmarkFanChart(b *testing.B) {
	c := exampleCase(b)
	m, err := compile(c)
	if err != nil {
		b.Fatal(err)
	}
	res, err := Simulate(c, examplePolicies[:1], Settings{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	_ = res
	// Rebuild the path-major savings of the first policy.
	const n = 10000
	fan := make([]float64, n*m.horizon)
	src := rand.New(rand.NewPCG(1, 1))
	for i := range fan {
		fan[i] = float64(src.IntN(50)) * 100
	}
	for b.Loop() {
		fanChart(fan, n, m)
	}
}
