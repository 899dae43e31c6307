package web

import (
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
)

// allFields returns the paths of every page of the guided editor for c.
func allFields(c *crossroads.Case) []string {
	var out []string
	for _, s := range steps {
		if s.fields != nil {
			out = append(out, s.fields(c)...)
		}
	}
	for i := range c.Opportunities {
		out = append(out, opportunityFields(i)...)
	}
	return out
}

func mustExample(t testing.TB) *crossroads.Case {
	t.Helper()
	c, err := casefile.Parse(examples.MotivatingCase, "example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The forms of every step, filled from the example and read back onto a
// case that holds only what no page edits, give back the example.
func TestFormRoundTrip(t *testing.T) {
	want := mustExample(t)
	fields := allFields(want)
	vals := encodeForm(want, fields)

	got := mustExample(t)
	// Pages edit these; clear them to see that the forms restore them.
	got.Person = crossroads.Person{}
	got.Criteria = crossroads.Criteria{}
	got.Title, got.Notes, got.HorizonMonths, got.Currency = "", nil, 0, ""
	for i := range got.Opportunities {
		id := got.Opportunities[i].ID
		got.Opportunities[i] = crossroads.Opportunity{ID: id}
	}
	if errs := decodeForm(got, vals, fields); len(errs) > 0 {
		t.Fatalf("decodeForm: %v", errs)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip differs (-want +got):\n%s", diff)
	}
}

func TestDecodeForm(t *testing.T) {
	tests := []struct {
		name    string
		fields  []string
		form    url.Values
		check   func(t *testing.T, c *crossroads.Case)
		errPath []string // paths of the expected problems, in order
	}{
		{
			name:   "numbers as people write them",
			fields: needsFields(nil),
			form:   url.Values{"person.monthly_expenses": {" $2,400 "}, "person.savings": {"6 000"}, "person.needs_flexibility": {"8"}},
			check: func(t *testing.T, c *crossroads.Case) {
				if c.Person.MonthlyExpenses != 2400 || c.Person.Savings != 6000 || *c.Person.NeedsFlexibility != 8 {
					t.Errorf("person = %+v", c.Person)
				}
			},
		},
		{
			name:    "not numbers",
			fields:  needsFields(nil),
			form:    url.Values{"person.monthly_expenses": {"a lot"}, "person.savings": {"1e400"}, "person.max_commute_minutes": {"45.5"}},
			errPath: []string{"person.max_commute_minutes", "person.monthly_expenses", "person.savings"},
		},
		{
			name:    "required number left empty",
			fields:  needsFields(nil),
			form:    url.Values{"person.monthly_expenses": {""}},
			errPath: []string{"person.monthly_expenses"},
		},
		{
			name:   "percentages and ranges",
			fields: chanceFields(mustExample(t)),
			form: url.Values{
				"opportunities[1].chance.probability":                    {"50"},
				"opportunities[1].chance.probability.min":                {"30"},
				"opportunities[1].chance.probability.max":                {"70%"},
				"opportunities[0].employment.conversion.probability":     {""},
				"opportunities[0].employment.conversion.probability.min": {"20"},
				"opportunities[0].employment.conversion.probability.max": {"60"},
			},
			check: func(t *testing.T, c *crossroads.Case) {
				if got, want := *c.Opportunities[1].Chance.Probability, crossroads.Range(0.3, 0.5, 0.7); got != want {
					t.Errorf("offer chance = %v, want %v", got, want)
				}
				if got, want := *c.Opportunities[0].Employment.Conversion.Probability, crossroads.Range(0.2, 0.4, 0.6); got != want {
					t.Errorf("conversion = %v, want %v (midpoint of the range)", got, want)
				}
				if c.Opportunities[0].Chance.Probability != nil {
					t.Errorf("chance of an input left out = %v, want nil (the default)", c.Opportunities[0].Chance.Probability)
				}
			},
		},
		{
			name:    "percentage out of range and range without likely",
			fields:  chanceFields(mustExample(t)),
			form:    url.Values{"opportunities[1].chance.probability": {"150"}, "opportunities[0].chance.probability.min": {"10"}},
			errPath: []string{"opportunities[0].chance.probability", "opportunities[1].chance.probability"},
		},
		{
			name:   "rows: blank rows dropped",
			fields: youFields(nil),
			form: url.Values{
				"person.experience[0].field": {"retail"}, "person.experience[0].years": {"2"},
				"person.experience[1].field": {""}, "person.experience[1].years": {""},
				"person.experience[2].field": {"nursing"},
				"person.skills":              {"one\r\n\r\n two \n"},
				"person.single_parent":       {"true"},
			},
			check: func(t *testing.T, c *crossroads.Case) {
				want := []crossroads.Experience{{Field: "retail", Years: 2}, {Field: "nursing"}}
				if diff := cmp.Diff(want, c.Person.Experience); diff != "" {
					t.Errorf("experience (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff([]string{"one", "two"}, c.Person.Skills); diff != "" {
					t.Errorf("skills (-want +got):\n%s", diff)
				}
				if !c.Person.SingleParent {
					t.Error("single_parent not set")
				}
			},
		},
		{
			name:   "unchecked box and cleared field",
			fields: youFields(nil),
			form:   url.Values{"person.name": {""}},
			check: func(t *testing.T, c *crossroads.Case) {
				if c.Person.SingleParent || c.Person.Name != "" || c.Person.Experience != nil {
					t.Errorf("person = %+v, want the step's fields cleared", c.Person)
				}
				if c.Person.MonthlyExpenses != 2400 {
					t.Errorf("monthly_expenses = %v, want 2400 untouched (another step's field)", c.Person.MonthlyExpenses)
				}
			},
		},
		{
			name:   "weights map and yes/no",
			fields: append(priorityFields(nil), "person.goal.wants_growth"),
			form:   url.Values{"criteria.weights.commute": {"9"}, "criteria.weights.growth": {""}, "person.goal.wants_growth": {"false"}},
			check: func(t *testing.T, c *crossroads.Case) {
				if diff := cmp.Diff(map[string]float64{"commute": 9}, c.Criteria.Weights); diff != "" {
					t.Errorf("weights (-want +got):\n%s", diff)
				}
				if w := c.Person.Goal.WantsGrowth; w == nil || *w {
					t.Errorf("wants_growth = %v, want false", w)
				}
			},
		},
		{
			name:    "forged names",
			fields:  append(youFields(nil), "criteria.weights"),
			form:    url.Values{"person.experience[100].field": {"x"}, "person.experience[0].salary": {"1"}, "person": {"x"}, "criteria.weights": {"3"}, "person.name.first": {"x"}, "opportunities[0].name": {"not owned"}},
			errPath: []string{"criteria.weights", "person.experience[0].salary", "person.experience[100].field", "person.name.first"},
		},
		{
			name:   "new opportunity appended",
			fields: opportunityFields(2),
			form:   url.Values{"opportunities[2].name": {"keep looking"}, "opportunities[2].pay.amount": {"40000"}, "opportunities[2].pay.per": {"year"}},
			check: func(t *testing.T, c *crossroads.Case) {
				if len(c.Opportunities) != 3 || c.Opportunities[2].Name != "keep looking" || c.Opportunities[2].Pay.Amount != crossroads.Exactly(40000) {
					t.Errorf("opportunities = %+v", c.Opportunities)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustExample(t)
			errs := decodeForm(c, tt.form, tt.fields)
			var paths []string
			for _, e := range errs {
				paths = append(paths, e.Path)
				if e.Rule == "" {
					t.Errorf("%s: no rule", e.Path)
				}
			}
			if diff := cmp.Diff(tt.errPath, paths); diff != "" {
				t.Errorf("problems (-want +got):\n%s\n%v", diff, errs)
			}
			if tt.check != nil {
				tt.check(t, c)
			}
		})
	}
}

func TestStepOf(t *testing.T) {
	c := mustExample(t)
	tests := []struct {
		path string
		slug string
		opp  int
	}{
		{"person.monthly_expenses", "needs", -1},
		{"person.experience[1].years", "you", -1},
		{"opportunities[1].pay.amount", "opportunities", 1},
		{"opportunities[0].employment.conversion", "chances", -1},
		{"opportunities[1].chance.known_by", "chances", -1},
		{"opportunities", "opportunities", -1},
		{"criteria.weights", "priorities", -1},
		{"criteria.pairwise", "pairwise", -1},
		{"settings.paths", "", -1},
	}
	for _, tt := range tests {
		slug, opp := stepOf(c, tt.path)
		if slug != tt.slug || opp != tt.opp {
			t.Errorf("stepOf(%q) = %q, %d; want %q, %d", tt.path, slug, opp, tt.slug, tt.opp)
		}
	}
}

// FuzzDecodeForm feeds arbitrary input names and values to the decoder of
// every page: it must never panic, and whatever it accepts must encode.
func FuzzDecodeForm(f *testing.F) {
	f.Add("person.monthly_expenses", "2,400")
	f.Add("opportunities[1].chance.probability.min", "30")
	f.Add("person.experience[3].years", "1e3")
	f.Add("criteria.weights.commute", "-1")
	f.Add("opportunities[99].pay.amount", "NaN")
	f.Add("person.goal.wants_growth", "maybe")
	f.Add("as_of", "2026-02-30")
	f.Add("criteria.pairwise.present[0].ratio", "1/3")
	f.Add("person..name", "")
	f.Add("person.experience[-1]", "x")
	f.Fuzz(func(t *testing.T, name, value string) {
		c := mustExample(t)
		fields := append(allFields(c), opportunityFields(len(c.Opportunities))...)
		form := url.Values{name: {value}}
		if i := strings.IndexByte(name, '|'); i >= 0 { // two inputs at once
			form = url.Values{name[:i]: {value}, name[i+1:]: {value}}
		}
		_ = decodeForm(c, form, fields)
		_ = encodeForm(c, fields)
		_ = c.Validate()
		// Whatever the form accepted can be stored and read back.
		doc, err := casefile.Marshal(c, "yaml")
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		if back, err := casefile.ParseDraft(doc, "draft.yaml"); back == nil {
			t.Fatalf("the saved case cannot be read back: %v\n%s", err, doc)
		}
	})
}
