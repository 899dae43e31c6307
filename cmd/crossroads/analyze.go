package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/report"
)

func init() {
	subcommands = append(subcommands, newValidateCmd, newAnalyzeCmd)
}

// loadCase reads and validates a case file ("-" for standard input). On
// invalid input it prints every problem to standard error and returns a
// silentError with exit code 1.
func loadCase(cmd *cobra.Command, path string) (*crossroads.Case, error) {
	data, name, err := readInput(cmd, path)
	if err != nil {
		return nil, err
	}
	c, err := casefile.Parse(data, name)
	if err != nil {
		if ve, ok := err.(*crossroads.ValidationError); ok {
			fmt.Fprintln(cmd.ErrOrStderr(), ve.Error())
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d problem(s); see docs/case-file.md for every field\n", name, len(ve.Errors))
			return nil, silentError{exitInput}
		}
		return nil, err
	}
	return c, nil
}

func newValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a case file and list every problem in it",
		Long: `Check a case file (YAML or JSON; "-" reads standard input) and list every
problem at once, each with its line and column, the field, the value and the
rule it breaks. Exit status 0 when the case is valid, 1 when it is not.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := loadCase(cmd, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: valid case with %d opportunities\n", displayName(args[0]), len(c.Opportunities))
			return nil
		},
	}
}

func displayName(path string) string {
	if path == "-" {
		return "<stdin>"
	}
	return path
}

func newAnalyzeCmd() *cobra.Command {
	var format string
	var paths int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "analyze [--format text|json|html] [--paths N] [--seed S] FILE",
		Short: "Analyse a case file and print the report",
		Long: `Analyse a case file (YAML or JSON; "-" reads standard input) and print the
report: the job-or-career lens of each opportunity, the ranking with each
criterion's contribution, what would change the answer, a plain-language
summary, the questions still worth asking and the assumptions used; and the
plans the person can follow, simulated month by month over the horizon
(savings, the chance of running out, months without pay or an employer
health plan), ranked, with the value of knowing a pending answer, the
break-even points and a tornado chart (docs/simulation.md).

The simulation is reproducible: the same case and seed give the same numbers
on any machine and any number of cores. --paths and --seed override the
case's settings.paths and settings.seed.

Formats: text (default), json (documented in docs/report-json.md) and html (a
self-contained page).`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "text", "json", "html":
			default:
				return usagef("--format %q: use text, json or html", format)
			}
			opt := reportOptions()
			if cmd.Flags().Changed("paths") {
				if paths < 1 || paths > maxPaths {
					return usagef("--paths %d: use a number of paths from 1 to %d", paths, maxPaths)
				}
				opt.Paths = paths
			}
			if cmd.Flags().Changed("seed") {
				opt.Seed = &seed
			}
			c, err := loadCase(cmd, args[0])
			if err != nil {
				return err
			}
			r, err := report.Build(c, opt)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			switch format {
			case "json":
				return r.WriteJSON(out)
			case "html":
				return r.WriteHTML(out)
			}
			return r.WriteText(out)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text, json or html")
	cmd.Flags().IntVar(&paths, "paths", 0, "number of Monte Carlo paths (default: the case's settings.paths, else 10,000)")
	cmd.Flags().Uint64Var(&seed, "seed", 0, "seed of the random numbers (default: the case's settings.seed, else 1)")
	return cmd
}

// maxPaths is the largest --paths accepted, as for settings.paths.
const maxPaths = 1_000_000

// reportOptions returns the options of every report the command builds.
func reportOptions() report.Options {
	return report.Options{}
}
