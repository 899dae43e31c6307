package ui

import (
	"bytes"
	"math"
	"os"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/money/ui/internal/gen"
)

func TestTablesUpToDate(t *testing.T) {
	want, err := gen.Source("data")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("tables.go is stale: run go generate ./analysis/money/ui")
	}
}

// Florida Statutes § 443.111: the weekly benefit amount is one twenty-sixth
// of the wages of the base-period quarter with the highest wages, not less
// than $32 nor more than $275, rounded down to a whole dollar. California:
// the highest quarter ÷ 26 (DOL: 1/23–1/26), $40 to $450.
func TestStateRules(t *testing.T) {
	for _, c := range []struct {
		name     string
		state    string
		quarters [4]float64
		weekly   float64
		weeks    int
		waiting  int
	}{
		{"Florida: $6,500 in the best quarter pays $250", "FL", [4]float64{3000, 6500, 4000, 5000}, 250, 12, 1},
		{"Florida: $6,510 pays $250.38, rounded down", "FL", [4]float64{6510, 0, 0, 0}, 250, 12, 1},
		{"Florida: capped at $275", "FL", [4]float64{10000, 10000, 10000, 10000}, 275, 12, 1},
		{"Florida: at least $32", "FL", [4]float64{500, 0, 0, 0}, 32, 12, 1},
		{"California: $5,200 in the best quarter pays $200", "CA", [4]float64{5200, 5000, 0, 0}, 200, 26, 1},
		{"Alabama: the two best quarters ÷ 52", "AL", [4]float64{5200, 5200, 1000, 0}, 200, 14, 1},
		{"North Carolina: the last two quarters ÷ 52", "NC", [4]float64{9000, 9000, 5200, 5200}, 200, 26, 1},
		{"New Jersey: 60% of the average weekly wage", "NJ", [4]float64{6500, 6500, 6500, 6500}, 300, 26, 1},
		{"Colorado above its threshold: the annual-wage row", "CO", [4]float64{20000, 20000, 20000, 20000}, 618, 26, 1},
		{"Colorado below it: the two-quarter row", "CO", [4]float64{5200, 5200, 5200, 5200}, 240, 26, 1},
		{"Connecticut: no waiting week", "CT", [4]float64{5200, 5200, 0, 0}, 200, 26, 0},
		{"no wages, no benefit", "TX", [4]float64{}, 0, 26, 1},
	} {
		b, err := FromQuarters(c.state, c.quarters)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if b.Weekly != c.weekly || b.Weeks != c.weeks || b.WaitingWeeks != c.waiting || b.Source == "" {
			t.Errorf("%s: got %+v", c.name, b)
		}
	}
	for _, q := range [][4]float64{{-1, 0, 0, 0}, {math.NaN(), 0, 0, 0}} {
		if _, err := FromQuarters("FL", q); err == nil {
			t.Errorf("%v: no error", q)
		}
	}
	if _, err := FromQuarters("XX", [4]float64{}); err == nil {
		t.Error("an unknown state gave no error")
	}
}

// Every state pays something, never more as pay falls, and never more than
// the pay itself, from $400 a week (below that some minimums, such as
// Arizona's $187, exceed half the pay and eligibility tests apply).
func TestEveryState(t *testing.T) {
	for _, s := range crossroads.States {
		prev := math.Inf(1)
		for w := 3000.0; w >= 400; w -= 25 {
			b, err := FromWeeklyWage(s, w)
			if err != nil {
				t.Fatal(err)
			}
			if b.Weekly <= 0 || b.Weekly > prev || b.Weekly > w || b.Weeks < 12 || b.Weeks > 30 {
				t.Fatalf("%s at $%v a week: %+v (before: %v)", s, w, b, prev)
			}
			prev = b.Weekly
		}
	}
}

func TestForPerson(t *testing.T) {
	no, amount := false, 310.0
	p := crossroads.Person{State: "FL"}
	if b, ok := ForPerson(&p, 827); !ok || b.Weekly != 275 {
		t.Errorf("Florida: %+v, %v", b, ok)
	}
	p.Unemployment.Claim = &no
	if _, ok := ForPerson(&p, 827); ok {
		t.Error("a person who will not claim got a benefit")
	}
	p.Unemployment = crossroads.Unemployment{Weekly: &amount}
	if b, ok := ForPerson(&p, 827); !ok || b.Weekly != 310 || b.Weeks != 12 {
		t.Errorf("override: %+v, %v", b, ok)
	}
	p.State = ""
	if b, ok := ForPerson(&p, 827); !ok || b.Weekly != 310 || b.Weeks != 26 || b.WaitingWeeks != 1 {
		t.Errorf("override without a state: %+v, %v", b, ok)
	}
	p.Unemployment = crossroads.Unemployment{}
	if _, ok := ForPerson(&p, 827); ok {
		t.Error("no state and no override gave a benefit")
	}
	b, _ := FromWeeklyWage("CA", 827)
	if math.Abs(b.Monthly()-b.Weekly*52/12) > 1e-9 || math.Abs(b.Months()-6) > 1e-9 || math.Abs(b.WaitingMonths()-12.0/52) > 1e-9 {
		t.Errorf("conversions: %+v", b)
	}
}
