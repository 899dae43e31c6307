package build

import (
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/crossroads/crossroads/occupation/internal/wire"
)

func TestParseDecimal(t *testing.T) {
	for _, tc := range []struct {
		s      string
		places int
		want   int64
		ok     bool
	}{
		{"20.59", 2, 2059, true},
		{"23.8", 2, 2380, true},
		{"20", 2, 2000, true},
		{"-153.7", 1, -1537, true},
		{"2814", 1, 28140, true},
		{"0", 1, 0, true},
		{"42830", 0, 42830, true},
		{"1.234", 2, 0, false},
		{"1.5", 0, 0, false},
		{"", 1, 0, false},
		{"-", 1, 0, false},
		{".5", 1, 0, false},
		{"5.", 1, 0, false},
		{"1e3", 1, 0, false},
		{"1,000", 0, 0, false},
		{"+5", 1, 0, false},
		{"--5", 1, 0, false},
		{"99999999999999999999", 0, 0, false},
	} {
		got, err := parseDecimal(tc.s, tc.places)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseDecimal(%q, %d) = %d, %v; want %d, ok %v", tc.s, tc.places, got, err, tc.want, tc.ok)
		}
	}
}

// sourceFS loads the real source files into memory so that tests can break
// one of them.
func sourceFS(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, name := range []string{OccupationFile, JobZoneFile, ZoneRefFile, RelatedFile, TitlesFile, OEWSFile, EPFile} {
		b, err := fs.ReadFile(os.DirFS("../../data"), name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: b}
	}
	return m
}

// replace changes the first occurrence of old in file name, and fails the
// test when there is none.
func replace(t *testing.T, m fstest.MapFS, name, old, new string) {
	t.Helper()
	s := string(m[name].Data)
	if !strings.Contains(s, old) {
		t.Fatalf("%s lacks %q", name, old)
	}
	m[name] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}

func TestBuildErrors(t *testing.T) {
	for _, tc := range []struct {
		name      string
		file      string
		old, new  string
		wantError string
	}{
		{"bad hourly wage", OEWSFile, ",43-4051,Customer Service Representatives,detailed,2725930,0.4,,,,,21.82,", ",43-4051,Customer Service Representatives,detailed,2725930,0.4,,,,,21.825,",
			`column "H_MEAN": value "21.825": want a wage above 0 with at most 2 decimals, * or #`},
		{"annual wage with cents", OEWSFile, "43-4051,Customer Service Representatives,detailed,2725930,0.4,,,,,21.82,45380,", "43-4051,Customer Service Representatives,detailed,2725930,0.4,,,,,21.82,45380.5,",
			`column "A_MEAN": value "45380.5"`},
		{"employment not a number", OEWSFile, "Customer Service Representatives,detailed,2725930,", "Customer Service Representatives,detailed,n/a,",
			`column "TOT_EMP": value "n/a"`},
		{"state row", OEWSFile, "\n99,U.S.,1,US,000000,Cross-industry,cross-industry,1235,43-4051,", "\n06,California,2,CA,000000,Cross-industry,cross-industry,1235,43-4051,",
			`column "AREA": value "06": want 99`},
		{"missing column", OEWSFile, "A_MEDIAN", "A_MEDIAN_X", `missing column "A_MEDIAN"`},
		{"percent with two decimals", EPFile, "2814,2660.3,1.7,1.5,-153.7,-5.5,", "2814,2660.3,1.7,1.5,-153.7,-5.55,",
			`column "Employment change, percent, 2024–34": value "-5.55": want a number with at most one decimal`},
		{"unknown occupation type", EPFile, "Customer service representatives,43-4051,Line item,", "Customer service representatives,43-4051,Detail,",
			`column "Occupation type": value "Detail"`},
		{"bad tier", RelatedFile, "Telemarketers,Primary-Short,2", "Telemarketers,Primary,2",
			`column "Relatedness Tier": value "Primary"`},
		{"related title differs", RelatedFile, "43-4051.00,Customer Service Representatives,41-9041.00,Telemarketers,", "43-4051.00,Customer Service Representatives,41-9041.00,Telemarketer,",
			`column "Related Title": value "Telemarketer": title differs`},
		{"unknown related code", RelatedFile, "43-4051.00,Customer Service Representatives,41-9041.00,", "43-4051.00,Customer Service Representatives,41-9049.00,",
			`column "Related O*NET-SOC Code": value "41-9049.00": not an occupation`},
		{"job zone 1", JobZoneFile, "43-9021.00,Data Entry Keyers,2,", "43-9021.00,Data Entry Keyers,1,",
			`column "Job Zone": value "1": not a zone of job_zone_reference.csv`},
		{"My Next Move flag", TitlesFile, "Data Entry Clerk,Y", "Data Entry Clerk,yes",
			`column "Shown in My Next Move": value "yes": want Y or N`},
		{"bad code", OccupationFile, "43-4051.00,Customer", "43-4051,Customer",
			`column "O*NET-SOC Code": value "43-4051": want an O*NET-SOC code`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := sourceFS(t)
			replace(t, m, tc.file, tc.old, tc.new)
			_, err := Build(m)
			if err == nil {
				t.Fatalf("Build: no error, want %q", tc.wantError)
			}
			if !strings.Contains(err.Error(), tc.wantError) {
				t.Errorf("Build error = %q, want it to contain %q", err, tc.wantError)
			}
		})
	}
}

