package web

import (
	"fmt"
	"math"
	"net/url"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/crossroads/crossroads"
)

// The guided editor names every input by the case path of the field it
// edits, exactly as validation errors name fields: "person.monthly_expenses",
// "opportunities[1].pay.amount", "criteria.weights.commute". So a
// crossroads.FieldError's Path says which input a message belongs beside.
//
// Conventions of the forms, on top of the case paths:
//   - an uncertain number (crossroads.Estimate) is the input at its path (the
//     most likely value) and two optional inputs at path.min and path.max;
//   - a probability or share (check tag "prob") is entered in percent;
//   - a list of words ([]string) is a textarea, one entry a line;
//   - a list of records (person.experience) is a table of rows whose inputs
//     carry the row index; rows left blank are dropped;
//   - an optional yes/no (*bool) is a choice of "", "true" and "false";
//   - an empty input means "not given": nil for optional fields, so that
//     the documented default applies, and zero otherwise.

// maxFormIndex bounds the indexes a form may use, so that a forged input
// name cannot make the server allocate a huge slice.
const maxFormIndex = 99

// maxPathLen bounds the length of an input name that is decoded.
const maxPathLen = 200

var (
	estimateType = reflect.TypeFor[crossroads.Estimate]()
	dateType     = reflect.TypeFor[crossroads.Date]()
)

// seg is one step of a case path: a field or map key, and an optional index.
type seg struct {
	name  string
	index int // -1 when the step has no index
}

// parsePath splits a case path into its steps. It accepts lower-case
// names of letters, digits, '_' and '-', each optionally followed by one
// index in brackets.
func parsePath(p string) ([]seg, error) {
	if p == "" || len(p) > maxPathLen {
		return nil, fmt.Errorf("not a field name")
	}
	parts := strings.Split(p, ".")
	out := make([]seg, 0, len(parts))
	for _, part := range parts {
		s := seg{index: -1}
		name := part
		if i := strings.IndexByte(part, '['); i >= 0 {
			if !strings.HasSuffix(part, "]") {
				return nil, fmt.Errorf("not a field name")
			}
			n, err := strconv.Atoi(part[i+1 : len(part)-1])
			if err != nil || n < 0 || n > maxFormIndex || part[i+1] == '+' {
				return nil, fmt.Errorf("not a field name")
			}
			name, s.index = part[:i], n
		}
		if name == "" {
			return nil, fmt.Errorf("not a field name")
		}
		for _, r := range name {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
				return nil, fmt.Errorf("not a field name")
			}
		}
		s.name = name
		out = append(out, s)
	}
	return out, nil
}

// under reports whether path is prefix or lies below it.
func under(path, prefix string) bool {
	if !strings.HasPrefix(path, prefix) {
		return false
	}
	rest := path[len(prefix):]
	return rest == "" || rest[0] == '.' || rest[0] == '['
}

// fieldInfo is a struct field as forms see it.
type fieldInfo struct {
	index  int
	checks crossroads.Checks
}

// fieldCache holds, for each struct type of the case, its fields by
// case-file name.
var fieldCache sync.Map // reflect.Type → map[string]fieldInfo

// field finds the struct field of t whose case-file name is name.
func field(t reflect.Type, name string) (fieldInfo, bool) {
	m, ok := fieldCache.Load(t)
	if !ok {
		fields := map[string]fieldInfo{}
		for i := range t.NumField() {
			f := t.Field(i)
			if f.IsExported() {
				fields[crossroads.FieldName(f)] = fieldInfo{i, crossroads.ParseChecks(f.Tag.Get("check"))}
			}
		}
		m, _ = fieldCache.LoadOrStore(t, fields)
	}
	fi, ok := m.(map[string]fieldInfo)[name]
	return fi, ok
}

// target is where a path leads: the value, the checks of the field that
// holds it, and what is left of the path (the min or max of an Estimate).
type target struct {
	v      reflect.Value
	checks crossroads.Checks
	rest   []seg
}

