package report

import (
	"strings"
	"testing"

	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
	"github.com/crossroads/crossroads/occupation"
)

// On the example, the occupation data says what a coach would: the
// call-centre contract is a foot in the door toward human resources, the
// data-entry job on its own looks like a dead end; and the next steps from
// her own history stay within one job zone of it.
func TestOccupationsOfTheExample(t *testing.T) {
	c, err := casefile.Parse(examples.MotivatingCase, "example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	occ := buildOccupations(c)
	if len(occ.Opportunities) != 2 {
		t.Fatalf("occupations of %d opportunities, want 2", len(occ.Opportunities))
	}
	contract, de := occ.Opportunities[0], occ.Opportunities[1]
	// BLS OEWS May 2024: customer service representatives, median $42,830;
	// EP 2024–34: −5.5%.
	if f := contract.Occupation; f.Code != "43-4051.00" || *f.MedianAnnual != 42830 || *f.ChangePercent != -5.5 {
		t.Errorf("contract occupation = %+v", f)
	}
	if !strings.Contains(contract.Meaning, "foot in the door") || !strings.Contains(contract.Meaning, "Human Resources Specialists") {
		t.Errorf("contract meaning = %q", contract.Meaning)
	}
	// Data entry keyers: median $39,850, −25.9%.
	if f := de.Occupation; *f.MedianAnnual != 39850 || *f.ChangePercent != -25.9 {
		t.Errorf("data-entry occupation = %+v", f)
	}
	if !strings.Contains(de.Meaning, "dead end") {
		t.Errorf("data-entry meaning = %q", de.Meaning)
	}
	if !strings.Contains(de.PayPosition, "median") {
		t.Errorf("data-entry pay position = %q, want near the median", de.PayPosition)
	}
	// Her history is zone 2 (43-4051) and zone 3 (43-4161): next steps up to zone 4.
	if len(occ.NextSteps) == 0 {
		t.Fatal("no next steps")
	}
	for _, s := range occ.NextSteps {
		if s.JobZone > 4 {
			t.Errorf("next step %s is zone %d, above 3 + 1", s.Code, s.JobZone)
		}
	}
	if !strings.Contains(occ.Attribution, "O*NET 30.3") || !strings.Contains(occ.Attribution, "Bureau of Labor Statistics") {
		t.Errorf("attribution = %q", occ.Attribution)
	}
}

// Customer service representatives, OEWS May 2024 annual wages: P10
// $30,690, P25 $35,970, median $42,830, P75 $50,140, P90 $62,730.
func TestPayPosition(t *testing.T) {
	csr, ok := occupation.Lookup("43-4051.00")
	if !ok {
		t.Fatal("43-4051.00 not found")
	}
	tests := []struct {
		annual float64
		want   string
	}{
		{25000, "below the 10th percentile"},
		{33000, "lowest quarter"},
		{42830, "close to the national median"},
		{48000, "middle half"},
		{60000, "top quarter"},
		{90000, "above the 90th percentile"},
	}
	for _, tt := range tests {
		if got := payPosition(tt.annual, csr.Wages); !strings.Contains(got, tt.want) {
			t.Errorf("payPosition(%v) = %q, want %q", tt.annual, got, tt.want)
		}
	}
	if got := payPosition(40000, nil); got != "" {
		t.Errorf("payPosition without wages = %q, want nothing", got)
	}
}

// A case without essential expenses still gives a report that encodes as
// JSON (no infinite ratios).
func TestNoExpensesEncodes(t *testing.T) {
	src := strings.Replace(string(examples.MotivatingCase), "monthly_expenses: 2400", "monthly_expenses: 0", 1)
	c, err := casefile.Parse([]byte(src), "example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(c, Options{Paths: 500})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.WriteJSON(&b); err != nil {
		t.Fatalf("WriteJSON: %v", err)
	}
}
