package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/casefile"
)

// The media types the API reads.
const (
	mediaJSON  = "application/json"
	mediaYAML  = "application/yaml"
	mediaXYAML = "application/x-yaml"
)

// caseMedia are the media types of a case in a request body.
var caseMedia = []string{mediaJSON, mediaYAML, mediaXYAML}

// readBody reads the request body, at most limit bytes, after checking that
// its media type is one of allowed. It returns the body and its media type.
// Errors: 415 for a missing or other media type, 413 for a body over the
// limit, Invalid for an empty body or one that could not be read.
func readBody(w http.ResponseWriter, r *http.Request, limit int64, allowed ...string) ([]byte, string, error) {
	ct := r.Header.Get("Content-Type")
	media, _, err := mime.ParseMediaType(ct)
	if err != nil || !contains(allowed, media) {
		what := "no Content-Type"
		if ct != "" {
			what = fmt.Sprintf("Content-Type %q", truncate(ct, 60))
		}
		return nil, "", &httpError{http.StatusUnsupportedMediaType, kindUnsupportedMedia,
			fmt.Sprintf("the body has %s; send %s", what, strings.Join(allowed, " or "))}
	}
	if r.ContentLength > limit {
		return nil, "", tooLarge(limit)
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return nil, "", tooLarge(limit)
	case err != nil:
		return nil, "", crossroads.Errorf(crossroads.Invalid, "the request body could not be read: %v", err)
	case len(bytes.TrimSpace(data)) == 0:
		return nil, "", fieldError("", "", "the request body is empty; send %s", describeMedia(media))
	}
	return data, media, nil
}

func describeMedia(media string) string {
	if media == mediaJSON {
		return "a JSON object"
	}
	return "a case file"
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

// bodyName is how messages name the request body.
const bodyName = "request body"

// readCase reads a case from the request body: a JSON object
// (application/json) or a case file in YAML or JSON (application/yaml). It
// returns the case, checked with the same rules and messages as the command
// line, and the body.
func readCase(w http.ResponseWriter, r *http.Request, limit int64) (*crossroads.Case, []byte, error) {
	data, media, err := readBody(w, r, limit, caseMedia...)
	if err != nil {
		return nil, nil, err
	}
	if media == mediaJSON && !casefile.IsJSON(data) {
		return nil, nil, fieldError("", "", "the body must be a JSON object (a case); to send a YAML case file use Content-Type %s", mediaYAML)
	}
	c, err := casefile.Parse(data, bodyName)
	if err != nil {
		return nil, nil, err
	}
	return c, data, nil
}

// storedDocument returns the document to store for the case c read from
// body: a YAML file as written, comments and all; JSON as the equivalent
// YAML.
func storedDocument(c *crossroads.Case, body []byte) ([]byte, error) {
	if !casefile.IsJSON(body) {
		return body, nil
	}
	doc, err := casefile.Marshal(c, "yaml")
	if err != nil {
		return nil, fmt.Errorf("writing the case as YAML: %w", err)
	}
	return doc, nil
}

// decodeJSON decodes a JSON object into v, a pointer to a struct, strictly:
// every problem (a syntax error, an unknown field, a value of the wrong type)
// becomes a FieldError with its path, and all of them are returned at once
// as a *crossroads.ValidationError. JSON null leaves a pointer, slice or any
// field unset and is an error elsewhere.
func decodeJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return jsonSyntax(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := position(data, int(dec.InputOffset()))
		return invalid(bodyName, crossroads.FieldError{Rule: "JSON syntax: unexpected data after the end of the object", Line: line, Column: col})
	}
	if _, ok := tree.(map[string]any); !ok {
		return fieldError("", describe(tree), "the body must be a JSON object")
	}
	b := &binder{}
	b.bind(tree, reflect.ValueOf(v).Elem(), "")
	if len(b.errs) > 0 {
		return invalid(bodyName, b.errs...)
	}
	return nil
}

// jsonSyntax turns an error of encoding/json into a FieldError with the
// line and column of the problem.
func jsonSyntax(data []byte, err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		line, col := position(data, int(se.Offset))
		return invalid(bodyName, crossroads.FieldError{Rule: "JSON syntax: " + se.Error(), Line: line, Column: col})
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		line, col := position(data, len(data))
		return invalid(bodyName, crossroads.FieldError{Rule: "JSON syntax: the body ends in the middle of a value", Line: line, Column: col})
	}
	return invalid(bodyName, crossroads.FieldError{Rule: "JSON: " + err.Error()})
}

