package web

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/crossroads/crossroads"
)

// Form is what a page of the guided editor shows in its inputs: the values
// (from the stored case, or as the person typed them when the page comes
// back with problems) and the problems by input name. Its methods build the
// Field of each input for the "field" template.
type Form struct {
	Values url.Values
	// Errors are the messages by case path.
	Errors map[string][]string
	// Order lists the paths of Errors in the order of the page's summary.
	Order []string
	// Labels are the labels of the inputs, by path, as the page built
	// them; the summary of problems uses them.
	Labels map[string]string
	// Currency of the case, for the units of amounts.
	Currency string
}

// newForm returns a Form of the values and problems.
func newForm(vals url.Values, problems []crossroads.FieldError, currency string) *Form {
	f := &Form{Values: vals, Errors: map[string][]string{}, Labels: map[string]string{}, Currency: currency}
	for _, p := range problems {
		if _, seen := f.Errors[p.Path]; !seen {
			f.Order = append(f.Order, p.Path)
		}
		msg := p.Rule
		if p.Value != "" && !strings.Contains(p.Rule, p.Value) {
			msg = fmt.Sprintf("%s (you entered %s)", p.Rule, p.Value)
		}
		f.Errors[p.Path] = append(f.Errors[p.Path], capitalize(msg)+".")
	}
	return f
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Problem is one entry of the summary of problems at the top of a form.
type Problem struct {
	Anchor  string // the id of the input
	Label   string
	Message string
}

// Summary lists the form's problems for the box at the top of the page,
// each linking to its input.
func (f *Form) Summary() []Problem {
	var out []Problem
	for _, p := range f.Order {
		for _, m := range f.Errors[p] {
			out = append(out, Problem{Anchor: inputID(baseOf(p)), Label: f.label(p), Message: m})
		}
	}
	return out
}

// baseOf returns the path of the input an error belongs to: the path of an
// uncertain number for its min and max.
func baseOf(p string) string {
	for _, suf := range []string{".min", ".max"} {
		if b, ok := strings.CutSuffix(p, suf); ok {
			return b
		}
	}
	return p
}

// label returns a readable name of a path: the label of its input, or its
// last part in words.
func (f *Form) label(p string) string {
	if l, ok := f.Labels[baseOf(p)]; ok {
		return l
	}
	last := p
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		last = p[i+1:]
	}
	last = strings.TrimSuffix(last, "]")
	if i := strings.IndexByte(last, '['); i >= 0 {
		last = last[:i]
	}
	return capitalize(strings.ReplaceAll(last, "_", " "))
}

// Value returns the value of the input at path.
func (f *Form) Value(path string) string { return f.Values.Get(path) }

// Field is one input as the "field" template draws it.
type Field struct {
	Kind  string // text, textarea, number, date, checkbox, select, radio, estimate
	ID    string
	Name  string
	Label string
	Hint  string
	Unit  string // after the input: "$ a month", "%", "minutes"
	Value string
	// Min and Max are the bounds of an uncertain number.
	Min, Max string
	Options  []Option
	Errors   []string
	Rows     int
	// CheckValue is the value a checkbox sends when checked.
	CheckValue string
}

// Option is one choice of a select or a radio group.
type Option struct {
	Value, Label string
	Selected     bool
}

// Described returns the ids that describe the input (hint and errors).
func (fd Field) Described() string {
	var ids []string
	if fd.Hint != "" {
		ids = append(ids, fd.ID+"-hint")
	}
	if len(fd.Errors) > 0 {
		ids = append(ids, fd.ID+"-error")
	}
	return strings.Join(ids, " ")
}

// RangeOpen reports whether the range part of an uncertain number starts
// open: when it holds a value or a problem.
func (fd Field) RangeOpen() bool { return fd.Min != "" || fd.Max != "" || len(fd.Errors) > 0 }

var idUnsafe = regexp.MustCompile(`[^a-z0-9]+`)

// inputID returns the HTML id of the input at a case path.
func inputID(path string) string {
	return "f-" + strings.Trim(idUnsafe.ReplaceAllString(path, "-"), "-")
}

func (f *Form) field(kind, path, label, hint string) Field {
	f.Labels[path] = label
	fd := Field{Kind: kind, ID: inputID(path), Name: path, Label: label, Hint: hint, Value: f.Value(path)}
	fd.Errors = append(fd.Errors, f.Errors[path]...)
	if kind == "estimate" {
		fd.Min, fd.Max = f.Value(path+".min"), f.Value(path+".max")
		fd.Errors = append(fd.Errors, f.Errors[path+".min"]...)
		fd.Errors = append(fd.Errors, f.Errors[path+".max"]...)
	}
	return fd
}

