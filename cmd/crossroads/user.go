package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/internal/password"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newUserCmd) }

// defaultBaseURL is where the reset links of "user reset" point by default:
// the address "crossroads serve" listens on out of the box.
const defaultBaseURL = "http://127.0.0.1:8080"

func newUserCmd() *cobra.Command {
	var dbURL string
	cmd := &cobra.Command{
		Use:   "user",
		Short: "Manage accounts: add, list, reset, delete",
		Long: `Manage the accounts of a Crossroads database. These commands act as the
operator: whoever can run them can read the database file anyway.

The database is --database-url: a postgres:// URL selects PostgreSQL, anything
else is the path of a SQLite file. Without the flag, $` + store.EnvDatabaseURL + ` is used,
and without that the SQLite file $XDG_DATA_HOME/crossroads/crossroads.db
(~/.local/share/crossroads/crossroads.db when XDG_DATA_HOME is unset).`,
	}
	cmd.PersistentFlags().StringVar(&dbURL, "database-url", "",
		"database: postgres://… URL or SQLite file path (default $"+store.EnvDatabaseURL+" or the data directory)")
	open := func(cmd *cobra.Command) (*service.Service, func(), error) {
		s, err := store.Open(cmd.Context(), store.ResolveURL(dbURL))
		if err != nil {
			return nil, nil, cliError(err)
		}
		return service.New(s), func() { s.Close() }, nil
	}
	cmd.AddCommand(newUserAddCmd(open), newUserListCmd(open), newUserResetCmd(open), newUserDeleteCmd(open))
	return cmd
}

// opener opens the service on the database chosen by the flags; the
// returned function closes it.
type opener func(cmd *cobra.Command) (*service.Service, func(), error)

// cliError turns a domain error into its message for people; internal
// errors keep their whole chain, for the operator to diagnose.
func cliError(err error) error {
	if err == nil || crossroads.ErrorKind(err) == crossroads.Internal {
		return err
	}
	return errors.New(crossroads.ErrorMessage(err))
}

func operatorContext(cmd *cobra.Command) context.Context {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	return service.OperatorContext(ctx)
}

func newUserAddCmd(open opener) *cobra.Command {
	var email, name, role string
	var pwStdin bool
	cmd := &cobra.Command{
		Use:   "add --email E --name N [--role client|coach|admin] [--password-stdin]",
		Short: "Add an account",
		Long: `Add an account. With --password-stdin the first line of standard input is
its password (at least ` + fmt.Sprint(password.MinLength) + ` characters); without it the account has no
password and cannot sign in until you give its owner a link from
'crossroads user reset'.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if email == "" || name == "" {
				return usagef("--email and --name are required\nSee '%s --help'.", cmd.CommandPath())
			}
			r, err := crossroads.ParseRole(role)
			if err != nil {
				return usagef("--role: %s", crossroads.ErrorMessage(err))
			}
			pw := ""
			if pwStdin {
				if pw, err = readPasswordLine(cmd.InOrStdin()); err != nil {
					return err
				}
			}
			svc, done, err := open(cmd)
			if err != nil {
				return err
			}
			defer done()
			u, err := svc.AddUser(operatorContext(cmd), email, name, r, pw)
			if err != nil {
				return cliError(err)
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "added %s %s <%s> (id %d)\n", u.Role, u.Name, u.Email, u.ID)
			if pw == "" {
				fmt.Fprintf(out, "no password set; give them a link from 'crossroads user reset %s'\n", u.Email)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&email, "email", "", "email address (required)")
	cmd.Flags().StringVar(&name, "name", "", "name shown to others (required)")
	cmd.Flags().StringVar(&role, "role", "client", "client, coach or admin")
	cmd.Flags().BoolVar(&pwStdin, "password-stdin", false, "read the password from the first line of standard input")
	return cmd
}

// readPasswordLine reads the first line of r, without its line ending.
func readPasswordLine(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, password.MaxBytes+2)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("reading the password from standard input: %w", err)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", errors.New("--password-stdin: standard input holds no password")
	}
	if err := password.Validate(line); err != nil {
		return "", fmt.Errorf("--password-stdin: %s", crossroads.ErrorMessage(err))
	}
	return line, nil
}

func newUserListCmd(open opener) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the accounts",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			svc, done, err := open(cmd)
			if err != nil {
				return err
			}
			defer done()
			users, err := svc.ListUsers(operatorContext(cmd))
			if err != nil {
				return cliError(err)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tEMAIL\tNAME\tROLE\tCREATED")
			for _, u := range users {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", u.ID, u.Email, u.Name, u.Role, u.CreatedAt.Format("2006-01-02 15:04 MST"))
			}
			return tw.Flush()
		},
	}
}

func newUserResetCmd(open opener) *cobra.Command {
	var baseURL string
	cmd := &cobra.Command{
		Use:   "reset EMAIL",
		Short: "Print a one-time link that sets a new password",
		Long: `Print a link with which the owner of EMAIL sets a new password. The link
works once and for one hour; hand it over by a channel you trust.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("base-url") {
				if env := os.Getenv(EnvBaseURL); env != "" {
					baseURL = env
				}
			}
			base, err := url.Parse(baseURL)
			if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
				return usagef("--base-url %q is not an http:// or https:// URL", baseURL)
			}
			svc, done, err := open(cmd)
			if err != nil {
				return err
			}
			defer done()
			token, err := svc.CreateResetToken(operatorContext(cmd), args[0])
			if err != nil {
				return cliError(err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s/reset/%s\n", strings.TrimRight(baseURL, "/"), token)
			fmt.Fprintf(cmd.ErrOrStderr(), "valid once, for %v\n", service.ResetTokenTTL)
			return nil
		},
	}
	cmd.Flags().StringVar(&baseURL, "base-url", defaultBaseURL, "address of the web app, for the link (default $"+EnvBaseURL+" when set)")
	return cmd
}

func newUserDeleteCmd(open opener) *cobra.Command {
	return &cobra.Command{
		Use:   "delete EMAIL",
		Short: "Delete an account with all its cases",
		Long: `Delete the account of EMAIL with the cases it owns, their shares and their
audit log. Entries about its actions on the cases of others stay in those
logs without its name. This cannot be undone.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			svc, done, err := open(cmd)
			if err != nil {
				return err
			}
			defer done()
			u, err := svc.DeleteUser(operatorContext(cmd), args[0])
			if err != nil {
				return cliError(err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "deleted %s %s <%s> and all their cases\n", u.Role, u.Name, u.Email)
			return nil
		},
	}
}
