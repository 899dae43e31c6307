package crossroads

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// FieldError is one problem with one field of a case.
type FieldError struct {
	// Path of the field, such as "opportunities[1].pay.amount".
	Path string `json:"path"`
	// Value as written, or "" when the field is missing.
	Value string `json:"value,omitempty"`
	// Rule the value breaks, in plain words.
	Rule string `json:"rule"`
	// Line and Column of the value in the case file (1-based), when known.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
}

func (e FieldError) String() string { return e.format("") }

// format writes the error as "file:line:col: path: value: rule", leaving
// out the parts that are unknown.
func (e FieldError) format(file string) string {
	var b strings.Builder
	switch {
	case file != "" && e.Line > 0 && e.Column > 0:
		fmt.Fprintf(&b, "%s:%d:%d: ", file, e.Line, e.Column)
	case file != "" && e.Line > 0:
		fmt.Fprintf(&b, "%s:%d: ", file, e.Line)
	case file != "":
		b.WriteString(file + ": ")
	case e.Line > 0 && e.Column > 0:
		fmt.Fprintf(&b, "line %d, column %d: ", e.Line, e.Column)
	case e.Line > 0:
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	if e.Value != "" {
		b.WriteString(e.Value + ": ")
	}
	b.WriteString(e.Rule)
	return b.String()
}

// ValidationError lists every problem found in a case at once.
type ValidationError struct {
	// File is the name of the case file, if any.
	File   string       `json:"file,omitempty"`
	Errors []FieldError `json:"errors"`
}

func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		lines[i] = fe.format(e.File)
	}
	return strings.Join(lines, "\n")
}

