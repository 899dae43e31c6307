package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/crossroads/crossroads/analysis/mcda"
	"github.com/crossroads/crossroads/analysis/mcda/mcdacsv"
)

func init() { subcommands = append(subcommands, newRankCmd) }

// rankFlags holds the flags of the rank command as given.
type rankFlags struct {
	method, weights, types, normalize, format string
	v                                         float64
	preference, p, q, s                       string
}

func newRankCmd() *cobra.Command {
	var f rankFlags
	cmd := &cobra.Command{
		Use:   "rank [flags] FILE.csv",
		Short: "Rank alternatives in a decision matrix (WSM, TOPSIS, VIKOR, PROMETHEE II)",
		Long: `Rank the alternatives of a decision matrix read from FILE.csv ("-" for
standard input). The file has a header "name,<criterion>,..." and one row per
alternative: its name, then one number per criterion.

Methods: wsm (weighted sum, the default), topsis, vikor, promethee2.
Normalisation (wsm, topsis): vector, minmax, max, sum, none; the default is
minmax for wsm and vector for topsis. Weights default to equal, types to
benefit. --types, --preference, --p, --q and --s take one value per
criterion, or a single value for all of them.

Exit status: 0 ranked, 1 bad file contents, 2 wrong flags or arguments.`,
		Example: `  crossroads rank --weights 0.5,0.2,0.3 --types benefit,cost,benefit offers.csv
  crossroads rank --method topsis --format json offers.csv
  crossroads rank --method promethee2 --preference linear,vshape,usual --q 1,0,0 --p 6,20,0 offers.csv`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRank(cmd, f, args[0])
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.method, "method", mcda.MethodWSM, "ranking method: wsm, topsis, vikor, promethee2")
	fl.StringVar(&f.weights, "weights", "", "criterion weights, comma-separated, >= 0 (default equal)")
	fl.StringVar(&f.types, "types", "", "criterion types, comma-separated: benefit or cost (default all benefit)")
	fl.StringVar(&f.normalize, "normalize", "", "normalisation for wsm and topsis: vector, minmax, max, sum, none (default minmax for wsm, vector for topsis)")
	fl.StringVar(&f.format, "format", "text", "output format: text, json, csv")
	fl.Float64Var(&f.v, "v", mcda.DefaultV, "VIKOR weight of the majority strategy, in [0, 1]")
	fl.StringVar(&f.preference, "preference", "", "PROMETHEE II preference functions: usual, ushape, vshape, level, linear, gaussian (default usual)")
	fl.StringVar(&f.p, "p", "", "PROMETHEE II preference thresholds, in each criterion's units")
	fl.StringVar(&f.q, "q", "", "PROMETHEE II indifference thresholds, in each criterion's units")
	fl.StringVar(&f.s, "s", "", "PROMETHEE II Gaussian parameters, in each criterion's units")
	return cmd
}

func runRank(cmd *cobra.Command, f rankFlags, path string) error {
	method, err := mcda.NewMethod(f.method)
	if err != nil {
		return usagef("--method %q: not one of %s", f.method, strings.Join(mcda.Methods, ", "))
	}
	if !slices.Contains([]string{"text", "json", "csv"}, f.format) {
		return usagef("--format %q: not one of text, json, csv", f.format)
	}
	changed := cmd.Flags().Changed
	if f.normalize != "" {
		if method.Name != mcda.MethodWSM && method.Name != mcda.MethodTOPSIS {
			return usagef("--normalize applies to wsm and topsis, not %s", method.Name)
		}
		n, err := mcda.ParseNormalization(f.normalize)
		if err != nil {
			return usagef("--normalize %q: not one of vector, minmax, max, sum, none", f.normalize)
		}
		method.Normalization = n
	}
	if changed("v") {
		if method.Name != mcda.MethodVIKOR {
			return usagef("--v applies to vikor, not %s", method.Name)
		}
		if !(f.v >= 0 && f.v <= 1) {
			return usagef("--v %v: must lie in [0, 1]", f.v)
		}
		method.V = f.v
	}
	for _, name := range []string{"preference", "p", "q", "s"} {
		if changed(name) && method.Name != mcda.MethodPROMETHEE2 {
			return usagef("--%s applies to promethee2, not %s", name, method.Name)
		}
	}

	rc, name, err := openInput(cmd, path)
	if err != nil {
		return err
	}
	defer rc.Close()
	p, err := mcdacsv.ReadMatrix(rc)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	k := len(p.Criteria)
	if f.weights != "" {
		w, err := floatList("weights", f.weights, k, false)
		if err != nil {
			return err
		}
		p.Weights = w
	}
	if f.types != "" {
		cells, err := list("types", f.types, k, true)
		if err != nil {
			return err
		}
		for j, c := range cells {
			t, err := mcda.ParseCriterionType(c)
			if err != nil {
				return usagef("--types %q: %q is not benefit or cost", f.types, c)
			}
			p.Types[j] = t
		}
	}
	if err := checkWeights(f.weights, p.Weights); err != nil {
		return err
	}
	if method.Name == mcda.MethodPROMETHEE2 {
		prefs, err := preferences(f, p.Criteria)
		if err != nil {
			return err
		}
		method.Preferences = prefs
	}

	res, err := method.Rank(p)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	out := cmd.OutOrStdout()
	switch f.format {
	case "json":
		return writeRankJSON(out, p, res)
	case "csv":
		return writeRankCSV(out, p, res)
	}
	return writeRankText(out, p, res)
}

