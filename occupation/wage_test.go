package occupation_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/crossroads/crossroads/occupation"
)

func TestWageString(t *testing.T) {
	for _, tc := range []struct {
		w    occupation.Wage
		want string
	}{
		{occupation.Wage{Cents: 2059, Status: occupation.Published}, "$20.59"},
		{occupation.Wage{Cents: 2380, Status: occupation.Published}, "$23.80"},
		{occupation.Wage{Cents: 4283000, Status: occupation.Published}, "$42,830"},
		{occupation.Wage{Cents: 12654000, Status: occupation.Published}, "$126,540"},
		{occupation.Wage{Cents: 100000000, Status: occupation.Published}, "$1,000,000"},
		{occupation.Wage{Cents: 99999, Status: occupation.Published}, "$999.99"},
		{occupation.Wage{Cents: occupation.TopCodeAnnualCents, Status: occupation.TopCoded}, "at or above $239,200"},
		{occupation.Wage{Cents: occupation.TopCodeHourlyCents, Status: occupation.TopCoded}, "at or above $115.00"},
		{occupation.Wage{}, "not available"},
	} {
		if got := tc.w.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.w, got, tc.want)
		}
	}
}

func TestWageJSON(t *testing.T) {
	for _, tc := range []struct {
		w    occupation.Wage
		json string
	}{
		{occupation.Wage{Cents: 2059, Status: occupation.Published}, `{"status":"published","dollars":20.59,"text":"$20.59"}`},
		{occupation.Wage{Cents: 4283000, Status: occupation.Published}, `{"status":"published","dollars":42830,"text":"$42,830"}`},
		{occupation.Wage{Cents: occupation.TopCodeAnnualCents, Status: occupation.TopCoded}, `{"status":"top-coded","dollars":239200,"text":"at or above $239,200"}`},
		{occupation.Wage{}, `{"status":"not available","text":"not available"}`},
	} {
		b, err := json.Marshal(tc.w)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tc.json {
			t.Errorf("Marshal(%+v) = %s, want %s", tc.w, b, tc.json)
		}
		var back occupation.Wage
		if err := json.Unmarshal(b, &back); err != nil || back != tc.w {
			t.Errorf("Unmarshal(%s) = %+v, %v; want %+v", b, back, err, tc.w)
		}
	}
	for _, bad := range []string{`{"status":"guessed","dollars":1}`, `{"status":"published"}`, `{"status":"published","dollars":-3}`, `[]`} {
		var w occupation.Wage
		if err := json.Unmarshal([]byte(bad), &w); err == nil {
			t.Errorf("Unmarshal(%s) = %+v, want an error", bad, w)
		}
	}
}

func TestAttribution(t *testing.T) {
	for _, want := range []string{
		"O*NET 30.3 Database",
		"Used under the CC BY 4.0 license.",
		"Crossroads has modified all or some of this information.",
		"USDOL/ETA has not approved, endorsed, or tested these modifications.",
		"U.S. Bureau of Labor Statistics",
	} {
		if !strings.Contains(occupation.Attribution, want) {
			t.Errorf("Attribution lacks %q", want)
		}
	}
	if strings.Contains(occupation.Attribution, "[Project name]") {
		t.Error("Attribution still has the placeholder")
	}
}
