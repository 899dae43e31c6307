package api

import (
	_ "embed"
	"net/http"
)

//go:generate go run ./internal/spec/gen

// openAPIDocument is the OpenAPI 3 document of the API, generated from
// openapi.yaml and the case file's schema.
//
//go:embed openapi.json
var openAPIDocument []byte

// OpenAPI returns the OpenAPI 3 document of the API as JSON, as served at
// /api/v1/openapi.json.
func OpenAPI() []byte { return append([]byte(nil), openAPIDocument...) }

// openAPI answers GET /openapi.json.
func (a *api) openAPI(w http.ResponseWriter, r *http.Request) error {
	writeBytes(w, http.StatusOK, openAPIDocument)
	return nil
}
