package web

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/service"
)

// Session lifetimes: a sign-in lasts at most SessionLifetime, and ends
// sooner after SessionIdleTimeout without a request.
const (
	SessionLifetime    = 12 * time.Hour
	SessionIdleTimeout = 2 * time.Hour
)

// SessionCookie is the name of the session cookie.
const SessionCookie = "crossroads_session"

// The keys of a session's data.
const (
	sessionUser  = "user"  // the id of the signed-in account
	sessionEpoch = "epoch" // its session epoch at sign-in
)

// Accounts turns on accounts: people sign up and sign in, coaches and
// clients work together, and every request acts as the signed-in user (or
// nobody). Sessions are kept in the database, not in the server, so that
// several server processes on one database serve the same people.
type Accounts struct {
	// Service applies the access rules and keeps the accounts. Required.
	Service *service.Service
	// Sessions keeps the sessions (store.Sessions). Required.
	Sessions scs.Store
	// SecureCookies marks the session cookie Secure on every response, for
	// a server behind an HTTPS reverse proxy (the request reaches it over
	// plain HTTP). A request that arrives over TLS gets a Secure cookie
	// anyway.
	SecureCookies bool
	// BaseURL is the address people reach the server at, such as
	// "https://crossroads.example.org", for the links of invite and share
	// codes; "" builds them from the request's Host.
	BaseURL string
	// TrustProxy takes the client's address, which the sign-in limit
	// counts, from the last entry of X-Forwarded-For (as a reverse proxy
	// appends it) rather than from the connection.
	TrustProxy bool

	manager *scs.SessionManager
}

// init prepares the session manager.
func (a *Accounts) init() {
	if a.Service == nil || a.Sessions == nil {
		panic("web: Accounts.Service and Accounts.Sessions are required")
	}
	m := scs.New()
	m.Store = a.Sessions
	m.Lifetime = SessionLifetime
	m.IdleTimeout = SessionIdleTimeout
	m.Cookie.Name = SessionCookie
	m.Cookie.HttpOnly = true
	m.Cookie.SameSite = http.SameSiteLaxMode
	m.Cookie.Path = "/"
	m.Cookie.Persist = false // ends with the browser, or with the lifetime
	a.manager = m
}

// clientIP returns the client's address without the port, for the
// sign-in limit.
func (a *Accounts) clientIP(r *http.Request) string {
	if a.TrustProxy {
		if values := r.Header.Values("X-Forwarded-For"); len(values) > 0 {
			parts := strings.Split(values[len(values)-1], ",")
			if ip := net.ParseIP(strings.TrimSpace(parts[len(parts)-1])); ip != nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.String()
	}
	return host
}

// secure reports whether the session cookie of a response to r is Secure.
func (a *Accounts) secure(r *http.Request) bool {
	return a.SecureCookies || r.TLS != nil || strings.HasPrefix(a.BaseURL, "https://")
}

// baseURL is the address of the server as people reach it, without a
// trailing slash.
func (a *Accounts) baseURL(r *http.Request) string {
	if a.BaseURL != "" {
		return strings.TrimSuffix(a.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// withSession loads the session of the request's cookie, puts its user in
// the request's context, and writes the session back (with its cookie)
// before the response, when it changed. Static files skip it.
func (s *Server) withSession(next http.Handler) http.Handler {
	a := s.Accounts
	m := a.manager
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Add("Vary", "Cookie")
		token := ""
		if c, err := r.Cookie(SessionCookie); err == nil {
			token = c.Value
		}
		ctx, err := m.Load(r.Context(), token)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if id := m.GetInt64(ctx, sessionUser); id != 0 {
			u, err := a.Service.SessionUser(ctx, id, m.GetInt64(ctx, sessionEpoch))
			switch {
			case err == nil:
				ctx = crossroads.NewContextWithUser(ctx, u)
			case crossroads.ErrorKind(err) == crossroads.Unauthenticated:
				// The account is gone or its sessions were ended: this
				// one ends too, and the request is anonymous.
				if err := m.Destroy(ctx); err != nil {
					s.fail(w, r.WithContext(ctx), err)
					return
				}
			default:
				s.fail(w, r.WithContext(ctx), err)
				return
			}
		}
		r = r.WithContext(ctx)
		sw := &sessionWriter{ResponseWriter: w, commit: func() { s.commitSession(w, r) }}
		next.ServeHTTP(sw, r)
		sw.commitOnce()
	})
}

// commitSession saves a changed session and sets or deletes its cookie.
func (s *Server) commitSession(w http.ResponseWriter, r *http.Request) {
	a := s.Accounts
	m := a.manager
	ctx := r.Context()
	cookie := &http.Cookie{Name: SessionCookie, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: a.secure(r)}
	switch m.Status(ctx) {
	case scs.Modified:
		token, _, err := m.Commit(ctx)
		if err != nil {
			// The response has not started: say so rather than answer
			// with a session that was not saved.
			s.logger().Error("saving a session", "method", r.Method, "path", r.URL.Path, "err", err)
			return
		}
		cookie.Value = token
	case scs.Destroyed:
		cookie.MaxAge = -1
		cookie.Expires = time.Unix(1, 0)
	default:
		return
	}
	w.Header().Add("Set-Cookie", cookie.String())
	w.Header().Add("Cache-Control", `no-cache="Set-Cookie"`)
}

// sessionWriter commits the session just before the response starts.
type sessionWriter struct {
	http.ResponseWriter
	commit func()
	done   bool
}

func (sw *sessionWriter) commitOnce() {
	if !sw.done {
		sw.done = true
		sw.commit()
	}
}

func (sw *sessionWriter) WriteHeader(code int) {
	sw.commitOnce()
	sw.ResponseWriter.WriteHeader(code)
}

func (sw *sessionWriter) Write(b []byte) (int, error) {
	sw.commitOnce()
	return sw.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (sw *sessionWriter) Unwrap() http.ResponseWriter { return sw.ResponseWriter }

// signIn starts a signed-in session for u: a new session token (so that a
// token planted before the sign-in is worth nothing), holding the account
// and its session epoch.
func (s *Server) signIn(ctx context.Context, u *crossroads.User) error {
	m := s.Accounts.manager
	if err := m.RenewToken(ctx); err != nil {
		return err
	}
	m.Put(ctx, sessionUser, u.ID)
	m.Put(ctx, sessionEpoch, u.SessionEpoch)
	return nil
}

// signOut ends the request's session: it is deleted from the database,
// and the cookie with it.
func (s *Server) signOut(ctx context.Context) error {
	return s.Accounts.manager.Destroy(ctx)
}

// localPath returns next if it is a path of this site ("/cases/3"), else
// "/": a sign-in never sends a person to another site.
func localPath(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, `/\`) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || strings.ContainsAny(next, "\r\n\t\\") {
		return "/"
	}
	return u.RequestURI()
}

// signInURL is the sign-in page that leads back to r's page afterwards.
func signInURL(r *http.Request) string {
	return signInLink(r.URL.RequestURI())
}

// currentUser returns the acting user of r, or nil.
func currentUser(r *http.Request) *crossroads.User { return crossroads.UserFromContext(r.Context()) }

// requireUser returns the acting user, or Unauthenticated.
func requireUser(r *http.Request) (*crossroads.User, error) {
	if u := currentUser(r); u != nil {
		return u, nil
	}
	return nil, crossroads.Errorf(crossroads.Unauthenticated, "please sign in")
}
