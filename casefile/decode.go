package casefile

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/crossroads/crossroads"
)

// MaxBytes is the largest case file Parse accepts.
const MaxBytes = 4 << 20

// maxNodes bounds the work of decoding one file, so that YAML aliases that
// expand exponentially cannot exhaust the machine.
const maxNodes = 200_000

// Parse decodes a case file, YAML or JSON (recognised by a leading '{'), and
// validates it. name is the file name used in messages. On bad input it
// returns a *crossroads.ValidationError listing every problem, each with its
// field path, value, rule, line and column.
func Parse(data []byte, name string) (*crossroads.Case, error) {
	c, err := ParseDraft(data, name)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// ParseDraft decodes a case file as Parse does, but it also returns the
// case when the case is incomplete or invalid, next to the
// *crossroads.ValidationError that lists its problems, so that an editor can
// keep working on an unfinished case. The case is nil only when the file
// cannot be read at all (a syntax error, an empty or oversized file).
func ParseDraft(data []byte, name string) (*crossroads.Case, error) {
	c, pos, errs, err := decode(data)
	if err != nil {
		var ve *crossroads.ValidationError
		if errors.As(err, &ve) {
			ve.File = name
		}
		return nil, err
	}
	if verr := c.Validate(); verr != nil {
		ve := verr.(*crossroads.ValidationError)
		pos.locate(ve.Errors)
		decodeErrs := errs[:len(errs):len(errs)]
		for _, fe := range ve.Errors {
			if !coveredBy(fe.Path, decodeErrs) {
				errs = append(errs, fe)
			}
		}
	}
	if len(errs) > 0 {
		ve := &crossroads.ValidationError{File: name, Errors: errs}
		ve.Sort()
		return c, ve
	}
	return c, nil
}

// coveredBy reports whether a validation error at path repeats a decoding
// error already reported at the same path, above it or below it (a field
// that could not be read is also empty, and so "required").
func coveredBy(path string, errs []crossroads.FieldError) bool {
	for _, e := range errs {
		if e.Path == path || strings.HasPrefix(path, e.Path+".") || strings.HasPrefix(path, e.Path+"[") ||
			strings.HasPrefix(e.Path, path+".") || strings.HasPrefix(e.Path, path+"[") {
			return true
		}
	}
	return false
}

// IsJSON reports whether data looks like JSON rather than YAML.
func IsJSON(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(t) > 0 && t[0] == '{'
}

// decode turns data into a Case without validating it. Syntax errors are
// returned as err; structural errors (unknown fields, wrong types, missing
// required fields) are collected in errs while the rest is decoded.
func decode(data []byte) (*crossroads.Case, *positions, []crossroads.FieldError, error) {
	fail := func(line, col int, rule string) error {
		return &crossroads.ValidationError{Errors: []crossroads.FieldError{{Rule: rule, Line: line, Column: col}}}
	}
	if len(data) > MaxBytes {
		return nil, nil, nil, fail(0, 0, fmt.Sprintf("the file is larger than %d MiB", MaxBytes>>20))
	}
	var root *yaml.Node
	if IsJSON(data) {
		n, err := jsonToNode(data)
		if err != nil {
			var se *syntaxError
			if errors.As(err, &se) {
				return nil, nil, nil, fail(se.line, se.col, se.msg)
			}
			return nil, nil, nil, fail(0, 0, err.Error())
		}
		root = n
	} else {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			line, msg := yamlErrorLine(err)
			return nil, nil, nil, fail(line, 0, msg)
		}
		if doc.Kind == 0 || len(doc.Content) == 0 {
			return nil, nil, nil, fail(1, 1, "the file is empty; a case needs at least as_of, person and opportunities")
		}
		root = doc.Content[0]
	}
	d := &decoder{pos: &positions{nodes: map[string]*yaml.Node{}}}
	var c crossroads.Case
	d.value(root, reflect.ValueOf(&c).Elem(), "", crossroads.Checks{})
	if d.count > maxNodes {
		return nil, nil, nil, &crossroads.ValidationError{Errors: d.errs}
	}
	return &c, d.pos, d.errs, nil
}

// yamlErrorLine extracts the line from a yaml.v3 syntax error message
// ("yaml: line 7: mapping values are not allowed in this context").
func yamlErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, tail, ok := strings.Cut(rest, ": ")
		if n, err := strconv.Atoi(num); ok && err == nil {
			return n, "YAML syntax: " + tail
		}
	}
	return 0, "YAML syntax: " + msg
}

