package mcda

// Ranking is a ranking in the shape the command line (`crossroads rank
// --format json`) and the JSON API write it: the method, the criteria with
// their normalised weights, and every alternative in input order with its
// score and rank (1 = best), plus S and R for VIKOR and the two flows for
// PROMETHEE II.
type Ranking struct {
	Method        string              `json:"method"`
	Normalization string              `json:"normalization,omitempty"`
	Criteria      []RankedCriterion   `json:"criteria"`
	Alternatives  []RankedAlternative `json:"alternatives"`
}

// RankedCriterion is one criterion of a Ranking.
type RankedCriterion struct {
	Name   string  `json:"name"`
	Type   string  `json:"type"`
	Weight float64 `json:"weight"` // normalised to sum 1
}

// RankedAlternative is one alternative of a Ranking.
type RankedAlternative struct {
	Name     string   `json:"name"`
	Score    float64  `json:"score"`
	Rank     int      `json:"rank"`
	S        *float64 `json:"S,omitempty"`
	R        *float64 `json:"R,omitempty"`
	PhiPlus  *float64 `json:"phi_plus,omitempty"`
	PhiMinus *float64 `json:"phi_minus,omitempty"`
}

// NewRanking gathers the result of ranking p.
func NewRanking(p Problem, res Result) Ranking {
	out := Ranking{Method: res.Method, Normalization: string(res.Normalization)}
	w := normalizedWeights(p.Weights)
	for j, c := range p.Criteria {
		out.Criteria = append(out.Criteria, RankedCriterion{Name: c, Type: p.Types[j].String(), Weight: w[j]})
	}
	for i, name := range p.Alternatives {
		a := RankedAlternative{Name: name, Score: res.Scores[i], Rank: res.Ranks[i]}
		if res.S != nil {
			a.S, a.R = &res.S[i], &res.R[i]
		}
		if res.PositiveFlow != nil {
			a.PhiPlus, a.PhiMinus = &res.PositiveFlow[i], &res.NegativeFlow[i]
		}
		out.Alternatives = append(out.Alternatives, a)
	}
	return out
}

// Weighting is an AHP result in the shape the command line (`crossroads ahp
// --format json`) and the JSON API write it.
type Weighting struct {
	Method     string        `json:"method"`
	RITable    string        `json:"ri_table"`
	Weights    []NamedWeight `json:"weights"`
	LambdaMax  float64       `json:"lambda_max"`
	CI         float64       `json:"ci"`
	CR         float64       `json:"cr"`
	RI         float64       `json:"ri"`
	Consistent bool          `json:"consistent"`
	Warning    string        `json:"warning"`
}

// NamedWeight is one item's weight.
type NamedWeight struct {
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

// NewWeighting gathers an AHP result for the items names.
func NewWeighting(names []string, method AHPMethod, table RITable, res AHPResult) Weighting {
	out := Weighting{
		Method: string(method), RITable: string(table),
		LambdaMax: res.LambdaMax, CI: res.CI, CR: res.CR, RI: res.RI,
		Consistent: res.Consistent, Warning: res.Warning,
	}
	for i, n := range names {
		out.Weights = append(out.Weights, NamedWeight{Name: n, Weight: res.Weights[i]})
	}
	return out
}
