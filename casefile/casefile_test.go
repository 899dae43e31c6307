package casefile_test

import (
	"bytes"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func mustParse(t *testing.T, data []byte) *crossroads.Case {
	t.Helper()
	c, err := casefile.Parse(data, "case")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestExampleParses(t *testing.T) {
	c := mustParse(t, examples.MotivatingCase)
	if got, want := len(c.Opportunities), 2; got != want {
		t.Fatalf("opportunities = %d, want %d", got, want)
	}
	contract := c.Opportunity("contract")
	if contract == nil || contract.Employment.Months != 3 || contract.Benefits.HasHealth(true) {
		t.Errorf("contract = %+v, want a 3-month contract without health benefits", contract)
	}
	if got := contract.Pay.Annual(); math.Abs(got-20.59*2080) > 1e-9 {
		t.Errorf("contract annual pay = %v, want %v (hourly × 2,080)", got, 20.59*2080)
	}
	de := c.Opportunity("data-entry")
	if de == nil || !de.Pending() || de.OfferProbability().Mean() != 0.5 {
		t.Errorf("data-entry = %+v, want a pending opportunity with a 50%% chance", de)
	}
}

// Marshal and Parse are inverse, in YAML and in JSON, and the two formats
// decode to the same case.
func TestRoundTrip(t *testing.T) {
	want := mustParse(t, examples.MotivatingCase)
	for _, format := range []string{"yaml", "json"} {
		t.Run(format, func(t *testing.T) {
			data, err := casefile.Marshal(want, format)
			if err != nil {
				t.Fatal(err)
			}
			if got := casefile.IsJSON(data); got != (format == "json") {
				t.Errorf("IsJSON = %v", got)
			}
			got := mustParse(t, data)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("round trip changed the case (-want +got):\n%s", diff)
			}
		})
	}
}

// Each broken case file in testdata/broken is refused with the messages in
// its golden file: every problem at once, with line and column.
func TestBrokenCases(t *testing.T) {
	files, err := filepath.Glob("testdata/broken/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	jsonFiles, _ := filepath.Glob("testdata/broken/*.json")
	files = append(files, jsonFiles...)
	if len(files) == 0 {
		t.Fatal("no broken cases")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, err = casefile.Parse(data, filepath.Base(file))
			var ve *crossroads.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Parse error = %v, want a *ValidationError", err)
			}
			if crossroads.ErrorKind(err) != crossroads.Invalid {
				t.Errorf("kind = %v, want invalid", crossroads.ErrorKind(err))
			}
			got := []byte(err.Error() + "\n")
			golden := file + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./casefile -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("messages differ from %s (-want +got):\n%s", golden, cmp.Diff(string(want), string(got)))
			}
			for _, fe := range ve.Errors {
				if fe.Line == 0 {
					t.Errorf("%s: no line number", fe)
				}
			}
		})
	}
}

// Small edits of the example, each with the one message it must produce.
func TestValidationRules(t *testing.T) {
	base := string(examples.MotivatingCase)
	tests := []struct {
		name, from, to, want string
	}{
		{"respond_by after start", "      probability: 1\n", "      probability: 1\n      respond_by: 2027-01-05\n", "opportunities[0].chance.respond_by: 2027-01-05: must be before the start date 2026-12-21"},
		{"known_by after start", "known_by: 2026-12-14", "known_by: 2027-02-01", "opportunities[1].chance.known_by: 2027-02-01: must not be after the start date 2027-01-04"},
		{"interview before as_of", "interview_date: 2026-12-02", "interview_date: 2026-11-01", "opportunities[1].chance.interview_date: 2026-11-01: is before the case's as_of date 2026-11-23"},
		{"duplicate id", "  - id: data-entry", "  - id: contract", `opportunities[1].id: "contract": is already the id of opportunities[0]`},
		{"contract without length", "      months: 3\n      extension:", "      extension:", "opportunities[0].employment.months: is required for a contract"},
		{"conversion on a permanent job", "      type: permanent\n", "      type: permanent\n      conversion: {probability: 0.5}\n", "opportunities[1].employment.conversion: applies only to a contract or temp_to_hire job"},
		{"unknown weight", "    commute: 8", "    comute: 8", `criteria.weights.comute: 8: is not a criterion`},
		{"weight out of range", "    commute: 8", "    commute: 12", "criteria.weights.commute: 12: must be a rating between 0 and 10"},
		{"all present weights zero", "    commute: 8               # the school run\n    benefits: 8              # a parent and child without employer coverage\n", "    take_home: 0\n    benefits: 0\n    commute: 0\n    flexibility: 0\n    first_paycheck: 0\n    security: 0\n    enjoyment: 0\n", "every present criterion has weight 0"},
		{"range out of order", "{min: 0.3, likely: 0.5, max: 0.7}\n        role", "{min: 0.6, likely: 0.5, max: 0.7}\n        role", "a range needs min ≤ likely ≤ max"},
		{"yes is not a boolean", "single_parent: true", "single_parent: yes", `person.single_parent: "yes": must be true or false`},
		{"money too large", "savings: 6000", "savings: 1e200", "person.savings: 1e+200: must be at most 1,000,000,000,000"},
		{"quoted number", "savings: 6000", `savings: "6,000"`, `person.savings: "6,000": must be a number`},
		{"typo suggestion", "  savings: 6000", "  saving: 6000", `person.saving: is not a field here; did you mean "savings"?`},
		{"pay per hour that looks yearly", "amount: 20.59", "amount: 41000", "looks like a yearly amount"},
		{"balance above 1", "balance: 0.5", "balance: 1.5", "criteria.balance: 1.5: must be a probability between 0 and 1"},
		{"pairwise incomplete", "  weighting: direct", "  weighting: pairwise\n  pairwise:\n    present:\n      - [take_home, benefits, 3]", "criteria.pairwise.present: misses"},
		{"pairwise bad ratio", "  weighting: direct", "  weighting: pairwise\n  pairwise:\n    present:\n      - [take_home, benefits, 1/0]", `criteria.pairwise.present[0].ratio: "1/0": "1/0" divides by zero`},
		{"offer with a chance below 1", "status: accepted", "status: offer", ""},
		{"custom criterion unrated", "  method: wsm", "  method: wsm\n  custom:\n    - {id: team, name: Team, group: present}", "opportunities[0].ratings: has no rating for the custom criterion \"team\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(base, tt.from) {
				t.Fatalf("example has no %q", tt.from)
			}
			_, err := casefile.Parse([]byte(strings.Replace(base, tt.from, tt.to, 1)), "case.yaml")
			if tt.want == "" {
				if err != nil {
					t.Errorf("Parse: %v, want no error", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParseDraft(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		wantCase bool // a case comes back
		wantErrs int  // number of problems listed
	}{
		{"valid", string(examples.MotivatingCase), true, 0},
		{"incomplete", "as_of: 2026-11-23\nperson:\n  name: Dana\n  savings: 6000\n", true, 2},
		{"wrong type", "as_of: 2026-11-23\nperson:\n  savings: lots\n", true, 3},
		{"syntax", "person: [", false, 1},
		{"empty", "", false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := casefile.ParseDraft([]byte(tt.data), "draft.yaml")
			if got := c != nil; got != tt.wantCase {
				t.Fatalf("case returned = %v, want %v (err %v)", got, tt.wantCase, err)
			}
			var ve *crossroads.ValidationError
			switch {
			case tt.wantErrs == 0 && err != nil:
				t.Fatalf("err = %v, want nil", err)
			case tt.wantErrs > 0 && !errors.As(err, &ve):
				t.Fatalf("err = %v, want a *ValidationError", err)
			case tt.wantErrs > 0 && len(ve.Errors) != tt.wantErrs:
				t.Errorf("%d problems, want %d:\n%v", len(ve.Errors), tt.wantErrs, err)
			}
			if tt.name == "incomplete" && (c.Person.Name != "Dana" || c.Person.Savings != 6000) {
				t.Errorf("person = %+v, want the fields that were given", c.Person)
			}
			pc, perr := casefile.Parse([]byte(tt.data), "draft.yaml")
			if (perr == nil) != (err == nil) || (perr != nil && pc != nil) {
				t.Errorf("Parse = %v, %v; want nil case and the same error as ParseDraft", pc, perr)
			}
		})
	}
}
