// Package build reads the O*NET 30.3 and BLS source files kept in
// occupation/data and turns them into the embedded occupation dataset (see
// package wire for the format). It checks every value it uses and reports a
// bad one with its file, line, column and value.
package build

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/crossroads/crossroads/occupation/internal/wire"
)

// Source file names, as published.
const (
	OccupationFile = "occupation_data.csv"
	JobZoneFile    = "job_zones.csv"
	ZoneRefFile    = "job_zone_reference.csv"
	RelatedFile    = "related_occupations.csv"
	TitlesFile     = "sample_of_reported_titles.csv"
	OEWSFile       = "bls_oews_national_may2024.csv"
	EPFile         = "bls_ep_2024_34_table_1_2_occupational_projections.csv"
)

// Tiers lists the O*NET relatedness tiers in order of closeness; a tier's
// position is its number in the wire format.
var Tiers = []string{"Primary-Short", "Primary-Long", "Supplemental"}

// BLSGroups maps the SOC code of an O*NET occupation that BLS does not
// publish on its own to the BLS code whose figures cover it. OEWS and EP
// publish these as "an OEWS-specific combination of detailed occupations" or
// as the SOC broad occupation (OEWS May 2024 field descriptions, o_group);
// the members are read from the titles of the BLS rows and the SOC 2018
// structure. Build fails if an entry is not needed or its target is missing,
// so the list cannot silently go stale.
var BLSGroups = map[string]string{
	"13-1021": "13-1020", // Buyers and Purchasing Agents
	"13-1022": "13-1020",
	"13-1023": "13-1020",
	"13-2022": "13-2020", // Property Appraisers and Assessors
	"13-2023": "13-2020",
	"21-1011": "21-1018", // Substance Abuse, Behavioral Disorder, and Mental Health Counselors
	"21-1014": "21-1018",
	"25-2055": "25-2052", // Special Education Teachers, Kindergarten and Elementary School
	"25-2056": "25-2052",
	"25-9042": "25-9045", // Teaching Assistants, Except Postsecondary
	"25-9043": "25-9045",
	"25-9049": "25-9045",
	"29-2011": "29-2010", // Clinical Laboratory Technologists and Technicians
	"29-2012": "29-2010",
	"31-1121": "31-1120", // Home Health and Personal Care Aides
	"31-1122": "31-1120",
	"39-7011": "39-7010", // Tour and Travel Guides
	"39-7012": "39-7010",
	"47-4091": "47-4090", // Miscellaneous Construction and Related Workers
	"47-4099": "47-4090",
	"51-2022": "51-2028", // Electrical, Electronic, and Electromechanical Assemblers, Except Coil Winders, ...
	"51-2023": "51-2028",
	"51-2092": "51-2090", // Miscellaneous Assemblers and Fabricators
	"51-2099": "51-2090",
	"53-1042": "53-1047", // First-Line Supervisors of Transportation and Material Moving Workers, Except ...
	"53-1043": "53-1047",
	"53-1044": "53-1047",
	"53-1049": "53-1047",
}

var (
	onetCode = regexp.MustCompile(`^[0-9]{2}-[0-9]{4}\.[0-9]{2}$`)
	socCode  = regexp.MustCompile(`^[0-9]{2}-[0-9]{4}$`)
)

// File builds the dataset from the source files in fsys and returns it as
// the gzipped file that package occupation embeds.
func File(fsys fs.FS) ([]byte, error) {
	js, err := JSON(fsys)
	if err != nil {
		return nil, err
	}
	return wire.Compress(js)
}

// JSON builds the dataset from the source files in fsys and returns its
// uncompressed JSON.
func JSON(fsys fs.FS) ([]byte, error) {
	d, err := Build(fsys)
	if err != nil {
		return nil, err
	}
	return wire.Marshal(d)
}

// Build reads the source files in fsys and returns the dataset.
func Build(fsys fs.FS) (*wire.Dataset, error) {
	d := &wire.Dataset{Version: wire.Version}
	var err error
	if d.JobZones, err = readZoneRef(fsys); err != nil {
		return nil, err
	}
	if d.Occupations, err = readOccupations(fsys); err != nil {
		return nil, err
	}
	index := make(map[string]int, len(d.Occupations))
	for i, o := range d.Occupations {
		index[o.Code] = i
	}
	if err := readJobZones(fsys, d, index); err != nil {
		return nil, err
	}
	if err := readRelated(fsys, d, index); err != nil {
		return nil, err
	}
	if err := readTitles(fsys, d, index); err != nil {
		return nil, err
	}
	wages, err := readOEWS(fsys)
	if err != nil {
		return nil, err
	}
	outlook, all, err := readEP(fsys)
	if err != nil {
		return nil, err
	}
	d.AllChangeTenths = all
	if err := join(d, wages, outlook); err != nil {
		return nil, err
	}
	return d, nil
}

