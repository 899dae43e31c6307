package mcda

// DirectWeights turns direct importance ratings into weights:
//
//	w_i = r_i / sum_k r_k
//
// Ratings must be finite and >= 0, and at least one must be positive.
func DirectWeights(ratings []float64) ([]float64, error) {
	if len(ratings) == 0 {
		return nil, invalidf("no ratings to turn into weights")
	}
	total := 0.0
	for i, r := range ratings {
		switch {
		case !finite(r):
			return nil, invalidf("rating %d: %v is not a finite number", i+1, r)
		case r < 0:
			return nil, invalidf("rating %d: %v is negative", i+1, r)
		}
		total += r
	}
	if total == 0 {
		return nil, invalidf("all ratings are zero; at least one must be positive")
	}
	return scaled(ratings, total), nil
}

// SwingWeights turns swing points into weights, following the swing method
// of von Winterfeldt and Edwards (1986), Decision Analysis and Behavioral
// Research, Cambridge University Press, ch. 8, and Edwards and Barron (1994),
// "SMARTS and SMARTER", Organizational Behavior and Human Decision Processes
// 60(3), 306-325: the person imagines every criterion at its worst level,
// gives 100 points to the swing from worst to best they would choose first,
// and rates each other swing against it on 0..100. Then
//
//	w_i = p_i / sum_k p_k
//
// Points must lie in [0, 100]. Because the method anchors the most important
// swing at 100, at least one criterion must have exactly 100 points; a set
// without it is rejected rather than silently rescaled, since it usually
// means the scale was misunderstood.
func SwingWeights(points []float64) ([]float64, error) {
	if len(points) == 0 {
		return nil, invalidf("no swing points to turn into weights")
	}
	total, anchor := 0.0, false
	for i, p := range points {
		switch {
		case !finite(p):
			return nil, invalidf("swing %d: %v points is not a finite number", i+1, p)
		case p < 0 || p > 100:
			return nil, invalidf("swing %d: %v points is outside 0..100", i+1, p)
		}
		if p == 100 {
			anchor = true
		}
		total += p
	}
	if !anchor {
		return nil, invalidf("no swing has 100 points; give 100 to the swing you would choose first and rate the others against it")
	}
	return scaled(points, total), nil
}

func scaled(x []float64, total float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = v / total
	}
	return out
}
