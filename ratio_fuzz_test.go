package crossroads_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/crossroads/crossroads"
)

// FuzzParseRatio fuzzes the reader of pairwise judgements ("3", "1/3",
// " 1 / 9 "). What it accepts is a positive finite number that formats
// back to itself, whose reciprocal written as "1/x" reads as 1/v, and that
// plain strconv agrees with when there is no fraction bar; what it refuses,
// it refuses with a message that quotes the text.
func FuzzParseRatio(f *testing.F) {
	for _, s := range []string{"3", "1/3", " 1 / 9 ", "9", "1/9", "0.5", "2.5", "1e1", "", " ", "/", "1/", "/3", "1/0", "0", "-1",
		"inf", "NaN", "0x1p3", "1_000", "1/3/5", "1e308/1e-308", "5e-324", "٣", "3 ", "+3", "-1/-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := crossroads.ParseRatio(s)
		if err != nil {
			if v != 0 {
				t.Errorf("ParseRatio(%q) = %v with the error %v", s, v, err)
			}
			if !strings.HasPrefix(err.Error(), strconv.Quote(s)+" ") {
				t.Errorf("ParseRatio(%q): the error %q does not quote the text", s, err)
			}
			return
		}
		if !(v > 0) || math.IsInf(v, 0) {
			t.Fatalf("ParseRatio(%q) = %v, want a positive finite number", s, v)
		}
		text := strings.TrimSpace(s)
		if strings.ContainsAny(text, "xXpP_iInN") {
			t.Fatalf("ParseRatio(%q) = %v: accepted a spelling people do not mean", s, v)
		}
		if !strings.Contains(text, "/") {
			if x, err := strconv.ParseFloat(text, 64); err != nil || x != v {
				t.Fatalf("ParseRatio(%q) = %v, strconv says %v, %v", s, v, x, err)
			}
		}
		formatted := strconv.FormatFloat(v, 'g', -1, 64)
		if back, err := crossroads.ParseRatio(formatted); err != nil || back != v {
			t.Fatalf("ParseRatio(%q) = %v, which formats as %q and reads back as %v, %v", s, v, formatted, back, err)
		}
		if inv := 1 / v; inv > 0 && !math.IsInf(inv, 0) {
			if back, err := crossroads.ParseRatio("1/" + formatted); err != nil || back != inv {
				t.Fatalf("ParseRatio(%q) = %v, but its reciprocal 1/%s reads as %v, %v; want %v", s, v, formatted, back, err, inv)
			}
		}
	})
}
