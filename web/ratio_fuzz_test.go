package web

import (
	"math"
	"testing"

	"github.com/crossroads/crossroads"
)

// FuzzInvertRatio fuzzes the writing of a judgement the other way round
// (b over a from a over b), which the pairwise page does for pairs a case
// file lists in the other order: the inverse of a judgement that reads is a
// judgement that reads, and its value is the reciprocal.
func FuzzInvertRatio(f *testing.F) {
	for _, s := range []string{"3", "1/3", " 1 / 9 ", "1", " 1", "9", "1/9", "2/3", "2 / 3", "0.5", "1/0.5", "1e1", "", "x", "1/0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, r string) {
		v, err := crossroads.ParseRatio(r)
		if err != nil {
			return
		}
		inv := invertRatio(r)
		w, err := crossroads.ParseRatio(inv)
		if 1/v == 0 || math.IsInf(1/v, 0) {
			return // no finite positive reciprocal to write
		}
		if err != nil {
			t.Fatalf("invertRatio(%q) = %q, which does not read: %v", r, inv, err)
		}
		if math.Abs(w*v-1) > 1e-12 {
			t.Fatalf("invertRatio(%q) = %q: %v is not the reciprocal of %v", r, inv, w, v)
		}
	})
}

// TestInvertRatio is the regression test of what FuzzInvertRatio found: a
// fraction other than 1/x, listed in the other order in a case file, was
// shown on the pairwise page as "1/2/3", which the page then refused.
func TestInvertRatio(t *testing.T) {
	for in, want := range map[string]string{
		"3": "1/3", "1/3": "3", " 1 / 9 ": "9", "1": "1", " 1": "1", "2/3": "3/2", "2 / 3": "3/2", "0.5": "1/0.5", "1/0.5": "0.5",
	} {
		if got := invertRatio(in); got != want {
			t.Errorf("invertRatio(%q) = %q, want %q", in, got, want)
		}
	}
}
