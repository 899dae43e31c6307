package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store"
	"github.com/crossroads/crossroads/web"
	"github.com/crossroads/crossroads/web/api"
	"github.com/crossroads/crossroads/web/pdf"
)

func init() { subcommands = append(subcommands, newServeCmd) }

// EnvAddr names the environment variable that gives the address to listen
// on when no --addr flag does.
const EnvAddr = "CROSSROADS_ADDR"

// defaultAddr is where the web application listens by default: this
// computer only.
const defaultAddr = "127.0.0.1:8080"

// shutdownTimeout bounds how long requests in flight may take to finish
// when the server stops.
const shutdownTimeout = 30 * time.Second

func newServeCmd() *cobra.Command {
	var addr, dbURL string
	var noPDF bool
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT] [--database-url URL]",
		Short: "Run the web application",
		Long: `Run the web application: your cases, the guided editor and the report with
its charts and what-if sliders. Open the address it prints in a browser.

It runs for one person on this computer, without accounts or sign-in, so it
listens only on a loopback address: --addr (or $` + EnvAddr + `), default
` + defaultAddr + `. Port 0 picks a free port.

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
			if err := checkLoopback(addr); err != nil {
				return usageError{err}
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			a := &app{Addr: addr, DatabaseURL: store.ResolveURL(dbURL), NoPDF: noPDF, Log: cmd.ErrOrStderr()}
			if err := a.Open(ctx); err != nil {
				return cliError(err)
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "Crossroads is running at %s\n", a.URL())
			fmt.Fprintf(out, "Open that address in your browser. Press Ctrl+C to stop.\n")
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
	cmd.Flags().StringVar(&addr, "addr", "", "address to listen on, a loopback HOST:PORT (default $"+EnvAddr+" or "+defaultAddr+")")
	cmd.Flags().StringVar(&dbURL, "database-url", "",
		"database: postgres://… URL or SQLite file path (default $"+store.EnvDatabaseURL+" or the data directory)")
	cmd.Flags().BoolVar(&noPDF, "no-pdf", false, "do not export PDF even when Chromium is installed")
	return cmd
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
		"on the network could read your cases. Accounts, which will allow that, are not available yet", addr)
}

// app is the running web application: the database, the local user, the
// web server and its listener. Open starts it and Close stops it, so that
// a test can run the whole program on port 0 with a temporary database.
type app struct {
	// Addr is the address to listen on; port 0 picks a free port.
	Addr string
	// DatabaseURL selects the database (see store.Open); "" is the
	// default SQLite file.
	DatabaseURL string
	// NoPDF turns PDF export off even when Chromium is installed.
	NoPDF bool
	// Log receives the log of internal errors; nil discards it.
	Log io.Writer

	// PDF is the browser that prints PDFs, or "" with PDFReason saying why
	// there is none; set by Open.
	PDF       string
	PDFReason error

	store  crossroads.Store
	ln     net.Listener
	srv    *http.Server
	done   chan error
	dbName string
}

// Open opens the database, makes sure the local user exists, and starts
// serving on Addr.
func (a *app) Open(ctx context.Context) error {
	st, err := store.Open(ctx, a.DatabaseURL)
	if err != nil {
		return err
	}
	a.store = st
	a.dbName = a.DatabaseURL
	switch {
	case store.IsPostgres(a.DatabaseURL):
		a.dbName = "the PostgreSQL database given by --database-url"
	case a.DatabaseURL == "":
		a.dbName, _ = store.DefaultPath()
	}
	svc := service.New(st)
	user, err := svc.EnsureLocalUser(ctx)
	if err != nil {
		st.Close()
		return err
	}
	logw := a.Log
	if logw == nil {
		logw = io.Discard
	}
	logger := slog.New(slog.NewTextHandler(logw, nil))
	apiHandler, err := api.New(svc, api.Options{Logger: logger})
	if err != nil {
		st.Close()
		return err
	}
	s := &web.Server{
		Cases:   web.ServiceCases{Service: svc},
		API:     apiHandler,
		Logger:  logger,
		Context: web.LocalUser(user),
	}
	switch path, err := pdf.Find(); {
	case a.NoPDF:
		a.PDFReason = errors.New("turned off with --no-pdf")
	case err != nil:
		a.PDFReason = err
	default:
		a.PDF = path
		s.PDF = pdf.New(path)
	}
	ln, err := net.Listen("tcp", a.Addr)
	if err != nil {
		st.Close()
		return fmt.Errorf("listening on %s: %w", a.Addr, err)
	}
	a.ln = ln
	a.srv = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(slog.NewTextHandler(logw, nil).WithAttrs([]slog.Attr{slog.String("source", "http")}), slog.LevelWarn),
	}
	a.done = make(chan error, 1)
	go func() {
		err := a.srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		a.done <- err
	}()
	return nil
}

// URL returns the address to open in a browser.
func (a *app) URL() string { return "http://" + a.ln.Addr().String() + "/" }

// Database names where the cases are kept, for people.
func (a *app) Database() string { return a.dbName }

// Done returns a channel that receives the error that stopped the server
// on its own.
func (a *app) Done() <-chan error { return a.done }

// Close stops accepting requests, lets those in flight finish (until ctx
// ends), then closes the database.
func (a *app) Close(ctx context.Context) error {
	err := a.srv.Shutdown(ctx)
	if cerr := a.store.Close(); err == nil {
		err = cerr
	}
	return err
}
