package occupation_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crossroads/crossroads/occupation"
	"github.com/crossroads/crossroads/occupation/internal/build"
	"github.com/crossroads/crossroads/occupation/internal/wire"
)

// TestDatasetUpToDate regenerates the dataset from data/ and compares it
// with the committed occupations.json.gz. The uncompressed JSON is
// compared, so that a change in the compressor of a future Go release does
// not count as stale data.
func TestDatasetUpToDate(t *testing.T) {
	want, err := build.JSON(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	gz, err := os.ReadFile("occupations.json.gz")
	if err != nil {
		t.Fatal(err)
	}
	got, err := wire.Decompress(gz)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("occupations.json.gz is stale: run go generate ./occupation")
	}
}

func TestCodes(t *testing.T) {
	codes := occupation.Codes()
	// occupation_data.csv of O*NET 30.3 has 1,016 rows.
	if got, want := len(codes), 1016; got != want {
		t.Fatalf("len(Codes()) = %d, want %d", got, want)
	}
	for _, c := range codes {
		o, ok := occupation.Lookup(c)
		if !ok || o.Code != c {
			t.Fatalf("Lookup(%q) = %q, %v", c, o.Code, ok)
		}
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		code string
		want string // "" for not found
	}{
		{"43-4051.00", "43-4051.00"},
		{"43-4051", "43-4051.00"},
		{" 43-9021 ", "43-9021.00"},
		{"29-1141.03", "29-1141.03"},
		{"43-4051.99", ""},
		{"43-40", ""},
		{"434051", ""},
		{"", ""},
		{"ab-cdef.gh", ""},
	} {
		o, ok := occupation.Lookup(tc.code)
		if got := o.Code; got != tc.want || ok != (tc.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.code, got, ok, tc.want)
		}
	}
}

func TestLookupReturnsCopy(t *testing.T) {
	a, _ := occupation.Lookup("43-4051.00")
	a.Related[0].Code = "changed"
	a.Wages.Employment = -5
	a.ReportedTitles[0] = "changed"
	b, _ := occupation.Lookup("43-4051.00")
	if b.Related[0].Code == "changed" || b.Wages.Employment == -5 || b.ReportedTitles[0] == "changed" {
		t.Fatal("changing a Lookup result changed the dataset")
	}
}

// usd makes a published wage from cents.
func usd(cents int64) occupation.Wage {
	return occupation.Wage{Cents: cents, Status: occupation.Published}
}

