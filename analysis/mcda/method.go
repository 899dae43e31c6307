package mcda

import "strings"

// Method is a ranking method with its settings, so that callers (the command
// line, the weight sensitivity) can treat the methods alike.
type Method struct {
	Name          string        // MethodWSM, MethodTOPSIS, MethodVIKOR or MethodPROMETHEE2
	Normalization Normalization // WSM and TOPSIS; "" is the method's default
	V             float64       // VIKOR's v in [0, 1]; NewMethod sets DefaultV
	Preferences   []Preference  // PROMETHEE II; nil means Usual for every criterion
}

// Methods lists the method names.
var Methods = []string{MethodWSM, MethodTOPSIS, MethodVIKOR, MethodPROMETHEE2}

// NewMethod returns the named method with its default settings: WSM with
// MinMax, TOPSIS with Vector, VIKOR with v = DefaultV, PROMETHEE II with the
// usual criterion everywhere. The name is matched ignoring case.
func NewMethod(name string) (Method, error) {
	switch n := strings.ToLower(strings.TrimSpace(name)); n {
	case MethodWSM:
		return Method{Name: n, Normalization: MinMax}, nil
	case MethodTOPSIS:
		return Method{Name: n, Normalization: Vector}, nil
	case MethodVIKOR:
		return Method{Name: n, V: DefaultV}, nil
	case MethodPROMETHEE2:
		return Method{Name: n}, nil
	}
	return Method{}, invalidf("method %q is not one of wsm, topsis, vikor, promethee2", name)
}

// Rank runs the method on p.
func (m Method) Rank(p Problem) (Result, error) {
	switch m.Name {
	case MethodWSM:
		return WSM(p, m.Normalization)
	case MethodTOPSIS:
		return TOPSIS(p, m.Normalization)
	case MethodVIKOR:
		return VIKOR(p, m.V)
	case MethodPROMETHEE2:
		return PROMETHEEII(p, m.Preferences)
	}
	_, err := NewMethod(m.Name)
	return Result{}, err
}