// Text is a one-line text input.
func (f *Form) Text(path, label, hint string) Field { return f.field("text", path, label, hint) }

// TextArea is a text input of several lines; for a list, one entry a line.
func (f *Form) TextArea(path, label, hint string) Field {
	fd := f.field("textarea", path, label, hint)
	fd.Rows = max(3, min(10, strings.Count(fd.Value, "\n")+2))
	return fd
}

// Number is a number input with its unit.
func (f *Form) Number(path, label, unit, hint string) Field {
	fd := f.field("number", path, label, hint)
	fd.Unit = f.unit(unit)
	return fd
}

// Estimate is an uncertain number: the most likely value, and a range that
// opens on demand.
func (f *Form) Estimate(path, label, unit, hint string) Field {
	fd := f.field("estimate", path, label, hint)
	fd.Unit = f.unit(unit)
	return fd
}

// unit writes "$" units in the case's currency.
func (f *Form) unit(u string) string {
	if rest, ok := strings.CutPrefix(u, "$"); ok && f.Currency != "" && f.Currency != "USD" {
		return f.Currency + rest
	}
	return u
}

// Date is a date input.
func (f *Form) Date(path, label, hint string) Field { return f.field("date", path, label, hint) }

// Check is a checkbox for a yes/no field.
func (f *Form) Check(path, label, hint string) Field {
	fd := f.field("checkbox", path, label, hint)
	fd.CheckValue = "true"
	return fd
}

// Select is a choice among options written "value|label"; a value of ""
// is the choice of leaving the field out (its default).
func (f *Form) Select(path, label, hint string, options ...string) Field {
	fd := f.field("select", path, label, hint)
	fd.Options = f.options(fd.Value, options)
	return fd
}

// Radio is Select drawn as radio buttons.
func (f *Form) Radio(path, label, hint string, options ...string) Field {
	fd := f.Select(path, label, hint, options...)
	fd.Kind = "radio"
	return fd
}

// YesNo is an optional yes/no: not sure (the default, described by
// ifUnsure), yes or no.
func (f *Form) YesNo(path, label, hint, ifUnsure string) Field {
	return f.Select(path, label, hint, "|Not sure ("+ifUnsure+")", "true|Yes", "false|No")
}

// Rating is a 0–10 judgement, with the meaning of both ends and the
// default when left out.
func (f *Form) Rating(path, label, hint, low, high, def string) Field {
	opts := []string{"|Not sure (" + def + ")"}
	for i := 0; i <= 10; i++ {
		l := strconv.Itoa(i)
		switch i {
		case 0:
			l += " — " + low
		case 10:
			l += " — " + high
		}
		opts = append(opts, strconv.Itoa(i)+"|"+l)
	}
	fd := f.Select(path, label, hint, opts...)
	if fd.Value != "" && !slices.ContainsFunc(fd.Options, func(o Option) bool { return o.Selected }) {
		// A rating that is not a whole number (from a case file) keeps
		// its own choice.
		fd.Options = append(fd.Options, Option{Value: fd.Value, Label: fd.Value, Selected: true})
	}
	return fd
}

func (f *Form) options(value string, options []string) []Option {
	out := make([]Option, 0, len(options))
	found := false
	for _, o := range options {
		v, l, ok := strings.Cut(o, "|")
		if !ok {
			l = v
		}
		sel := v == value
		found = found || sel
		out = append(out, Option{Value: v, Label: l, Selected: sel})
	}
	if !found && value != "" {
		out = append(out, Option{Value: value, Label: value, Selected: true})
	}
	return out
}

// Rows returns the indexes of the rows of a list of records at path: the
// rows the form holds up to the last filled one, and two blank ones for
// additions, within limit rows.
func (f *Form) Rows(path string, limit int) []int {
	n := 0
	prefix := path + "["
	for k, v := range f.Values {
		if len(v) == 0 || strings.TrimSpace(v[0]) == "" {
			continue // a blank row, sent back as it was
		}
		if rest, ok := strings.CutPrefix(k, prefix); ok {
			if i := strings.IndexByte(rest, ']'); i > 0 {
				if x, err := strconv.Atoi(rest[:i]); err == nil && x+1 > n && x < limit {
					n = x + 1
				}
			}
		}
	}
	return seqInts(min(n+2, limit))
}

func seqInts(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
