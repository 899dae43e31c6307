// Command gen writes openapi.json of package api from openapi.yaml and the
// case file's JSON Schema (docs/case.schema.json), by spec.Build. It runs
// from "go generate ./web/api", in the directory of package api.
package main
