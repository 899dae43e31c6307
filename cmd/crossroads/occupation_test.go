package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/crossroads/crossroads/occupation"
)

// runCLI runs the command line in-process and returns the exit code,
// standard output and standard error.

func TestOccupationSearchText(t *testing.T) {
	code, out, errs := runCmd(t, "", "occupation", "search", "--limit", "3", "call", "center", "representative")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[0], "CODE") || !strings.HasPrefix(lines[1], "43-4051.00  Customer Service Representatives") {
		t.Errorf("first lines = %q", lines[:2])
	}
	if !strings.Contains(lines[1], "Call Center Representative") {
		t.Errorf("line %q lacks the matched title", lines[1])
	}
	if got := len(regexp.MustCompile(`(?m)^[0-9]{2}-[0-9]{4}\.[0-9]{2}  `).FindAllString(out, -1)); got != 3 {
		t.Errorf("%d result lines, want 3:\n%s", got, out)
	}
	if !strings.HasSuffix(out, occupation.Attribution+"\n") {
		t.Errorf("output does not end with the attribution:\n%s", out)
	}
}

func TestOccupationSearchJSON(t *testing.T) {
	code, out, errs := runCmd(t, "", "occupation", "search", "--format", "json", "data entry clerk")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var got struct {
		Query       string
		Matches     []occupation.Match
		Attribution string
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if got.Query != "data entry clerk" || len(got.Matches) != 10 || got.Attribution != occupation.Attribution {
		t.Errorf("query %q, %d matches, attribution %q", got.Query, len(got.Matches), got.Attribution)
	}
	if m := got.Matches[0]; m.Code != "43-9021.00" || m.MatchedTitle != "Data Entry Clerk" {
		t.Errorf("first match %+v, want 43-9021.00 via Data Entry Clerk", m)
	}

	code, out, _ = runCmd(t, "", "occupation", "search", "--format", "json", "xyzzyplugh")
	if code != exitOK || !strings.Contains(out, `"matches": []`) {
		t.Errorf("no match: exit %d, %s", code, out)
	}
}

func TestOccupationShowText(t *testing.T) {
	code, out, errs := runCmd(t, "", "occupation", "show", "43-4051")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		"43-4051.00  Customer Service Representatives",
		"Job zone: Job Zone 1-2: Very Little to Some Preparation Needed",
		// OEWS May 2024 national, 43-4051: A_PCT10, A_PCT25, A_MEDIAN, A_PCT75, A_PCT90, A_MEAN
		"$30,690  $35,970  $42,830  $50,140  $62,730  $45,380",
		// H_PCT10 ... H_MEAN
		"$14.75   $17.29   $20.59   $24.11   $30.16   $21.82",
		// EP 2024–34 Table 1.2, 43-4051
		"-5.5% (-153.7 thousand jobs, 2,814.0 to 2,660.3 thousand)",
		"341.7 thousand a year",
		"High school diploma or equivalent",
		// related_occupations.csv, then OEWS A_MEDIAN 41-9041 and EP change
		"Primary-Short  41-9041.00  Telemarketers",
		"$34,410      -22.1%",
		"Call Center Representative",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if !strings.HasSuffix(out, occupation.Attribution+"\n") {
		t.Errorf("output does not end with the attribution:\n%s", out)
	}
}

func TestOccupationShowTopCoded(t *testing.T) {
	_, out, _ := runCmd(t, "", "occupation", "show", "29-1211.00")
	for _, want := range []string{"≥$239,200", "≥$115.00", "≥: top-coded by BLS"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	_, out, _ = runCmd(t, "", "occupation", "show", "31-1122.00")
	if want := "Figures for 31-1120 Home Health and Personal Care Aides, which includes this occupation."; !strings.Contains(out, want) {
		t.Errorf("output lacks %q", want)
	}
	_, out, _ = runCmd(t, "", "occupation", "show", "55-1011.00")
	if want := "BLS publishes no wages"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q", want)
	}
}

func TestOccupationShowJSON(t *testing.T) {
	code, out, errs := runCmd(t, "", "occupation", "show", "--format", "json", "43-9021.00")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var got struct {
		Code        string
		JobZone     int
		Wages       occupation.Wages
		Outlook     occupation.Outlook
		Related     []occupation.Step
		Attribution string
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	// OEWS May 2024 national 43-9021: A_MEDIAN 39850, H_MEDIAN 19.16;
	// EP 2024–34 Table 1.2: -25.9%, 9.5 thousand openings.
	if got.Code != "43-9021.00" || got.JobZone != 2 ||
		got.Wages.Annual.Median.Cents != 3985000 || got.Wages.Hourly.Median.Cents != 1916 ||
		got.Outlook.ChangePercent != -25.9 || got.Outlook.AnnualOpenings != 9.5 {
		t.Errorf("got %+v", got)
	}
	if len(got.Related) != 20 || got.Related[0].Code != "43-4071.00" || got.Related[0].Wages == nil {
		t.Errorf("related = %+v", got.Related)
	}
	if got.Attribution != occupation.Attribution {
		t.Errorf("attribution = %q", got.Attribution)
	}
}

func TestOccupationErrors(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		exit     int
		inStderr string
	}{
		{[]string{"occupation", "show", "99-9999.00"}, exitInput, `no occupation with code "99-9999.00"`},
		{[]string{"occupation", "show", "call center"}, exitInput, `"call center" is not an O*NET-SOC code`},
		{[]string{"occupation", "show"}, exitUsage, "accepts 1 arg(s), received 0"},
		{[]string{"occupation", "show", "a", "b"}, exitUsage, "accepts 1 arg(s), received 2"},
		{[]string{"occupation", "search"}, exitUsage, "requires at least 1 arg(s)"},
		{[]string{"occupation", "search", "--format", "xml", "clerk"}, exitUsage, `--format "xml": want text or json`},
		{[]string{"occupation", "show", "--format", "yaml", "43-4051"}, exitUsage, `--format "yaml"`},
		{[]string{"occupation", "search", "--limit", "-1", "clerk"}, exitUsage, "--limit -1"},
		{[]string{"occupation", "search", "--limit", "many", "clerk"}, exitUsage, "invalid argument"},
		{[]string{"occupation"}, exitUsage, "missing subcommand"},
		{[]string{"occupation", "list"}, exitUsage, `unknown subcommand "list"`},
	} {
		code, out, errs := runCmd(t, "", tc.args...)
		if code != tc.exit || !strings.Contains(errs, tc.inStderr) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.exit, tc.inStderr)
		}
		if out != "" {
			t.Errorf("%q: stdout %q, want nothing", tc.args, out)
		}
	}
}
