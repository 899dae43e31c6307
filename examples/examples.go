// Package examples holds the example cases shipped with Crossroads.
package examples

import _ "embed"

// MotivatingCase is the case Crossroads was built for, as a commented YAML
// case file: a single parent choosing between a 3-month contract job in a
// healthcare call centre that could lead to a career, and a data-entry job
// close to home that she has not been offered yet.
//
//go:embed motivating-case.yaml
var MotivatingCase []byte