// position converts a byte offset of data to a 1-based line and column.
func position(data []byte, off int) (int, int) {
	off = max(0, min(off, len(data)))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// binder copies a decoded JSON tree into Go values, collecting problems.
type binder struct {
	errs []crossroads.FieldError
}

func (b *binder) fail(path, value, format string, args ...any) {
	if len(b.errs) == maxFields {
		b.errs = append(b.errs, crossroads.FieldError{Rule: "too many problems; fix these first"})
	}
	if len(b.errs) > maxFields {
		return
	}
	b.errs = append(b.errs, crossroads.FieldError{Path: path, Value: value, Rule: fmt.Sprintf(format, args...)})
}

// describe names a decoded JSON value for messages: scalars as written,
// lists and objects by what they are.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(truncate(x, 40))
	case json.Number:
		return truncate(string(x), 40)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func joinField(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

var anyType = reflect.TypeFor[any]()

// bind copies node into v (settable) at path.
func (b *binder) bind(node any, v reflect.Value, path string) {
	if v.Type() == anyType {
		if node != nil {
			v.Set(reflect.ValueOf(node))
		}
		return
	}
	if node == nil {
		switch v.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			return
		}
		b.fail(path, "null", "must be %s", want(v.Type()))
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		b.bind(node, p.Elem(), path)
		v.Set(p)
	case reflect.Struct:
		b.object(node, v, path)
	case reflect.Slice:
		list, ok := node.([]any)
		if !ok {
			b.fail(path, describe(node), "must be %s", want(v.Type()))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(list), len(list))
		for i, e := range list {
			b.bind(e, s.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
		v.Set(s)
	case reflect.String:
		s, ok := node.(string)
		if !ok {
			b.fail(path, describe(node), "must be text")
			return
		}
		v.SetString(s)
	case reflect.Bool:
		x, ok := node.(bool)
		if !ok {
			b.fail(path, describe(node), "must be true or false")
			return
		}
		v.SetBool(x)
	case reflect.Float64:
		n, ok := node.(json.Number)
		if !ok {
			b.fail(path, describe(node), "must be a number")
			return
		}
		x, err := strconv.ParseFloat(string(n), 64)
		if err != nil || math.IsInf(x, 0) {
			b.fail(path, describe(node), "is out of range")
			return
		}
		v.SetFloat(x)
	case reflect.Int, reflect.Int64:
		n, ok := node.(json.Number)
		if !ok {
			b.fail(path, describe(node), "must be a whole number")
			return
		}
		x, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil {
			if f, ferr := strconv.ParseFloat(string(n), 64); ferr == nil && f == math.Trunc(f) && !math.IsInf(f, 0) {
				b.fail(path, describe(node), "is out of range")
			} else {
				b.fail(path, describe(node), "must be a whole number")
			}
			return
		}
		if v.OverflowInt(x) {
			b.fail(path, describe(node), "is out of range")
			return
		}
		v.SetInt(x)
	default:
		panic("api: binder: unsupported type " + v.Type().String())
	}
}

// object copies a JSON object into the struct v, naming unknown fields.
func (b *binder) object(node any, v reflect.Value, path string) {
	obj, ok := node.(map[string]any)
	if !ok {
		b.fail(path, describe(node), "must be an object")
		return
	}
	fields := jsonFields(v.Type())
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		i, ok := fields[k]
		if !ok {
			b.fail(joinField(path, k), "", "unknown field; the fields here are %s", fieldList(v.Type()))
			continue
		}
		b.bind(obj[k], v.Field(i), joinField(path, k))
	}
}

// jsonFields maps the JSON names of the fields of struct type t to their
// indexes.
func jsonFields(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		if name := jsonName(t.Field(i)); name != "" {
			m[name] = i
		}
	}
	return m
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	if name == "" {
		return f.Name
	}
	return name
}

func fieldList(t reflect.Type) string {
	var names []string
	for i := range t.NumField() {
		if name := jsonName(t.Field(i)); name != "" {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

// want says what a value of type t must be, for messages.
func want(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return want(t.Elem())
	case reflect.Struct:
		return "an object"
	case reflect.Slice:
		return "a list"
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	}
	return "a value"
}