func readZoneRef(fsys fs.FS) ([]wire.JobZone, error) {
	t, err := openTable(fsys, ZoneRefFile, "Job Zone", "Name")
	if err != nil {
		return nil, err
	}
	defer t.close()
	var zones []wire.JobZone
	for {
		ok, err := t.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		z, err := strconv.Atoi(t.get("Job Zone"))
		if err != nil || z < 1 || z > 5 {
			return nil, t.errorf("Job Zone", "want a whole number from 1 to 5")
		}
		if len(zones) > 0 && z <= zones[len(zones)-1].Zone {
			return nil, t.errorf("Job Zone", "zones must be listed in increasing order")
		}
		name := strings.TrimSpace(t.get("Name"))
		if name == "" {
			return nil, t.errorf("Name", "empty")
		}
		zones = append(zones, wire.JobZone{Zone: z, Name: name})
	}
	if len(zones) == 0 {
		return nil, fmt.Errorf("%s: no job zones", ZoneRefFile)
	}
	return zones, nil
}

func readOccupations(fsys fs.FS) ([]wire.Occupation, error) {
	t, err := openTable(fsys, OccupationFile, "O*NET-SOC Code", "Title", "Description")
	if err != nil {
		return nil, err
	}
	defer t.close()
	var occs []wire.Occupation
	for {
		ok, err := t.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		code := t.get("O*NET-SOC Code")
		if !onetCode.MatchString(code) {
			return nil, t.errorf("O*NET-SOC Code", "want an O*NET-SOC code such as 43-4051.00")
		}
		if n := len(occs); n > 0 && code <= occs[n-1].Code {
			return nil, t.errorf("O*NET-SOC Code", "codes must be unique and in increasing order (previous %s)", occs[n-1].Code)
		}
		title := strings.TrimSpace(t.get("Title"))
		if title == "" {
			return nil, t.errorf("Title", "empty")
		}
		desc := strings.TrimSpace(t.get("Description"))
		if desc == "" {
			return nil, t.errorf("Description", "empty")
		}
		occs = append(occs, wire.Occupation{Code: code, Title: title, Description: desc})
	}
	if len(occs) == 0 {
		return nil, fmt.Errorf("%s: no occupations", OccupationFile)
	}
	return occs, nil
}

// lookup finds the occupation named in column col of t, and checks that the
// title column next to it agrees with occupation_data.csv.
func lookup(t *table, d *wire.Dataset, index map[string]int, col, titleCol string) (int, error) {
	i, ok := index[t.get(col)]
	if !ok {
		return 0, t.errorf(col, "not an occupation in %s", OccupationFile)
	}
	if got, want := strings.TrimSpace(t.get(titleCol)), d.Occupations[i].Title; got != want {
		return 0, t.errorf(titleCol, "title differs from %s (%q)", OccupationFile, want)
	}
	return i, nil
}

func readJobZones(fsys fs.FS, d *wire.Dataset, index map[string]int) error {
	t, err := openTable(fsys, JobZoneFile, "O*NET-SOC Code", "Title", "Job Zone")
	if err != nil {
		return err
	}
	defer t.close()
	valid := make(map[int]bool)
	for _, z := range d.JobZones {
		valid[z.Zone] = true
	}
	for {
		ok, err := t.next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		i, err := lookup(t, d, index, "O*NET-SOC Code", "Title")
		if err != nil {
			return err
		}
		z, err := strconv.Atoi(t.get("Job Zone"))
		if err != nil || !valid[z] {
			return t.errorf("Job Zone", "not a zone of %s", ZoneRefFile)
		}
		if d.Occupations[i].JobZone != 0 {
			return t.errorf("O*NET-SOC Code", "second job zone for this occupation")
		}
		d.Occupations[i].JobZone = z
	}
}

func readRelated(fsys fs.FS, d *wire.Dataset, index map[string]int) error {
	t, err := openTable(fsys, RelatedFile, "O*NET-SOC Code", "Title", "Related O*NET-SOC Code", "Related Title", "Relatedness Tier", "Index")
	if err != nil {
		return err
	}
	defer t.close()
	for {
		ok, err := t.next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		i, err := lookup(t, d, index, "O*NET-SOC Code", "Title")
		if err != nil {
			return err
		}
		j, err := lookup(t, d, index, "Related O*NET-SOC Code", "Related Title")
		if err != nil {
			return err
		}
		if i == j {
			return t.errorf("Related O*NET-SOC Code", "an occupation cannot be related to itself")
		}
		tier := -1
		for k, name := range Tiers {
			if t.get("Relatedness Tier") == name {
				tier = k
			}
		}
		if tier < 0 {
			return t.errorf("Relatedness Tier", "want one of %s", strings.Join(Tiers, ", "))
		}
		idx, err := strconv.Atoi(t.get("Index"))
		if err != nil || idx < 1 {
			return t.errorf("Index", "want a whole number from 1")
		}
		o := &d.Occupations[i]
		if n := len(o.Related); n > 0 {
			prev := o.Related[n-1]
			if idx <= prev.Index || tier < prev.Tier {
				return t.errorf("Index", "related occupations must be listed by increasing index and tier (previous index %d)", prev.Index)
			}
		}
		o.Related = append(o.Related, wire.Related{Code: d.Occupations[j].Code, Tier: tier, Index: idx})
	}
}

