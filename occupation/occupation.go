package occupation

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/crossroads/crossroads/occupation/internal/wire"
)

// Occupation is one O*NET-SOC occupation with its pay and outlook.
type Occupation struct {
	Code        string `json:"code"` // O*NET-SOC code, such as "43-4051.00"
	Title       string `json:"title"`
	Description string `json:"description"`
	// JobZone is the O*NET preparation level: 2 (O*NET 30.3 merges zones 1
	// and 2 into "Job Zone 1-2", numbered 2), 3, 4 or 5; 0 when O*NET gives
	// no job zone.
	JobZone     int    `json:"jobZone,omitempty"`
	JobZoneName string `json:"jobZoneName,omitempty"` // as in the O*NET job zone reference
	// Wages and Outlook are nil when BLS publishes no figures for the
	// occupation (military occupations, for example).
	Wages          *Wages     `json:"wages,omitempty"`
	Outlook        *Outlook   `json:"outlook,omitempty"`
	Related        []Relation `json:"related,omitempty"`        // by increasing Index
	ReportedTitles []string   `json:"reportedTitles,omitempty"` // job titles reported by incumbents
}

// SOCCode returns the SOC 2018 code of o: its O*NET-SOC code without the
// ".xx" suffix.
func (o Occupation) SOCCode() string { return o.Code[:7] }

// Tier is the O*NET relatedness tier of a related occupation.
type Tier int

// The tiers, closest first.
const (
	PrimaryShort Tier = iota // "Primary-Short": the 5 most related
	PrimaryLong              // "Primary-Long": the next 5
	Supplemental             // "Supplemental": the last 10
)

var tierNames = [...]string{PrimaryShort: "Primary-Short", PrimaryLong: "Primary-Long", Supplemental: "Supplemental"}

// String returns the O*NET name of t.
func (t Tier) String() string {
	if t >= 0 && int(t) < len(tierNames) {
		return tierNames[t]
	}
	return "Tier(" + strconv.Itoa(int(t)) + ")"
}

// MarshalText writes the O*NET name of t.
func (t Tier) MarshalText() ([]byte, error) {
	if t < 0 || int(t) >= len(tierNames) {
		return nil, fmt.Errorf("occupation.Tier: invalid tier %d", int(t))
	}
	return []byte(tierNames[t]), nil
}

// UnmarshalText reads the O*NET name of a tier.
func (t *Tier) UnmarshalText(b []byte) error {
	for i, n := range tierNames {
		if string(b) == n {
			*t = Tier(i)
			return nil
		}
	}
	return fmt.Errorf("occupation.Tier: %q: want Primary-Short, Primary-Long or Supplemental", b)
}

// Relation is one related occupation as O*NET lists it.
type Relation struct {
	Code  string `json:"code"`
	Title string `json:"title"`
	Tier  Tier   `json:"tier"`
	Index int    `json:"index"` // 1 is the most related
}

// Wages holds the OEWS May 2024 national cross-industry estimates for an
// occupation, exactly as published.
type Wages struct {
	// SOCCode and SOCTitle name the OEWS row the figures come from.
	SOCCode  string `json:"socCode"`
	SOCTitle string `json:"socTitle"`
	// Wider is true when the figures cover more than this O*NET
	// occupation: its SOC parent (codes not ending in .00) or a group that
	// BLS publishes instead of the SOC code.
	Wider bool `json:"wider,omitempty"`
	// Employment is the estimated employment, rounded to the nearest 10 and
	// without the self-employed; -1 when not available.
	Employment int64       `json:"employment"`
	HourlyMean Wage        `json:"hourlyMean"`
	AnnualMean Wage        `json:"annualMean"`
	Hourly     Percentiles `json:"hourly"`
	Annual     Percentiles `json:"annual"`
	// AnnualOnly is true when OEWS releases only annual wages (teachers,
	// pilots); HourlyOnly when it releases only hourly wages (actors).
	AnnualOnly bool   `json:"annualOnly,omitempty"`
	HourlyOnly bool   `json:"hourlyOnly,omitempty"`
	Source     string `json:"source"`
}

// Percentiles are the OEWS wage percentiles.
type Percentiles struct {
	P10    Wage `json:"p10"`
	P25    Wage `json:"p25"`
	Median Wage `json:"median"`
	P75    Wage `json:"p75"`
	P90    Wage `json:"p90"`
}

