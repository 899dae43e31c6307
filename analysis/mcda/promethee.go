package mcda

import (
	"math"
	"strings"
)

// PreferenceFunc names a PROMETHEE generalised criterion: how a difference d
// between two alternatives on one criterion turns into a preference in
// [0, 1] (Brans, Vincke and Mareschal 1986, table 1; Brans and Mareschal
// 2005, "PROMETHEE methods", in Figueira, Greco and Ehrgott (eds.), Multiple
// Criteria Decision Analysis: State of the Art Surveys, Springer, 163-186).
type PreferenceFunc string

// The preference functions. In each, P(d) = 0 for d <= 0.
const (
	Usual    PreferenceFunc = "usual"    // type I: P = 1 for d > 0
	UShape   PreferenceFunc = "ushape"   // type II: P = 0 for d <= q, 1 above
	VShape   PreferenceFunc = "vshape"   // type III: P = d/p for d <= p, 1 above
	Level    PreferenceFunc = "level"    // type IV: 0 for d <= q, 1/2 for q < d <= p, 1 above
	Linear   PreferenceFunc = "linear"   // type V: 0 for d <= q, (d-q)/(p-q) for q < d <= p, 1 above
	Gaussian PreferenceFunc = "gaussian" // type VI: 1 - exp(-d^2 / (2 s^2))
)

// PreferenceFuncs lists the preference functions by type number.
var PreferenceFuncs = []PreferenceFunc{Usual, UShape, VShape, Level, Linear, Gaussian}

// ParsePreferenceFunc reads the name of a preference function, ignoring case
// and surrounding space; "" is Usual.
func ParsePreferenceFunc(s string) (PreferenceFunc, error) {
	f := PreferenceFunc(strings.ToLower(strings.TrimSpace(s)))
	if f == "" {
		return Usual, nil
	}
	for _, k := range PreferenceFuncs {
		if f == k {
			return f, nil
		}
	}
	return "", invalidf("preference function %q is not one of usual, ushape, vshape, level, linear, gaussian", s)
}

// Preference is the generalised criterion of one criterion: its function and
// thresholds, in the criterion's own units. Q is the indifference threshold
// (ushape, level, linear), P the preference threshold (vshape, level, linear)
// and S the inflection point of the Gaussian function.
type Preference struct {
	Func PreferenceFunc
	Q, P float64
	S    float64
}

// Validate checks the thresholds that Func uses: all finite and >= 0, p > 0
// for vshape, p > q for level and linear, s > 0 for gaussian. crit names the
// criterion in the message.
func (f Preference) Validate(crit string) error {
	bad := func(format string, args ...any) error {
		return invalidf("criterion %q: %s preference: "+format, append([]any{crit, f.Func}, args...)...)
	}
	for _, t := range []struct {
		name string
		v    float64
	}{{"q", f.Q}, {"p", f.P}, {"s", f.S}} {
		if !finite(t.v) {
			return bad("%s = %v is not a finite number", t.name, t.v)
		}
		if t.v < 0 {
			return bad("%s = %v is negative", t.name, t.v)
		}
	}
	switch f.Func {
	case "", Usual, UShape:
	case VShape:
		if f.P <= 0 {
			return bad("p = %v must be positive", f.P)
		}
	case Level, Linear:
		if f.P <= f.Q {
			return bad("p = %v must be greater than q = %v", f.P, f.Q)
		}
	case Gaussian:
		if f.S <= 0 {
			return bad("s = %v must be positive", f.S)
		}
	default:
		_, err := ParsePreferenceFunc(string(f.Func))
		return invalidf("criterion %q: %v", crit, err)
	}
	return nil
}

// degree is P(d), the preference for a difference d (positive means the
// first alternative is better).
func (f Preference) degree(d float64) float64 {
	if d <= 0 {
		return 0
	}
	switch f.Func {
	case UShape:
		if d <= f.Q {
			return 0
		}
		return 1
	case VShape:
		if d >= f.P {
			return 1
		}
		return d / f.P
	case Level:
		switch {
		case d <= f.Q:
			return 0
		case d <= f.P:
			return 0.5
		}
		return 1
	case Linear:
		switch {
		case d <= f.Q:
			return 0
		case d <= f.P:
			return (d - f.Q) / (f.P - f.Q)
		}
		return 1
	case Gaussian:
		return -math.Expm1(-d * d / (2 * f.S * f.S))
	}
	return 1 // Usual
}

// PROMETHEEII ranks by the net outranking flow of Brans and Vincke (1985),
// "A preference ranking organisation method", Management Science 31(6),
// 647-656, and Brans, Vincke and Mareschal (1986), "How to select and how to
// rank projects: the PROMETHEE method", EJOR 24(2), 228-238:
//
//	d_j(a,b)  = x_aj - x_bj for benefit, x_bj - x_aj for cost
//	pi(a,b)   = sum_j w_j P_j(d_j(a,b))
//	phi+(a)   = 1/(n-1) sum_b pi(a,b),  phi-(a) = 1/(n-1) sum_b pi(b,a)
//	phi(a)    = phi+(a) - phi-(a)
//
// with w normalised to sum 1 and n alternatives. The flows are scaled by
// 1/(n-1) as in Brans and Mareschal (2005); the 1986 paper prints the plain
// sums, (n-1) times larger, with the same ranking. prefs holds one
// Preference per criterion; nil means Usual for every criterion. A single
// alternative has all flows 0. Scores holds phi, higher is better.
func PROMETHEEII(p Problem, prefs []Preference) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	k := len(p.Criteria)
	if prefs == nil {
		prefs = make([]Preference, k)
	}
	if len(prefs) != k {
		return Result{}, invalidf("%d preference functions for %d criteria", len(prefs), k)
	}
	for j, f := range prefs {
		if err := f.Validate(p.critName(j)); err != nil {
			return Result{}, err
		}
	}
	w := normalizedWeights(p.Weights)
	m := len(p.Values)
	plus := make([]float64, m)
	minus := make([]float64, m)
	for a := 0; a < m; a++ {
		for b := a + 1; b < m; b++ {
			var ab, ba float64
			for j := 0; j < k; j++ {
				if w[j] == 0 {
					continue
				}
				d := p.Values[a][j] - p.Values[b][j]
				if p.Types[j] == Cost {
					d = -d
				}
				if d > 0 {
					ab += w[j] * prefs[j].degree(d)
				} else if d < 0 {
					ba += w[j] * prefs[j].degree(-d)
				}
			}
			plus[a] += ab
			minus[b] += ab
			plus[b] += ba
			minus[a] += ba
		}
	}
	net := make([]float64, m)
	if m > 1 {
		scale := 1 / float64(m-1)
		for i := range net {
			plus[i] *= scale
			minus[i] *= scale
			net[i] = plus[i] - minus[i]
		}
	}
	return Result{
		Method:       MethodPROMETHEE2,
		Scores:       net,
		Ranks:        Ranks(net, true),
		PositiveFlow: plus,
		NegativeFlow: minus,
	}, nil
}
