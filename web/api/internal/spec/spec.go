package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// CasePrefix is put before the names of the case file's schemas ($defs) in
// components/schemas: Person becomes CasePerson. The case itself is Case.
const CasePrefix = "Case"

// Build returns the OpenAPI document as indented JSON: the YAML document
// openapiYAML with the schemas of the JSON Schema caseSchema merged into its
// components/schemas. It fails when a name is defined twice or when the
// case schema uses a keyword that has no OpenAPI 3.0 equivalent.
func Build(openapiYAML, caseSchema []byte) ([]byte, error) {
	var doc any
	if err := yaml.Unmarshal(openapiYAML, &doc); err != nil {
		return nil, fmt.Errorf("openapi.yaml: %w", err)
	}
	root, ok := stringKeys(doc).(map[string]any)
	if !ok {
		return nil, fmt.Errorf("openapi.yaml: the document is not a mapping")
	}
	var cs map[string]any
	dec := json.NewDecoder(bytes.NewReader(caseSchema))
	dec.UseNumber()
	if err := dec.Decode(&cs); err != nil {
		return nil, fmt.Errorf("case schema: %w", err)
	}
	defs, ok := cs["$defs"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("case schema: no $defs")
	}
	components, _ := root["components"].(map[string]any)
	if components == nil {
		return nil, fmt.Errorf("openapi.yaml: no components")
	}
	schemas, _ := components["schemas"].(map[string]any)
	if schemas == nil {
		return nil, fmt.Errorf("openapi.yaml: no components/schemas")
	}
	names := make([]string, 0, len(defs))
	for name := range defs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		target := schemaName(name)
		if _, dup := schemas[target]; dup {
			return nil, fmt.Errorf("openapi.yaml already defines the schema %s of the case file", target)
		}
		s, err := convert(defs[name], "$defs/"+name)
		if err != nil {
			return nil, err
		}
		schemas[target] = s
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// schemaName is the components/schemas name of the case file's definition
// name.
func schemaName(def string) string {
	if def == CasePrefix {
		return def
	}
	return CasePrefix + def
}

// stringKeys turns the map[any]any that YAML gives for mappings with
// non-string keys (response codes such as 200) into map[string]any.
func stringKeys(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = stringKeys(e)
		}
		return x
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[fmt.Sprint(k)] = stringKeys(e)
		}
		return m
	case []any:
		for i, e := range x {
			x[i] = stringKeys(e)
		}
		return x
	}
	return v
}

// convert rewrites one JSON Schema 2020-12 schema in the OpenAPI 3.0 dialect:
//
//   - "$ref": "#/$defs/X" points to #/components/schemas/CaseX; a $ref with
//     sibling keywords (OpenAPI 3.0 ignores them) is wrapped in allOf;
//   - "type": [a, b] becomes oneOf: [{type: a}, {type: b}];
//   - "prefixItems" (a fixed-length tuple) becomes "items" allowing any of
//     the tuple's item schemas, with the length kept by minItems/maxItems.
//
// Any other keyword unknown to OpenAPI 3.0 is an error, so that a change to
// the case schema cannot slip through unconverted.
func convert(v any, at string) (any, error) {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			c, err := convert(e, fmt.Sprintf("%s/%d", at, i))
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case map[string]any:
		return convertSchema(x, at)
	}
	return v, nil
}

// openAPIKeywords are the schema keywords OpenAPI 3.0 shares with JSON
// Schema and that the case schema may use as they are.
var openAPIKeywords = map[string]bool{
	"type": true, "description": true, "properties": true, "additionalProperties": true,
	"required": true, "items": true, "minItems": true, "maxItems": true, "minimum": true,
	"maximum": true, "minLength": true, "maxLength": true, "pattern": true, "enum": true,
	"format": true, "oneOf": true, "anyOf": true, "allOf": true, "title": true, "default": true,
}

func convertSchema(s map[string]any, at string) (map[string]any, error) {
	out := make(map[string]any, len(s))
	for k, v := range s {
		switch k {
		case "$ref":
			ref, _ := v.(string)
			def, ok := strings.CutPrefix(ref, "#/$defs/")
			if !ok {
				return nil, fmt.Errorf("case schema %s: $ref %q is not a local definition", at, ref)
			}
			out[k] = "#/components/schemas/" + schemaName(def)
		case "type":
			if list, ok := v.([]any); ok {
				var alts []any
				for _, t := range list {
					alts = append(alts, map[string]any{"type": t})
				}
				out["oneOf"] = alts
				continue
			}
			out[k] = v
		case "prefixItems":
			items, err := convert(v, at+"/prefixItems")
			if err != nil {
				return nil, err
			}
			out["items"] = map[string]any{"anyOf": items}
		case "properties":
			props, ok := v.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("case schema %s: properties is not an object", at)
			}
			conv := make(map[string]any, len(props))
			for name, p := range props {
				c, err := convert(p, at+"/properties/"+name)
				if err != nil {
					return nil, err
				}
				conv[name] = c
			}
			out[k] = conv
		default:
			if !openAPIKeywords[k] {
				return nil, fmt.Errorf("case schema %s: keyword %q has no OpenAPI 3.0 equivalent", at, k)
			}
			c, err := convert(v, at+"/"+k)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
	}
	if ref, ok := out["$ref"]; ok && len(out) > 1 {
		delete(out, "$ref")
		out["allOf"] = []any{map[string]any{"$ref": ref}}
	}
	return out, nil
}
