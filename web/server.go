package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/report"
)

// startTime is the Last-Modified time of the embedded static files.
var startTime = time.Now()

// Limits on request bodies.
const (
	// MaxFormBytes bounds the body of a form of the guided editor.
	MaxFormBytes = 256 << 10
	// MaxUploadBytes bounds an uploaded case file with its multipart
	// envelope: the case file limit of the casefile package and room for
	// the envelope.
	MaxUploadBytes = 4<<20 + 64<<10
)

// Server is the web application: the pages of the guided editor and of the
// report, the downloads, the static files, and the JSON API mounted at
// /api/v1/. Set its fields, then serve Handler().
type Server struct {
	// Cases stores the cases. Required.
	Cases Cases
	// API serves the JSON API under /api/v1/ (it sees the full path);
	// nil answers 404 there.
	API http.Handler
	// PDF prints reports to PDF; nil means PDF export is not available
	// here, and the report page points to the browser's own print.
	PDF Printer
	// Logger receives the internal errors, which users never see; nil
	// means slog.Default().
	Logger *slog.Logger
	// Report holds the options of every report the server builds. Set it
	// before the first request: the built reports are kept (see
	// ReportCacheSize) on the understanding that it does not change.
	Report report.Options
	// ReportCacheSize is the number of built reports the server keeps, so
	// that a report seen again with the same slider values is not analysed
	// again; 0 means DefaultReportCacheSize, and a negative number keeps
	// none. Whatever it is, at most GOMAXPROCS analyses run at once.
	ReportCacheSize int
	// Now is the clock that dates new cases; nil means time.Now.
	Now func() time.Time
	// Context returns the context a request runs in: the place that puts
	// the acting user in it (crossroads.NewContextWithUser). An error
	// answers the request with its kind's status (Unauthenticated: 401).
	// nil keeps the request's own context, for a single local user.
	Context func(r *http.Request) (context.Context, error)
	// Accounts turns on accounts and sessions (see Accounts); then Context
	// must be nil. nil is single-user mode.
	Accounts *Accounts

	once    sync.Once
	handler http.Handler
	assets  *assets

	reportsOnce sync.Once
	reports     *reportCache
}

// Handler returns the server's HTTP handler. The first call builds it.
func (s *Server) Handler() http.Handler {
	s.once.Do(func() {
		if s.Cases == nil {
			panic("web: Server.Cases is nil")
		}
		if s.Accounts != nil {
			if s.Context != nil {
				panic("web: set Server.Context or Server.Accounts, not both")
			}
			s.Accounts.init()
		}
		s.assets = loadAssets()
		s.handler = s.routes()
	})
	return s.handler
}

// ServeHTTP lets a *Server be used as an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.Handler().ServeHTTP(w, r) }

func (s *Server) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// route is one route of the page server: a ServeMux pattern and its
// handler. pageRoutes is the single list of them; the access matrix test
// checks that it has a row for each.
type route struct {
	pattern string
	handle  func(s *Server, w http.ResponseWriter, r *http.Request) error
	// accounts marks the routes that exist only with accounts.
	accounts bool
}