// Outlook holds the BLS Employment Projections 2024–34 for an occupation,
// as published (one decimal).
type Outlook struct {
	// SOCCode and SOCTitle name the EP line item the figures come from.
	SOCCode  string `json:"socCode"`
	SOCTitle string `json:"socTitle"`
	// Wider is true when the figures cover more than this O*NET occupation
	// (see Wages.Wider).
	Wider          bool    `json:"wider,omitempty"`
	Employment2024 float64 `json:"employment2024"` // thousands of jobs
	Employment2034 float64 `json:"employment2034"` // thousands of jobs
	Change         float64 `json:"change"`         // thousands of jobs, 2024–34
	ChangePercent  float64 `json:"changePercent"`  // percent, 2024–34
	AnnualOpenings float64 `json:"annualOpenings"` // thousands a year, 2024–34 average
	// Education, Experience and Training are the BLS typical entry
	// education, work experience in a related occupation and on-the-job
	// training; "" when BLS gives none.
	Education  string `json:"education,omitempty"`
	Experience string `json:"experience,omitempty"`
	Training   string `json:"training,omitempty"`
	Source     string `json:"source"`
}

// AllOccupationsChangePercent is the projected employment change of all
// occupations, 2024–34, in percent (BLS Employment Projections 2024–34,
// Table 1.2, "Total, all occupations", 00-0000). A test checks it against
// the dataset.
const AllOccupationsChangePercent = 3.1

// JobZone is one O*NET job zone.
type JobZone struct {
	Zone int    `json:"zone"`
	Name string `json:"name"`
}

// dataset is the decoded embedded dataset.
type dataset struct {
	occs     []Occupation
	byCode   map[string]int
	zones    []JobZone
	allTenth int64
	// search builds the title search index on first use, so that callers
	// who only look occupations up do not pay for it.
	search func() *searchIndex
}

// load decodes the embedded dataset once. The file is generated and tested,
// so a failure is a build defect and panics.
var load = sync.OnceValue(func() *dataset {
	d, err := decode(datasetFile)
	if err != nil {
		panic("occupation: embedded dataset: " + err.Error())
	}
	return d
})

func decode(gz []byte) (*dataset, error) {
	w, err := wire.Decode(gz)
	if err != nil {
		return nil, err
	}
	d := &dataset{byCode: make(map[string]int, len(w.Occupations)), allTenth: w.AllChangeTenths}
	zoneNames := make(map[int]string)
	for _, z := range w.JobZones {
		d.zones = append(d.zones, JobZone(z))
		zoneNames[z.Zone] = z.Name
	}
	titles := make(map[string]string, len(w.Occupations))
	for i, o := range w.Occupations {
		d.byCode[o.Code] = i
		titles[o.Code] = o.Title
	}
	d.occs = make([]Occupation, len(w.Occupations))
	for i, wo := range w.Occupations {
		o := Occupation{
			Code:        wo.Code,
			Title:       wo.Title,
			Description: wo.Description,
			JobZone:     wo.JobZone,
			JobZoneName: zoneNames[wo.JobZone],
			Wages:       wagesFrom(wo.Code, wo.Wages),
			Outlook:     outlookFrom(wo.Code, wo.Outlook),
		}
		for _, r := range wo.Related {
			t, ok := titles[r.Code]
			if !ok {
				return nil, fmt.Errorf("%s: related occupation %s is not in the dataset", wo.Code, r.Code)
			}
			o.Related = append(o.Related, Relation{Code: r.Code, Title: t, Tier: Tier(r.Tier), Index: r.Index})
		}
		for _, t := range wo.Titles {
			o.ReportedTitles = append(o.ReportedTitles, t.Name)
		}
		d.occs[i] = o
	}
	d.search = sync.OnceValue(func() *searchIndex { return newSearchIndex(w.Occupations) })
	return d, nil
}

// wider reports whether BLS figures for socCode cover more than the O*NET
// occupation code.
func wider(code, socCode string) bool {
	return !strings.HasSuffix(code, ".00") || code[:7] != socCode
}