// TestPublishedFigures checks that figures come out exactly as BLS
// published them.
func TestPublishedFigures(t *testing.T) {
	for _, tc := range []struct {
		code    string
		title   string
		zone    int
		wages   occupation.Wages
		outlook occupation.Outlook
	}{
		{
			code: "43-4051.00", title: "Customer Service Representatives",
			zone: 2, // job_zones.csv: 43-4051.00 ... 2 ("Job Zone 1-2")
			// OEWS May 2024 national, bls_oews_national_may2024.csv, OCC_CODE 43-4051
			wages: occupation.Wages{
				SOCCode: "43-4051", SOCTitle: "Customer Service Representatives",
				Employment: 2725930,
				HourlyMean: usd(2182), AnnualMean: usd(4538000),
				Hourly: occupation.Percentiles{P10: usd(1475), P25: usd(1729), Median: usd(2059), P75: usd(2411), P90: usd(3016)},
				Annual: occupation.Percentiles{P10: usd(3069000), P25: usd(3597000), Median: usd(4283000), P75: usd(5014000), P90: usd(6273000)},
				Source: occupation.WagesSource,
			},
			// EP 2024–34 Table 1.2, bls_ep_2024_34_table_1_2_occupational_projections.csv, 43-4051
			outlook: occupation.Outlook{
				SOCCode: "43-4051", SOCTitle: "Customer service representatives",
				Employment2024: 2814, Employment2034: 2660.3, Change: -153.7, ChangePercent: -5.5, AnnualOpenings: 341.7,
				Education: "High school diploma or equivalent", Experience: "None", Training: "Short-term on-the-job training",
				Source: occupation.OutlookSource,
			},
		},
		{
			code: "43-9021.00", title: "Data Entry Keyers",
			zone: 2, // job_zones.csv: 43-9021.00 ... 2
			// OEWS May 2024 national, OCC_CODE 43-9021
			wages: occupation.Wages{
				SOCCode: "43-9021", SOCTitle: "Data Entry Keyers",
				Employment: 135280,
				HourlyMean: usd(2022), AnnualMean: usd(4207000),
				Hourly: occupation.Percentiles{P10: usd(1447), P25: usd(1678), Median: usd(1916), P75: usd(2272), P90: usd(2737)},
				Annual: occupation.Percentiles{P10: usd(3010000), P25: usd(3490000), Median: usd(3985000), P75: usd(4726000), P90: usd(5693000)},
				Source: occupation.WagesSource,
			},
			// EP 2024–34 Table 1.2, 43-9021
			outlook: occupation.Outlook{
				SOCCode: "43-9021", SOCTitle: "Data entry keyers",
				Employment2024: 141.6, Employment2034: 104.9, Change: -36.7, ChangePercent: -25.9, AnnualOpenings: 9.5,
				Education: "High school diploma or equivalent", Experience: "None", Training: "Short-term on-the-job training",
				Source: occupation.OutlookSource,
			},
		},
		{
			code: "13-1071.00", title: "Human Resources Specialists",
			zone: 4, // job_zones.csv: 13-1071.00 ... 4
			// OEWS May 2024 national, OCC_CODE 13-1071
			wages: occupation.Wages{
				SOCCode: "13-1071", SOCTitle: "Human Resources Specialists",
				Employment: 917460,
				HourlyMean: usd(3833), AnnualMean: usd(7973000),
				Hourly: occupation.Percentiles{P10: usd(2185), P25: usd(2686), Median: usd(3505), P75: usd(4677), P90: usd(6084)},
				Annual: occupation.Percentiles{P10: usd(4544000), P25: usd(5587000), Median: usd(7291000), P75: usd(9727000), P90: usd(12654000)},
				Source: occupation.WagesSource,
			},
			// EP 2024–34 Table 1.2, 13-1071
			outlook: occupation.Outlook{
				SOCCode: "13-1071", SOCTitle: "Human resources specialists",
				Employment2024: 944.3, Employment2034: 1002.7, Change: 58.4, ChangePercent: 6.2, AnnualOpenings: 81.8,
				Education: "Bachelor's degree", Experience: "None", Training: "None",
				Source: occupation.OutlookSource,
			},
		},
	} {
		t.Run(tc.code, func(t *testing.T) {
			o, ok := occupation.Lookup(tc.code)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tc.code)
			}
			if o.Title != tc.title {
				t.Errorf("Title = %q, want %q", o.Title, tc.title)
			}
			if o.JobZone != tc.zone {
				t.Errorf("JobZone = %d, want %d", o.JobZone, tc.zone)
			}
			if o.Wages == nil || o.Outlook == nil {
				t.Fatalf("Wages = %v, Outlook = %v; want both", o.Wages, o.Outlook)
			}
			if diff := cmp.Diff(tc.wages, *o.Wages); diff != "" {
				t.Errorf("Wages (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.outlook, *o.Outlook); diff != "" {
				t.Errorf("Outlook (-want +got):\n%s", diff)
			}
		})
	}
}

