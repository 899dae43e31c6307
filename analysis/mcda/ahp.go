package mcda

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/crossroads/crossroads"
)

// AHPMethod names the way AHP derives weights from a comparison matrix.
type AHPMethod string

// The AHP methods.
const (
	// Eigenvector is Saaty's principal right eigenvector, normalised to
	// sum 1, found by power iteration to 1e-12 (with gonum's eigen
	// decomposition as a fallback).
	Eigenvector AHPMethod = "eigenvector"
	// Approximate normalises each column by its sum and averages the rows
	// (Saaty 1980, ch. 1; exact for consistent matrices).
	Approximate AHPMethod = "approximate"
)

// ParseAHPMethod reads the name of an AHP method; "" is Eigenvector.
func ParseAHPMethod(s string) (AHPMethod, error) {
	switch m := AHPMethod(strings.ToLower(strings.TrimSpace(s))); m {
	case "":
		return Eigenvector, nil
	case Eigenvector, Approximate:
		return m, nil
	}
	return "", invalidf("AHP method %q is not eigenvector or approximate", s)
}

// RITable names a published table of random consistency indices RI(n), the
// mean consistency index of random reciprocal matrices of size n.
type RITable string

// The random index tables.
const (
	// RISaaty is Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill,
	// table of random indices for n = 1..10 (also Saaty 1990, "How to make a
	// decision", EJOR 48, 9-26): 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
	// 1.45, 1.49.
	RISaaty RITable = "saaty"
	// RIAlonsoLamata is Alonso and Lamata (2006), "Consistency in the
	// analytic hierarchy process: a new approach", International Journal of
	// Uncertainty, Fuzziness and Knowledge-Based Systems 14(4), 445-459:
	// random indices from 100,000 random matrices for n = 3..15.
	RIAlonsoLamata RITable = "alonso-lamata"
	// RIDoneganDodd is Donegan and Dodd (1991), "A note on Saaty's random
	// indexes", Mathematical and Computer Modelling 15(10), 135-137,
	// for n = 3..20.
	RIDoneganDodd RITable = "donegan-dodd"
)

// RITables lists the random index tables.
var RITables = []RITable{RISaaty, RIAlonsoLamata, RIDoneganDodd}

// riValues holds each table from n = 1; the first two entries are 0 because
// matrices of size 1 and 2 are always consistent.
var riValues = map[RITable][]float64{
	RISaaty:        {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49},
	RIAlonsoLamata: {0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551, 1.5713, 1.5838},
	RIDoneganDodd: {0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497,
		1.4643, 1.4822, 1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371},
}

// ParseRITable reads the name of a random index table; "" is RISaaty.
func ParseRITable(s string) (RITable, error) {
	t := RITable(strings.ToLower(strings.TrimSpace(s)))
	if t == "" {
		return RISaaty, nil
	}
	if _, ok := riValues[t]; ok {
		return t, nil
	}
	return "", invalidf("random index table %q is not one of saaty, alonso-lamata, donegan-dodd", s)
}

// RandomIndex returns RI(n) from the table; an error when the table does not
// cover n.
func RandomIndex(table RITable, n int) (float64, error) {
	v, ok := riValues[table]
	if !ok {
		_, err := ParseRITable(string(table))
		return 0, err
	}
	if n < 1 || n > len(v) {
		return 0, invalidf("random index table %s covers 1 to %d items, not %d%s", table, len(v), n, largerTableHint(n))
	}
	return v[n-1], nil
}

func largerTableHint(n int) string {
	for _, t := range RITables {
		if n <= len(riValues[t]) {
			return fmt.Sprintf(" (use %s)", t)
		}
	}
	return ""
}

// ConsistencyLimit is the largest consistency ratio Saaty accepts (1980;
// Saaty 1990: "10% or less").
const ConsistencyLimit = 0.10

// ReciprocalTolerance is how far a_ij * a_ji may be from 1 before AHP
// rejects the matrix as not reciprocal. It lets reciprocals typed with two
// decimals through (0.33 for 1/3, 0.13 for 1/8: 4% off) and still catches a
// mistyped judgement (3 against 1/2).
const ReciprocalTolerance = 0.05

// AHPResult is the outcome of AHP on one comparison matrix.
type AHPResult struct {
	Weights    []float64 // the priorities, summing to 1
	LambdaMax  float64   // the principal eigenvalue (or its estimate, for Approximate)
	CI         float64   // consistency index (LambdaMax - n)/(n - 1); 0 for n <= 2
	CR         float64   // consistency ratio CI/RI; 0 for n <= 2
	RI         float64   // the random index used
	Consistent bool      // CR <= ConsistencyLimit
	// Warning is empty when the judgements are consistent; otherwise it
	// says so in plain words and names the comparison to revisit.
	Warning string
	// Pair is the comparison (row, column, i < j) whose judgement a_ij is
	// furthest, as a ratio, from what the weights imply (w_i/w_j); {-1, -1}
	// for fewer than 2 items.
	Pair [2]int
	// Implied is w_i/w_j for Pair: the judgement the rest of the matrix
	// suggests.
	Implied float64
}

