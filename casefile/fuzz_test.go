package casefile_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
)

// addBroken adds the broken case files of testdata/broken whose names end
// in one of exts as seeds.
func addBroken(f *testing.F, exts ...string) {
	for _, ext := range exts {
		files, _ := filepath.Glob("testdata/broken/*" + ext)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
}

// checkRoundTrip checks that a case Parse accepted comes back equal from
// Marshal and Parse, in both formats, as Marshal promises.
func checkRoundTrip(t *testing.T, c *crossroads.Case) {
	t.Helper()
	for _, format := range []string{"yaml", "json"} {
		out, err := casefile.Marshal(c, format)
		if err != nil {
			t.Fatalf("Marshal %s: %v", format, err)
		}
		back, err := casefile.Parse(out, "again")
		if err != nil {
			t.Fatalf("a valid case does not parse again from %s: %v\n%s", format, err, out)
		}
		if diff := cmp.Diff(c, back); diff != "" {
			t.Fatalf("the round trip through %s changed the case (-parsed +again):\n%s\n%s", format, diff, out)
		}
	}
}

// FuzzParse checks that no input makes the parser panic or fail with
// anything but a validation error, and that every case it accepts survives
// a round trip through Marshal in both formats unchanged. The seeds are
// YAML and JSON; FuzzParseJSON works on the JSON reader alone.
func FuzzParse(f *testing.F) {
	f.Add(examples.MotivatingCase)
	if c, err := casefile.Parse(examples.MotivatingCase, "example"); err == nil {
		if data, err := casefile.Marshal(c, "json"); err == nil {
			f.Add(data)
		}
	}
	addBroken(f, ".yaml", ".json")
	f.Add([]byte("a: &a [*a, *a]\nb: *a\n"))
	f.Add([]byte(`{"as_of": "2026-01-01", "person": {"monthly_expenses": 1e308}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := casefile.Parse(data, "fuzz")
		if err != nil {
			if c != nil {
				t.Fatalf("Parse returned a case with the error %v", err)
			}
			if crossroads.ErrorKind(err) != crossroads.Invalid {
				t.Fatalf("error of kind %v: %v", crossroads.ErrorKind(err), err)
			}
			return
		}
		checkRoundTrip(t, c)
	})
}

// FuzzParseJSON fuzzes the JSON reader, which has its own tokenizer that
// builds the YAML reader's node tree (with positions). Since JSON is YAML,
// the same text read as YAML (after a "---" that keeps it from being taken
// for JSON) must give the same case when both readers accept it; every
// error must come with a line, as the editor shows them.
func FuzzParseJSON(f *testing.F) {
	if c, err := casefile.Parse(examples.MotivatingCase, "example"); err == nil {
		if data, err := casefile.Marshal(c, "json"); err == nil {
			f.Add(data)
		}
	}
	addBroken(f, ".json")
	for _, s := range []string{
		`{}`, `{"as_of": "2026-11-23"}`, `{"as_of": null, "person": []}`, `{"a": 1}{"b": 2}`, "\ufeff{\"as_of\": 1}",
		`{"person": {"savings": 1e400}}`, `{"person": {"savings": 100000000000000000000}}`, `{"person": {"savings": -0}}`,
		`{"person": {"name": "\u00e9\ud800"}}`, `{"person": {"single_parent": true, "single_parent": false}}`,
		`{"opportunities": [{"id": "x", "chance": {"probability": {"min": 0.1, "likely": 0.2, "max": 0.3}}}]}`,
		strings.Repeat(`{"a":`, 70) + strings.Repeat("}", 70), `{"as_of": "2026-11-23",`, `{"x" 1}`, `{1: 2}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !casefile.IsJSON(data) {
			return
		}
		c, err := casefile.ParseDraft(data, "fuzz.json")
		if err != nil {
			if crossroads.ErrorKind(err) != crossroads.Invalid {
				t.Fatalf("error of kind %v: %v", crossroads.ErrorKind(err), err)
			}
			if c == nil && !strings.HasPrefix(err.Error(), "fuzz.json:") {
				t.Fatalf("error %q does not name the file", err)
			}
		}
		if c == nil {
			return
		}
		if err == nil {
			checkRoundTrip(t, c)
		}
		// The YAML reader, on the same text.
		asYAML := append([]byte("--- "), bytes.TrimPrefix(data, []byte("\ufeff"))...)
		y, yerr := casefile.ParseDraft(asYAML, "fuzz.yaml")
		if y == nil || (err == nil) != (yerr == nil) {
			return // YAML is stricter here and there (duplicate keys, long keys)
		}
		if diff := cmp.Diff(c, y); diff != "" {
			t.Fatalf("JSON and YAML readers disagree (-json +yaml):\n%s", diff)
		}
	})
}