// locate walks root (an addressable crossroads.Case) along segs. With create
// it allocates nil pointers, grows slices and makes maps on the way; without
// it, ok is false when the path does not exist.
func locate(root reflect.Value, segs []seg, create bool) (t target, ok bool, err error) {
	v := root
	var checks crossroads.Checks
	for i := 0; i < len(segs); i++ {
		s := segs[i]
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if !create {
					return t, false, nil
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		switch {
		case v.Type() == estimateType:
			if s.index >= 0 || (s.name != "min" && s.name != "max") || i != len(segs)-1 {
				return t, false, fmt.Errorf("not a field of this form")
			}
			return target{v, checks, segs[i:]}, true, nil
		case v.Kind() == reflect.Struct && v.Type() != dateType:
			f, found := field(v.Type(), s.name)
			if !found {
				return t, false, fmt.Errorf("not a field of this form")
			}
			v = v.Field(f.index)
			checks = f.checks
		case v.Kind() == reflect.Map && v.Type().Key().Kind() == reflect.String:
			if s.index >= 0 || i != len(segs)-1 {
				return t, false, fmt.Errorf("not a field of this form")
			}
			if v.IsNil() {
				if !create {
					return t, false, nil
				}
				v.Set(reflect.MakeMap(v.Type()))
			}
			return target{v, crossroads.Checks{}, segs[i:]}, true, nil
		default:
			return t, false, fmt.Errorf("not a field of this form")
		}
		if s.index >= 0 {
			if v.Kind() != reflect.Slice {
				return t, false, fmt.Errorf("not a field of this form")
			}
			if s.index >= v.Len() {
				if !create {
					return t, false, nil
				}
				grown := reflect.MakeSlice(v.Type(), s.index+1, s.index+1)
				reflect.Copy(grown, v)
				v.Set(grown)
			}
			v = v.Index(s.index)
			checks = crossroads.Checks{}
		}
	}
	return target{v, checks, nil}, true, nil
}

// estimateParts are the three inputs of one uncertain number.
type estimateParts struct {
	likely, min, max string
}

// decodeForm applies the inputs of form that lie under the owned paths to
// c. Each owned path is first reset to its zero value, so that an empty
// input clears a field, an unchecked box is false and a dropped row goes.
// Inputs outside the owned paths are ignored. It returns one FieldError for
// each input it could not read (its Path is the input's name); the case is
// not validated here.
func decodeForm(c *crossroads.Case, form url.Values, owned []string) []crossroads.FieldError {
	root := reflect.ValueOf(c).Elem()
	var errs []crossroads.FieldError
	fail := func(path, value, rule string) {
		errs = append(errs, crossroads.FieldError{Path: path, Value: value, Rule: rule})
	}
	for _, p := range owned {
		segs, err := parsePath(p)
		if err != nil {
			panic("web: bad owned path " + p)
		}
		t, ok, err := locate(root, segs, false)
		if err != nil {
			panic("web: bad owned path " + p + ": " + err.Error())
		}
		if ok && len(t.rest) == 0 {
			t.v.SetZero()
		}
	}
	keys := make([]string, 0, len(form))
	rows := map[string]bool{} // row prefix → whether any of its inputs is filled
	rowOf := map[string]string{}
	for k := range form {
		for _, p := range owned {
			if under(k, p) {
				keys = append(keys, k)
				// An input of a row of a list, such as person.income[1].label.
				if rest := k[len(p):]; strings.HasPrefix(rest, "[") {
					if i := strings.IndexByte(rest, ']'); i > 0 {
						row := p + rest[:i+1]
						rowOf[k] = row
						rows[row] = rows[row] || strings.TrimSpace(form.Get(k)) != ""
					}
				}
				break
			}
		}
	}
	// A row left blank is dropped: its inputs are not read, so that its
	// required fields are not missing.
	keys = slices.DeleteFunc(keys, func(k string) bool {
		row, ok := rowOf[k]
		return ok && !rows[row]
	})
	sort.Strings(keys)
	estimates := map[string]*estimateParts{}
	var estimateOrder []string
	for _, k := range keys {
		raw := strings.TrimSpace(form.Get(k))
		if !validText(raw) {
			fail(k, "", "must be plain text (it holds characters that are not letters, digits or punctuation)")
			continue
		}
		segs, err := parsePath(k)
		if err != nil {
			fail(k, "", "is not a field of this form")
			continue
		}
		t, _, err := locate(root, segs, true)
		if err != nil {
			fail(k, "", "is not a field of this form")
			continue
		}
		v := t.v
		if v.Kind() == reflect.Map {
			if len(t.rest) != 1 {
				fail(k, "", "is not a field of this form")
				continue
			}
			if raw == "" {
				continue // not given: the default applies
			}
			x, rule := parseNumber(raw, crossroads.Checks{})
			if rule != "" {
				fail(k, raw, rule)
				continue
			}
			v.SetMapIndex(reflect.ValueOf(t.rest[0].name), reflect.ValueOf(x))
			continue
		}
		isEstimate := v.Type() == estimateType || (v.Kind() == reflect.Pointer && v.Type().Elem() == estimateType)
		if isEstimate {
			base := k
			part := 0
			if len(t.rest) == 1 {
				base = strings.TrimSuffix(k, "."+t.rest[0].name)
				part = map[string]int{"min": 1, "max": 2}[t.rest[0].name]
			}
			ep := estimates[base]
			if ep == nil {
				ep = &estimateParts{}
				estimates[base] = ep
				estimateOrder = append(estimateOrder, base)
			}
			*[]*string{&ep.likely, &ep.min, &ep.max}[part] = raw
			continue
		}
		if rule := setLeaf(v, t.checks, raw); rule != "" {
			fail(k, raw, rule)
		}
	}
	for _, base := range estimateOrder {
		ep := estimates[base]
		segs, _ := parsePath(base)
		t, _, err := locate(root, segs, true)
		if err != nil {
			continue
		}
		setEstimate(t.v, t.checks, base, ep, fail)
	}
	for _, p := range owned {
		segs, _ := parsePath(p)
		t, ok, _ := locate(root, segs, false)
		if ok && t.v.Kind() == reflect.Slice && t.v.Type().Elem().Kind() == reflect.Struct {
			compact(t.v)
		}
		// A required number the form did not send at all is as missing as
		// one sent empty.
		if ok && t.checks.Required && (t.v.Kind() == reflect.Float64 || t.v.Type() == estimateType) &&
			!form.Has(p) && !form.Has(p+".min") && !form.Has(p+".max") {
			fail(p, "", "is required")
		}
	}
	return errs
}

// validText reports whether s is valid UTF-8 without control characters
// other than tabs and line breaks.
func validText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' || r == 0x7f || r == '\ufeff' {
			return false
		}
	}
	return true
}