// positions maps field paths to the YAML nodes they were read from.
type positions struct {
	nodes map[string]*yaml.Node
}

// locate fills in the line and column of each error from its path, or from
// the nearest enclosing path that was in the file.
func (p *positions) locate(errs []crossroads.FieldError) {
	for i := range errs {
		path := errs[i].Path
		for path != "" {
			if n, ok := p.nodes[path]; ok {
				errs[i].Line, errs[i].Column = n.Line, n.Column
				break
			}
			path = parentPath(path)
		}
	}
}

func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

type decoder struct {
	pos   *positions
	errs  []crossroads.FieldError
	count int
}

func (d *decoder) fail(n *yaml.Node, path, value, format string, args ...any) {
	fe := crossroads.FieldError{Path: path, Value: value, Rule: fmt.Sprintf(format, args...)}
	if n != nil {
		fe.Line, fe.Column = n.Line, n.Column
	}
	d.errs = append(d.errs, fe)
}

var (
	estimateType = reflect.TypeFor[crossroads.Estimate]()
	dateType     = reflect.TypeFor[crossroads.Date]()
)

// kindName names what a YAML node holds, for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return strconv.Quote(truncate(n.Value, 40))
	}
	return "an unexpected value"
}

func shown(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(truncate(n.Value, 40))
	}
	return ""
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// value decodes node n into v (addressable) at path.
func (d *decoder) value(n *yaml.Node, v reflect.Value, path string, checks crossroads.Checks) {
	d.count++
	if d.count > maxNodes {
		if d.count == maxNodes+1 {
			d.fail(n, path, "", "the file is too complex (more than %d values, perhaps through YAML aliases)", maxNodes)
		}
		return
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if path != "" {
		d.pos.nodes[path] = n
	}
	if v.Kind() == reflect.Pointer {
		if isNull(n) {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.value(n, p.Elem(), path, checks)
		v.Set(p)
		return
	}
	switch {
	case v.Type() == estimateType:
		d.estimate(n, v, path)
		return
	case v.Type() == dateType:
		if isNull(n) {
			return
		}
		if n.Kind != yaml.ScalarNode {
			d.fail(n, path, kindName(n), "must be a date written YYYY-MM-DD")
			return
		}
		date, err := crossroads.ParseDate(n.Value)
		if err != nil {
			d.fail(n, path, shown(n), "must be a date written YYYY-MM-DD")
			return
		}
		v.Set(reflect.ValueOf(date))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, v, path)
	case reflect.Slice:
		d.slice(n, v, path)
	case reflect.Map:
		d.mapping(n, v, path)
	case reflect.String:
		if isNull(n) {
			return
		}
		if n.Kind != yaml.ScalarNode {
			d.fail(n, path, kindName(n), "must be text")
			return
		}
		v.SetString(n.Value)
	case reflect.Bool:
		if isNull(n) {
			return
		}
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.fail(n, path, kindName(n), "must be true or false")
			return
		}
		v.SetBool(n.Value == "true" || n.Value == "True" || n.Value == "TRUE")
	case reflect.Int, reflect.Uint64:
		if isNull(n) {
			return
		}
		x, ok := number(n)
		if !ok || x != math.Trunc(x) || math.Abs(x) > 1<<53 {
			d.fail(n, path, kindName(n), "must be a whole number")
			return
		}
		if v.Kind() == reflect.Uint64 {
			if x < 0 {
				d.fail(n, path, shown(n), "must not be negative")
				return
			}
			u, err := strconv.ParseUint(n.Value, 0, 64)
			if err != nil {
				u = uint64(x)
			}
			v.SetUint(u)
			return
		}
		if x > math.MaxInt32 || x < math.MinInt32 {
			d.fail(n, path, shown(n), "is out of range")
			return
		}
		v.SetInt(int64(x))
	case reflect.Float64:
		if isNull(n) {
			return
		}
		x, ok := number(n)
		if !ok {
			d.fail(n, path, kindName(n), "must be a number")
			return
		}
		v.SetFloat(x)
	default:
		panic("casefile: cannot decode into " + v.Type().String())
	}
}

