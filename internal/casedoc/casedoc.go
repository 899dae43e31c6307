// Package casedoc generates the reference of the case file
// (docs/case-file.md) and its JSON Schema (docs/case.schema.json) from the Go
// types of the case: their yaml names, their `check` tags and the comments
// above each field in case.go. The types are the single source; a test
// regenerates both files and fails when the committed ones differ.
package casedoc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"regexp"
	"strings"

	"github.com/crossroads/crossroads"
)

// Comments maps "Type.Field" (and "Type" for the type itself) to the doc
// comment of that field or type.
type Comments map[string]string

// ParseComments reads the doc comments of the struct types in a Go source
// file.
func ParseComments(filename string, src []byte) (Comments, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	out := Comments{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				continue
			}
			doc := ts.Doc
			if doc == nil {
				doc = gd.Doc
			}
			out[ts.Name.Name] = clean(doc.Text())
			for _, field := range st.Fields.List {
				for _, name := range field.Names {
					out[ts.Name.Name+"."+name.Name] = clean(field.Doc.Text())
				}
			}
		}
	}
	return out, nil
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// field is one documented field of the case.
type field struct {
	Path     string // "person.monthly_expenses"
	Name     string // "monthly_expenses"
	Type     reflect.Type
	Checks   crossroads.Checks
	Doc      string
	Unit     string
	Default  string
	Source   string
	Required bool
}

var (
	estimateType   = reflect.TypeFor[crossroads.Estimate]()
	dateType       = reflect.TypeFor[crossroads.Date]()
	comparisonType = reflect.TypeFor[crossroads.Comparison]()
	unitRE         = regexp.MustCompile(`Unit: ([^.]*(?:\.\d[^.]*)*)\.`)
	defaultRE      = regexp.MustCompile(`Default: (.*?)\.(?: [A-Z]|$)`)
	sourceRE       = regexp.MustCompile(`Source: (.*?)\.(?: [A-Z]|$)`)
)

// describe splits a field comment into its text, unit, default and source.
func describe(doc string) (text, unit, def, source string) {
	if m := unitRE.FindStringSubmatch(doc); m != nil {
		unit = m[1]
	}
	if m := defaultRE.FindStringSubmatch(doc); m != nil {
		def = strings.TrimSpace(m[1])
	}
	if m := sourceRE.FindStringSubmatch(doc); m != nil {
		source = m[1]
	}
	text = doc
	return
}

// elem returns the type a field's value decodes into: pointers and slices
// are looked through.
func elem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t
}

func isStruct(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t != estimateType && t != dateType
}

// Schema returns the JSON Schema (draft 2020-12) of a case file.
func Schema(c Comments) ([]byte, error) {
	defs := map[string]any{}
	root := schemaOf(reflect.TypeFor[crossroads.Case](), crossroads.Checks{}, c, defs)
	doc := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://crossroads.example/schema/case.schema.json",
		"title":       "Crossroads case file",
		"description": c["Case"],
		"$ref":        root["$ref"],
		"$defs":       defs,
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func numberBounds(s map[string]any, ch crossroads.Checks) {
	switch {
	case ch.Money:
		s["minimum"], s["maximum"] = 0, crossroads.MaxMoney
	case ch.NonNeg:
		s["minimum"] = 0
	case ch.Prob:
		s["minimum"], s["maximum"] = 0, 1
	case ch.Rating:
		s["minimum"], s["maximum"] = 0, 10
	}
	if ch.Min != nil {
		s["minimum"] = *ch.Min
	}
	if ch.Max != nil {
		s["maximum"] = *ch.Max
	}
}

// schemaOf returns the schema of a value of type t with the checks of its
// field; named structs go to defs and are referenced.
func schemaOf(t reflect.Type, ch crossroads.Checks, c Comments, defs map[string]any) map[string]any {
	switch {
	case t.Kind() == reflect.Pointer:
		return schemaOf(t.Elem(), ch, c, defs)
	case t == estimateType:
		num := map[string]any{"type": "number"}
		numberBounds(num, ch)
		rng := map[string]any{
			"type":                 "object",
			"properties":           map[string]any{"min": num, "likely": num, "max": num},
			"required":             []string{"min", "max"},
			"additionalProperties": false,
		}
		return map[string]any{"oneOf": []any{num, rng}}
	case t == dateType:
		return map[string]any{"type": "string", "format": "date", "pattern": `^\d{4}-\d{2}-\d{2}$`}
	case t == comparisonType:
		obj := structSchema(t, c, defs)
		defs[t.Name()] = map[string]any{"oneOf": []any{obj, map[string]any{
			"type": "array", "minItems": 3, "maxItems": 3,
			"prefixItems": []any{map[string]any{"type": "string"}, map[string]any{"type": "string"}, map[string]any{"type": []string{"string", "number"}}},
		}}}
		return map[string]any{"$ref": "#/$defs/" + t.Name()}
	case t.Kind() == reflect.Struct:
		if _, done := defs[t.Name()]; !done {
			defs[t.Name()] = map[string]any{} // placeholder against recursion
			defs[t.Name()] = structSchema(t, c, defs)
		}
		return map[string]any{"$ref": "#/$defs/" + t.Name()}
	case t.Kind() == reflect.Slice:
		s := map[string]any{"type": "array", "items": schemaOf(t.Elem(), crossroads.Checks{}, c, defs)}
		if ch.Min != nil {
			s["minItems"] = int(*ch.Min)
		}
		if ch.Max != nil {
			s["maxItems"] = int(*ch.Max)
		}
		return s
	case t.Kind() == reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem(), crossroads.Checks{}, c, defs)}
	case t.Kind() == reflect.String:
		s := map[string]any{"type": "string"}
		switch {
		case len(ch.Enum) > 0:
			s["enum"] = ch.Enum
		case ch.ID:
			s["pattern"] = crossroads.IDPattern
		case ch.SOC:
			s["pattern"] = crossroads.SOCPattern
		case ch.Currency:
			s["pattern"] = crossroads.CurrencyPattern
		case ch.State:
			s["enum"] = crossroads.States
		case ch.Max != nil:
			s["maxLength"] = int(*ch.Max)
		}
		return s
	case t.Kind() == reflect.Bool:
		return map[string]any{"type": "boolean"}
	case t.Kind() == reflect.Int:
		s := map[string]any{"type": "integer"}
		numberBounds(s, ch)
		return s
	case t.Kind() == reflect.Uint64:
		return map[string]any{"type": "integer", "minimum": 0}
	case t.Kind() == reflect.Float64:
		s := map[string]any{"type": "number"}
		numberBounds(s, ch)
		return s
	}
	panic("casedoc: no schema for " + t.String())
}

