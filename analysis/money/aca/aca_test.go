package aca

import (
	"bytes"
	"math"
	"os"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/money/aca/internal/gen"
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
		t.Fatal("tables.go is stale: run go generate ./analysis/money/aca")
	}
}

func TestTablesCoverEveryState(t *testing.T) {
	for _, s := range crossroads.States {
		if _, ok := benchmarkAge40[s]; !ok {
			t.Errorf("no benchmark for %s", s)
		}
		if _, ok := publicLimits[s]; !ok {
			t.Errorf("no Medicaid limits for %s", s)
		}
	}
}

// The 2025 HHS poverty guidelines (Federal Register 2025-01-17): $15,650
// for one person and $5,500 for each additional person in the contiguous
// states ($21,150 for two, $32,150 for four); Alaska $19,550 + $6,880;
// Hawaii $17,990 + $6,330.
func TestPovertyLine(t *testing.T) {
	for _, c := range []struct {
		state string
		size  int
		want  float64
	}{
		{"NY", 1, 15650}, {"NY", 2, 21150}, {"TX", 4, 32150}, {"", 3, 26650},
		{"AK", 1, 19550}, {"AK", 2, 26430}, {"HI", 1, 17990}, {"HI", 3, 30650},
		{"DC", 0, 15650},
	} {
		if got := PovertyLine(c.state, c.size); got != c.want {
			t.Errorf("PovertyLine(%q, %d) = %v, want %v", c.state, c.size, got, c.want)
		}
	}
}

// The points of Rev. Proc. 2025-25 § 3.01, and the linear scale between
// them rounded to 0.01 point (26 CFR 1.36B-3(g)(1)).
func TestApplicablePercent(t *testing.T) {
	for _, c := range []struct {
		fpl  float64
		want float64
		ok   bool
	}{
		{0, 2.10, true}, {100, 2.10, true}, {132, 2.10, true},
		{133, 3.14, true}, {141.5, 3.665, true}, {150, 4.19, true},
		{175, 5.40, true}, {200, 6.60, true}, {225, 7.52, true},
		{250, 8.44, true}, {275, 9.20, true}, {300, 9.96, true},
		{350, 9.96, true}, {400, 9.96, true}, {400.5, 0, false}, {600, 0, false},
	} {
		got, ok := ApplicablePercent(c.fpl)
		if ok != c.ok || math.Abs(got-c.want) > 0.0051 {
			t.Errorf("ApplicablePercent(%v) = %v, %v; want %v, %v", c.fpl, got, ok, c.want, c.ok)
		}
	}
}

// The CMS federal default age curve at its published points.
func TestAgeFactor(t *testing.T) {
	for age, want := range map[int]float64{0: 0.765, 10: 0.765, 14: 0.765, 15: 0.833, 20: 0.970, 21: 1, 30: 1.135, 40: 1.278, 50: 1.786, 60: 2.714, 64: 3, 70: 3, -1: 0.765} {
		if got := AgeFactor(age); got != want {
			t.Errorf("AgeFactor(%d) = %v, want %v", age, got, want)
		}
	}
}

