package occupation_test

import (
	"math"
	"slices"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/occupation"
)

func TestNextStepsZoneCap(t *testing.T) {
	for _, tc := range []struct {
		from []string
		cap  int
	}{
		{[]string{"43-4051.00"}, 3},               // zone 2
		{[]string{"43-9021.00"}, 3},               // zone 2
		{[]string{"43-4051.00", "13-1071.00"}, 5}, // zones 2 and 4
		{[]string{"43-1011.00"}, 4},               // zone 3
	} {
		steps, err := occupation.NextSteps(tc.from, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(steps) == 0 {
			t.Fatalf("NextSteps(%v) is empty", tc.from)
		}
		for _, s := range steps {
			if s.JobZone < 2 || s.JobZone > tc.cap {
				t.Errorf("NextSteps(%v): %s in zone %d, cap %d", tc.from, s.Code, s.JobZone, tc.cap)
			}
			if slices.Contains(tc.from, s.Code) {
				t.Errorf("NextSteps(%v) proposes a from-occupation %s", tc.from, s.Code)
			}
		}
	}
}

func TestNextStepsFromCustomerService(t *testing.T) {
	steps, err := occupation.NextSteps([]string{"43-4051"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	// related_occupations.csv for 43-4051.00 lists 20; job_zones.csv puts 3
	// of them above zone 3: 41-1012.00 (index 11), 41-3021.00 (16) and
	// 13-1111.00 (18).
	if got, want := len(steps), 17; got != want {
		t.Fatalf("len = %d, want %d", got, want)
	}
	for _, excluded := range []string{"41-1012.00", "41-3021.00", "13-1111.00"} {
		if slices.ContainsFunc(steps, func(s occupation.Step) bool { return s.Code == excluded }) {
			t.Errorf("%s (zone 4) proposed from zone 2", excluded)
		}
	}
	// From one occupation the order is O*NET's: by tier, then index.
	for i := 1; i < len(steps); i++ {
		if steps[i-1].Index >= steps[i].Index || steps[i-1].Tier > steps[i].Tier {
			t.Errorf("step %d (%s, index %d) after index %d", i, steps[i].Code, steps[i].Index, steps[i-1].Index)
		}
	}
	if steps[0].Code != "41-3091.00" || steps[0].From != "43-4051.00" || steps[0].Outlook == nil || steps[0].Wages == nil {
		t.Errorf("first step = %+v", steps[0])
	}
	three, _ := occupation.NextSteps([]string{"43-4051.00"}, 3)
	if !slices.EqualFunc(three, steps[:3], func(a, b occupation.Step) bool { return a.Code == b.Code }) {
		t.Errorf("limit 3 gives %v", three)
	}
}

func TestNextStepsSeveralFrom(t *testing.T) {
	from := []string{"43-4051.00", "43-9021.00"}
	steps, err := occupation.NextSteps(from, 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := make(map[string]bool)
	for i, s := range steps {
		if seen[s.Code] {
			t.Errorf("%s proposed twice", s.Code)
		}
		seen[s.Code] = true
		if i == 0 {
			continue
		}
		p := steps[i-1]
		if p.Tier > s.Tier || p.Tier == s.Tier && p.Index > s.Index {
			t.Errorf("%s (%v %d) after %s (%v %d)", s.Code, s.Tier, s.Index, p.Code, p.Tier, p.Index)
		}
		if p.Tier == s.Tier && p.Index == s.Index && p.Outlook != nil && s.Outlook != nil && p.Outlook.ChangePercent < s.Outlook.ChangePercent {
			t.Errorf("tie on relatedness: %s (%v%%) before %s (%v%%)", p.Code, p.Outlook.ChangePercent, s.Code, s.Outlook.ChangePercent)
		}
	}
	// 43-9061.00 Office Clerks, General is Supplemental 14 of 43-4051.00
	// and Primary-Short 5 of 43-9021.00 (related_occupations.csv): it keeps
	// the closer relation.
	i := slices.IndexFunc(steps, func(s occupation.Step) bool { return s.Code == "43-9061.00" })
	if i < 0 {
		t.Fatal("43-9061.00 missing")
	}
	if s := steps[i]; s.From != "43-9021.00" || s.Tier != occupation.PrimaryShort || s.Index != 5 {
		t.Errorf("43-9061.00 from %s %v %d, want from 43-9021.00 Primary-Short 5", s.From, s.Tier, s.Index)
	}
	// Both tier-1 index-1 candidates come first, the faster-growing first.
	if steps[0].Index != 1 || steps[1].Index != 1 {
		t.Errorf("first two indexes %d, %d, want 1, 1", steps[0].Index, steps[1].Index)
	}
}

func TestNextStepsErrors(t *testing.T) {
	for _, tc := range []struct {
		from []string
		kind crossroads.Kind
	}{
		{nil, crossroads.Invalid},
		{[]string{"call center"}, crossroads.Invalid},
		{[]string{"43-4051.00", "99-9999.00"}, crossroads.NotFound},
	} {
		_, err := occupation.NextSteps(tc.from, 5)
		if err == nil || crossroads.ErrorKind(err) != tc.kind {
			t.Errorf("NextSteps(%q) error = %v, want kind %v", tc.from, err, tc.kind)
		}
	}
}

func TestOutlookValue(t *testing.T) {
	const tol = 1e-12
	for _, tc := range []struct {
		pct, want float64
	}{
		{3.1, 0.5},   // the all-occupations average
		{13.1, 1},    // average + span
		{-6.9, 0},    // average − span
		{50, 1},      // clamped
		{-40, 0},     // clamped
		{-5.5, 0.07}, // customer service representatives
		{6.2, 0.655}, // human resources specialists
		{-25.9, 0},   // data entry keyers
		{0, 0.345},   // no growth is below the average
		{math.Inf(1), 1},
		{math.Inf(-1), 0},
	} {
		if got := occupation.OutlookValue(tc.pct); math.Abs(got-tc.want) > tol {
			t.Errorf("OutlookValue(%v) = %v, want %v", tc.pct, got, tc.want)
		}
	}
	if got := occupation.OutlookValue(math.NaN()); !math.IsNaN(got) {
		t.Errorf("OutlookValue(NaN) = %v, want NaN", got)
	}
	// monotone over the data
	prev := -1.0
	for p := -40.0; p <= 50; p += 0.1 {
		v := occupation.OutlookValue(p)
		if v < prev || v < 0 || v > 1 {
			t.Fatalf("OutlookValue(%v) = %v after %v", p, v, prev)
		}
		prev = v
	}
}
