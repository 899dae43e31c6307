package api

import (
	"bytes"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/analysis/mcda"
	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/report"
)

// analyze answers POST /analyze.
func (a *api) analyze(w http.ResponseWriter, r *http.Request) error {
	c, _, err := readCase(w, r, a.limit)
	if err != nil {
		return err
	}
	return a.writeReport(w, c)
}

// caseReport answers GET /cases/{id}/report.
func (a *api) caseReport(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	rec, err := a.svc.GetCase(r.Context(), id)
	if err != nil {
		return err
	}
	c, err := casefile.Parse(rec.Document, storedName(id))
	if err != nil {
		return err
	}
	return a.writeReport(w, c)
}

// writeReport analyses c and writes the report as report.WriteJSON does.
func (a *api) writeReport(w http.ResponseWriter, c *crossroads.Case) error {
	rep, err := report.Build(c, a.opts.Report)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := rep.WriteJSON(&buf); err != nil {
		return fmt.Errorf("encoding the report: %w", err)
	}
	writeBytes(w, http.StatusOK, buf.Bytes())
	return nil
}

// Limits on a ranking problem. PROMETHEE II compares every pair of
// alternatives on every criterion, so the largest problem costs about
// 1000² × 100 = 10⁸ comparisons.
const (
	maxAlternatives = 1000
	maxCriteria     = 100
	maxNameRunes    = 200
)

// rankRequest is the body of POST /rank.
type rankRequest struct {
	Method        string            `json:"method"`
	Normalization string            `json:"normalization"`
	V             *float64          `json:"v"`
	Criteria      []rankCriterion   `json:"criteria"`
	Alternatives  []rankAlternative `json:"alternatives"`
}

type rankCriterion struct {
	Name       string          `json:"name"`
	Type       string          `json:"type"`
	Weight     *float64        `json:"weight"`
	Preference *rankPreference `json:"preference"`
}

type rankPreference struct {
	Function string  `json:"function"`
	Q        float64 `json:"q"`
	P        float64 `json:"p"`
	S        float64 `json:"s"`
}

type rankAlternative struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
}

// rank answers POST /rank.
func (a *api) rank(w http.ResponseWriter, r *http.Request) error {
	data, _, err := readBody(w, r, a.limit, mediaJSON)
	if err != nil {
		return err
	}
	var req rankRequest
	if err := decodeJSON(data, &req); err != nil {
		return err
	}
	p, m, err := req.problem()
	if err != nil {
		return err
	}
	res, err := m.Rank(p)
	if err != nil {
		return err
	}
	out := mcda.NewRanking(p, res)
	return writeJSON(w, http.StatusOK, out)
}