func readTitles(fsys fs.FS, d *wire.Dataset, index map[string]int) error {
	t, err := openTable(fsys, TitlesFile, "O*NET-SOC Code", "Title", "Reported Job Title", "Shown in My Next Move")
	if err != nil {
		return err
	}
	defer t.close()
	for {
		ok, err := t.next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		i, err := lookup(t, d, index, "O*NET-SOC Code", "Title")
		if err != nil {
			return err
		}
		name := strings.TrimSpace(t.get("Reported Job Title"))
		if name == "" {
			return t.errorf("Reported Job Title", "empty")
		}
		var shown bool
		switch t.get("Shown in My Next Move") {
		case "Y":
			shown = true
		case "N":
		default:
			return t.errorf("Shown in My Next Move", "want Y or N")
		}
		d.Occupations[i].Titles = append(d.Occupations[i].Titles, wire.Title{Name: name, MyNextMove: shown})
	}
}

// OEWS columns: the mean first, then the percentiles, in the wire order.
var (
	hourlyCols = [6]string{"H_MEAN", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90"}
	annualCols = [6]string{"A_MEAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"}
)

// readOEWS returns the national cross-industry rows of the most detailed
// level ("detailed" in O_GROUP) by OCC_CODE.
func readOEWS(fsys fs.FS) (map[string]*wire.Wages, error) {
	cols := []string{"AREA", "NAICS", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "ANNUAL", "HOURLY"}
	cols = append(cols, hourlyCols[:]...)
	cols = append(cols, annualCols[:]...)
	t, err := openTable(fsys, OEWSFile, cols...)
	if err != nil {
		return nil, err
	}
	defer t.close()
	rows := make(map[string]*wire.Wages)
	for {
		ok, err := t.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if t.get("AREA") != "99" {
			return nil, t.errorf("AREA", "want 99, the national estimates")
		}
		if t.get("NAICS") != "000000" {
			return nil, t.errorf("NAICS", "want 000000, the cross-industry estimates")
		}
		if t.get("O_GROUP") != "detailed" {
			continue
		}
		code := t.get("OCC_CODE")
		if !socCode.MatchString(code) {
			return nil, t.errorf("OCC_CODE", "want a SOC code such as 43-4051")
		}
		if _, dup := rows[code]; dup {
			return nil, t.errorf("OCC_CODE", "second detailed row for this code")
		}
		w := &wire.Wages{Code: code, Title: strings.TrimSpace(t.get("OCC_TITLE"))}
		if w.Employment, err = parseEmployment(t, "TOT_EMP"); err != nil {
			return nil, err
		}
		for k := range hourlyCols {
			if w.Hourly[k], err = parseWage(t, hourlyCols[k], 2); err != nil {
				return nil, err
			}
			if w.Annual[k], err = parseWage(t, annualCols[k], 0); err != nil {
				return nil, err
			}
		}
		if w.AnnualOnly, err = parseTrue(t, "ANNUAL"); err != nil {
			return nil, err
		}
		if w.HourlyOnly, err = parseTrue(t, "HOURLY"); err != nil {
			return nil, err
		}
		rows[code] = w
	}
	return rows, nil
}

// readEP returns the line items of EP Table 1.2 by code, and the percent
// change of all occupations (code 00-0000) in tenths.
func readEP(fsys fs.FS) (map[string]*wire.Outlook, int64, error) {
	const (
		title   = "2024 National Employment Matrix title"
		code    = "2024 National Employment Matrix code"
		kind    = "Occupation type"
		emp24   = "Employment, 2024"
		emp34   = "Employment, 2034"
		change  = "Employment change, numeric, 2024–34"
		percent = "Employment change, percent, 2024–34"
		open    = "Occupational openings, 2024–34 annual average"
		edu     = "Typical education needed for entry"
		exp     = "Work experience in a related occupation"
		train   = "Typical on-the-job training needed to attain competency in the occupation"
	)
	t, err := openTable(fsys, EPFile, title, code, kind, emp24, emp34, change, percent, open, edu, exp, train)
	if err != nil {
		return nil, 0, err
	}
	defer t.close()
	rows := make(map[string]*wire.Outlook)
	all, haveAll := int64(0), false
	for {
		ok, err := t.next()
		if err != nil {
			return nil, 0, err
		}
		if !ok {
			break
		}
		c := t.get(code)
		if !socCode.MatchString(c) {
			return nil, 0, t.errorf(code, "want a SOC code such as 43-4051")
		}
		if c == "00-0000" {
			if all, err = parseTenths(t, percent); err != nil {
				return nil, 0, err
			}
			haveAll = true
		}
		switch t.get(kind) {
		case "Summary":
			continue
		case "Line item":
		default:
			return nil, 0, t.errorf(kind, "want Summary or Line item")
		}
		if _, dup := rows[c]; dup {
			return nil, 0, t.errorf(code, "second line item for this code")
		}
		o := &wire.Outlook{Code: c, Title: strings.TrimSpace(t.get(title))}
		for _, f := range []struct {
			dst *int64
			col string
		}{{&o.Employment2024, emp24}, {&o.Employment2034, emp34}, {&o.ChangeTenths, change}, {&o.ChangePercentTenths, percent}, {&o.OpeningsTenths, open}} {
			if *f.dst, err = parseTenths(t, f.col); err != nil {
				return nil, 0, err
			}
		}
		o.Education, o.Experience, o.Training = dash(t.get(edu)), dash(t.get(exp)), dash(t.get(train))
		rows[c] = o
	}
	if !haveAll {
		return nil, 0, fmt.Errorf("%s: no row for all occupations (00-0000)", EPFile)
	}
	return rows, all, nil
}

// join attaches to each occupation the BLS rows of its SOC code: the
// O*NET-SOC code without its .xx suffix, or its entry in BLSGroups.
func join(d *wire.Dataset, wages map[string]*wire.Wages, outlook map[string]*wire.Outlook) error {
	socs := slices.Sorted(maps.Keys(BLSGroups))
	for _, soc := range socs {
		group := BLSGroups[soc]
		_, w := wages[soc]
		_, o := outlook[soc]
		if w || o {
			return fmt.Errorf("build.BLSGroups: %s is published by BLS itself; remove its entry", soc)
		}
		_, w = wages[group]
		_, o = outlook[group]
		if !w || !o {
			return fmt.Errorf("build.BLSGroups: %s → %s: %s is not a detailed row of %s and a line item of %s", soc, group, group, OEWSFile, EPFile)
		}
	}
	for i := range d.Occupations {
		o := &d.Occupations[i]
		soc := o.Code[:7]
		if g, ok := BLSGroups[soc]; ok {
			soc = g
		}
		o.Wages = wages[soc]
		o.Outlook = outlook[soc]
	}
	return nil
}

// parseWage parses an OEWS wage with at most places decimals and returns it
// in units of 10^-places dollars, or a wire sentinel for "*" and "#".
func parseWage(t *table, col string, places int) (int64, error) {
	switch t.get(col) {
	case "*":
		return wire.NotAvailable, nil
	case "#":
		return wire.TopCoded, nil
	}
	v, err := parseDecimal(t.get(col), places)
	if err != nil || v <= 0 {
		return 0, t.errorf(col, "want a wage above 0 with at most %d decimals, * or #", places)
	}
	return v, nil
}

func parseEmployment(t *table, col string) (int64, error) {
	if t.get(col) == "**" {
		return wire.NotAvailable, nil
	}
	v, err := parseDecimal(t.get(col), 0)
	if err != nil || v < 0 {
		return 0, t.errorf(col, "want a whole number of jobs or **")
	}
	return v, nil
}

func parseTenths(t *table, col string) (int64, error) {
	v, err := parseDecimal(t.get(col), 1)
	if err != nil {
		return 0, t.errorf(col, "want a number with at most one decimal")
	}
	return v, nil
}

func parseTrue(t *table, col string) (bool, error) {
	switch t.get(col) {
	case "":
		return false, nil
	case "TRUE":
		return true, nil
	}
	return false, t.errorf(col, "want TRUE or empty")
}

// dash returns s, or "" when s is the "not available" dash of the EP tables.
func dash(s string) string {
	s = strings.TrimSpace(s)
	if s == "—" {
		return ""
	}
	return s
}

// parseDecimal parses a plain decimal such as "-153.7" with at most places
// digits after the point and returns it scaled by 10^places, exactly.
func parseDecimal(s string, places int) (int64, error) {
	neg := strings.HasPrefix(s, "-")
	digits := strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(digits, ".")
	if whole == "" || len(frac) > places || strings.Contains(digits, ".") && frac == "" {
		return 0, fmt.Errorf("bad decimal %q", s)
	}
	frac += strings.Repeat("0", places-len(frac))
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("bad decimal %q", s)
		}
	}
	v, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("bad decimal %q: %w", s, err)
	}
	if neg {
		v = -v
	}
	return v, nil
}
