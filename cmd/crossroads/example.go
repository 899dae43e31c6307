package main

import (
	"github.com/spf13/cobra"

	"github.com/crossroads/crossroads/examples"
)

func init() { subcommands = append(subcommands, newExampleCmd) }

func newExampleCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "example",
		Short: "Print the motivating case as a commented YAML case file",
		Long: `Print the case Crossroads was built for — a single parent choosing between a
3-month contract job with a future and a data-entry job close to home — as a
complete, commented YAML case file to start from:

  crossroads example > case.yaml
  crossroads analyze case.yaml`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := cmd.OutOrStdout().Write(examples.MotivatingCase)
			return err
		},
	}
}