// compact removes the zero elements (blank rows) of a slice of structs.
func compact(v reflect.Value) {
	n := 0
	for i := range v.Len() {
		if !v.Index(i).IsZero() {
			v.Index(n).Set(v.Index(i))
			n++
		}
	}
	if n == 0 {
		v.SetZero()
		return
	}
	v.SetLen(n)
}

// setEstimate sets an uncertain number from its three inputs: the most
// likely value alone is a certain number; with a lower or upper bound it is
// a range whose missing bound is the likely value; with only the bounds the
// likely value is their midpoint. Nothing given clears the field. Problems
// go to fail.
func setEstimate(v reflect.Value, checks crossroads.Checks, base string, ep *estimateParts, fail func(path, value, rule string)) {
	var x [3]float64
	var has [3]bool
	bad := false
	for i, raw := range []string{ep.likely, ep.min, ep.max} {
		if raw == "" {
			continue
		}
		path := base + []string{"", ".min", ".max"}[i]
		n, rule := parseNumber(raw, checks)
		if rule != "" {
			fail(path, raw, rule)
			bad = true
			continue
		}
		x[i], has[i] = n, true
	}
	if bad {
		return
	}
	if !has[0] && !has[1] && !has[2] {
		if checks.Required && v.Kind() != reflect.Pointer {
			fail(base, "", "is required")
		}
		v.SetZero()
		return
	}
	switch {
	case !has[0] && has[1] && has[2]:
		x[0] = (x[1] + x[2]) / 2
	case !has[0]:
		fail(base, "", "give the most likely value as well as the range")
		return
	}
	if !has[1] {
		x[1] = x[0]
	}
	if !has[2] {
		x[2] = x[0]
	}
	e := crossroads.Range(x[1], x[0], x[2])
	if v.Kind() == reflect.Pointer {
		v.Set(reflect.ValueOf(&e))
	} else {
		v.Set(reflect.ValueOf(e))
	}
}