// AHP derives weights from a pairwise comparison matrix by the Analytic
// Hierarchy Process (Saaty 1977, "A scaling method for priorities in
// hierarchical structures", J. Math. Psychology 15(3), 234-281; Saaty 1980,
// The Analytic Hierarchy Process, McGraw-Hill). m[i][j] says how many times
// item i is more important than item j; the matrix must be square, positive,
// with a unit diagonal and reciprocal (m[j][i] = 1/m[i][j] within
// ReciprocalTolerance). The error names the offending cell.
//
//	A w = lambda_max w  (Eigenvector), sum w = 1
//	CI = (lambda_max - n) / (n - 1),  CR = CI / RI(n)
//
// For Approximate, lambda_max is estimated as mean_i (A w)_i / w_i. An empty
// method is Eigenvector and an empty table RISaaty. Items are called
// "item 1", "item 2", ... in messages; AHPNamed uses names.
func AHP(m [][]float64, method AHPMethod, table RITable) (AHPResult, error) {
	return AHPNamed(nil, m, method, table)
}

// AHPNamed is AHP with the names of the items, used in errors and in the
// warning.
func AHPNamed(names []string, m [][]float64, method AHPMethod, table RITable) (AHPResult, error) {
	method, err := ParseAHPMethod(string(method))
	if err != nil {
		return AHPResult{}, err
	}
	table, err = ParseRITable(string(table))
	if err != nil {
		return AHPResult{}, err
	}
	name := func(i int) string {
		if i < len(names) && names[i] != "" {
			return names[i]
		}
		return fmt.Sprintf("item %d", i+1)
	}
	n := len(m)
	if n == 0 {
		return AHPResult{}, invalidf("the comparison matrix is empty")
	}
	if names != nil && len(names) != n {
		return AHPResult{}, invalidf("%d names for a %d x %d comparison matrix", len(names), n, n)
	}
	if err := validatePairwise(m, name); err != nil {
		return AHPResult{}, err
	}
	ri, err := RandomIndex(table, n)
	if err != nil {
		return AHPResult{}, err
	}
	var w []float64
	var lambda float64
	if method == Approximate {
		w = approximateWeights(m)
		lambda = lambdaEstimate(m, w)
	} else {
		w, lambda = principalEigen(m)
	}
	res := AHPResult{Weights: w, LambdaMax: lambda, RI: ri, Pair: [2]int{-1, -1}}
	if n >= 3 {
		res.CI = (lambda - float64(n)) / float64(n-1)
		if math.Abs(res.CI) < 1e-12 {
			res.CI = 0 // rounding of a consistent matrix
		}
		res.CR = res.CI / ri
	} else {
		res.LambdaMax = float64(n)
	}
	res.Consistent = res.CR <= ConsistencyLimit
	if n >= 2 {
		res.Pair, res.Implied = worstJudgement(m, w)
	}
	if !res.Consistent {
		i, j := res.Pair[0], res.Pair[1]
		cr := fmt.Sprintf("%.2f", res.CR)
		if cr == "0.10" {
			cr = fmt.Sprintf("%.3f", res.CR)
		}
		res.Warning = fmt.Sprintf("judgements are inconsistent: CR = %s > %.2f; revisit the comparison of %s and %s (you gave %s, the other judgements suggest about %s)",
			cr, ConsistencyLimit, name(i), name(j), FormatJudgement(m[i][j]), FormatJudgement(res.Implied))
	}
	return res, nil
}

// validatePairwise checks shape, positivity, the diagonal and reciprocity.
func validatePairwise(m [][]float64, name func(int) string) error {
	n := len(m)
	for i, row := range m {
		if len(row) != n {
			return invalidf("row %d (%s) of the comparison matrix has %d entries, want %d", i+1, name(i), len(row), n)
		}
		for j, a := range row {
			switch {
			case !finite(a):
				return invalidf("cell (%d,%d) (%s vs %s): %v is not a finite number", i+1, j+1, name(i), name(j), a)
			case a <= 0:
				return invalidf("cell (%d,%d) (%s vs %s): %v is not positive; judgements are ratios such as 3 or 1/3", i+1, j+1, name(i), name(j), a)
			case i == j && math.Abs(a-1) > 1e-9:
				return invalidf("cell (%d,%d) (%s vs itself): %v, but the diagonal must be 1", i+1, j+1, name(i), a)
			}
		}
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if math.Abs(m[i][j]*m[j][i]-1) > ReciprocalTolerance {
				return invalidf("cells (%d,%d) and (%d,%d) (%s vs %s) are %v and %v, but they must be reciprocal (%s and %s)",
					i+1, j+1, j+1, i+1, name(i), name(j), m[i][j], m[j][i], FormatJudgement(m[i][j]), FormatJudgement(1/m[i][j]))
			}
		}
	}
	return nil
}