var pageRoutes = []route{
	{pattern: "GET /{$}", handle: (*Server).home},
	{pattern: "GET /about", handle: (*Server).about},
	{pattern: "POST /cases", handle: (*Server).createCase},
	{pattern: "POST /cases/example", handle: (*Server).createExample},
	{pattern: "POST /cases/upload", handle: (*Server).uploadCase},
	{pattern: "GET /cases/{id}", handle: (*Server).caseIndex},
	{pattern: "GET /cases/{id}/delete", handle: (*Server).confirmDelete},
	{pattern: "POST /cases/{id}/delete", handle: (*Server).deleteCase},
	{pattern: "GET /cases/{id}/edit/{step}", handle: (*Server).editStep},
	{pattern: "POST /cases/{id}/edit/{step}", handle: (*Server).saveStep},
	{pattern: "GET /cases/{id}/edit/opportunities/new", handle: (*Server).editOpportunity},
	{pattern: "POST /cases/{id}/edit/opportunities/new", handle: (*Server).saveOpportunity},
	{pattern: "GET /cases/{id}/edit/opportunities/{n}", handle: (*Server).editOpportunity},
	{pattern: "POST /cases/{id}/edit/opportunities/{n}", handle: (*Server).saveOpportunity},
	{pattern: "GET /cases/{id}/edit/opportunities/{n}/remove", handle: (*Server).confirmRemoveOpportunity},
	{pattern: "POST /cases/{id}/edit/opportunities/{n}/remove", handle: (*Server).removeOpportunity},
	{pattern: "GET /cases/{id}/report", handle: (*Server).reportPage},
	{pattern: "GET /cases/{id}/print", handle: (*Server).printPage},
	{pattern: "GET /cases/{id}/report.pdf", handle: (*Server).reportPDF},
	{pattern: "GET /cases/{id}/report.json", handle: (*Server).reportJSON},
	{pattern: "GET /cases/{id}/case.yaml", handle: (*Server).caseYAML},
	{pattern: "GET /cases/{id}/dates.ics", handle: (*Server).datesICS},
	{pattern: "GET /occupations", handle: (*Server).occupationSearch},

	// Accounts, coaches and clients.
	{pattern: "GET /signin", handle: (*Server).signInPage, accounts: true},
	{pattern: "POST /signin", handle: (*Server).signInPost, accounts: true},
	{pattern: "GET /signup", handle: (*Server).signUpPage, accounts: true},
	{pattern: "POST /signup", handle: (*Server).signUpPost, accounts: true},
	{pattern: "POST /signout", handle: (*Server).signOutPost, accounts: true},
	{pattern: "GET /reset/{token}", handle: (*Server).resetPage, accounts: true},
	{pattern: "POST /reset/{token}", handle: (*Server).resetPost, accounts: true},
	{pattern: "GET /account", handle: (*Server).accountHome, accounts: true},
	{pattern: "POST /account/export", handle: (*Server).exportData, accounts: true},
	{pattern: "GET /account/delete", handle: (*Server).confirmDeleteAccount, accounts: true},
	{pattern: "POST /account/delete", handle: (*Server).deleteAccount, accounts: true},
	{pattern: "GET /coaching", handle: (*Server).coaching, accounts: true},
	{pattern: "POST /coaching/invite", handle: (*Server).createInvite, accounts: true},
	{pattern: "POST /coaching/unlink", handle: (*Server).unlink, accounts: true},
	{pattern: "GET /join/{code}", handle: (*Server).joinPage, accounts: true},
	{pattern: "POST /join", handle: (*Server).joinCoach, accounts: true},
	{pattern: "GET /share/{code}", handle: (*Server).sharePage, accounts: true},
	{pattern: "POST /share", handle: (*Server).openShare, accounts: true},
	{pattern: "GET /cases/{id}/sharing", handle: (*Server).sharing, accounts: true},
	{pattern: "POST /cases/{id}/sharing", handle: (*Server).createShareCode, accounts: true},
	{pattern: "POST /cases/{id}/sharing/revoke", handle: (*Server).revokeShare, accounts: true},
	{pattern: "GET /cases/{id}/audit", handle: (*Server).caseAudit, accounts: true},
}

// routes builds the handler: the routes and the middleware around them.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range pageRoutes {
		if rt.accounts && s.Accounts == nil {
			continue
		}
		mux.Handle(rt.pattern, s.handle(func(w http.ResponseWriter, r *http.Request) error { return rt.handle(s, w, r) }))
	}
	mux.Handle("GET /static/", s.assets)
	mux.Handle("/api/v1/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.API == nil {
			s.fail(w, r, crossroads.Errorf(crossroads.NotFound, "the JSON API is not available on this server"))
			return
		}
		s.API.ServeHTTP(w, r)
	}))
	mux.Handle("/", s.handle(func(w http.ResponseWriter, r *http.Request) error {
		return crossroads.Errorf(crossroads.NotFound, "there is no page at %s", r.URL.Path)
	}))

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, crossroads.Errorf(crossroads.Forbidden,
			"this request came from another site, so it was refused; go to the Crossroads home page and try again"))
	}))
	var handler http.Handler = mux
	if s.Accounts != nil {
		handler = s.withSession(handler)
	} else {
		handler = s.withUser(handler)
	}
	handler = cop.Handler(handler)
	handler = limitBodies(handler)
	handler = securityHeaders(handler)
	handler = s.recoverPanics(handler)
	return handler
}