// setLeaf sets a single-input field from its text and returns the rule the
// text breaks, or "".
func setLeaf(v reflect.Value, checks crossroads.Checks, raw string) string {
	if v.Kind() == reflect.Pointer {
		if raw == "" {
			v.SetZero()
			return ""
		}
		p := reflect.New(v.Type().Elem())
		if v.Type().Elem().Kind() == reflect.Bool {
			switch raw {
			case "true", "yes":
				p.Elem().SetBool(true)
			case "false", "no":
			default:
				return "choose yes, no or not sure"
			}
			v.Set(p)
			return ""
		}
		if rule := setLeaf(p.Elem(), checks, raw); rule != "" {
			return rule
		}
		v.Set(p)
		return ""
	}
	switch {
	case v.Type() == dateType:
		if raw == "" {
			v.SetZero()
			return ""
		}
		d, err := crossroads.ParseDate(raw)
		if err != nil {
			return "must be a date written YYYY-MM-DD"
		}
		v.Set(reflect.ValueOf(d))
		return ""
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String:
		var lines []string
		for line := range strings.Lines(raw) {
			if line = strings.TrimSpace(line); line != "" {
				lines = append(lines, line)
			}
		}
		v.Set(reflect.ValueOf(lines))
		return ""
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(strings.ReplaceAll(raw, "\r\n", "\n"))
	case reflect.Bool:
		switch raw {
		case "", "false", "off":
			v.SetBool(false)
		case "true", "on", "yes":
			v.SetBool(true)
		default:
			return "must be checked or not"
		}
	case reflect.Int, reflect.Uint64:
		if raw == "" {
			v.SetZero()
			return ""
		}
		x, rule := parseNumber(raw, crossroads.Checks{})
		if rule != "" {
			return "must be a whole number"
		}
		if x != math.Trunc(x) {
			return "must be a whole number"
		}
		if v.Kind() == reflect.Uint64 {
			if x < 0 || x > 1<<53 {
				return "must be a whole number from 0"
			}
			v.SetUint(uint64(x))
			return ""
		}
		if math.Abs(x) > math.MaxInt32 {
			return "is out of range"
		}
		v.SetInt(int64(x))
	case reflect.Float64:
		if raw == "" {
			if checks.Required {
				return "is required"
			}
			v.SetZero()
			return ""
		}
		x, rule := parseNumber(raw, checks)
		if rule != "" {
			return rule
		}
		v.SetFloat(x)
	default:
		return "is not a field of this form"
	}
	return ""
}

// numberCleaner removes the characters people write around numbers.
var numberCleaner = strings.NewReplacer(",", "", "$", "", "€", "", "£", "", "%", "", " ", "", "\u00a0", "", "−", "-")