func structSchema(t reflect.Type, c Comments, defs map[string]any) map[string]any {
	props := map[string]any{}
	var required []string
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		ch := crossroads.ParseChecks(f.Tag.Get("check"))
		name := crossroads.FieldName(f)
		s := schemaOf(f.Type, ch, c, defs)
		if t == comparisonType && name == "ratio" {
			s = map[string]any{"type": []string{"string", "number"}}
		}
		if doc := c[t.Name()+"."+f.Name]; doc != "" {
			if _, isRef := s["$ref"]; isRef {
				s = map[string]any{"$ref": s["$ref"], "description": doc}
			} else {
				s["description"] = doc
			}
		}
		props[name] = s
		if ch.Required {
			required = append(required, name)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if doc := c[t.Name()]; doc != "" {
		s["description"] = doc
	}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

// fields lists every field of the case, depth first, in declaration order.
func fields(t reflect.Type, prefix string, c Comments, seen map[reflect.Type]bool) []field {
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := crossroads.FieldName(f)
		path := name
		if prefix != "" {
			path = prefix + "." + name
		}
		if f.Type.Kind() == reflect.Slice && isStruct(f.Type.Elem()) {
			path += "[]"
		}
		ch := crossroads.ParseChecks(f.Tag.Get("check"))
		doc := c[t.Name()+"."+f.Name]
		text, unit, def, src := describe(doc)
		if rest, ok := strings.CutPrefix(text, f.Name+" "); ok {
			text = "`" + name + "` " + rest
		}
		out = append(out, field{Path: path, Name: name, Type: f.Type, Checks: ch, Doc: text, Unit: unit, Default: def, Source: src, Required: ch.Required})
		if et := elem(f.Type); isStruct(et) && !seen[et] {
			seen[et] = true
			out = append(out, fields(et, path, c, seen)...)
			delete(seen, et)
		}
	}
	return out
}

// typeName describes the type of a field in words.
func typeName(t reflect.Type, ch crossroads.Checks) string {
	switch {
	case t.Kind() == reflect.Pointer:
		return typeName(t.Elem(), ch)
	case t == estimateType:
		return "number or range {min, likely, max}"
	case t == dateType:
		return "date (YYYY-MM-DD)"
	case t == comparisonType:
		return "comparison {a, b, ratio} or [a, b, ratio]"
	case t.Kind() == reflect.Struct:
		return "mapping"
	case t.Kind() == reflect.Slice:
		if isStruct(t.Elem()) || t.Elem() == comparisonType {
			return "list of mappings"
		}
		return "list of " + typeName(t.Elem(), crossroads.Checks{}) + "s"
	case t.Kind() == reflect.Map:
		return "mapping of id to number"
	case t.Kind() == reflect.String:
		return "text"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() == reflect.Int, t.Kind() == reflect.Uint64:
		return "whole number"
	}
	return "number"
}

// rule describes a field's check in words.
func rule(f field) string {
	ch := f.Checks
	var parts []string
	if ch.Required {
		parts = append(parts, "required")
	}
	switch {
	case ch.Money:
		parts = append(parts, "0 to 10¹²")
	case ch.Prob:
		parts = append(parts, "0 to 1")
	case ch.Rating:
		parts = append(parts, "0 to 10")
	case ch.NonNeg:
		parts = append(parts, "≥ 0")
	}
	isText := elem(f.Type).Kind() == reflect.String
	isList := f.Type.Kind() == reflect.Slice
	unit := ""
	if isText {
		unit = " characters"
	} else if isList {
		unit = " entries"
	}
	if ch.Min != nil {
		parts = append(parts, fmt.Sprintf("at least %g%s", *ch.Min, unit))
	}
	if ch.Max != nil {
		parts = append(parts, fmt.Sprintf("at most %g%s", *ch.Max, unit))
	}
	if len(ch.Enum) > 0 {
		parts = append(parts, "one of `"+strings.Join(ch.Enum, "`, `")+"`")
	}
	if ch.ID {
		parts = append(parts, "an id: lower-case letters, digits, `-`, `_`, starting with a letter")
	}
	if ch.SOC {
		parts = append(parts, "an O*NET-SOC code such as `43-4051.00`")
	}
	if ch.Currency {
		parts = append(parts, "an ISO 4217 code")
	}
	if ch.State {
		parts = append(parts, "a U.S. state or DC postal code such as `NY`")
	}
	return strings.Join(parts, "; ")
}
