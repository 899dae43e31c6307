package mcda_test

import (
	"fmt"

	"github.com/crossroads/crossroads/analysis/mcda"
)

// offers is a small job decision: salary (k€, benefit), commute (minutes,
// cost) and growth (a 1-10 rating, benefit).
func offers() mcda.Problem {
	return mcda.Problem{
		Alternatives: []string{"Stay", "Startup", "Agency"},
		Criteria:     []string{"salary", "commute", "growth"},
		Types:        []mcda.CriterionType{mcda.Benefit, mcda.Cost, mcda.Benefit},
		Weights:      []float64{0.5, 0.2, 0.3},
		Values: [][]float64{
			{62, 20, 4},
			{70, 45, 9},
			{66, 35, 6},
		},
	}
}

func Example_topsis() {
	res, err := mcda.TOPSIS(offers(), mcda.Vector)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, name := range offers().Alternatives {
		fmt.Printf("%-8s closeness %.4f rank %d\n", name, res.Scores[i], res.Ranks[i])
	}
	// Output:
	// Stay     closeness 0.3806 rank 3
	// Startup  closeness 0.6194 rank 1
	// Agency   closeness 0.4051 rank 2
}

func Example_wsm() {
	res, err := mcda.WSM(offers(), mcda.MinMax)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, name := range offers().Alternatives {
		fmt.Printf("%-8s score %.4f rank %d contributions %.3f\n", name, res.Scores[i], res.Ranks[i], res.Contributions[i])
	}
	// Output:
	// Stay     score 0.2000 rank 3 contributions [0.000 0.200 0.000]
	// Startup  score 0.8000 rank 1 contributions [0.500 0.000 0.300]
	// Agency   score 0.4500 rank 2 contributions [0.250 0.080 0.120]
}

func Example_vikor() {
	res, err := mcda.VIKOR(offers(), mcda.DefaultV)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, name := range offers().Alternatives {
		fmt.Printf("%-8s Q %.4f S %.4f R %.4f rank %d\n", name, res.Scores[i], res.S[i], res.R[i], res.Ranks[i])
	}
	// Output:
	// Stay     Q 1.0000 S 0.8000 R 0.5000 rank 3
	// Startup  Q 0.0000 S 0.2000 R 0.2000 rank 1
	// Agency   Q 0.3750 S 0.5500 R 0.2500 rank 2
}

func Example_prometheeII() {
	prefs := []mcda.Preference{
		{Func: mcda.Linear, Q: 1, P: 6}, // salary: 1k€ is noise, 6k€ decides
		{Func: mcda.VShape, P: 20},      // commute: full preference at 20 minutes
		{Func: mcda.Usual},              // growth: any difference counts
	}
	res, err := mcda.PROMETHEEII(offers(), prefs)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, name := range offers().Alternatives {
		fmt.Printf("%-8s phi %+.4f (phi+ %.4f, phi- %.4f) rank %d\n", name, res.Scores[i], res.PositiveFlow[i], res.NegativeFlow[i], res.Ranks[i])
	}
	// Output:
	// Stay     phi -0.5250 (phi+ 0.1750, phi- 0.7000) rank 3
	// Startup  phi +0.5500 (phi+ 0.7000, phi- 0.1500) rank 1
	// Agency   phi -0.0250 (phi+ 0.3500, phi- 0.3750) rank 2
}

func Example_ahp() {
	// How much more important is the row than the column?
	m := [][]float64{
		{1, 3, 5},
		{1.0 / 3, 1, 2},
		{1.0 / 5, 1.0 / 2, 1},
	}
	res, err := mcda.AHPNamed([]string{"salary", "growth", "commute"}, m, mcda.Eigenvector, mcda.RISaaty)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("weights %.4f\nlambda_max %.4f CI %.4f CR %.4f consistent %v\n", res.Weights, res.LambdaMax, res.CI, res.CR, res.Consistent)
	// Output:
	// weights [0.6483 0.2297 0.1220]
	// lambda_max 3.0037 CI 0.0018 CR 0.0032 consistent true
}

func ExampleWeightSensitivity() {
	m, _ := mcda.NewMethod(mcda.MethodWSM)
	ivs, err := mcda.WeightSensitivity(offers(), m)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, iv := range ivs {
		fmt.Printf("%-8s weight %.2f keeps the winner in [%.4f, %.4f]; below: %q, above: %q\n",
			iv.Criterion, iv.Weight, iv.Lo, iv.Hi, iv.BelowBest, iv.AboveBest)
	}
	// Output:
	// salary   weight 0.50 keeps the winner in [0.0000, 1.0000]; below: "", above: ""
	// commute  weight 0.20 keeps the winner in [0.0000, 0.5000]; below: "", above: "Stay"
	// growth   weight 0.30 keeps the winner in [0.0000, 1.0000]; below: "", above: ""
}

func ExampleParseJudgement() {
	for _, s := range []string{"3", " 1 / 3 ", "0.5", "three"} {
		v, err := mcda.ParseJudgement(s)
		fmt.Println(v, err)
	}
	// Output:
	// 3 <nil>
	// 0.3333333333333333 <nil>
	// 0.5 <nil>
	// 0 judgement "three" is not a number or a fraction such as 1/3
}