// problem checks the request and builds the decision matrix and the method,
// naming every problem with its path.
func (req *rankRequest) problem() (mcda.Problem, mcda.Method, error) {
	var errs []crossroads.FieldError
	fail := func(path, value, format string, args ...any) {
		errs = append(errs, crossroads.FieldError{Path: path, Value: value, Rule: fmt.Sprintf(format, args...)})
	}
	methodName := req.Method
	if methodName == "" {
		methodName = mcda.MethodWSM
	}
	m, err := mcda.NewMethod(methodName)
	if err != nil {
		fail("method", strconv.Quote(truncate(req.Method, 40)), "must be one of %s", strings.Join(mcda.Methods, ", "))
	}
	if req.Normalization != "" {
		n, err := mcda.ParseNormalization(req.Normalization)
		switch {
		case err != nil:
			fail("normalization", strconv.Quote(truncate(req.Normalization, 40)), "must be one of vector, minmax, max, sum, none")
		case m.Name != "" && m.Name != mcda.MethodWSM && m.Name != mcda.MethodTOPSIS:
			fail("normalization", strconv.Quote(req.Normalization), "applies to wsm and topsis, not %s", m.Name)
		default:
			m.Normalization = n
		}
	}
	if req.V != nil {
		switch {
		case m.Name != "" && m.Name != mcda.MethodVIKOR:
			fail("v", num(*req.V), "applies to vikor, not %s", m.Name)
		case !(*req.V >= 0 && *req.V <= 1):
			fail("v", num(*req.V), "must lie in [0, 1]")
		default:
			m.V = *req.V
		}
	}

	k := len(req.Criteria)
	switch {
	case k == 0:
		fail("criteria", "", "is required: list at least one criterion")
	case k > maxCriteria:
		fail("criteria", "", "has %d criteria; the limit is %d", k, maxCriteria)
	}
	p := mcda.Problem{Types: make([]mcda.CriterionType, k), Weights: make([]float64, k)}
	weighted := 0
	for j, c := range req.Criteria {
		path := fmt.Sprintf("criteria[%d]", j)
		p.Criteria = append(p.Criteria, c.Name)
		if c.Type != "" {
			t, err := mcda.ParseCriterionType(c.Type)
			if err != nil {
				fail(path+".type", strconv.Quote(truncate(c.Type, 40)), "must be benefit or cost")
			}
			p.Types[j] = t
		}
		if c.Weight != nil {
			weighted++
			if *c.Weight < 0 {
				fail(path+".weight", num(*c.Weight), "must not be negative")
			}
			p.Weights[j] = *c.Weight
		}
		if c.Preference != nil && m.Name != "" && m.Name != mcda.MethodPROMETHEE2 {
			fail(path+".preference", "", "applies to promethee2, not %s", m.Name)
		}
	}
	errs = append(errs, checkNames("criteria", "criterion", p.Criteria, func(j int) string { return fmt.Sprintf("criteria[%d].name", j) })...)
	switch {
	case weighted == 0:
		for j := range p.Weights {
			p.Weights[j] = 1
		}
	case weighted < k:
		for j, c := range req.Criteria {
			if c.Weight == nil {
				fail(fmt.Sprintf("criteria[%d].weight", j), "", "is missing: give every criterion a weight, or none for equal weights")
			}
		}
	default:
		total := 0.0
		for _, x := range p.Weights {
			total += x
		}
		if total == 0 {
			fail("criteria", "", "all weights are zero; at least one criterion needs a positive weight")
		} else if math.IsInf(total, 0) {
			fail("criteria", "", "the weights are too large to add up")
		}
	}
	if m.Name == mcda.MethodPROMETHEE2 {
		m.Preferences = make([]mcda.Preference, k)
		for j, c := range req.Criteria {
			if c.Preference == nil {
				continue
			}
			path := fmt.Sprintf("criteria[%d].preference", j)
			fn, err := mcda.ParsePreferenceFunc(c.Preference.Function)
			if err != nil {
				fail(path+".function", strconv.Quote(truncate(c.Preference.Function, 40)), "must be one of usual, ushape, vshape, level, linear, gaussian")
				continue
			}
			pref := mcda.Preference{Func: fn, Q: c.Preference.Q, P: c.Preference.P, S: c.Preference.S}
			if err := pref.Validate(c.Name); err != nil {
				fail(path, "", "%s", crossroads.ErrorMessage(err))
				continue
			}
			m.Preferences[j] = pref
		}
	}

	n := len(req.Alternatives)
	switch {
	case n == 0:
		fail("alternatives", "", "is required: list at least one alternative")
	case n > maxAlternatives:
		fail("alternatives", "", "has %d alternatives; the limit is %d", n, maxAlternatives)
	}
	for i, alt := range req.Alternatives {
		p.Alternatives = append(p.Alternatives, alt.Name)
		if len(alt.Values) != k {
			fail(fmt.Sprintf("alternatives[%d].values", i), "", "has %d values for %d criteria", len(alt.Values), k)
		}
		p.Values = append(p.Values, alt.Values)
	}
	errs = append(errs, checkNames("alternatives", "alternative", p.Alternatives, func(i int) string { return fmt.Sprintf("alternatives[%d].name", i) })...)
	if len(errs) > 0 {
		return p, m, invalid(bodyName, errs...)
	}
	return p, m, nil
}

// checkNames checks that names are given, not too long, and unique.
func checkNames(list, what string, names []string, path func(int) string) []crossroads.FieldError {
	var errs []crossroads.FieldError
	seen := make(map[string]int, len(names))
	for i, name := range names {
		shown := strconv.Quote(truncate(name, 40))
		switch {
		case strings.TrimSpace(name) == "":
			errs = append(errs, crossroads.FieldError{Path: path(i), Rule: "is required: give each " + what + " a name"})
		case len([]rune(name)) > maxNameRunes:
			errs = append(errs, crossroads.FieldError{Path: path(i), Value: shown, Rule: fmt.Sprintf("is longer than %d characters", maxNameRunes)})
		default:
			if first, dup := seen[name]; dup {
				errs = append(errs, crossroads.FieldError{Path: path(i), Value: shown,
					Rule: fmt.Sprintf("repeats the name of %s[%d]; each %s needs its own name", list, first, what)})
				continue
			}
			seen[name] = i
		}
	}
	return errs
}

func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// maxJudgementBytes bounds a judgement written as text ("1/3").
const maxJudgementBytes = 64

// ahpRequest is the body of POST /ahp.
type ahpRequest struct {
	Names   []string `json:"names"`
	Matrix  [][]any  `json:"matrix"`
	Method  string   `json:"method"`
	RITable string   `json:"ri_table"`
}

// ahp answers POST /ahp.
func (a *api) ahp(w http.ResponseWriter, r *http.Request) error {
	data, _, err := readBody(w, r, a.limit, mediaJSON)
	if err != nil {
		return err
	}
	var req ahpRequest
	if err := decodeJSON(data, &req); err != nil {
		return err
	}
	method, table, m, err := req.check()
	if err != nil {
		return err
	}
	res, err := mcda.AHPNamed(req.Names, m, method, table)
	if err != nil {
		return err
	}
	out := mcda.NewWeighting(req.Names, method, table, res)
	return writeJSON(w, http.StatusOK, out)
}

