package casedoc_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
	"github.com/crossroads/crossroads/internal/casedoc"
)

func generate(t *testing.T) (schema, reference []byte) {
	t.Helper()
	src, err := os.ReadFile("../../case.go")
	if err != nil {
		t.Fatal(err)
	}
	c, err := casedoc.ParseComments("case.go", src)
	if err != nil {
		t.Fatal(err)
	}
	schema, err = casedoc.Schema(c)
	if err != nil {
		t.Fatal(err)
	}
	return schema, casedoc.Reference(c)
}

// The committed schema and reference are what the case types generate.
func TestDocsUpToDate(t *testing.T) {
	schema, ref := generate(t)
	for _, f := range []struct {
		path string
		want []byte
	}{{"../../docs/case.schema.json", schema}, {"../../docs/case-file.md", ref}} {
		got, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, f.want) {
			t.Errorf("%s is out of date with case.go; run: go generate ./...", f.path)
		}
	}
}

// Every field of every case type has a doc comment, so the reference has a
// description for each.
func TestEveryFieldDocumented(t *testing.T) {
	_, ref := generate(t)
	for _, line := range strings.Split(string(ref), "\n") {
		if strings.HasPrefix(line, "| `") && strings.HasSuffix(line, "|  |") {
			t.Errorf("field without a description: %s", line)
		}
	}
}

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schema, _ := generate(t)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const id = "https://crossroads.example/schema/case.schema.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// yamlValue loads YAML into plain values the schema validator accepts, with
// dates as strings (as they are in JSON).
func yamlValue(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var fix func(any) any
	fix = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				x[k] = fix(e)
			}
		case []any:
			for i, e := range x {
				x[i] = fix(e)
			}
		case time.Time:
			return x.Format(time.DateOnly)
		case int:
			return json.Number(strconv.Itoa(x))
		case float64:
			b, _ := json.Marshal(x)
			return json.Number(b)
		}
		return v
	}
	return fix(v)
}

// The example case is valid under the schema, as it is under the parser.
func TestSchemaAcceptsExample(t *testing.T) {
	if _, err := casefile.Parse(examples.MotivatingCase, "example.yaml"); err != nil {
		t.Fatal(err)
	}
	if err := compile(t).Validate(yamlValue(t, examples.MotivatingCase)); err != nil {
		t.Errorf("schema rejects the example: %v", err)
	}
}

// Cases the parser refuses for a field's own rule are refused by the schema
// too.
func TestSchemaRejectsWhatTheParserRejects(t *testing.T) {
	s := compile(t)
	base := string(examples.MotivatingCase)
	tests := []struct{ name, from, to string }{
		{"unknown field", "  savings: 6000", "  savingz: 6000"},
		{"negative money", "  savings: 6000", "  savings: -1"},
		{"probability above 1", "        probability: 0.3\n", "        probability: 1.3\n"},
		{"unknown status", "status: accepted", "status: maybe"},
		{"rating above 10", "people_contact: 8", "people_contact: 11"},
		{"bad date", "as_of: 2026-11-23", "as_of: 23/11/2026"},
		{"bad id", "  - id: contract", "  - id: Contract"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(base, tt.from) {
				t.Fatalf("example has no %q", tt.from)
			}
			bad := []byte(strings.Replace(base, tt.from, tt.to, 1))
			if _, err := casefile.Parse(bad, "bad.yaml"); err == nil {
				t.Errorf("parser accepts the case with %s", tt.name)
			}
			if err := s.Validate(yamlValue(t, bad)); err == nil {
				t.Errorf("schema accepts the case with %s", tt.name)
			}
		})
	}
}