func TestBenchmarkPremium(t *testing.T) {
	p40, _ := Age40Benchmark("TX") // $489 in 2025 × 1.26
	if math.Abs(p40-616.14) > 0.005 {
		t.Fatalf("TX age-40 benchmark = %v", p40)
	}
	base := p40 / 1.278
	for _, c := range []struct {
		name             string
		state            string
		adults, children []int
		want             float64
	}{
		{"a 40-year-old", "TX", []int{40}, nil, p40},
		{"a 40-year-old and a child of 10", "TX", []int{40}, []int{10}, base * (1.278 + 0.765)},
		{"a 64-year-old costs three times a 21-year-old", "TX", []int{64}, nil, base * 3},
		{"four children: the three oldest count", "TX", []int{35}, []int{2, 9, 12, 16}, base * (1.222 + 0.859 + 0.765 + 0.765)},
		{"a dependant of 22 always counts", "TX", []int{50}, []int{1, 3, 5, 22}, base * (1.786 + 1 + 3*0.765)},
		{"New York rates by family tier", "NY", []int{40}, []int{3, 7}, 790 * 1.26 * 1.70},
		{"Vermont, a couple", "VT", []int{30, 61}, nil, 1277 * 1.26 * 2},
		{"nobody", "TX", nil, nil, 0},
	} {
		got, err := BenchmarkPremium(c.state, c.adults, c.children)
		if err != nil || math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: got %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	if _, err := BenchmarkPremium("XX", []int{40}, nil); err == nil {
		t.Error("an unknown state gave no error")
	}
}

func TestEstimate(t *testing.T) {
	for _, c := range []struct {
		name string
		h    Household
		// Checks of the result.
		fpl            int
		medicaid       bool
		publicChildren int
		aboveCap       bool
		below          bool
		afterCredit    float64 // -1: not checked
	}{
		{
			// A single parent of 40 and a child of 10 in Texas on $43,000:
			// 203% of the $21,150 line; the child qualifies for CHIP (206%),
			// the parent is on the marketplace. Applicable percentage
			// 6.60 + 1.84 × 3/50 = 6.7104 → 6.71%; contribution $43,000 ×
			// 6.71% / 12 = $240.44; benchmark $616.14; credit $375.70.
			name: "the motivating case in Texas",
			h:    Household{State: "TX", Age: 40, DependantAges: []int{10}, Income: 43000},
			fpl:  203, publicChildren: 1, afterCredit: 43000 * 0.0671 / 12,
		},
		{
			name: "the same household in Ohio: Medicaid for the child only",
			h:    Household{State: "OH", Age: 40, DependantAges: []int{10}, Income: 43000},
			fpl:  203, publicChildren: 1, afterCredit: 43000 * 0.0671 / 12,
		},
		{
			name: "an expansion state at 130%: Medicaid for everyone",
			h:    Household{State: "NY", Age: 40, DependantAges: []int{10}, Income: 27000},
			fpl:  127, medicaid: true, publicChildren: 1, afterCredit: 0,
		},
		{
			name: "a non-expansion state below the poverty line: the coverage gap",
			h:    Household{State: "TX", Age: 30, Income: 12000},
			fpl:  76, below: true, afterCredit: 616.14 / 1.278 * 1.135,
		},
		{
			name: "above 400%: no credit, the full benchmark",
			h:    Household{State: "TX", Age: 40, Income: 70000},
			fpl:  447, aboveCap: true, afterCredit: 616.14,
		},
		{
			name: "Alaska's own poverty line",
			h:    Household{State: "AK", Age: 40, Income: 39100},
			fpl:  200, afterCredit: -1,
		},
		{
			name: "self-only cover: dependants count for the size but are not covered",
			h:    Household{State: "TX", Age: 40, DependantAges: []int{10}, Income: 43000, SelfOnly: true},
			fpl:  203, afterCredit: 43000 * 0.0671 / 12,
		},
	} {
		e, err := c.h.Estimate()
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if e.FPLPercent != c.fpl || e.MedicaidAdult != c.medicaid || e.PublicChildren != c.publicChildren || e.AboveCap != c.aboveCap || e.BelowPoverty != c.below {
			t.Errorf("%s: got %+v", c.name, e)
		}
		if c.afterCredit >= 0 && math.Abs(e.AfterCredit-c.afterCredit) > 0.01 {
			t.Errorf("%s: after credit %v, want %v (%+v)", c.name, e.AfterCredit, c.afterCredit, e)
		}
		if e.Source == "" {
			t.Errorf("%s: no source", c.name)
		}
	}
	for _, h := range []Household{{State: "XX", Age: 40}, {State: "TX"}, {State: "TX", Age: 40, Income: math.NaN()}} {
		if _, err := h.Estimate(); err == nil {
			t.Errorf("%+v: no error", h)
		}
	}
}

// Properties over every state and a range of incomes and households: the
// premium after the credit is never negative nor above the benchmark; the
// required contribution never falls as income rises up to 400% of the
// poverty line; the credit ends at the 400% cliff.
func TestEstimateProperties(t *testing.T) {
	households := []Household{
		{Age: 27}, {Age: 40, DependantAges: []int{10}}, {Age: 58, SpouseAge: 61},
		{Age: 45, SpouseAge: 44, DependantAges: []int{2, 7, 12, 17}},
	}
	for _, s := range crossroads.States {
		for _, h := range households {
			h.State = s
			line := PovertyLine(s, h.Size())
			prevContribution := -1.0
			for pct := 0.0; pct <= 450; pct += 2.5 {
				h.Income = line * pct / 100
				e, err := h.Estimate()
				if err != nil {
					t.Fatal(err)
				}
				if e.AfterCredit < 0 || e.AfterCredit > e.Benchmark+1e-9 || e.Benchmark > e.BenchmarkAll+1e-9 {
					t.Fatalf("%s %+v: after credit %v, benchmark %v of %v", s, h, e.AfterCredit, e.Benchmark, e.BenchmarkAll)
				}
				if e.Credit > 0 && (e.FPLPercent < 100 || e.FPLPercent > 400) {
					t.Fatalf("%s %+v: a credit at %d%%", s, h, e.FPLPercent)
				}
				required := h.Income * e.ApplicablePercent / 100
				if e.FPLPercent >= 100 && e.FPLPercent <= 400 && e.Benchmark > 0 {
					if required < prevContribution-1e-9 {
						t.Fatalf("%s %+v: contribution fell to %v from %v at %d%%", s, h, required, prevContribution, e.FPLPercent)
					}
					prevContribution = required
				}
			}
		}
	}
	// The cliff: an older couple in Wyoming keeps a large credit at 400%
	// and loses all of it a dollar above.
	h := Household{State: "WY", Age: 60, SpouseAge: 60}
	h.Income = PovertyLine("WY", 2) * 4
	at, _ := h.Estimate()
	h.Income += 1 // 400.003%: Form 8962 drops the fraction, still 400%
	above, _ := h.Estimate()
	h.Income = PovertyLine("WY", 2) * 4.01
	over, _ := h.Estimate()
	if at.Credit < 1000 || above.Credit < 1000 || over.Credit != 0 || !over.AboveCap || over.AfterCredit != over.Benchmark {
		t.Fatalf("no cliff: at 400%% %+v; a dollar above %+v; at 401%% %+v", at, above, over)
	}
}

func TestAfterJob(t *testing.T) {
	tx := Household{State: "TX", Age: 40, DependantAges: []int{10}, Income: 43000}
	e, _ := tx.Estimate()
	opts, err := AfterJob(tx, 26993.0/12, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(opts) != 2 || opts[0].Kind != KindMarketplace || opts[1].Kind != KindCOBRA || opts[0].Monthly != e.AfterCredit {
		t.Fatalf("got %+v", opts)
	}
	if want := 1.02 * 26993 / 12; math.Abs(opts[1].Monthly-want) > 1e-9 || opts[1].Months != 18 {
		t.Errorf("COBRA %+v, want %v for 18 months", opts[1], want)
	}
	// A cheap plan beats the marketplace above the cliff.
	rich := Household{State: "TX", Age: 40, Income: 90000}
	opts, _ = AfterJob(rich, 400, nil)
	if opts[0].Kind != KindCOBRA || opts[0].Monthly != 408 {
		t.Errorf("got %+v", opts)
	}
	// Medicaid for all, no job plan.
	poor := Household{State: "NY", Age: 40, DependantAges: []int{10}, Income: 20000}
	opts, _ = AfterJob(poor, 0, nil)
	if len(opts) != 1 || opts[0].Kind != KindMedicaid || opts[0].Monthly != 0 {
		t.Errorf("got %+v", opts)
	}
	// The person's own quote replaces the estimate.
	q := 250.0
	opts, _ = AfterJob(tx, 700, &q)
	if opts[0].Kind != KindQuote || opts[0].Monthly != 250 {
		t.Errorf("got %+v", opts)
	}
	bad := -1.0
	if _, err := AfterJob(tx, 0, &bad); err == nil {
		t.Error("a negative quote gave no error")
	}
}

func TestOwnCover(t *testing.T) {
	c := &crossroads.Case{Person: crossroads.Person{State: "TX", Dependants: 1, SingleParent: true}}
	got, src := OwnCover(c, 43000)
	if math.Abs(got-43000*0.0671/12) > 0.01 || src == "" {
		t.Errorf("Texas estimate: %v (%s)", got, src)
	}
	h := HouseholdOf(c, 43000)
	if h.Age != 40 || len(h.DependantAges) != 1 || h.DependantAges[0] != 10 || h.SelfOnly || h.SpouseAge != 0 {
		t.Errorf("household %+v", h)
	}
	c.Settings.Tax.FilingStatus = "married_joint"
	if h := HouseholdOf(c, 43000); h.SpouseAge != 40 || h.Size() != 3 {
		t.Errorf("joint household %+v", h)
	}
	c.Settings.Tax.FilingStatus = ""
	q := 350.0
	c.Person.Health.WithoutEmployerMonthly = &q
	if got, _ := OwnCover(c, 43000); got != 350 {
		t.Errorf("quote: %v", got)
	}
	c.Person.Health = crossroads.HealthNeed{GoUncovered: true}
	if got, _ := OwnCover(c, 43000); got != 0 {
		t.Errorf("uncovered: %v", got)
	}
	c.Person = crossroads.Person{Dependants: 1}
	if got, _ := OwnCover(c, 43000); got != 26993.0/12 {
		t.Errorf("no state: %v", got)
	}
}