func wagesFrom(code string, w *wire.Wages) *Wages {
	if w == nil {
		return nil
	}
	wage := func(v int64, hourly bool) Wage {
		switch {
		case v == wire.NotAvailable:
			return Wage{}
		case v == wire.TopCoded && hourly:
			return Wage{Cents: TopCodeHourlyCents, Status: TopCoded}
		case v == wire.TopCoded:
			return Wage{Cents: TopCodeAnnualCents, Status: TopCoded}
		case hourly:
			return Wage{Cents: v, Status: Published}
		}
		return Wage{Cents: v * 100, Status: Published}
	}
	pct := func(v [6]int64, hourly bool) Percentiles {
		return Percentiles{P10: wage(v[1], hourly), P25: wage(v[2], hourly), Median: wage(v[3], hourly), P75: wage(v[4], hourly), P90: wage(v[5], hourly)}
	}
	return &Wages{
		SOCCode:    w.Code,
		SOCTitle:   w.Title,
		Wider:      wider(code, w.Code),
		Employment: w.Employment,
		HourlyMean: wage(w.Hourly[0], true),
		AnnualMean: wage(w.Annual[0], false),
		Hourly:     pct(w.Hourly, true),
		Annual:     pct(w.Annual, false),
		AnnualOnly: w.AnnualOnly,
		HourlyOnly: w.HourlyOnly,
		Source:     WagesSource,
	}
}

func outlookFrom(code string, o *wire.Outlook) *Outlook {
	if o == nil {
		return nil
	}
	// v/10 of two exact integers is the double nearest to the published
	// one-decimal figure, the same value strconv.ParseFloat would give.
	tenth := func(v int64) float64 { return float64(v) / 10 }
	return &Outlook{
		SOCCode:        o.Code,
		SOCTitle:       o.Title,
		Wider:          wider(code, o.Code),
		Employment2024: tenth(o.Employment2024),
		Employment2034: tenth(o.Employment2034),
		Change:         tenth(o.ChangeTenths),
		ChangePercent:  tenth(o.ChangePercentTenths),
		AnnualOpenings: tenth(o.OpeningsTenths),
		Education:      o.Education,
		Experience:     o.Experience,
		Training:       o.Training,
		Source:         OutlookSource,
	}
}

// NormalizeCode returns the O*NET-SOC code that code names: it trims
// spaces and adds ".00" to a six-digit SOC code such as "43-4051". It
// reports false when code has neither form. The code need not exist.
func NormalizeCode(code string) (string, bool) {
	code = strings.TrimSpace(code)
	digits := func(s string) bool {
		for _, r := range s {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
	switch {
	case len(code) == 7 && code[2] == '-' && digits(code[:2]) && digits(code[3:]):
		return code + ".00", true
	case len(code) == 10 && code[2] == '-' && code[7] == '.' && digits(code[:2]) && digits(code[3:7]) && digits(code[8:]):
		return code, true
	}
	return "", false
}

// Lookup returns the occupation with the given O*NET-SOC code. It accepts
// "43-4051.00" and the SOC form "43-4051", which names the ".00"
// occupation. The result is a copy that the caller may change.
func Lookup(code string) (Occupation, bool) {
	d := load()
	i, ok := d.index(code)
	if !ok {
		return Occupation{}, false
	}
	return d.occs[i].clone(), true
}

func (d *dataset) index(code string) (int, bool) {
	c, ok := NormalizeCode(code)
	if !ok {
		return 0, false
	}
	i, ok := d.byCode[c]
	return i, ok
}

func (o Occupation) clone() Occupation {
	o.Related = slices.Clone(o.Related)
	o.ReportedTitles = slices.Clone(o.ReportedTitles)
	if o.Wages != nil {
		w := *o.Wages
		o.Wages = &w
	}
	if o.Outlook != nil {
		x := *o.Outlook
		o.Outlook = &x
	}
	return o
}

// Codes returns the O*NET-SOC codes of all occupations, in increasing order.
func Codes() []string {
	d := load()
	codes := make([]string, len(d.occs))
	for i, o := range d.occs {
		codes[i] = o.Code
	}
	return codes
}

// JobZones returns the O*NET job zones in increasing order, with their
// names as in the O*NET 30.3 job zone reference.
func JobZones() []JobZone {
	return slices.Clone(load().zones)
}