// approximateWeights normalises each column to sum 1 and averages the rows.
func approximateWeights(m [][]float64) []float64 {
	n := len(m)
	colSum := make([]float64, n)
	for _, row := range m {
		for j, a := range row {
			colSum[j] += a
		}
	}
	w := make([]float64, n)
	for i, row := range m {
		for j, a := range row {
			w[i] += a / colSum[j]
		}
		w[i] /= float64(n)
	}
	return w
}

// lambdaEstimate is mean_i (A w)_i / w_i.
func lambdaEstimate(m [][]float64, w []float64) float64 {
	sum := 0.0
	for i, row := range m {
		aw := 0.0
		for j, a := range row {
			aw += a * w[j]
		}
		sum += aw / w[i]
	}
	return sum / float64(len(m))
}

// eigenTolerance and eigenMaxIter bound the power iteration.
const (
	eigenTolerance = 1e-12
	eigenMaxIter   = 10000
)

// principalEigen returns the principal right eigenvector (sum 1) and its
// eigenvalue. A positive matrix has a simple dominant eigenvalue with a
// positive eigenvector (Perron), so the power iteration converges; it starts
// from the row geometric means, which are close for near-consistent
// matrices. If it has not converged after eigenMaxIter steps, gonum's eigen
// decomposition is used.
func principalEigen(m [][]float64) ([]float64, float64) {
	n := len(m)
	w := make([]float64, n)
	next := make([]float64, n)
	total := 0.0
	for i, row := range m {
		g := 0.0
		for _, a := range row {
			g += math.Log(a)
		}
		w[i] = math.Exp(g / float64(n))
		total += w[i]
	}
	for i := range w {
		w[i] /= total
	}
	for iter := 0; iter < eigenMaxIter; iter++ {
		total = 0
		for i, row := range m {
			s := 0.0
			for j, a := range row {
				s += a * w[j]
			}
			next[i] = s
			total += s
		}
		delta := 0.0
		for i := range next {
			next[i] /= total
			delta = math.Max(delta, math.Abs(next[i]-w[i]))
		}
		w, next = next, w
		if delta <= eigenTolerance {
			// total is sum_i (A w_old)_i with sum w_old = 1: lambda.
			return w, total
		}
	}
	return gonumEigen(m)
}

// gonumEigen is the fallback: the eigenvalue with the largest real part and
// its eigenvector, normalised to sum 1.
func gonumEigen(m [][]float64) ([]float64, float64) {
	n := len(m)
	a := mat.NewDense(n, n, nil)
	for i, row := range m {
		a.SetRow(i, row)
	}
	var eig mat.Eigen
	if !eig.Factorize(a, mat.EigenRight) {
		w := approximateWeights(m)
		return w, lambdaEstimate(m, w)
	}
	vals := eig.Values(nil)
	best := 0
	for i, v := range vals {
		if real(v) > real(vals[best]) {
			best = i
		}
	}
	var vecs mat.CDense
	eig.VectorsTo(&vecs)
	w := make([]float64, n)
	total := 0.0
	for i := range w {
		w[i] = real(vecs.At(i, best))
		total += w[i]
	}
	for i := range w {
		w[i] /= total
	}
	return w, real(vals[best])
}

// worstJudgement returns the pair i < j whose judgement deviates most, as a
// ratio either way, from w_i/w_j, and that implied value.
func worstJudgement(m [][]float64, w []float64) ([2]int, float64) {
	pair, implied, worst := [2]int{0, 1}, w[0]/w[1], -1.0
	for i := range m {
		for j := i + 1; j < len(m); j++ {
			imp := w[i] / w[j]
			r := m[i][j] / imp
			if r < 1 {
				r = 1 / r
			}
			if r > worst {
				pair, implied, worst = [2]int{i, j}, imp, r
			}
		}
	}
	return pair, implied
}

// ParseJudgement reads one pairwise judgement: a positive number ("3",
// "0.5", "1e1") or a fraction of two ("1/3", " 1 / 9 "), by
// crossroads.ParseRatio. The error, of kind Invalid, quotes the text.
func ParseJudgement(s string) (float64, error) {
	a, err := crossroads.ParseRatio(s)
	if err != nil {
		return 0, invalidf("judgement %v", err)
	}
	return a, nil
}

// FormatJudgement writes a judgement the way people give them: "3" or "2.5"
// for values >= 1 and "1/3" for their reciprocals, with 3 significant digits.
func FormatJudgement(a float64) string {
	if a >= 1 || a <= 0 || !finite(a) {
		return strconv.FormatFloat(round3(a), 'g', -1, 64)
	}
	return "1/" + strconv.FormatFloat(round3(1/a), 'g', -1, 64)
}

func round3(x float64) float64 {
	if x == 0 || !finite(x) {
		return x
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 3, 64), 64)
	return v
}
