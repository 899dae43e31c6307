// Package wire defines the compact file format of the embedded occupation
// dataset: gzip-compressed JSON written by occupation/internal/build and read
// by package occupation. Figures are stored as integers in the unit of their
// published precision (cents, whole dollars, tenths), so that no decimal is
// ever rounded on the way from the source table to the user.
package wire

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
)

// Version is the format version written into every dataset. Decode refuses
// any other.
const Version = 1

// Sentinels stored in place of a wage figure.
const (
	NotAvailable = -1 // "*" in OEWS: the wage estimate is not available
	TopCoded     = -2 // "#" in OEWS: at or above the top-code value
)

// Dataset is the whole embedded dataset.
type Dataset struct {
	Version int `json:"version"`
	// AllChangeTenths is the projected employment change of all
	// occupations, 2024–34, in tenths of a percent (EP Table 1.2, 00-0000).
	AllChangeTenths int64        `json:"allChangeTenths"`
	JobZones        []JobZone    `json:"jobZones"`
	Occupations     []Occupation `json:"occupations"`
}

// JobZone is one row of the O*NET job zone reference.
type JobZone struct {
	Zone int    `json:"z"`
	Name string `json:"n"`
}

// Occupation is one O*NET-SOC occupation, in code order.
type Occupation struct {
	Code        string    `json:"c"`
	Title       string    `json:"t"`
	Description string    `json:"d"`
	JobZone     int       `json:"z,omitempty"` // 0 when O*NET gives none
	Titles      []Title   `json:"r,omitempty"`
	Related     []Related `json:"x,omitempty"`
	Wages       *Wages    `json:"w,omitempty"`
	Outlook     *Outlook  `json:"o,omitempty"`
}

// Title is one reported job title.
type Title struct {
	Name       string `json:"n"`
	MyNextMove bool   `json:"m,omitempty"` // "Shown in My Next Move" = Y
}

// Related is one related occupation; Tier is 0 Primary-Short, 1
// Primary-Long, 2 Supplemental.
type Related struct {
	Code  string `json:"c"`
	Tier  int    `json:"t"`
	Index int    `json:"i"`
}

// Wages holds one OEWS May 2024 national row. Hourly figures are in cents,
// annual figures in whole dollars, in the order mean, P10, P25, median, P75,
// P90; NotAvailable and TopCoded replace a figure that was not published.
type Wages struct {
	Code       string   `json:"c"`
	Title      string   `json:"t"`
	Employment int64    `json:"e"` // TOT_EMP; NotAvailable for "**"
	Hourly     [6]int64 `json:"h"`
	Annual     [6]int64 `json:"a"`
	AnnualOnly bool     `json:"ao,omitempty"`
	HourlyOnly bool     `json:"ho,omitempty"`
}

// Outlook holds one EP 2024–34 Table 1.2 line item. Employment, change and
// openings are in tenths of a thousand jobs, the percent change in tenths of
// a percent. Empty strings stand for "—".
type Outlook struct {
	Code                string `json:"c"`
	Title               string `json:"t"`
	Employment2024      int64  `json:"e24"`
	Employment2034      int64  `json:"e34"`
	ChangeTenths        int64  `json:"ch"`
	ChangePercentTenths int64  `json:"pc"`
	OpeningsTenths      int64  `json:"op"`
	Education           string `json:"ed,omitempty"`
	Experience          string `json:"ex,omitempty"`
	Training            string `json:"tr,omitempty"`
}

// Marshal returns the uncompressed JSON of d, one occupation a line so that
// a diff of two versions stays readable.
func Marshal(d *Dataset) ([]byte, error) {
	head := *d
	head.Occupations = nil
	var buf bytes.Buffer
	h, err := json.Marshal(head)
	if err != nil {
		return nil, err
	}
	// Replace the trailing "null}" of the empty occupation list by the rows.
	const tail = `"occupations":null}`
	if !bytes.HasSuffix(h, []byte(tail)) {
		return nil, fmt.Errorf("wire: unexpected header layout %q", h)
	}
	buf.Write(h[:len(h)-len(tail)])
	buf.WriteString(`"occupations":[`)
	for i := range d.Occupations {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		row, err := json.Marshal(&d.Occupations[i])
		if err != nil {
			return nil, err
		}
		buf.Write(row)
	}
	buf.WriteString("\n]}\n")
	return buf.Bytes(), nil
}

// Compress gzips data deterministically: best compression, and a header with
// no name, comment or modification time.
func Compress(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Decompress returns the JSON inside a gzipped dataset file.
func Decompress(gz []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("wire: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("wire: %w", err)
	}
	return data, zr.Close()
}

// Decode parses a gzipped dataset file.
func Decode(gz []byte) (*Dataset, error) {
	data, err := Decompress(gz)
	if err != nil {
		return nil, err
	}
	var d Dataset
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("wire: %w", err)
	}
	if d.Version != Version {
		return nil, fmt.Errorf("wire: dataset version %d, want %d", d.Version, Version)
	}
	return &d, nil
}
