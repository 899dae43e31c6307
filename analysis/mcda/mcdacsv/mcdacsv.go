// Package mcdacsv reads decision matrices and pairwise comparison matrices
// from CSV for package mcda. It streams the input with encoding/csv, so a
// file is never held in memory as text, and every error names the line and,
// for a value, the column and the text found there.
//
// A decision matrix has a header "name,<criterion>,..." and one row per
// alternative: its name, then one number per criterion.
//
// A pairwise comparison matrix has a header ",<item>,..." (the first cell is
// ignored) and one row per item, in the header's order: its name, then one
// judgement per column, a number or a fraction such as 1/3. A cell may be
// left empty when its mirror cell is filled (it is then the reciprocal), and
// an empty diagonal cell is 1.
package mcdacsv

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/mcda"
)

func invalidf(format string, args ...any) error {
	return crossroads.Errorf(crossroads.Invalid, format, args...)
}

// newReader returns a csv.Reader that reuses its record slice and lets rows
// of any length through, so that the caller can report ragged rows itself.
func newReader(r io.Reader) *csv.Reader {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	return cr
}

// csvError turns an error of encoding/csv into one with a line number.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return invalidf("line %d, column %d: %v", pe.Line, pe.Column, pe.Err)
	}
	return invalidf("reading the CSV: %v", err)
}

// readHeader reads the first record and returns its cells after the first,
// trimmed and checked: not empty and not repeated. what names them in
// messages ("criterion", "item").
func readHeader(cr *csv.Reader, what, want string) ([]string, error) {
	rec, err := cr.Read()
	if err == io.EOF {
		return nil, invalidf("the file is empty; it needs a header line %s", want)
	}
	if err != nil {
		return nil, csvError(err)
	}
	line, _ := cr.FieldPos(0)
	if len(rec) < 2 {
		return nil, invalidf("line %d: the header has %d column; it needs a header line %s", line, len(rec), want)
	}
	names := make([]string, len(rec)-1)
	seen := make(map[string]int, len(names))
	numeric := 0
	for j, cell := range rec[1:] {
		name := strings.TrimSpace(cell)
		if name == "" {
			return nil, invalidf("line %d: column %d of the header is empty; every %s needs a name", line, j+2, what)
		}
		if k, dup := seen[name]; dup {
			return nil, invalidf("line %d: %s %q appears twice in the header (columns %d and %d)", line, what, name, k+2, j+2)
		}
		seen[name] = j
		names[j] = name
		if _, err := strconv.ParseFloat(name, 64); err == nil {
			numeric++
		}
	}
	if numeric == len(names) {
		return nil, invalidf("line %d: the first line holds numbers, not names; the file needs a header line %s", line, want)
	}
	return names, nil
}

// ReadMatrix reads a decision matrix: a header "name,<criterion>,..." and
// one row per alternative with its name and one number per criterion. The
// returned problem has every criterion a Benefit with weight 1; the caller
// sets types and weights. Errors name the line and, for a bad value, the
// column and the text: `line 7, column "salary": "abc" is not a number`.
// An empty file, a header without criteria, a header of numbers (missing
// header), duplicate criterion or alternative names, rows of the wrong
// length and a file without alternatives are errors.
func ReadMatrix(r io.Reader) (mcda.Problem, error) {
	cr := newReader(r)
	const want = `"name,<criterion>,..."`
	criteria, err := readHeader(cr, "criterion", want)
	if err != nil {
		return mcda.Problem{}, err
	}
	k := len(criteria)
	var names []string
	var flat []float64
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return mcda.Problem{}, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != k+1 {
			return mcda.Problem{}, invalidf("line %d: %d fields, want %d (the name and %d criteria)", line, len(rec), k+1, k)
		}
		name := strings.TrimSpace(rec[0])
		if name == "" {
			return mcda.Problem{}, invalidf("line %d: the alternative has no name in the first column", line)
		}
		if prev, dup := seen[name]; dup {
			return mcda.Problem{}, invalidf("line %d: alternative %q already appears on line %d", line, name, prev)
		}
		seen[name] = line
		names = append(names, name)
		for j, cell := range rec[1:] {
			v, err := parseNumber(cell)
			if err != nil {
				return mcda.Problem{}, invalidf("line %d, column %q: %v", line, criteria[j], err)
			}
			flat = append(flat, v)
		}
	}
	if len(names) == 0 {
		return mcda.Problem{}, invalidf("the file has a header but no alternatives; add one row per alternative")
	}
	p := mcda.Problem{
		Alternatives: names,
		Criteria:     criteria,
		Types:        make([]mcda.CriterionType, k),
		Weights:      make([]float64, k),
		Values:       make([][]float64, len(names)),
	}
	for j := range p.Weights {
		p.Weights[j] = 1
	}
	for i := range p.Values {
		p.Values[i] = flat[i*k : (i+1)*k : (i+1)*k]
	}
	return p, nil
}

