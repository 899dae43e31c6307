// Package spec builds the OpenAPI document of the Crossroads API: the
// hand-written openapi.yaml of package api, with the schemas of the case file
// added from docs/case.schema.json (JSON Schema 2020-12) after converting them
// to the OpenAPI 3.0 dialect. The generator in gen writes the result to
// web/api/openapi.json, which the server embeds; a test of package api
// rebuilds it and fails when the committed file is stale.
package spec