// parseNumber reads a number as people type it ("6,000", "$20.59", "55%").
// For a probability (check "prob") the text is a percentage from 0 to 100
// and the result is a share from 0 to 1.
func parseNumber(raw string, checks crossroads.Checks) (float64, string) {
	s := numberCleaner.Replace(raw)
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || strings.ContainsAny(s, "xXpP_") {
		if checks.Prob {
			return 0, "must be a percentage from 0 to 100"
		}
		return 0, "must be a number"
	}
	if checks.Prob {
		if x < 0 || x > 100 {
			return 0, "must be a percentage from 0 to 100"
		}
		return x / 100, ""
	}
	return x, ""
}

// formatNumber writes x without float noise (0.1·3 shows as 0.3).
func formatNumber(x float64) string {
	r := math.Round(x*1e9) / 1e9
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// encodeForm writes the values of the owned paths of c as form inputs, the
// inverse of decodeForm.
func encodeForm(c *crossroads.Case, owned []string) url.Values {
	root := reflect.ValueOf(c).Elem()
	vals := url.Values{}
	for _, p := range owned {
		segs, err := parsePath(p)
		if err != nil {
			panic("web: bad owned path " + p)
		}
		t, ok, err := locate(root, segs, false)
		if err != nil {
			panic("web: bad owned path " + p + ": " + err.Error())
		}
		if ok && len(t.rest) == 0 {
			emit(vals, p, t.v, t.checks)
		}
	}
	return vals
}

// emit writes the inputs of the value v at path.
func emit(vals url.Values, path string, v reflect.Value, checks crossroads.Checks) {
	num := func(x float64) string {
		if checks.Prob {
			x *= 100
		}
		return formatNumber(x)
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		if v.Type().Elem().Kind() == reflect.Bool {
			vals.Set(path, strconv.FormatBool(v.Elem().Bool()))
			return
		}
		if v.Type().Elem().Kind() == reflect.Float64 {
			vals.Set(path, num(v.Elem().Float()))
			return
		}
		emit(vals, path, v.Elem(), checks)
		return
	}
	switch {
	case v.Type() == estimateType:
		e := v.Interface().(crossroads.Estimate)
		if e == (crossroads.Estimate{}) {
			return
		}
		vals.Set(path, num(e.Likely))
		if e.IsRange() {
			vals.Set(path+".min", num(e.Min))
			vals.Set(path+".max", num(e.Max))
		}
		return
	case v.Type() == dateType:
		if d := v.Interface().(crossroads.Date); !d.IsZero() {
			vals.Set(path, d.String())
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.IsExported() {
				emit(vals, path+"."+crossroads.FieldName(f), v.Field(i), crossroads.ParseChecks(f.Tag.Get("check")))
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.String {
			if v.Len() > 0 {
				vals.Set(path, strings.Join(v.Interface().([]string), "\n"))
			}
			return
		}
		if v.Type().Elem().Kind() == reflect.Int {
			// Every entry of a list of numbers is written, 0 too (an age of 0).
			for i := range v.Len() {
				vals.Set(fmt.Sprintf("%s[%d]", path, i), strconv.FormatInt(v.Index(i).Int(), 10))
			}
			return
		}
		for i := range v.Len() {
			emit(vals, fmt.Sprintf("%s[%d]", path, i), v.Index(i), crossroads.Checks{})
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			emit(vals, path+"."+iter.Key().String(), iter.Value(), crossroads.Checks{})
		}
	case reflect.String:
		if s := v.String(); s != "" {
			vals.Set(path, s)
		}
	case reflect.Bool:
		if v.Bool() {
			vals.Set(path, "true")
		}
	case reflect.Int:
		if v.Int() != 0 {
			vals.Set(path, strconv.FormatInt(v.Int(), 10))
		}
	case reflect.Uint64:
		if v.Uint() != 0 {
			vals.Set(path, strconv.FormatUint(v.Uint(), 10))
		}
	case reflect.Float64:
		if v.Float() != 0 {
			vals.Set(path, num(v.Float()))
		}
	}
}
