// Package mcda ranks alternatives on several criteria and derives criterion
// weights. It is pure: no I/O, no clock, no global randomness. Bad data gives
// an error of kind crossroads.Invalid that names the alternative and
// criterion (or matrix cell); degenerate but valid data gives a defined
// result, never NaN and never a panic.
//
// # Problem
//
// A Problem is a decision matrix x_ij (alternative i, criterion j), a type per
// criterion (Benefit: higher is better; Cost: lower is better) and weights
// w_j >= 0, not all zero, which every method normalises to sum 1.
//
// # Normalisations
//
// Normalize and the methods use, per column j with m alternatives:
//
//	vector: r = x / sqrt(sum_i x_i^2)            (Hwang and Yoon 1981)
//	minmax: r = (x - min)/(max - min) benefit,  (max - x)/(max - min) cost
//	max:    r = x / max benefit,                 min / x cost
//	sum:    r = x / sum_i x_i benefit,           (1/x) / sum_i (1/x_i) cost
//	none:   r = x
//
// minmax, max and sum orient cost columns themselves (higher r is better);
// vector and none keep the direction and leave it to the method: TOPSIS takes
// the minimum of a cost column as its ideal, WSM uses 1 - r for a vector cost
// column and -x for a none cost column. max and sum are ratio scales and need
// values >= 0; a negative value is an error.
//
// Degenerate columns: a constant column means every alternative is equally
// good on it, so it normalises to a constant: 1 under minmax and max (every
// alternative is at the best value), 1/m under sum and 1/sqrt(m) under vector
// (what the formulas give for any positive constant). A zero column is
// treated as a constant column under every normalisation. Under max, a cost
// value 0 is the minimum and normalises to 1. Under sum, a cost column with
// k zeros gives 1/k to each zero and 0 to the others (the limit as those
// values tend to 0).
//
// # Methods
//
// WSM, the weighted sum model (Fishburn 1967; Triantaphyllou 2000, ch. 2):
//
//	score_i = sum_j w_j r_ij, with r oriented as above; higher is better.
//
// Result.Contributions holds the terms w_j r_ij. The default normalisation is
// minmax.
//
// TOPSIS (Hwang and Yoon 1981, Multiple Attribute Decision Making: Methods and
// Applications, Springer, pp. 128-134):
//
//	v_ij = w_j r_ij;  A+_j = best v_ij, A-_j = worst v_ij
//	D+_i = ||v_i - A+||_2,  D-_i = ||v_i - A-||_2,  C_i = D-_i / (D+_i + D-_i)
//
// The default normalisation is vector. C is 0.5 when D+ + D- = 0 (the
// alternative is both ideal and anti-ideal: every weighted column is
// constant).
//
// VIKOR (Opricovic and Tzeng 2004, "Compromise solution by MCDM methods: a
// comparative analysis of VIKOR and TOPSIS", EJOR 156(2), 445-455):
//
//	d_ij = w_j (f*_j - f_ij)/(f*_j - f-_j),  S_i = sum_j d_ij,  R_i = max_j d_ij
//	Q_i  = v (S_i - S*)/(S- - S*) + (1 - v)(R_i - R*)/(R- - R*)
//
// f* and f- are the best and worst values of each criterion. A constant
// criterion has d = 0; when S (or R) is constant its term of Q is 0. Lower Q
// is better: rank 1 is the lowest Q.
//
// PROMETHEE II (Brans and Vincke 1985, Management Science 31(6), 647-656;
// Brans, Vincke and Mareschal 1986, EJOR 24(2), 228-238; Brans and Mareschal
// 2005, in Figueira et al. (eds.), Multiple Criteria Decision Analysis):
//
//	pi(a,b) = sum_j w_j P_j(d_j(a,b)),  phi+(a) = sum_b pi(a,b)/(n-1)
//	phi-(a) = sum_b pi(b,a)/(n-1),      phi(a) = phi+(a) - phi-(a)
//
// with the six generalised criteria (usual, U-shape, V-shape, level, linear,
// Gaussian) of Brans et al. 1986. A single alternative has all flows 0.
//
// # Ranks
//
// Ranks gives rank 1 to the best score; scores equal within TieTolerance share
// the lower rank and the next rank skips ("1,2,2,4").
//
// # Weights
//
// DirectWeights normalises ratings (w_i = r_i / sum r). SwingWeights
// normalises swing points 0..100 (von Winterfeldt and Edwards 1986; Edwards
// and Barron 1994) and requires the anchor swing at 100. AHP (Saaty 1977,
// 1980) derives weights from a reciprocal pairwise comparison matrix by the
// principal eigenvector (power iteration to 1e-12) or by the approximate
// column-normalisation method, with
//
//	CI = (lambda_max - n)/(n - 1),  CR = CI / RI(n)
//
// and the random index RI from one of three published tables (Saaty 1980;
// Alonso and Lamata 2006; Donegan and Dodd 1991). CR > 0.10 sets a plain
// warning naming the judgement that deviates most from what the weights
// imply: max over i < j of the ratio a_ij / (w_i/w_j) taken either way.
// Matrices of size 1 and 2 are always consistent (CI = CR = 0).
//
// # Weight sensitivity
//
// WeightSensitivity varies one weight from 0 to 1, the others keeping their
// proportions, and reports the interval in which the best alternative stays
// best: exactly for WSM (the scores are linear in the weight), by scan and
// bisection to SensitivityTolerance for the other methods.
package mcda
