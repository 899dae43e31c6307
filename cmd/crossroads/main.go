// Command crossroads analyses job and career decisions: it validates and
// analyses case files, ranks decision matrices, derives AHP weights and
// serves the web application.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes of the command.
const (
	exitOK    = 0 // success
	exitInput = 1 // bad input or a failed analysis
	exitUsage = 2 // wrong flags or arguments
)

// usageError marks an error in the command line itself (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// silentError is returned when the command already printed its diagnostics
// and only the exit code remains to be set.
type silentError struct{ code int }

func (e silentError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var silent silentError
	if errors.As(err, &silent) {
		return silent.code
	}
	fmt.Fprintln(stderr, "crossroads:", err)
	var usage usageError
	if errors.As(err, &usage) || isCobraUsageError(err) {
		return exitUsage
	}
	return exitInput
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "crossroads",
		Short: "Decide between job and career opportunities",
		Long: `Crossroads helps a person at a job or career decision point, and the coach
who works with them, decide well: present needs against future goals, money
over time under uncertainty, and what would have to be true for the answer
to change.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w\nSee '%s --help'.", err, c.CommandPath())}
	})
	for _, add := range subcommands {
		root.AddCommand(add())
	}
	return root
}

// subcommands lists the constructors of the subcommands; each file of this
// package adds its own in an init function.
var subcommands []func() *cobra.Command

// isCobraUsageError reports whether err is cobra's complaint about an unknown
// command or a wrong number of arguments.
func isCobraUsageError(err error) bool {
	var argErr argsError
	return errors.As(err, &argErr) || strings.HasPrefix(err.Error(), "unknown command")
}

// argsError is returned by the positional-argument validators.
type argsError struct{ error }

// exactArgs is cobra.ExactArgs with an error that maps to exit code 2.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return argsError{fmt.Errorf("%w\nSee '%s --help'.", err, cmd.CommandPath())}
		}
		return nil
	}
}
