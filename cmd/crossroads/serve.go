package main

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/crossroads/crossroads/internal/app"
	"github.com/crossroads/crossroads/store"
)

func init() { subcommands = append(subcommands, newServeCmd) }

// The environment variables of serve; a flag wins over its variable.
const (
	// EnvAddr gives the address to listen on when no --addr flag does.
	EnvAddr = "CROSSROADS_ADDR"
	// EnvAccounts turns accounts on when it is 1 or true (--accounts).
	EnvAccounts = "CROSSROADS_ACCOUNTS"
	// EnvBaseURL gives the address people reach the server at (--base-url).
	EnvBaseURL = "CROSSROADS_BASE_URL"
)

// defaultAddr is where the web application listens by default: this
// computer only.
const defaultAddr = "127.0.0.1:8080"

// shutdownTimeout bounds how long requests in flight may take to finish
// when the server stops.
const shutdownTimeout = 30 * time.Second

func newServeCmd() *cobra.Command {
	var addr, dbURL, baseURL, tlsCert, tlsKey string
	var noPDF, accounts, behindProxy bool
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT] [--database-url URL] [--accounts]",
		Short: "Run the web application",
		Long: `Run the web application: your cases, the guided editor and the report with
its charts and what-if sliders. Open the address it prints in a browser.

Without --accounts it runs for one person on this computer, without sign-in,
so it listens only on a loopback address: --addr (or $` + EnvAddr + `), default
` + defaultAddr + `. Port 0 picks a free port.

With --accounts (or $` + EnvAccounts + `=1) people create accounts and sign in,
as clients or coaches; a client shares a case with their coach by a link. Then
the server may listen on any address. Serve it over HTTPS: either give it a
certificate (--tls-cert and --tls-key), or put it behind an HTTPS reverse proxy
and say so with --base-url https://… (and --behind-proxy, so that the sign-in
limit counts the address the proxy reports). Session cookies are marked Secure
when a request arrives over TLS or the base URL is https. Several serve
processes may share one PostgreSQL database: sessions and sign-in limits are
kept in the database. Password-reset links come from "crossroads user reset".

The cases are kept in the database --database-url: a postgres:// URL selects
PostgreSQL, anything else is the path of a SQLite file. Without the flag,
$` + store.EnvDatabaseURL + ` is used, and without that the SQLite file
$XDG_DATA_HOME/crossroads/crossroads.db (~/.local/share/crossroads/crossroads.db
when XDG_DATA_HOME is unset).

Reports are exported to PDF with Chromium when it is installed (on Debian or
Ubuntu: apt-get install chromium); without it the report page explains how to
print it from the browser. Stop the server with Ctrl+C: requests in flight
finish, then the database is closed.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if addr == "" {
				addr = os.Getenv(EnvAddr)
			}
			if addr == "" {
				addr = defaultAddr
			}
			if !cmd.Flags().Changed("accounts") {
				v, err := envBool(EnvAccounts)
				if err != nil {
					return usageError{err}
				}
				accounts = v
			}
			if baseURL == "" {
				baseURL = os.Getenv(EnvBaseURL)
			}
			if err := checkBaseURL(baseURL); err != nil {
				return usageError{err}
			}
			if (tlsCert == "") != (tlsKey == "") {
				return usagef("--tls-cert and --tls-key go together: give both or neither")
			}
			if err := checkAddr(addr, accounts); err != nil {
				return usageError{err}
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			a := &app.App{Addr: addr, DatabaseURL: store.ResolveURL(dbURL), NoPDF: noPDF, Log: cmd.ErrOrStderr(),
				Accounts: accounts, BaseURL: baseURL, BehindProxy: behindProxy, TLSCert: tlsCert, TLSKey: tlsKey}
			if err := a.Open(ctx); err != nil {
				return cliError(err)
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "Crossroads is running at %s\n", a.URL())
			fmt.Fprintf(out, "Open that address in your browser. Press Ctrl+C to stop.\n")
			if accounts {
				fmt.Fprintf(out, "Accounts are on: people sign up at %ssignup and sign in.\n", a.URL())
			} else {
				fmt.Fprintf(out, "Single-user mode: no sign-in, for this computer only (--accounts turns accounts on).\n")
			}
			fmt.Fprintf(out, "Cases are kept in %s.\n", a.Database())
			if a.PDF == "" {
				fmt.Fprintf(out, "PDF export is off: %v.\n", a.PDFReason)
			} else {
				fmt.Fprintf(out, "PDF export uses %s.\n", a.PDF)
			}
			select {
			case <-ctx.Done():
				fmt.Fprintln(out, "Stopping: letting requests in flight finish…")
			case err := <-a.Done():
				if err != nil {
					a.Close(context.Background())
					return err
				}
			}
			sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
			defer cancel()
			if err := a.Close(sctx); err != nil {
				return err
			}
			fmt.Fprintln(out, "Stopped.")
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "", "address to listen on, HOST:PORT; loopback only without --accounts (default $"+EnvAddr+" or "+defaultAddr+")")
	f.StringVar(&dbURL, "database-url", "",
		"database: postgres://… URL or SQLite file path (default $"+store.EnvDatabaseURL+" or the data directory)")
	f.BoolVar(&noPDF, "no-pdf", false, "do not export PDF even when Chromium is installed")
	f.BoolVar(&accounts, "accounts", false, "turn on accounts: sign-up, sign-in, coaches and clients (default $"+EnvAccounts+")")
	f.StringVar(&baseURL, "base-url", "", "the address people reach the server at, such as https://crossroads.example.org, for links (default $"+EnvBaseURL+")")
	f.BoolVar(&behindProxy, "behind-proxy", false, "take the client address from X-Forwarded-For, as set by a reverse proxy")
	f.StringVar(&tlsCert, "tls-cert", "", "serve HTTPS with this certificate file (PEM), with --tls-key")
	f.StringVar(&tlsKey, "tls-key", "", "the private key file (PEM) of --tls-cert")
	return cmd
}

// envBool reads a yes/no environment variable: 1, true, yes, on or 0,
// false, no, off (any case); unset or empty is false.
func envBool(name string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(os.Getenv(name))) {
	case "", "0", "false", "no", "off":
		return false, nil
	case "1", "true", "yes", "on":
		return true, nil
	}
	return false, fmt.Errorf("$%s=%q: write 1 (on) or 0 (off)", name, os.Getenv(name))
}

// checkBaseURL checks --base-url: empty, or an http or https URL with a
// host and no query.
func checkBaseURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("--base-url %q: write the address people open, such as https://crossroads.example.org", s)
	}
	return nil
}

// checkAddr checks the address to listen on: any HOST:PORT with accounts,
// a loopback one without (checkLoopback).
func checkAddr(addr string, accounts bool) error {
	if !accounts {
		return checkLoopback(addr)
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return fmt.Errorf("--addr %q: write the address as HOST:PORT, such as 0.0.0.0:8080", addr)
	}
	return nil
}

// checkLoopback refuses an address that other computers could reach: in
// single-user mode nobody signs in, so anyone who could reach the server
// could read the cases.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: write the address as HOST:PORT, such as %s", addr, defaultAddr)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("--addr %q: without accounts, crossroads serve runs for one person with no sign-in, "+
		"so it listens only on this computer (127.0.0.1, ::1 or localhost); on another address anyone "+
		"on the network could read your cases. To serve others, turn accounts on with --accounts", addr)
}
