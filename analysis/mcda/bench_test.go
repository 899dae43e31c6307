package mcda_test

import (
	"math/rand/v2"
	"testing"

	"github.com/crossroads/crossroads/analysis/mcda"
)

// benchProblem is generated once per benchmark, outside the timed loop.
func benchProblem(m, k int) mcda.Problem {
	return randomProblem(rand.New(rand.NewPCG(42, 42)), m, k)
}

func flatten(p mcda.Problem) []float64 {
	flat := make([]float64, 0, len(p.Values)*len(p.Criteria))
	for _, r := range p.Values {
		flat = append(flat, r...)
	}
	return flat
}

// BenchmarkTOPSIS100kx20 ranks 100,000 alternatives on 20 criteria: the
// public TOPSIS (closeness and ranks), and the TOPSISFlat fast path on a
// row-major slice (closeness only).
func BenchmarkTOPSIS100kx20(b *testing.B) {
	p := benchProblem(100_000, 20)
	b.Run("TOPSIS", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := mcda.TOPSIS(p, mcda.Vector); err != nil {
				b.Fatal(err)
			}
		}
	})
	flat := flatten(p)
	b.Run("TOPSISFlat", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := mcda.TOPSISFlat(flat, p.Types, p.Weights, mcda.Vector); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Ranks", func(b *testing.B) {
		scores, _ := mcda.TOPSISFlat(flat, p.Types, p.Weights, mcda.Vector)
		b.ReportAllocs()
		for b.Loop() {
			mcda.Ranks(scores, true)
		}
	})
}

func BenchmarkWSM(b *testing.B) {
	for _, size := range []struct {
		name string
		m, k int
	}{{"10x6", 10, 6}, {"100kx20", 100_000, 20}} {
		p := benchProblem(size.m, size.k)
		b.Run(size.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := mcda.WSM(p, mcda.MinMax); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkAHP(b *testing.B) {
	rng := rand.New(rand.NewPCG(43, 43))
	scale := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}
	for _, n := range []int{5, 9, 15} {
		m := make([][]float64, n)
		for i := range m {
			m[i] = make([]float64, n)
			m[i][i] = 1
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				a := scale[rng.IntN(len(scale))]
				if rng.IntN(2) == 0 {
					a = 1 / a
				}
				m[i][j], m[j][i] = a, 1/a
			}
		}
		b.Run(string(rune('0'+n/10))+string(rune('0'+n%10)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := mcda.AHP(m, mcda.Eigenvector, mcda.RIAlonsoLamata); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
