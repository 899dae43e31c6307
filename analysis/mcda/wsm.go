package mcda

// Result is the outcome of one ranking method on one problem. Slices indexed
// by alternative are in input order.
type Result struct {
	Method        string        // "wsm", "topsis", "vikor" or "promethee2"
	Normalization Normalization // the normalisation used; "" for PROMETHEE II
	// Scores holds one score per alternative. Its meaning depends on the
	// method: WSM the weighted sum, TOPSIS the closeness coefficient, VIKOR
	// the index Q (lower is better), PROMETHEE II the net flow.
	Scores []float64
	// Ranks holds one rank per alternative: 1 is the best; ties share the
	// lower rank number ("1,2,2,4").
	Ranks []int
	// Contributions (WSM only) holds weight times oriented normalised value,
	// [alternative][criterion]; each row sums to the score. Nil otherwise.
	Contributions [][]float64
	// S and R (VIKOR only) are the group utility and the individual regret.
	S, R []float64
	// PositiveFlow and NegativeFlow (PROMETHEE II only) are the leaving and
	// entering flows; Scores = PositiveFlow - NegativeFlow.
	PositiveFlow, NegativeFlow []float64
}

// Method names accepted by Method.Name and the command line.
const (
	MethodWSM        = "wsm"
	MethodTOPSIS     = "topsis"
	MethodVIKOR      = "vikor"
	MethodPROMETHEE2 = "promethee2"
)

// WSM ranks by the weighted sum model (simple additive weighting):
//
//	score_i = sum_j w_j * r_ij
//
// with w normalised to sum 1 and r the normalised value oriented so that
// higher is better: minmax, max and sum orient cost columns themselves; under
// vector a cost column becomes 1 - r, under none it is negated (-x). An empty
// n means MinMax. Source: Fishburn (1967), "Additive utilities with
// incomplete product set", Operations Research 15(3); Triantaphyllou (2000),
// Multi-Criteria Decision Making Methods: A Comparative Study, ch. 2.
func WSM(p Problem, n Normalization) (Result, error) {
	if n == "" {
		n = MinMax
	}
	if _, err := ParseNormalization(string(n)); err != nil {
		return Result{}, err
	}
	r, err := orientedMatrix(p, n)
	if err != nil {
		return Result{}, err
	}
	w := normalizedWeights(p.Weights)
	m, k := len(p.Values), len(p.Criteria)
	contrib := make([][]float64, m)
	scores := make([]float64, m)
	for i := range contrib {
		c := r[i*k : (i+1)*k : (i+1)*k]
		s := 0.0
		for j := range c {
			c[j] *= w[j]
			s += c[j]
		}
		contrib[i] = c
		scores[i] = s
	}
	return Result{
		Method:        MethodWSM,
		Normalization: n,
		Scores:        scores,
		Ranks:         Ranks(scores, true),
		Contributions: contrib,
	}, nil
}

// orientedMatrix returns the normalised values, row by row in one slice,
// oriented so that higher is better in every column (see WSM).
func orientedMatrix(p Problem, n Normalization) ([]float64, error) {
	if err := p.validateShape(); err != nil {
		return nil, err
	}
	maps, _, err := columnMaps(p, len(p.Values), n, func(i int) []float64 { return p.Values[i] })
	if err != nil {
		return nil, err
	}
	if !n.oriented() {
		for j := range maps {
			if p.Types[j] == Cost {
				maps[j] = maps[j].orientCost(n)
			}
		}
	}
	k := len(p.Criteria)
	r := make([]float64, len(p.Values)*k)
	for i, row := range p.Values {
		for j, x := range row {
			r[i*k+j] = maps[j].apply(x)
		}
	}
	return r, nil
}
