package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/occupation"
)

func init() { subcommands = append(subcommands, newOccupationCmd) }

func newOccupationCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "occupation",
		Short: "Look up occupations: pay, outlook and career pathways (O*NET, BLS)",
		Long: `Look up U.S. occupations in the embedded O*NET 30.3 and BLS data: find the
O*NET-SOC code of a job title, and show an occupation's pay (OEWS May 2024),
outlook (Employment Projections 2024–34), job zone and related occupations.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("missing subcommand (search or show)\nSee '%s --help'.", cmd.CommandPath())
			}
			return usagef("unknown subcommand %q (want search or show)\nSee '%s --help'.", args[0], cmd.CommandPath())
		},
	}
	cmd.AddCommand(newOccupationSearchCmd(), newOccupationShowCmd())
	return cmd
}

// occFormatFlag checks the value of a --format flag.
func occFormatFlag(format string) error {
	if format != "text" && format != "json" {
		return usagef("--format %q: want text or json", format)
	}
	return nil
}

func newOccupationSearchCmd() *cobra.Command {
	var (
		limit  int
		format string
	)
	cmd := &cobra.Command{
		Use:   "search [--limit N] [--format text|json] TEXT...",
		Short: "Find the O*NET-SOC codes of a job title",
		Example: `  crossroads occupation search call center representative
  crossroads occupation search --limit 3 --format json data entry clerk`,
		Args: occMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := occFormatFlag(format); err != nil {
				return err
			}
			if limit < 0 {
				return usagef("--limit %d: want 0 (all) or more", limit)
			}
			query := strings.Join(args, " ")
			matches := occupation.Search(query, limit)
			if format == "json" {
				if matches == nil {
					matches = []occupation.Match{}
				}
				return occWriteJSON(cmd.OutOrStdout(), struct {
					Query       string             `json:"query"`
					Matches     []occupation.Match `json:"matches"`
					Attribution string             `json:"attribution"`
				}{query, matches, occupation.Attribution})
			}
			return occWriteSearchText(cmd.OutOrStdout(), query, matches)
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 10, "most matches to list (0 for all)")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

func occWriteSearchText(w io.Writer, query string, matches []occupation.Match) error {
	if len(matches) == 0 {
		fmt.Fprintf(w, "No occupation matches %q.\n", query)
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "CODE\tTITLE\tMATCHED TITLE\tSCORE")
		for _, m := range matches {
			matched := m.MatchedTitle
			if matched == m.Title {
				matched = "(occupation title)"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\n", m.Code, occClip(m.Title, 60), occClip(matched, 50), m.Score)
		}
		tw.Flush()
	}
	_, err := fmt.Fprintf(w, "\n%s\n", occupation.Attribution)
	return err
}

func newOccupationShowCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "show [--format text|json] CODE",
		Short: "Show an occupation's pay, outlook, job zone and related occupations",
		Example: `  crossroads occupation show 43-4051.00
  crossroads occupation show --format json 43-9021`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := occFormatFlag(format); err != nil {
				return err
			}
			code := args[0]
			o, ok := occupation.Lookup(code)
			if !ok {
				if _, valid := occupation.NormalizeCode(code); !valid {
					return crossroads.Errorf(crossroads.Invalid,
						"%q is not an O*NET-SOC code such as 43-4051.00 (to find one: crossroads occupation search TITLE)", code)
				}
				return crossroads.Errorf(crossroads.NotFound,
					"no occupation with code %q (to find one: crossroads occupation search TITLE)", code)
			}
			related, _ := occupation.Related(o.Code)
			if format == "json" {
				if related == nil {
					related = []occupation.Step{}
				}
				return occWriteJSON(cmd.OutOrStdout(), struct {
					occupation.Occupation
					Related     []occupation.Step `json:"related"`
					Attribution string            `json:"attribution"`
				}{o, related, occupation.Attribution})
			}
			return occWriteText(cmd.OutOrStdout(), o, related)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

func occWriteText(w io.Writer, o occupation.Occupation, related []occupation.Step) error {
	fmt.Fprintf(w, "%s  %s\n\n%s\n\n", o.Code, o.Title, o.Description)
	if o.JobZoneName != "" {
		fmt.Fprintf(w, "Job zone: %s\n\n", o.JobZoneName)
	} else {
		fmt.Fprint(w, "Job zone: not rated by O*NET\n\n")
	}

	marks := false
	if wg := o.Wages; wg != nil {
		fmt.Fprintln(w, "Pay (BLS OEWS, May 2024, U.S.)")
		if wg.Wider {
			fmt.Fprintf(w, "  Figures for %s %s, which includes this occupation.\n", wg.SOCCode, wg.SOCTitle)
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "\t10%\t25%\tmedian\t75%\t90%\tmean\t")
		for _, row := range []struct {
			name string
			p    occupation.Percentiles
			mean occupation.Wage
		}{{"  annual", wg.Annual, wg.AnnualMean}, {"  hourly", wg.Hourly, wg.HourlyMean}} {
			cells := []occupation.Wage{row.p.P10, row.p.P25, row.p.Median, row.p.P75, row.p.P90, row.mean}
			fmt.Fprint(tw, row.name)
			for _, c := range cells {
				marks = marks || c.Status != occupation.Published
				fmt.Fprintf(tw, "\t%s", occShortWage(c))
			}
			fmt.Fprintln(tw, "\t")
		}
		tw.Flush()
		switch {
		case wg.HourlyOnly:
			fmt.Fprintln(w, "  BLS publishes only hourly wages for this occupation (most work fewer than 2,080 hours a year).")
		case wg.AnnualOnly:
			fmt.Fprintln(w, "  BLS publishes only annual wages for this occupation (paid by the year, not the hour).")
		}
		if wg.Employment >= 0 {
			fmt.Fprintf(w, "  Employment: %s (excluding the self-employed)\n", occGroupDigits(wg.Employment))
		}
		fmt.Fprintln(w)
	} else {
		fmt.Fprint(w, "Pay: BLS publishes no wages for this occupation.\n\n")
	}

	if ol := o.Outlook; ol != nil {
		fmt.Fprintln(w, "Outlook (BLS Employment Projections, 2024–34, U.S.)")
		if ol.Wider {
			fmt.Fprintf(w, "  Figures for %s %s, which includes this occupation.\n", ol.SOCCode, ol.SOCTitle)
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  Change\t%s%% (%s thousand jobs, %s to %s thousand); all occupations %+.1f%%\n",
			occSigned(ol.ChangePercent), occSigned(ol.Change), occDecimal(ol.Employment2024), occDecimal(ol.Employment2034),
			occupation.AllOccupationsChangePercent)
		fmt.Fprintf(tw, "  Openings\t%s thousand a year\n", occDecimal(ol.AnnualOpenings))
		fmt.Fprintf(tw, "  Education\t%s\n", occOrNone(ol.Education))
		fmt.Fprintf(tw, "  Experience\t%s\n", occOrNone(ol.Experience))
		fmt.Fprintf(tw, "  Training\t%s\n", occOrNone(ol.Training))
		tw.Flush()
		fmt.Fprintln(w)
	} else {
		fmt.Fprint(w, "Outlook: BLS publishes no projections for this occupation.\n\n")
	}

	if len(related) > 0 {
		fmt.Fprintln(w, "Related occupations (O*NET)")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  TIER\tCODE\tTITLE\tZONE\tMEDIAN/YEAR\tCHANGE 2024–34")
		for _, s := range related {
			zone, median, change := "-", "n/a", "n/a"
			if s.JobZone != 0 {
				zone = strconv.Itoa(s.JobZone)
			}
			if s.Wages != nil {
				median = occShortWage(s.Wages.Annual.Median)
				marks = marks || s.Wages.Annual.Median.Status != occupation.Published
			}
			if s.Outlook != nil {
				change = occSigned(s.Outlook.ChangePercent) + "%"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", s.Tier, s.Code, occClip(s.Title, 60), zone, median, change)
		}
		tw.Flush()
		fmt.Fprintln(w)
	}
	if marks {
		fmt.Fprintln(w, "≥: top-coded by BLS, the wage is at or above this value; n/a: not published.")
		fmt.Fprintln(w)
	}
	if len(o.ReportedTitles) > 0 {
		fmt.Fprintf(w, "Reported job titles: %s\n\n", strings.Join(o.ReportedTitles, "; "))
	}
	_, err := fmt.Fprintln(w, occupation.Attribution)
	return err
}

// occShortWage formats a wage for a table cell.
func occShortWage(w occupation.Wage) string {
	switch w.Status {
	case occupation.Published:
		return w.String()
	case occupation.TopCoded:
		return "≥" + strings.TrimPrefix(w.String(), "at or above ")
	}
	return "n/a"
}

// occSigned formats a one-decimal figure with its sign.
func occSigned(v float64) string {
	if v == 0 {
		return "0.0"
	}
	if v > 0 {
		return "+" + occDecimal(v)
	}
	return occDecimal(v)
}

// occDecimal formats a one-decimal figure with thousands separators.
func occDecimal(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return sign + s
	}
	return sign + occGroupDigits(n) + "." + frac
}

func occOrNone(s string) string {
	if s == "" {
		return "not given by BLS"
	}
	return s
}

// occGroupDigits writes n with thousands separators.
func occGroupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// occClip shortens s to at most n runes, ending in "…" when cut.
func occClip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func occWriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// occMinArgs is cobra.MinimumNArgs with an error that maps to exit code 2.
func occMinArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.MinimumNArgs(n)(cmd, args); err != nil {
			return argsError{fmt.Errorf("%w\nSee '%s --help'.", err, cmd.CommandPath())}
		}
		return nil
	}
}
