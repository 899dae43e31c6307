package casefile

import (
	"bytes"
	"encoding/json"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/crossroads/crossroads"
)

// Marshal writes a case as a case file in the given format, "yaml" or
// "json". Parse(Marshal(c)) gives back an equal case.
func Marshal(c *crossroads.Case, format string) ([]byte, error) {
	var buf bytes.Buffer
	switch format {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(c); err != nil {
			return nil, err
		}
	case "yaml", "":
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(c); err != nil {
			return nil, err
		}
		if err := enc.Close(); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("casefile: unknown format %q", format)
	}
	return buf.Bytes(), nil
}
