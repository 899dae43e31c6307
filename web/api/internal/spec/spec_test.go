package spec

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const apiYAML = `openapi: 3.0.3
paths:
  /x:
    get:
      responses:
        200:
          description: ok
components:
  schemas:
    Error:
      type: object
`

func build(t *testing.T, api, caseSchema string) map[string]any {
	t.Helper()
	out, err := Build([]byte(api), []byte(caseSchema))
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("the output is not JSON: %v", err)
	}
	return doc
}

func TestBuildConverts(t *testing.T) {
	doc := build(t, apiYAML, `{"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "#/$defs/Case", "$defs": {
		"Case": {"type": "object", "additionalProperties": false, "properties": {
			"person": {"$ref": "#/$defs/Person", "description": "The person."},
			"type": {"type": "string"},
			"pair": {"type": "array", "minItems": 2, "maxItems": 2, "prefixItems": [{"type": "string"}, {"type": ["string", "number"]}]}}},
		"Person": {"type": "object", "properties": {"age": {"type": "integer", "minimum": 0}}}}}`)
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	want := map[string]any{
		"Error": map[string]any{"type": "object"},
		"Case": map[string]any{"type": "object", "additionalProperties": false, "properties": map[string]any{
			"person": map[string]any{"allOf": []any{map[string]any{"$ref": "#/components/schemas/CasePerson"}}, "description": "The person."},
			"type":   map[string]any{"type": "string"},
			"pair": map[string]any{"type": "array", "minItems": 2.0, "maxItems": 2.0, "items": map[string]any{"anyOf": []any{
				map[string]any{"type": "string"},
				map[string]any{"oneOf": []any{map[string]any{"type": "string"}, map[string]any{"type": "number"}}},
			}}},
		}},
		"CasePerson": map[string]any{"type": "object", "properties": map[string]any{"age": map[string]any{"type": "integer", "minimum": 0.0}}},
	}
	if diff := cmp.Diff(want, schemas); diff != "" {
		t.Errorf("schemas (-want +got):\n%s", diff)
	}
	// Response codes, integer keys in YAML, become strings.
	responses := doc["paths"].(map[string]any)["/x"].(map[string]any)["get"].(map[string]any)["responses"].(map[string]any)
	if _, ok := responses["200"]; !ok {
		t.Errorf("responses: got %v, want the key \"200\"", responses)
	}
}

func TestBuildRefuses(t *testing.T) {
	tests := []struct {
		name, api, caseSchema, want string
	}{
		{"unknown keyword", apiYAML, `{"$defs": {"Case": {"type": "object", "unevaluatedProperties": false}}}`,
			`keyword "unevaluatedProperties" has no OpenAPI 3.0 equivalent`},
		{"remote ref", apiYAML, `{"$defs": {"Case": {"$ref": "https://example.com/x.json"}}}`, "is not a local definition"},
		{"name taken", apiYAML + "    CasePerson:\n      type: string\n", `{"$defs": {"Person": {"type": "object"}}}`,
			"already defines the schema CasePerson"},
		{"no defs", apiYAML, `{"type": "object"}`, "no $defs"},
		{"no schemas", "openapi: 3.0.3\ncomponents: {}\n", `{"$defs": {}}`, "no components/schemas"},
		{"bad YAML", "openapi: [", `{"$defs": {}}`, "openapi.yaml"},
		{"bad JSON", apiYAML, `{"$defs": `, "case schema"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build([]byte(tt.api), []byte(tt.caseSchema))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
