// Package app wires the Crossroads web application together: the store,
// the service, the JSON API, the pages, sessions when accounts are on, PDF
// export and the HTTP server with its timeouts. `crossroads serve` runs
// it, and so do the tests and the load generator that need the whole
// program on a free port.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store"
	"github.com/crossroads/crossroads/web"
	"github.com/crossroads/crossroads/web/api"
	"github.com/crossroads/crossroads/web/pdf"
)

// App is the running web application: the database, the local user, the
// web server and its listener. Open starts it and Close stops it, so that
// a test can run the whole program on port 0 with a temporary database.
type App struct {
	// Addr is the address to listen on; port 0 picks a free port.
	Addr string
	// DatabaseURL selects the database (see store.Open); "" is the
	// default SQLite file.
	DatabaseURL string
	// NoPDF turns PDF export off even when Chromium is installed.
	NoPDF bool
	// Accounts turns accounts on; without them the app runs for one local
	// user.
	Accounts bool
	// BaseURL is the address people reach the server at ("" for the
	// request's host); an https one makes session cookies Secure.
	BaseURL string
	// BehindProxy takes the client address from X-Forwarded-For.
	BehindProxy bool
	// TLSCert and TLSKey, when set, serve HTTPS.
	TLSCert, TLSKey string
	// Log receives the log of internal errors as text; nil discards it.
	Log io.Writer
	// LogHandler, when not nil, receives the log instead of Log.
	LogHandler slog.Handler

	// PDF is the browser that prints PDFs, or "" with PDFReason saying why
	// there is none; set by Open.
	PDF       string
	PDFReason error

	store    crossroads.Store
	sessions store.SessionStore
	ln       net.Listener
	srv      *http.Server
	done     chan error
	dbName   string
}

// Open opens the database, makes sure the local user exists, and starts
// serving on Addr.
func (a *App) Open(ctx context.Context) error {
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
	h := a.LogHandler
	if h == nil {
		logw := a.Log
		if logw == nil {
			logw = io.Discard
		}
		h = slog.NewTextHandler(logw, nil)
	}
	logger := slog.New(h)
	apiHandler, err := api.New(svc, api.Options{Logger: logger})
	if err != nil {
		st.Close()
		return err
	}
	s := &web.Server{
		Cases:  web.ServiceCases{Service: svc},
		API:    apiHandler,
		Logger: logger,
	}
	if a.Accounts {
		sessions, err := store.Sessions(st, store.SessionCleanup)
		if err != nil {
			st.Close()
			return err
		}
		a.sessions = sessions
		s.Accounts = &web.Accounts{Service: svc, Sessions: sessions, BaseURL: a.BaseURL, TrustProxy: a.BehindProxy}
	} else {
		user, err := svc.EnsureLocalUser(ctx)
		if err != nil {
			st.Close()
			return err
		}
		s.Context = web.LocalUser(user)
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
		a.closeStore()
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
		ErrorLog:          slog.NewLogLogger(h.WithAttrs([]slog.Attr{slog.String("source", "http")}), slog.LevelWarn),
	}
	a.done = make(chan error, 1)
	go func() {
		var err error
		if a.TLSCert != "" {
			err = a.srv.ServeTLS(ln, a.TLSCert, a.TLSKey)
		} else {
			err = a.srv.Serve(ln)
		}
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		a.done <- err
	}()
	return nil
}

// URL returns the address to open in a browser.
func (a *App) URL() string {
	if a.BaseURL != "" {
		return strings.TrimSuffix(a.BaseURL, "/") + "/"
	}
	scheme := "http"
	if a.TLSCert != "" {
		scheme = "https"
	}
	return scheme + "://" + a.ln.Addr().String() + "/"
}

// Database names where the cases are kept, for people.
func (a *App) Database() string { return a.dbName }

// Done returns a channel that receives the error that stopped the server
// on its own.
func (a *App) Done() <-chan error { return a.done }

// Close stops accepting requests, lets those in flight finish (until ctx
// ends), then closes the database.
func (a *App) Close(ctx context.Context) error {
	err := a.srv.Shutdown(ctx)
	if cerr := a.closeStore(); err == nil {
		err = cerr
	}
	return err
}

// closeStore stops the session cleanup and closes the database.
func (a *App) closeStore() error {
	if a.sessions != nil {
		a.sessions.StopCleanup()
	}
	return a.store.Close()
}