// number parses a YAML int or float scalar. A quoted number is text and is
// refused, so that "12,000" and "12000" are treated alike.
func number(n *yaml.Node) (float64, bool) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		return 0, false
	}
	s := strings.ReplaceAll(n.Value, "_", "")
	if n.Tag == "!!int" {
		if i, err := strconv.ParseInt(s, 0, 64); err == nil {
			return float64(i), true
		}
		if u, err := strconv.ParseUint(s, 0, 64); err == nil {
			return float64(u), true
		}
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value, path string) {
	if isNull(n) {
		return
	}
	t := v.Type()
	if t == reflect.TypeFor[crossroads.Comparison]() && n.Kind == yaml.SequenceNode {
		d.comparisonList(n, v, path)
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, kindName(n), "must be a mapping of fields (%s)", strings.Join(fieldNames(t), ", "))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key := k.Value
		fp := join(path, key)
		if seen[key] {
			d.fail(k, fp, "", "appears twice")
			continue
		}
		seen[key] = true
		f, ok := fieldByName(t, key)
		if !ok {
			msg := fmt.Sprintf("is not a field here; the fields are %s", strings.Join(fieldNames(t), ", "))
			if s := suggest(key, fieldNames(t)); s != "" {
				msg = fmt.Sprintf("is not a field here; did you mean %q?", s)
			}
			d.fail(k, fp, "", "%s", msg)
			continue
		}
		d.value(val, v.FieldByIndex(f.Index), fp, crossroads.ParseChecks(f.Tag.Get("check")))
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := crossroads.FieldName(f)
		if crossroads.ParseChecks(f.Tag.Get("check")).Required && !seen[name] {
			d.fail(n, join(path, name), "", "is required")
		}
	}
}

// comparisonList decodes the short form [a, b, ratio] of a comparison.
func (d *decoder) comparisonList(n *yaml.Node, v reflect.Value, path string) {
	if len(n.Content) != 3 {
		d.fail(n, path, "", "a comparison is [a, b, ratio] or {a, b, ratio}")
		return
	}
	for i, name := range []string{"a", "b", "ratio"} {
		c := n.Content[i]
		if c.Kind != yaml.ScalarNode || isNull(c) {
			d.fail(c, join(path, name), kindName(c), "must be text")
			continue
		}
		d.pos.nodes[join(path, name)] = c
		v.Field(i).SetString(c.Value)
	}
}

func (d *decoder) slice(n *yaml.Node, v reflect.Value, path string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(n, path, kindName(n), "must be a list")
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.value(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i), crossroads.Checks{})
	}
	v.Set(s)
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, kindName(n), "must be a mapping")
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		kp := join(path, k.Value)
		if m.MapIndex(reflect.ValueOf(k.Value)).IsValid() {
			d.fail(k, kp, "", "appears twice")
			continue
		}
		e := reflect.New(v.Type().Elem()).Elem()
		d.value(val, e, kp, crossroads.Checks{})
		m.SetMapIndex(reflect.ValueOf(k.Value), e)
	}
	v.Set(m)
}

// estimate decodes a number or a range {min, likely, max}.
func (d *decoder) estimate(n *yaml.Node, v reflect.Value, path string) {
	if isNull(n) {
		return
	}
	if n.Kind == yaml.ScalarNode {
		x, ok := number(n)
		if !ok {
			d.fail(n, path, kindName(n), "must be a number or a range {min, likely, max}")
			return
		}
		v.Set(reflect.ValueOf(crossroads.Exactly(x)))
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, kindName(n), "must be a number or a range {min, likely, max}")
		return
	}
	vals := map[string]float64{}
	bad := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		kp := join(path, k.Value)
		switch k.Value {
		case "min", "likely", "max":
		default:
			d.fail(k, kp, "", "is not part of a range; use min, likely and max")
			bad = true
			continue
		}
		if _, dup := vals[k.Value]; dup {
			d.fail(k, kp, "", "appears twice")
			bad = true
			continue
		}
		d.pos.nodes[kp] = val
		x, ok := number(val)
		if !ok {
			d.fail(val, kp, kindName(val), "must be a number")
			bad = true
			continue
		}
		vals[k.Value] = x
	}
	if bad {
		return
	}
	lo, okLo := vals["min"]
	hi, okHi := vals["max"]
	if !okLo || !okHi {
		d.fail(n, path, "", "a range needs min and max (likely is optional and defaults to their midpoint)")
		return
	}
	likely, ok := vals["likely"]
	if !ok {
		likely = (lo + hi) / 2
	}
	v.Set(reflect.ValueOf(crossroads.Range(lo, likely, hi)))
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func fieldByName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.IsExported() && crossroads.FieldName(f) == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func fieldNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() {
			names = append(names, crossroads.FieldName(f))
		}
	}
	return names
}

// suggest returns the candidate closest to s by edit distance, if it is
// close enough to be a likely typo.
func suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), c); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(1, len(s)/3) {
		return best
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