func TestJobZones(t *testing.T) {
	// job_zone_reference.csv of O*NET 30.3: zones 1 and 2 merged as 2.
	want := []occupation.JobZone{
		{Zone: 2, Name: "Job Zone 1-2: Very Little to Some Preparation Needed"},
		{Zone: 3, Name: "Job Zone Three: Medium Preparation Needed"},
		{Zone: 4, Name: "Job Zone Four: Considerable Preparation Needed"},
		{Zone: 5, Name: "Job Zone Five: Extensive Preparation Needed"},
	}
	if diff := cmp.Diff(want, occupation.JobZones()); diff != "" {
		t.Errorf("JobZones (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		code string
		zone int
		name string
	}{
		// job_zones.csv
		{"43-4051.00", 2, want[0].Name},
		{"43-9021.00", 2, want[0].Name},
		{"13-1071.00", 4, want[2].Name},
		{"11-1011.00", 5, want[3].Name},
		{"43-1011.00", 3, want[1].Name},
		{"11-9199.00", 0, ""}, // "Managers, All Other": no job zone in 30.3
	} {
		o, _ := occupation.Lookup(tc.code)
		if o.JobZone != tc.zone || o.JobZoneName != tc.name {
			t.Errorf("%s: zone %d %q, want %d %q", tc.code, o.JobZone, o.JobZoneName, tc.zone, tc.name)
		}
	}
}

func TestRelatedOfCustomerService(t *testing.T) {
	o, _ := occupation.Lookup("43-4051.00")
	// related_occupations.csv, the first rows of 43-4051.00
	want := []occupation.Relation{
		{Code: "41-3091.00", Title: "Sales Representatives of Services, Except Advertising, Insurance, Financial Services, and Travel", Tier: occupation.PrimaryShort, Index: 1},
		{Code: "41-9041.00", Title: "Telemarketers", Tier: occupation.PrimaryShort, Index: 2},
		{Code: "43-9041.00", Title: "Insurance Claims and Policy Processing Clerks", Tier: occupation.PrimaryShort, Index: 3},
		{Code: "43-4041.00", Title: "Credit Authorizers, Checkers, and Clerks", Tier: occupation.PrimaryShort, Index: 4},
		{Code: "43-4141.00", Title: "New Accounts Clerks", Tier: occupation.PrimaryShort, Index: 5},
		{Code: "43-4171.00", Title: "Receptionists and Information Clerks", Tier: occupation.PrimaryLong, Index: 6},
	}
	if len(o.Related) != 20 {
		t.Fatalf("len(Related) = %d, want 20", len(o.Related))
	}
	if diff := cmp.Diff(want, o.Related[:len(want)]); diff != "" {
		t.Errorf("Related (-want +got):\n%s", diff)
	}
	// The last one: Cashiers, Supplemental, 20.
	if got, want := o.Related[19], (occupation.Relation{Code: "41-2011.00", Title: "Cashiers", Tier: occupation.Supplemental, Index: 20}); got != want {
		t.Errorf("Related[19] = %+v, want %+v", got, want)
	}

	steps, ok := occupation.Related("43-4051")
	if !ok || len(steps) != 20 {
		t.Fatalf("Related(43-4051) = %d steps, %v; want 20", len(steps), ok)
	}
	for i, s := range steps {
		if s.Code != o.Related[i].Code || s.From != "43-4051.00" || s.Index != i+1 {
			t.Errorf("step %d = %s from %s index %d", i, s.Code, s.From, s.Index)
		}
	}
	// Telemarketers, OEWS May 2024 national A_MEDIAN of 41-9041: 34410.
	if got := steps[1].Wages.Annual.Median; got != usd(3441000) {
		t.Errorf("Telemarketers median = %v, want $34,410", got)
	}
	if _, ok := occupation.Related("99-9999.00"); ok {
		t.Error("Related(99-9999.00) found")
	}
}

func TestTopCodedAndNotAvailable(t *testing.T) {
	// OEWS May 2024 national, 29-1211 Anesthesiologists: H_MEDIAN "#",
	// A_PCT25 186680, A_MEDIAN "#".
	a, _ := occupation.Lookup("29-1211.00")
	if got, want := a.Wages.Annual.Median, (occupation.Wage{Cents: occupation.TopCodeAnnualCents, Status: occupation.TopCoded}); got != want {
		t.Errorf("anesthesiologists annual median = %+v, want %+v", got, want)
	}
	if got, want := a.Wages.Annual.Median.String(), "at or above $239,200"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := a.Wages.Hourly.Median.String(), "at or above $115.00"; got != want {
		t.Errorf("hourly String() = %q, want %q", got, want)
	}
	if got := a.Wages.Annual.P25; got != usd(18668000) {
		t.Errorf("annual P25 = %v, want $186,680", got)
	}
	if a.Wages.Annual.Median.Known() {
		t.Error("a top-coded wage counts as known")
	}

	// 27-2011 Actors: only hourly wages; A_MEAN and the annual
	// percentiles are "*"; H_MEDIAN 23.33.
	b, _ := occupation.Lookup("27-2011.00")
	if !b.Wages.HourlyOnly || b.Wages.AnnualOnly {
		t.Errorf("actors HourlyOnly, AnnualOnly = %v, %v; want true, false", b.Wages.HourlyOnly, b.Wages.AnnualOnly)
	}
	if got := b.Wages.Annual.Median; got.Status != occupation.NotAvailable || got.Cents != 0 || got.String() != "not available" {
		t.Errorf("actors annual median = %+v %q, want not available", got, got)
	}
	if got := b.Wages.Hourly.Median; got != usd(2333) {
		t.Errorf("actors hourly median = %v, want $23.33", got)
	}
}

func TestWiderFigures(t *testing.T) {
	for _, tc := range []struct {
		code, soc string
		wider     bool
		outlook   bool
	}{
		{"43-4051.00", "43-4051", false, true},
		{"29-1141.03", "29-1141", true, true},  // detail occupation: SOC parent Registered Nurses
		{"31-1122.00", "31-1120", true, true},  // Personal Care Aides: OEWS/EP publish Home Health and Personal Care Aides
		{"21-1014.00", "21-1018", true, true},  // Mental Health Counselors
		{"53-1043.00", "53-1047", true, true},  // an OEWS-specific combination
		{"55-1011.00", "", false, false},       // military: no BLS figures
		{"45-3031.00", "45-3031", false, true}, // fishing and hunting workers: EP only
	} {
		o, _ := occupation.Lookup(tc.code)
		if tc.outlook != (o.Outlook != nil) {
			t.Errorf("%s: Outlook = %v, want present %v", tc.code, o.Outlook, tc.outlook)
			continue
		}
		if o.Outlook != nil && (o.Outlook.SOCCode != tc.soc || o.Outlook.Wider != tc.wider) {
			t.Errorf("%s: outlook from %s wider %v, want %s %v", tc.code, o.Outlook.SOCCode, o.Outlook.Wider, tc.soc, tc.wider)
		}
		if tc.code == "45-3031.00" || tc.soc == "" {
			if o.Wages != nil {
				t.Errorf("%s: Wages = %+v, want nil (not in OEWS)", tc.code, o.Wages)
			}
			continue
		}
		if o.Wages == nil || o.Wages.SOCCode != tc.soc || o.Wages.Wider != tc.wider {
			t.Errorf("%s: wages %+v, want from %s wider %v", tc.code, o.Wages, tc.soc, tc.wider)
		}
	}
	// Home Health and Personal Care Aides, OEWS May 2024 national,
	// A_MEDIAN 34900; EP 2024–34 percent change 17.
	o, _ := occupation.Lookup("31-1121.00")
	if o.Wages.Annual.Median != usd(3490000) || o.Outlook.ChangePercent != 17 {
		t.Errorf("31-1121.00: median %v, change %v%%; want $34,900, 17%%", o.Wages.Annual.Median, o.Outlook.ChangePercent)
	}
}

func TestCoverage(t *testing.T) {
	// Every occupation outside the military (55-) has an outlook, and
	// every one but fishing and hunting workers has wages.
	for _, c := range occupation.Codes() {
		o, _ := occupation.Lookup(c)
		military := strings.HasPrefix(c, "55-")
		if military != (o.Outlook == nil) {
			t.Errorf("%s: outlook present %v", c, o.Outlook != nil)
		}
		if (military || c == "45-3031.00") != (o.Wages == nil) {
			t.Errorf("%s: wages present %v", c, o.Wages != nil)
		}
	}
}

func TestAllOccupationsChangePercent(t *testing.T) {
	d, err := build.Build(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	if got := float64(d.AllChangeTenths) / 10; got != occupation.AllOccupationsChangePercent {
		t.Errorf("EP Table 1.2 all occupations change = %v%%, constant says %v%%", got, occupation.AllOccupationsChangePercent)
	}
}

func TestOccupationJSON(t *testing.T) {
	o, _ := occupation.Lookup("29-1211.00")
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"code":"29-1211.00"`,
		`"median":{"status":"top-coded","dollars":239200,"text":"at or above $239,200"}`,
		`"tier":"Primary-Short"`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	var back occupation.Occupation
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(o, back); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
}
