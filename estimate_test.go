package crossroads_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
)

func TestEstimateJSON(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want crossroads.Estimate
		err  string
	}{
		{in: `0.7`, want: crossroads.Exactly(0.7)},
		{in: `2500`, want: crossroads.Exactly(2500)},
		{in: `{"min": 1, "likely": 2, "max": 4}`, want: crossroads.Range(1, 2, 4)},
		{in: `{"min": 1, "likley": 2, "max": 4}`, err: `unknown field "likley"`},
		{in: `"0.7"`, err: "an estimate is a number or"},
		{in: `[1, 2]`, err: "an estimate is a number or"},
	} {
		var e crossroads.Estimate
		err := json.Unmarshal([]byte(tc.in), &e)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want one containing %q", tc.in, err, tc.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tc.in, err)
		case e != tc.want:
			t.Errorf("%s: %+v, want %+v", tc.in, e, tc.want)
		}
		if tc.err == "" {
			b, err := json.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			var back crossroads.Estimate
			if err := json.Unmarshal(b, &back); err != nil || back != e {
				t.Errorf("%s: round trip gave %+v, %v", tc.in, back, err)
			}
		}
	}
}

// TestCaseJSONRoundTrip: a Go client that reads a case from the API with
// encoding/json gets back the case that was written.
func TestCaseJSONRoundTrip(t *testing.T) {
	c, err := casefile.Parse(examples.MotivatingCase, "motivating-case.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var back crossroads.Case
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("reading the case's own JSON: %v", err)
	}
	if d := cmp.Diff(c, &back); d != "" {
		t.Errorf("round trip through encoding/json changed the case (-before +after):\n%s", d)
	}
}