// check reads the method, the random index table and the matrix, filling
// in null cells as the command line fills in empty ones: 1 on the diagonal,
// the reciprocal of the mirror cell elsewhere.
func (req *ahpRequest) check() (mcda.AHPMethod, mcda.RITable, [][]float64, error) {
	var errs []crossroads.FieldError
	fail := func(path, value, format string, args ...any) {
		errs = append(errs, crossroads.FieldError{Path: path, Value: value, Rule: fmt.Sprintf(format, args...)})
	}
	method, err := mcda.ParseAHPMethod(req.Method)
	if err != nil {
		fail("method", strconv.Quote(truncate(req.Method, 40)), "must be eigenvector or approximate")
	}
	table, err := mcda.ParseRITable(req.RITable)
	if err != nil {
		fail("ri_table", strconv.Quote(truncate(req.RITable, 40)), "must be one of saaty, alonso-lamata, donegan-dodd")
	}
	n := len(req.Names)
	switch {
	case n == 0:
		fail("names", "", "is required: name the items being compared")
	case table != "":
		if _, err := mcda.RandomIndex(table, n); err != nil {
			fail("names", "", "%d items: %s", n, crossroads.ErrorMessage(err))
		}
	}
	errs = append(errs, checkNames("names", "item", req.Names, func(i int) string { return fmt.Sprintf("names[%d]", i) })...)
	if len(req.Matrix) != n {
		fail("matrix", "", "has %d rows for %d names; it must be square, one row and one column per item", len(req.Matrix), n)
	}
	if len(errs) > 0 {
		return "", "", nil, invalid(bodyName, errs...)
	}
	m := make([][]float64, n)
	given := make([][]bool, n)
	for i, row := range req.Matrix {
		m[i] = make([]float64, n)
		given[i] = make([]bool, n)
		if len(row) != n {
			fail(fmt.Sprintf("matrix[%d]", i), "", "has %d cells for %d names", len(row), n)
			continue
		}
		for j, cell := range row {
			path := fmt.Sprintf("matrix[%d][%d]", i, j)
			v, ok, err := judgement(cell)
			switch {
			case err != nil:
				fail(path, describe(cell), "%s", err.Error())
			case ok:
				m[i][j], given[i][j] = v, true
			}
		}
	}
	if len(errs) > 0 {
		return "", "", nil, invalid(bodyName, errs...)
	}
	for i := range n {
		for j := range n {
			switch {
			case given[i][j]:
			case i == j:
				m[i][j] = 1
			case given[j][i]:
				m[i][j] = 1 / m[j][i]
				if math.IsInf(m[i][j], 0) {
					fail(fmt.Sprintf("matrix[%d][%d]", i, j), "null", "the reciprocal of its mirror cell matrix[%d][%d] = %v is too large", j, i, m[j][i])
				}
			default:
				fail(fmt.Sprintf("matrix[%d][%d]", i, j), "null", "is empty, and so is its mirror cell matrix[%d][%d]; give one of them", j, i)
			}
		}
	}
	if len(errs) > 0 {
		return "", "", nil, invalid(bodyName, errs...)
	}
	// The checks of mcda.AHP, here with the paths of the cells.
	for i := range n {
		if math.Abs(m[i][i]-1) > diagonalTolerance {
			fail(fmt.Sprintf("matrix[%d][%d]", i, i), num(m[i][i]), "must be 1 (or null): %s is as important as itself", req.Names[i])
		}
		for j := i + 1; j < n; j++ {
			if math.Abs(m[i][j]*m[j][i]-1) > mcda.ReciprocalTolerance {
				fail(fmt.Sprintf("matrix[%d][%d]", i, j), num(m[i][j]),
					"and its mirror cell matrix[%d][%d] = %s must be reciprocal, such as %s and %s (or leave one of them null)",
					j, i, num(m[j][i]), mcda.FormatJudgement(m[i][j]), mcda.FormatJudgement(1/m[i][j]))
			}
		}
	}
	if len(errs) > 0 {
		return "", "", nil, invalid(bodyName, errs...)
	}
	return method, table, m, nil
}

// diagonalTolerance is how far from 1 a diagonal cell may be; mcda.AHP uses
// the same.
const diagonalTolerance = 1e-9

// judgement reads one cell of a comparison matrix: a positive number, a
// fraction such as "1/3" as text, or null (ok false).
func judgement(cell any) (v float64, ok bool, err error) {
	switch x := cell.(type) {
	case nil:
		return 0, false, nil
	case string:
		if len(x) > maxJudgementBytes {
			return 0, false, fmt.Errorf("is longer than %d characters", maxJudgementBytes)
		}
		v, err := mcda.ParseJudgement(x)
		if err != nil {
			return 0, false, fmt.Errorf("must be a positive number or a fraction such as \"1/3\"")
		}
		return v, true, nil
	case interface{ Float64() (float64, error) }:
		v, err := x.Float64()
		if err != nil || math.IsInf(v, 0) {
			return 0, false, fmt.Errorf("is out of range")
		}
		if v <= 0 {
			return 0, false, fmt.Errorf("must be positive; judgements are ratios such as 3 or 1/3")
		}
		return v, true, nil
	}
	return 0, false, fmt.Errorf("must be a number, a fraction such as \"1/3\", or null")
}
