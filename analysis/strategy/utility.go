package strategy

import "math"

// LossAversion is the coefficient λ by which a dollar of debt at the
// horizon weighs more than a dollar saved: the median estimate of Tversky
// and Kahneman, "Advances in prospect theory: cumulative representation of
// uncertainty", Journal of Risk and Uncertainty 5(4), 1992.
const LossAversion = 2.25

// RiskTolerance is the risk tolerance ρ of the money utility by risk
// attitude, in years of essential spending. With an exponential utility a
// 50-50 chance of gaining ρ or losing ρ/2 is just about acceptable (Howard,
// "Decision analysis: practice and promise", Management Science 34(6),
// 1988): a person averse to risk would just take a coin flip of gaining
// half a year's essential spending or losing a quarter of one; a neutral
// one, of gaining two years' or losing one; a tolerant one, of gaining
// eight or losing four (nearly indifferent to risk over a case's range).
var RiskTolerance = map[string]float64{"averse": 0.5, "neutral": 2, "tolerant": 8}

// MoneyUtility values the savings at the horizon of one future. Measured in
// years of essential spending, z = savings / Scale, the utility is
//
//	u(z) = ρ·(1 − e^(−z/ρ))   for z ≥ 0 (diminishing returns: an
//	                          exponential utility with risk tolerance ρ;
//	                          Pratt, "Risk aversion in the small and in the
//	                          large", Econometrica 32, 1964),
//	u(z) = λ·z                for z < 0 (each dollar of debt weighs λ times
//	                          a dollar saved: loss aversion at zero),
//
// strictly increasing and concave everywhere, with slope 1 just above zero
// and λ just below. The criterion value is (u(z) + λ)/(ρ + λ): 0 for a
// year's essential spending in debt, λ/(ρ + λ) for nothing left, and close
// to 1 for large savings; a deeper debt scores below 0, so that no two
// outcomes are made equal.
type MoneyUtility struct {
	// Scale is a year of essential spending (expenses and own health
	// cover), in the case's currency.
	Scale float64 `json:"scale"`
	// Rho is the risk tolerance ρ in years of essential spending; Lambda
	// the loss aversion λ.
	Rho    float64 `json:"rho"`
	Lambda float64 `json:"lambda"`
}

// U returns the utility u of savings w (in years of essential spending).
func (u MoneyUtility) U(w float64) float64 {
	z := w / u.Scale
	if z >= 0 {
		return -u.Rho * math.Expm1(-z/u.Rho)
	}
	return u.Lambda * z
}

// Value returns the criterion value of savings w at the horizon.
func (u MoneyUtility) Value(w float64) float64 {
	return (u.U(w) + u.Lambda) / (u.Rho + u.Lambda)
}

// CertaintyEquivalent returns the sure savings whose utility equals the
// mean utility of the given outcomes: what a plan's uncertain savings are
// worth to the person.
func (u MoneyUtility) CertaintyEquivalent(meanValue float64) float64 {
	x := meanValue*(u.Rho+u.Lambda) - u.Lambda // mean of u
	if x >= 0 {
		// At the utility's ceiling (only reached by rounding) the sure
		// amount is as large as a float allows below it: kept finite.
		x = min(x, math.Nextafter(u.Rho, 0))
		return -u.Rho * math.Log1p(-x/u.Rho) * u.Scale
	}
	return x / u.Lambda * u.Scale
}

// hardshipValue returns the value of the run-out criterion from a plan's
// means: 1 − E[how far savings are below zero, averaged over the month ends
// of the horizon, in months of essential spending] — the poverty gap of
// Foster, Greer and Thorbecke ("A class of decomposable poverty measures",
// Econometrica 52(3), 1984) taken over the months. A future where savings
// never fall below zero counts 1; one that is a month's spending short for
// the whole horizon, 0. It counts how deep and how long, and a dip by a few
// dollars for a week weighs a few dollars, not as much as a long, deep hole:
// a count of whether savings run out would make a small early dip as bad as
// a deep late one, and could make less money favour the riskier plan. The
// value is linear in the hole, so a plan's value is the mean over its
// futures; it never saturates: a smaller or shorter hole always scores
// better.
func hardshipValue(shortArea, month, horizon float64) float64 {
	return 1 - shortArea/(month*horizon)
}
