package mcda

import (
	"fmt"
	"math"
	"strings"

	"github.com/crossroads/crossroads"
)

// CriterionType says in which direction a criterion is better.
type CriterionType int

// The criterion types.
const (
	Benefit CriterionType = iota // higher values are better
	Cost                         // lower values are better
)

// String returns "benefit" or "cost".
func (t CriterionType) String() string {
	switch t {
	case Benefit:
		return "benefit"
	case Cost:
		return "cost"
	}
	return fmt.Sprintf("CriterionType(%d)", int(t))
}

// ParseCriterionType reads "benefit" (or "max") and "cost" (or "min"),
// ignoring case and surrounding space.
func ParseCriterionType(s string) (CriterionType, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "benefit", "max":
		return Benefit, nil
	case "cost", "min":
		return Cost, nil
	}
	return 0, crossroads.Errorf(crossroads.Invalid, "criterion type %q is not benefit or cost", s)
}

// Problem is a decision matrix: alternatives (rows) scored on criteria
// (columns), with a direction and a weight for each criterion.
type Problem struct {
	Alternatives []string
	Criteria     []string
	Types        []CriterionType
	Weights      []float64   // >= 0, normalised by the methods to sum 1; all zero is an error
	Values       [][]float64 // Values[i][j]: alternative i, criterion j
}

// altName returns the name of alternative i for messages.
func (p Problem) altName(i int) string {
	if i < len(p.Alternatives) && p.Alternatives[i] != "" {
		return p.Alternatives[i]
	}
	return fmt.Sprintf("#%d", i+1)
}

// critName returns the name of criterion j for messages.
func (p Problem) critName(j int) string {
	if j < len(p.Criteria) && p.Criteria[j] != "" {
		return p.Criteria[j]
	}
	return fmt.Sprintf("#%d", j+1)
}

// Validate reports the first problem it finds: no alternative or criterion,
// lengths of Types, Weights and Values that do not match the names, a row of
// the wrong length, an unknown criterion type, a weight that is negative or
// not finite, weights that are all zero, or a value that is NaN or infinite.
// Every message names the alternative and criterion concerned.
func (p Problem) Validate() error {
	if err := p.validateShape(); err != nil {
		return err
	}
	for i, row := range p.Values {
		for j, x := range row {
			if !finite(x) {
				return p.badValue(i, j, x)
			}
		}
	}
	return nil
}

// validateShape checks everything but the values themselves.
func (p Problem) validateShape() error {
	m, n := len(p.Alternatives), len(p.Criteria)
	if m == 0 {
		return invalidf("the problem has no alternatives")
	}
	if err := p.validateCriteria(); err != nil {
		return err
	}
	if len(p.Values) != m {
		return invalidf("%d rows of values for %d alternatives", len(p.Values), m)
	}
	for i, row := range p.Values {
		if len(row) != n {
			return invalidf("alternative %q has %d values for %d criteria", p.altName(i), len(row), n)
		}
	}
	return nil
}

// validateCriteria checks the criteria, their types and their weights.
func (p Problem) validateCriteria() error {
	n := len(p.Criteria)
	if n == 0 {
		return invalidf("the problem has no criteria")
	}
	if len(p.Types) != n {
		return invalidf("%d criterion types for %d criteria", len(p.Types), n)
	}
	if len(p.Weights) != n {
		return invalidf("%d weights for %d criteria", len(p.Weights), n)
	}
	for j, t := range p.Types {
		if t != Benefit && t != Cost {
			return invalidf("criterion %q: unknown type %d", p.critName(j), int(t))
		}
	}
	total := 0.0
	for j, w := range p.Weights {
		switch {
		case !finite(w):
			return invalidf("criterion %q: weight %v is not a finite number", p.critName(j), w)
		case w < 0:
			return invalidf("criterion %q: weight %v is negative", p.critName(j), w)
		}
		total += w
	}
	if total == 0 {
		return invalidf("all weights are zero; at least one criterion needs a positive weight")
	}
	if math.IsInf(total, 0) {
		return invalidf("the weights are too large to add up")
	}
	return nil
}

func (p Problem) badValue(i, j int, x float64) error {
	return invalidf("alternative %q, criterion %q: value %v is not a finite number", p.altName(i), p.critName(j), x)
}

// normalizedWeights returns the weights divided by their sum. The caller has
// validated them.
func normalizedWeights(w []float64) []float64 {
	total := 0.0
	for _, x := range w {
		total += x
	}
	out := make([]float64, len(w))
	for j, x := range w {
		out[j] = x / total
	}
	return out
}

// finite reports whether x is neither NaN nor infinite.
func finite(x float64) bool { return x-x == 0 }

func invalidf(format string, args ...any) error {
	return crossroads.Errorf(crossroads.Invalid, format, args...)
}