// Sort orders the errors by position in the file, then by path.
func (e *ValidationError) Sort() {
	sort.SliceStable(e.Errors, func(i, j int) bool {
		a, b := e.Errors[i], e.Errors[j]
		if a.Line != b.Line {
			if a.Line == 0 || b.Line == 0 {
				return b.Line == 0
			}
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Path < b.Path
	})
}

// Validate checks the case and returns a *ValidationError listing every
// problem, or nil. It checks each field's own rule (its `check` tag) and the
// rules that tie fields together: unique ids, dates in order, weights that
// can be normalised, complete pairwise comparisons.
func (c *Case) Validate() error {
	v := &validator{}
	v.walk(reflect.ValueOf(c).Elem(), "")
	c.crossChecks(v)
	if len(v.errs) == 0 {
		return nil
	}
	return &ValidationError{Errors: v.errs}
}

type validator struct{ errs []FieldError }

func (v *validator) add(path, value, format string, args ...any) {
	v.errs = append(v.errs, FieldError{Path: path, Value: value, Rule: fmt.Sprintf(format, args...)})
}

func joinPath(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// FieldName returns the case-file name of a struct field (its yaml tag).
func FieldName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

var (
	estimateType = reflect.TypeFor[Estimate]()
	dateType     = reflect.TypeFor[Date]()
)

// walk checks the fields of the struct value sv against their check tags and
// descends into nested values.
func (v *validator) walk(sv reflect.Value, path string) {
	st := sv.Type()
	for i := range st.NumField() {
		f := st.Field(i)
		if !f.IsExported() {
			continue
		}
		fv := sv.Field(i)
		p := joinPath(path, FieldName(f))
		rules := ParseChecks(f.Tag.Get("check"))
		v.checkField(fv, p, rules)
		v.descend(fv, p)
	}
}

func (v *validator) descend(fv reflect.Value, p string) {
	switch fv.Kind() {
	case reflect.Struct:
		if fv.Type() != estimateType && fv.Type() != dateType {
			v.walk(fv, p)
		}
	case reflect.Pointer:
		if !fv.IsNil() {
			v.descend(fv.Elem(), p)
		}
	case reflect.Slice:
		for j := range fv.Len() {
			if fv.Index(j).Kind() == reflect.Struct {
				v.walk(fv.Index(j), fmt.Sprintf("%s[%d]", p, j))
			}
		}
	}
}

// MaxMoney is the largest amount of money a case may hold: far above any
// one person's pay or savings in any currency, and small enough that sums,
// squares and tax brackets over a lifetime of months stay finite.
const MaxMoney = 1e12

// Checks are the parsed rules of a field's `check` tag.
type Checks struct {
	Required bool
	Money    bool     // finite, 0 to MaxMoney
	Prob     bool     // in [0, 1]
	Rating   bool     // in [0, 10]
	NonNeg   bool     // >= 0
	Min, Max *float64 // bounds on a number, or on a length or count
	Enum     []string
	ID       bool
	SOC      bool
	Currency bool
	State    bool // a U.S. state or DC postal code
}

// ParseChecks parses a `check` struct tag.
func ParseChecks(tag string) Checks {
	var c Checks
	if tag == "" {
		return c
	}
	for _, part := range strings.Split(tag, ",") {
		key, val, _ := strings.Cut(part, "=")
		switch key {
		case "required":
			c.Required = true
		case "money":
			c.Money = true
		case "prob":
			c.Prob = true
		case "rating":
			c.Rating = true
		case "nonneg":
			c.NonNeg = true
		case "min", "max":
			x, err := strconv.ParseFloat(val, 64)
			if err != nil {
				panic("crossroads: bad check tag " + tag)
			}
			if key == "min" {
				c.Min = &x
			} else {
				c.Max = &x
			}
		case "enum":
			c.Enum = strings.Split(val, "|")
		case "id":
			c.ID = true
		case "soc":
			c.SOC = true
		case "currency":
			c.Currency = true
		case "state":
			c.State = true
		default:
			panic("crossroads: unknown check " + key)
		}
	}
	return c
}

var (
	idPattern       = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,39}$`)
	socPattern      = regexp.MustCompile(`^\d{2}-\d{4}(\.\d{2})?$`)
	currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)
)

// IDPattern, SOCPattern and CurrencyPattern are the regular expressions of
// the id, soc and currency checks, for the schema.
var (
	IDPattern       = idPattern.String()
	SOCPattern      = socPattern.String()
	CurrencyPattern = currencyPattern.String()
)

func fmtNum(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func (v *validator) checkField(fv reflect.Value, p string, c Checks) {
	if fv.Kind() == reflect.Pointer {
		if fv.IsNil() {
			if c.Required {
				v.add(p, "", "is required")
			}
			return
		}
		fv = fv.Elem()
	}
	switch {
	case fv.Type() == estimateType:
		e := fv.Interface().(Estimate)
		if !e.valid() {
			v.add(p, e.String(), "a range needs min ≤ likely ≤ max, all finite numbers")
			return
		}
		for _, x := range []float64{e.Min, e.Likely, e.Max} {
			if !v.checkNumber(p, e.String(), x, c) {
				return
			}
		}
	case fv.Type() == dateType:
		if c.Required && fv.Interface().(Date).IsZero() {
			v.add(p, "", "is required (a date written YYYY-MM-DD)")
		}
	case fv.Kind() == reflect.Float64:
		x := fv.Float()
		v.checkNumber(p, fmtNum(x), x, c)
	case fv.Kind() == reflect.Int:
		// A whole number of 0 means "not given": the default applies.
		if x := float64(fv.Int()); x != 0 {
			v.checkNumber(p, fmtNum(x), x, c)
		}
	case fv.Kind() == reflect.String:
		s := fv.String()
		if s == "" {
			if c.Required {
				v.add(p, "", "is required")
			}
			return
		}
		switch {
		case len(c.Enum) > 0 && !contains(c.Enum, s):
			v.add(p, strconv.Quote(s), "must be one of %s", strings.Join(c.Enum, ", "))
		case c.ID && !idPattern.MatchString(s):
			v.add(p, strconv.Quote(s), "must be a short id: lower-case letters, digits, '-' or '_', starting with a letter, at most 40 characters")
		case c.SOC && !socPattern.MatchString(s):
			v.add(p, strconv.Quote(s), "must be an O*NET-SOC code such as 43-4051.00")
		case c.State && !IsState(s):
			v.add(p, strconv.Quote(s), "must be the two-letter postal code of a U.S. state or DC, such as NY")
		case c.Currency && !currencyPattern.MatchString(s):
			v.add(p, strconv.Quote(s), "must be a three-letter ISO 4217 currency code such as USD")
		case c.Max != nil && float64(len([]rune(s))) > *c.Max:
			v.add(p, strconv.Quote(truncate(s, 40)), "must be at most %s characters long", fmtNum(*c.Max))
		}
	case fv.Kind() == reflect.Slice:
		n := float64(fv.Len())
		if c.Required && n == 0 {
			v.add(p, "", "is required")
			return
		}
		if c.Min != nil && n < *c.Min {
			v.add(p, "", "needs at least %s entries (has %d)", fmtNum(*c.Min), fv.Len())
		}
		if c.Max != nil && n > *c.Max {
			v.add(p, "", "may have at most %s entries (has %d)", fmtNum(*c.Max), fv.Len())
		}
	}
}

// checkNumber reports the first rule x breaks and returns false, or true.
func (v *validator) checkNumber(p, shown string, x float64, c Checks) bool {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		v.add(p, shown, "must be a finite number")
	case c.Money && x < 0:
		v.add(p, shown, "must not be negative (an amount of money)")
	case c.Money && x > MaxMoney:
		v.add(p, shown, "must be at most 1,000,000,000,000 (an amount of money)")
	case c.Prob && (x < 0 || x > 1):
		v.add(p, shown, "must be a probability between 0 and 1")
	case c.Rating && (x < 0 || x > 10):
		v.add(p, shown, "must be a rating between 0 and 10")
	case c.NonNeg && x < 0:
		v.add(p, shown, "must not be negative")
	case c.Min != nil && x < *c.Min:
		v.add(p, shown, "must be at least %s", fmtNum(*c.Min))
	case c.Max != nil && x > *c.Max:
		v.add(p, shown, "must be at most %s", fmtNum(*c.Max))
	default:
		return true
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
