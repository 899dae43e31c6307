package report

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the report as indented JSON (documented in
// docs/report-json.md).
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