// handle turns a handler that returns an error into an http.Handler that
// shows the error page.
func (s *Server) handle(fn func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// withUser runs each request in the context given by s.Context.
func (s *Server) withUser(next http.Handler) http.Handler {
	if s.Context == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, err := s.Context(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// contentSecurityPolicy allows scripts and styles from this server only (no
// inline scripts), SVG and data images for the charts, no plugins, no
// framing, and forms that post only here.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the security headers of every response.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		if r.TLS != nil {
			// Served over HTTPS: browsers keep to HTTPS for a year.
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// limitBodies bounds every request body of the pages: uploads to
// MaxUploadBytes, the rest to MaxFormBytes. The API under /api/v1/ sets its
// own limit, which case documents need.
func limitBodies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/api/v1/"):
		case r.URL.Path == "/cases/upload":
			r.Body = http.MaxBytesReader(w, r.Body, MaxUploadBytes)
		default:
			r.Body = http.MaxBytesReader(w, r.Body, MaxFormBytes)
		}
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a panic in a handler into the internal-error page and
// a log entry with the stack, which the user never sees.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.logger().Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				s.fail(w, r, errors.New("panic"))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// statusOf maps an error kind to its HTTP status: the one place that does.
func statusOf(kind crossroads.Kind) int {
	switch kind {
	case crossroads.Invalid:
		return http.StatusUnprocessableEntity
	case crossroads.NotFound:
		return http.StatusNotFound
	case crossroads.Conflict:
		return http.StatusConflict
	case crossroads.Unauthenticated:
		return http.StatusUnauthorized
	case crossroads.Forbidden:
		return http.StatusForbidden
	}
	return http.StatusInternalServerError
}

// abandoned reports whether err is the end of r's context because the
// client went away (or its deadline passed).
func abandoned(r *http.Request, err error) bool {
	return r.Context().Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded))
}

// fail answers a request with the error page of err: its kind's status and
// its user-facing message. Internal errors are logged, and the user sees
// only "Internal error.".
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if abandoned(r, err) {
		// The person closed the page or the connection: nobody reads the
		// answer, and nothing went wrong here.
		s.logger().Info("request abandoned by the client", "method", r.Method, "path", r.URL.Path)
		return
	}
	var mbe *http.MaxBytesError
	tooLarge := errors.As(err, &mbe)
	if tooLarge {
		err = crossroads.Errorf(crossroads.Invalid, "the request is too large (the limit is %d KiB)", mbe.Limit>>10)
	}
	kind := crossroads.ErrorKind(err)
	status := statusOf(kind)
	if tooLarge {
		status = http.StatusRequestEntityTooLarge
	}
	if kind == crossroads.Internal {
		s.logger().Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if kind == crossroads.Unauthenticated && s.Accounts != nil && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		// A page that needs a signed-in person leads to the sign-in page,
		// and back here afterwards.
		http.Redirect(w, r, signInURL(r), http.StatusSeeOther)
		return
	}
	s.render(w, r, status, "error", &errorPage{
		layout:  s.layout(r, statusTitle(status)),
		Status:  status,
		Message: crossroads.ErrorMessage(err),
	})
}

// statusTitle names a status for the error page's heading.
func statusTitle(status int) string {
	switch status {
	case http.StatusNotFound:
		return "Not found"
	case http.StatusUnprocessableEntity, http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		return "Something in the request is not right"
	case http.StatusConflict:
		return "Changed elsewhere"
	case http.StatusForbidden, http.StatusUnauthorized:
		return "Not allowed"
	}
	return "Something went wrong"
}
