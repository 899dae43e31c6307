// Package crossroads holds the domain of the Crossroads decision tool: the
// case (one person at a job or career decision point, their opportunities,
// the criteria and weights, and the settings of the analysis), its
// validation, and the error kinds shared by every layer.
//
// The analyses live in the pure packages under analysis/; storage, the web
// server and the command line are thin adapters around them.
package crossroads

//go:generate go run ./internal/casedoc/gen