// TestBuildNeedlessGroup adds a row for a code that BLSGroups maps to a
// group: the generator must ask for the entry to be removed.
func TestBuildNeedlessGroup(t *testing.T) {
	m := sourceFS(t)
	data := string(m[OEWSFile].Data)
	for _, l := range strings.Split(data, "\n") {
		if strings.Contains(l, ",31-1120,Home Health and Personal Care Aides,detailed,") {
			data += strings.Replace(l, ",31-1120,", ",31-1122,", 1) + "\n"
		}
	}
	m[OEWSFile] = &fstest.MapFile{Data: []byte(data)}
	_, err := Build(m)
	if want := "31-1122 is published by BLS itself"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Build error = %v, want %q", err, want)
	}
}

func TestBuildErrorNamesLine(t *testing.T) {
	m := sourceFS(t)
	replace(t, m, OEWSFile, ",43-9021,Data Entry Keyers,detailed,135280,2,,,,,20.22,", ",43-9021,Data Entry Keyers,detailed,135280,2,,,,,x,")
	_, err := Build(m)
	// the line of 43-9021 in bls_oews_national_may2024.csv
	lines := strings.Split(string(m[OEWSFile].Data), "\n")
	line := 0
	for i, l := range lines {
		if strings.Contains(l, ",43-9021,") {
			line = i + 1
		}
	}
	want := OEWSFile + ":" + strconv.Itoa(line) + `: column "H_MEAN": value "x"`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %v, want prefix %q", err, want)
	}
}

func TestBuildDeterministic(t *testing.T) {
	m := sourceFS(t)
	a, err := File(m)
	if err != nil {
		t.Fatal(err)
	}
	b, err := File(m)
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) {
		t.Fatal("two builds differ")
	}
	// The gzip header has no name and no modification time.
	if a[0] != 0x1f || a[1] != 0x8b || a[4]|a[5]|a[6]|a[7] != 0 || a[3] != 0 {
		t.Errorf("gzip header % x, want no flags and a zero mtime", a[:10])
	}
	d, err := wire.Decode(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Occupations) != 1016 {
		t.Errorf("decoded %d occupations, want 1016", len(d.Occupations))
	}
}

func TestDecodeRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"not gzip", []byte("{}")},
		{"wrong version", mustCompress(t, `{"version":99}`)},
		{"unknown field", mustCompress(t, `{"version":1,"extra":true}`)},
		{"bad json", mustCompress(t, `{"version":`)},
	} {
		if _, err := wire.Decode(tc.data); err == nil {
			t.Errorf("%s: Decode succeeded", tc.name)
		}
	}
}

func mustCompress(t *testing.T, s string) []byte {
	t.Helper()
	b, err := wire.Compress([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
