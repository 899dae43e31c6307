package occupation

import _ "embed"

//go:generate go run ./gen -data data -out occupations.json.gz

// datasetFile is the generated dataset (see package internal/wire).
//
//go:embed occupations.json.gz
var datasetFile []byte