// parseNumber parses one decimal number; the error quotes the text.
func parseNumber(cell string) (float64, error) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return 0, errors.New("empty value; every criterion needs a number")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange {
			return 0, fmt.Errorf("%q is out of range", s)
		}
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return v, nil
}

// ReadPairwise reads a pairwise comparison matrix: a header ",<item>,..."
// whose first cell is ignored, then one row per item in the header's order,
// "<item>,a_i1,...", where a_ij says how many times item i is more important
// than item j, as a number or a fraction (see mcda.ParseJudgement). An empty
// cell takes the reciprocal of its mirror cell, and an empty diagonal cell is
// 1. Errors name the line, the column and the text. The matrix is not
// checked for reciprocity or consistency here; mcda.AHP does that.
func ReadPairwise(r io.Reader) (names []string, m [][]float64, err error) {
	cr := newReader(r)
	const want = `",<item>,..."`
	names, err = readHeader(cr, "item", want)
	if err != nil {
		return nil, nil, err
	}
	n := len(names)
	flat := make([]float64, n*n)
	given := make([]bool, n*n)
	lines := make([]int, n)
	rows := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if rows == n {
			return nil, nil, invalidf("line %d: more rows than the %d items in the header", line, n)
		}
		if len(rec) != n+1 {
			return nil, nil, invalidf("line %d: %d fields, want %d (the name and %d judgements)", line, len(rec), n+1, n)
		}
		if name := strings.TrimSpace(rec[0]); name != names[rows] {
			return nil, nil, invalidf("line %d: row %q, but the header's item %d is %q; rows must follow the header's order", line, name, rows+1, names[rows])
		}
		lines[rows] = line
		for j, cell := range rec[1:] {
			if strings.TrimSpace(cell) == "" {
				continue
			}
			v, err := mcda.ParseJudgement(cell)
			if err != nil {
				return nil, nil, invalidf("line %d, column %q: %v", line, names[j], crossroads.ErrorMessage(err))
			}
			flat[rows*n+j] = v
			given[rows*n+j] = true
		}
		rows++
	}
	if rows < n {
		return nil, nil, invalidf("the matrix has %d rows for %d items; the row of %q is missing", rows, n, names[rows])
	}
	m = make([][]float64, n)
	for i := range m {
		m[i] = flat[i*n : (i+1)*n : (i+1)*n]
		for j := range m[i] {
			switch {
			case given[i*n+j]:
			case i == j:
				m[i][j] = 1
			case given[j*n+i]:
				m[i][j] = 1 / flat[j*n+i]
				if math.IsInf(m[i][j], 0) {
					return nil, nil, invalidf("line %d, column %q: empty, and the reciprocal of its mirror cell %v is too large", lines[i], names[j], flat[j*n+i])
				}
			default:
				return nil, nil, invalidf("line %d, column %q: empty, and so is its mirror cell (row %q, column %q); give one of them",
					lines[i], names[j], names[j], names[i])
			}
		}
	}
	return names, m, nil
}
