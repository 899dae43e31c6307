package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/report"
	"github.com/crossroads/crossroads/service"
)

// Prefix is the path under which the API serves: New's handler expects full
// paths that begin with it, so mount it there without stripping it.
const Prefix = "/api/v1"

// DefaultMaxBodyBytes is the default limit on a request body, 4 MiB: the
// largest case file the parser accepts.
const DefaultMaxBodyBytes = 4 << 20

// Options configure the API. The zero value is usable.
type Options struct {
	// Logger receives internal errors with their details (clients see only
	// "Internal error."); nil means slog.Default().
	Logger *slog.Logger
	// MaxBodyBytes limits request bodies; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Report are the options of the analyses behind the report endpoints.
	Report report.Options
	// TrustedOrigins are origins ("https://coach.example") from which
	// browsers may send unsafe requests (POST, PUT, DELETE) besides the
	// API's own origin.
	TrustedOrigins []string
}

// api holds the dependencies of the handlers.
type api struct {
	svc   *service.Service
	opts  Options
	log   *slog.Logger
	limit int64
	mux   *http.ServeMux
}

// route is one operation of the API: a method and a path relative to Prefix,
// in the syntax that ServeMux and OpenAPI share ("/cases/{id}"). The routes
// table is the single list of operations: New registers it and a test
// checks it against the OpenAPI document.
type route struct {
	method string
	path   string
	// public routes answer without a signed-in user.
	public bool
	handle func(a *api, w http.ResponseWriter, r *http.Request) error
}

var routes = []route{
	{method: "GET", path: "/openapi.json", public: true, handle: (*api).openAPI},
	{method: "GET", path: "/cases", handle: (*api).listCases},
	{method: "POST", path: "/cases", handle: (*api).createCase},
	{method: "GET", path: "/cases/{id}", handle: (*api).getCase},
	{method: "PUT", path: "/cases/{id}", handle: (*api).updateCase},
	{method: "DELETE", path: "/cases/{id}", handle: (*api).deleteCase},
	{method: "GET", path: "/cases/{id}/report", handle: (*api).caseReport},
	{method: "GET", path: "/cases/{id}/audit", handle: (*api).caseAudit},
	{method: "POST", path: "/analyze", handle: (*api).analyze},
	{method: "POST", path: "/rank", handle: (*api).rank},
	{method: "POST", path: "/ahp", handle: (*api).ahp},
	{method: "GET", path: "/occupations", handle: (*api).searchOccupations},
	{method: "GET", path: "/occupations/{code}", handle: (*api).getOccupation},
	{method: "GET", path: "/occupations/{code}/next-steps", handle: (*api).occupationNextSteps},
	{method: "GET", path: "/next-steps", handle: (*api).nextSteps},
}

// Routes returns every operation of the API as a ServeMux pattern with the
// full path ("GET /api/v1/cases/{id}"), in the order of the routes table,
// for tests that must cover each (such as the access matrix of the web
// server).
func Routes() []string {
	out := make([]string, len(routes))
	for i, rt := range routes {
		out[i] = rt.method + " " + Prefix + rt.path
	}
	return out
}

// New returns the handler of the API on svc. It serves full paths beginning
// with Prefix ("/api/v1/cases"), so the page server mounts it with
// mux.Handle(api.Prefix+"/", h), without http.StripPrefix. The acting user
// is read from the request context (crossroads.UserFromContext). Paths
// outside the API and methods a path does not have get JSON 404 and 405
// answers. New fails only on a malformed TrustedOrigins entry.
func New(svc *service.Service, opts Options) (http.Handler, error) {
	a := &api{svc: svc, opts: opts, log: opts.Logger, limit: opts.MaxBodyBytes, mux: http.NewServeMux()}
	if a.log == nil {
		a.log = slog.Default()
	}
	if a.limit <= 0 {
		a.limit = DefaultMaxBodyBytes
	}
	for _, rt := range routes {
		a.mux.Handle(rt.method+" "+Prefix+rt.path, a.wrap(rt))
	}
	a.mux.HandleFunc("/", a.unrouted)

	cop := http.NewCrossOriginProtection()
	for _, o := range opts.TrustedOrigins {
		if err := cop.AddTrustedOrigin(o); err != nil {
			return nil, fmt.Errorf("api: trusted origin %q: %w", o, err)
		}
	}
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.writeError(w, r, &httpError{http.StatusForbidden, kindForbidden,
			"cross-origin request refused: a page of another site may not change data here"})
	}))
	return a.base(cop.Handler(a.mux)), nil
}

// wrap turns a route's handler into an http.Handler: it refuses anonymous
// callers on non-public routes and writes the handler's error.
func (a *api) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !rt.public && crossroads.UserFromContext(r.Context()) == nil {
			a.writeError(w, r, crossroads.Errorf(crossroads.Unauthenticated, "please sign in"))
			return
		}
		if err := rt.handle(a, w, r); err != nil {
			a.writeError(w, r, err)
		}
	})
}

// unrouted answers requests that match no route: 405 with the allowed
// methods when the path exists, 404 otherwise.
func (a *api) unrouted(w http.ResponseWriter, r *http.Request) {
	var allowed []string
	for _, m := range []string{"GET", "POST", "PUT", "DELETE"} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := a.mux.Handler(probe); pattern != "/" && pattern != "" {
			allowed = append(allowed, m)
		}
	}
	if len(allowed) == 0 {
		a.writeError(w, r, crossroads.Errorf(crossroads.NotFound, "no API route %s; see %s/openapi.json", truncate(r.URL.Path, 100), Prefix))
		return
	}
	if contains(allowed, "GET") {
		allowed = append(allowed, "HEAD")
	}
	w.Header().Set("Allow", strings.Join(allowed, ", "))
	a.writeError(w, r, &httpError{http.StatusMethodNotAllowed, kindMethodNotAllowed,
		fmt.Sprintf("%s does not accept %s; it accepts %s", truncate(r.URL.Path, 100), truncate(r.Method, 20), strings.Join(allowed, ", "))})
}

// base sets the headers of every response (no caching of personal data, no
// content sniffing) and turns a panic in a handler into a logged internal
// error, so that a bug answers "Internal error." rather than dropping the
// connection.
func (a *api) base(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				a.writeError(w, r, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// writeError writes err as the JSON error body with its status, and logs
// internal errors with their details.
func (a *api) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		// The client went away: nobody reads the answer, and nothing went
		// wrong here.
		a.log.InfoContext(r.Context(), "api: request abandoned by the client", "method", r.Method, "path", r.URL.Path)
		return
	}
	status, body, internal := errorResponse(err)
	if internal {
		a.log.ErrorContext(r.Context(), "api: internal error", "method", r.Method, "path", r.URL.Path, "error", err.Error())
	}
	if err := writeJSON(w, status, body); err != nil {
		a.log.ErrorContext(r.Context(), "api: encoding an error response", "error", err.Error())
	}
}

// writeJSON writes v as indented JSON with the given status. It encodes
// first, so that an encoding error leaves the response untouched for the
// caller to report.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encoding the response: %w", err)
	}
	writeBytes(w, status, buf.Bytes())
	return nil
}

// writeBytes writes a JSON body. An error writing it means the client has
// gone; there is nobody left to tell.
func writeBytes(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