// list splits a comma-separated flag value into k cells; with broadcast a
// single cell stands for all k.
func list(flag, value string, k int, broadcast bool) ([]string, error) {
	cells := strings.Split(value, ",")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	if broadcast && len(cells) == 1 {
		out := make([]string, k)
		for i := range out {
			out[i] = cells[0]
		}
		return out, nil
	}
	if len(cells) != k {
		return nil, usagef("--%s %q: %d values for %d criteria", flag, value, len(cells), k)
	}
	return cells, nil
}

// floatList parses a comma-separated list of finite numbers >= 0.
func floatList(flag, value string, k int, broadcast bool) ([]float64, error) {
	cells, err := list(flag, value, k, broadcast)
	if err != nil {
		return nil, err
	}
	out := make([]float64, k)
	for i, c := range cells {
		v, err := strconv.ParseFloat(c, 64)
		if err != nil || v-v != 0 {
			return nil, usagef("--%s %q: %q is not a number", flag, value, c)
		}
		if v < 0 {
			return nil, usagef("--%s %q: %q is negative", flag, value, c)
		}
		out[i] = v
	}
	return out, nil
}

// checkWeights rejects weights that are all zero as a usage error.
func checkWeights(flag string, w []float64) error {
	for _, x := range w {
		if x > 0 {
			return nil
		}
	}
	return usagef("--weights %q: all weights are zero; at least one must be positive", flag)
}

// preferences builds and checks the PROMETHEE II preference of each
// criterion from --preference, --q, --p and --s.
func preferences(f rankFlags, criteria []string) ([]mcda.Preference, error) {
	k := len(criteria)
	prefs := make([]mcda.Preference, k)
	if f.preference != "" {
		cells, err := list("preference", f.preference, k, true)
		if err != nil {
			return nil, err
		}
		for j, c := range cells {
			fn, err := mcda.ParsePreferenceFunc(c)
			if err != nil {
				return nil, usagef("--preference %q: %q is not one of usual, ushape, vshape, level, linear, gaussian", f.preference, c)
			}
			prefs[j].Func = fn
		}
	}
	for _, th := range []struct {
		flag, value string
		set         func(*mcda.Preference, float64)
	}{
		{"q", f.q, func(p *mcda.Preference, v float64) { p.Q = v }},
		{"p", f.p, func(p *mcda.Preference, v float64) { p.P = v }},
		{"s", f.s, func(p *mcda.Preference, v float64) { p.S = v }},
	} {
		if th.value == "" {
			continue
		}
		vals, err := floatList(th.flag, th.value, k, true)
		if err != nil {
			return nil, err
		}
		for j, v := range vals {
			th.set(&prefs[j], v)
		}
	}
	for j, pr := range prefs {
		if err := pr.Validate(criteria[j]); err != nil {
			return nil, usagef("--preference/--q/--p/--s: %v", err)
		}
	}
	return prefs, nil
}

func writeRankJSON(w io.Writer, p mcda.Problem, res mcda.Result) error {
	out := mcda.NewRanking(p, res)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeRankCSV(w io.Writer, p mcda.Problem, res mcda.Result) error {
	cw := csv.NewWriter(w)
	header := []string{"name", "score", "rank"}
	if res.S != nil {
		header = append(header, "S", "R")
	}
	if res.PositiveFlow != nil {
		header = append(header, "phi_plus", "phi_minus")
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	for i, name := range p.Alternatives {
		rec := []string{name, num(res.Scores[i]), strconv.Itoa(res.Ranks[i])}
		if res.S != nil {
			rec = append(rec, num(res.S[i]), num(res.R[i]))
		}
		if res.PositiveFlow != nil {
			rec = append(rec, num(res.PositiveFlow[i]), num(res.NegativeFlow[i]))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// scoreLabel says what the score means for each method.
var scoreLabel = map[string]string{
	mcda.MethodWSM:        "weighted sum, higher is better",
	mcda.MethodTOPSIS:     "closeness to the ideal, higher is better",
	mcda.MethodVIKOR:      "Q, lower is better",
	mcda.MethodPROMETHEE2: "net flow, higher is better",
}

func writeRankText(w io.Writer, p mcda.Problem, res mcda.Result) error {
	desc := res.Method
	if res.Normalization != "" {
		desc += ", " + string(res.Normalization) + " normalisation"
	}
	fmt.Fprintf(w, "Method: %s\nScore: %s\n\n", desc, scoreLabel[res.Method])
	order := make([]int, len(p.Alternatives))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return res.Ranks[a] - res.Ranks[b] })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	header := "Rank\tAlternative\tScore\t"
	if res.S != nil {
		header += "S\tR\t"
	}
	if res.PositiveFlow != nil {
		header += "phi+\tphi-\t"
	}
	fmt.Fprintln(tw, header)
	for _, i := range order {
		fmt.Fprintf(tw, "%d\t%s\t%.4f\t", res.Ranks[i], p.Alternatives[i], res.Scores[i])
		if res.S != nil {
			fmt.Fprintf(tw, "%.4f\t%.4f\t", res.S[i], res.R[i])
		}
		if res.PositiveFlow != nil {
			fmt.Fprintf(tw, "%.4f\t%.4f\t", res.PositiveFlow[i], res.NegativeFlow[i])
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}
