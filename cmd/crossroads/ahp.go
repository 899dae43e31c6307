package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/crossroads/crossroads/analysis/mcda"
	"github.com/crossroads/crossroads/analysis/mcda/mcdacsv"
)

func init() { subcommands = append(subcommands, newAHPCmd) }

func newAHPCmd() *cobra.Command {
	var method, ri, format string
	cmd := &cobra.Command{
		Use:   "ahp [flags] FILE.csv",
		Short: "Derive criterion weights from pairwise comparisons (AHP)",
		Long: `Derive weights from a pairwise comparison matrix read from FILE.csv ("-"
for standard input) by Saaty's Analytic Hierarchy Process, and check how
consistent the judgements are.

The file has a header ",<item>,..." and one row per item in the same order:
"<item>,a_i1,...", where a_ij says how many times item i is more important than
item j (1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely more),
as a number or a fraction such as 1/3. An empty cell is the reciprocal of its
mirror cell, so the upper triangle is enough; an empty diagonal cell is 1.

A consistency ratio above 0.10 prints a warning (to standard error in text
mode) naming the judgement to revisit; it does not change the exit status.

Exit status: 0 weights derived, 1 bad file contents, 2 wrong flags or arguments.`,
		Example: `  crossroads ahp criteria.csv
  crossroads ahp --method approximate --ri alonso-lamata --format json criteria.csv`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAHP(cmd, method, ri, format, args[0])
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&method, "method", string(mcda.Eigenvector), "weights from: eigenvector, approximate")
	fl.StringVar(&ri, "ri", string(mcda.RISaaty), "random index table: saaty, alonso-lamata, donegan-dodd")
	fl.StringVar(&format, "format", "text", "output format: text, json")
	return cmd
}

func runAHP(cmd *cobra.Command, methodFlag, riFlag, format, path string) error {
	method, err := mcda.ParseAHPMethod(methodFlag)
	if err != nil {
		return usagef("--method %q: not eigenvector or approximate", methodFlag)
	}
	table, err := mcda.ParseRITable(riFlag)
	if err != nil {
		return usagef("--ri %q: not one of saaty, alonso-lamata, donegan-dodd", riFlag)
	}
	if !slices.Contains([]string{"text", "json"}, format) {
		return usagef("--format %q: not text or json", format)
	}
	rc, name, err := openInput(cmd, path)
	if err != nil {
		return err
	}
	defer rc.Close()
	names, m, err := mcdacsv.ReadPairwise(rc)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if _, err := mcda.RandomIndex(table, len(names)); err != nil {
		return usagef("--ri %s: %v", table, err)
	}
	res, err := mcda.AHPNamed(names, m, method, table)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if format == "json" {
		return writeAHPJSON(cmd.OutOrStdout(), names, method, table, res)
	}
	if res.Warning != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "crossroads: warning:", res.Warning)
	}
	return writeAHPText(cmd.OutOrStdout(), names, method, table, res)
}

func writeAHPJSON(w io.Writer, names []string, method mcda.AHPMethod, table mcda.RITable, res mcda.AHPResult) error {
	out := mcda.NewWeighting(names, method, table, res)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeAHPText(w io.Writer, names []string, method mcda.AHPMethod, table mcda.RITable, res mcda.AHPResult) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Item\tWeight")
	for i, n := range names {
		fmt.Fprintf(tw, "%s\t%.4f\n", n, res.Weights[i])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	verdict := "consistent (CR <= 0.10)"
	if !res.Consistent {
		verdict = "inconsistent (CR > 0.10)"
	}
	_, err := fmt.Fprintf(w, "\nMethod: %s; random index table: %s (RI = %.4g)\nlambda_max = %.4f, CI = %.4f, CR = %.4f: %s\n",
		method, table, res.RI, res.LambdaMax, res.CI, res.CR, verdict)
	return err
}
