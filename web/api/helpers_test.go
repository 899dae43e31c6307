package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/casefile"
	"github.com/crossroads/crossroads/examples"
	"github.com/crossroads/crossroads/internal/password"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store/dbtest"
	"github.com/crossroads/crossroads/store/sqlite"
)

// tiny are argon2id parameters that keep the tests fast; never use them for
// real.
var tiny = password.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// userHeader names the acting user of a test request; testUsers, standing
// in for the page server's middleware, puts that user in the context.
const userHeader = "X-Test-User"

// testUsers returns h behind a middleware that makes the user named by the
// userHeader of a request its acting user (anonymous when absent).
func testUsers(h http.Handler, users map[string]*crossroads.User) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u := users[r.Header.Get(userHeader)]; u != nil {
			r = r.WithContext(crossroads.NewContextWithUser(r.Context(), u))
		}
		h.ServeHTTP(w, r)
	})
}

// syncBuffer is a bytes.Buffer safe for the logger's concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// env is an API on a fresh store with four accounts: alice and bob
// (clients), carol (a coach; alice is her client) and dave (an
// administrator).
type env struct {
	svc   *service.Service
	h     http.Handler
	users map[string]*crossroads.User
	log   *syncBuffer
}

// newEnv builds an env on store with the given options (Logger is set to a
// buffer).
func newEnv(t testing.TB, store crossroads.Store, opts Options) *env {
	t.Helper()
	svc := service.New(store)
	svc.Password = tiny
	op := service.OperatorContext(context.Background())
	e := &env{svc: svc, users: map[string]*crossroads.User{}, log: &syncBuffer{}}
	for _, u := range []struct {
		name string
		role crossroads.Role
	}{{"alice", crossroads.RoleClient}, {"bob", crossroads.RoleClient}, {"carol", crossroads.RoleCoach}, {"dave", crossroads.RoleAdmin}} {
		acct, err := svc.AddUser(op, u.name+"@example.com", u.name, u.role, "")
		if err != nil {
			t.Fatalf("AddUser(%s): %v", u.name, err)
		}
		e.users[u.name] = acct
	}
	code, err := svc.CreateClientInvite(e.ctx("carol"))
	if err != nil {
		t.Fatalf("CreateClientInvite: %v", err)
	}
	if _, err := svc.RedeemClientInvite(e.ctx("alice"), code); err != nil {
		t.Fatalf("RedeemClientInvite: %v", err)
	}
	opts.Logger = slog.New(slog.NewTextHandler(e.log, nil))
	h, err := New(svc, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	e.h = testUsers(h, e.users)
	return e
}

// ctx returns a context whose acting user is the named user.
func (e *env) ctx(name string) context.Context {
	return crossroads.NewContextWithUser(context.Background(), e.users[name])
}

// mustCase stores a case for the named client directly through the service.
func (e *env) mustCase(t testing.TB, owner, title string, doc []byte) *crossroads.CaseRecord {
	t.Helper()
	c, err := e.svc.CreateCase(e.ctx(owner), 0, title, doc)
	if err != nil {
		t.Fatalf("CreateCase(%s): %v", title, err)
	}
	return c
}

// mustShare shares the case with carol.
func (e *env) mustShare(t testing.TB, c *crossroads.CaseRecord, owner string) {
	t.Helper()
	code, err := e.svc.CreateShareCode(e.ctx(owner), c.ID)
	if err != nil {
		t.Fatalf("CreateShareCode: %v", err)
	}
	if _, err := e.svc.RedeemShareCode(e.ctx("carol"), code); err != nil {
		t.Fatalf("RedeemShareCode: %v", err)
	}
}

// forEachBackend runs fn on SQLite, and on PostgreSQL when
// CROSSROADS_TEST_POSTGRES is set.
func forEachBackend(t *testing.T, fn func(t *testing.T, store crossroads.Store)) {
	for _, b := range dbtest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			fn(t, b.Open(t, nil))
		})
	}
}

// closedStore returns a SQLite store that is already closed, so that every
// operation fails with an internal error.
func closedStore(t testing.TB) crossroads.Store {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "closed.db"))
	if err != nil {
		t.Fatalf("sqlite.Open: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return db
}

// request is one test request.
type request struct {
	user        string // the acting user; "" for anonymous
	method      string
	path        string // under Prefix, such as "/cases/1"
	contentType string
	body        []byte
	header      map[string]string
}

// httpRequest builds the *http.Request of q.
func (q request) httpRequest() *http.Request {
	var body io.Reader
	if q.body != nil {
		body = bytes.NewReader(q.body)
	}
	r := httptest.NewRequest(q.method, "http://crossroads.test"+Prefix+q.path, body)
	if q.contentType != "" {
		r.Header.Set("Content-Type", q.contentType)
	}
	if q.user != "" {
		r.Header.Set(userHeader, q.user)
	}
	for k, v := range q.header {
		r.Header.Set(k, v)
	}
	return r
}

// do sends q to h and returns the response.
func do(h http.Handler, q request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, q.httpRequest())
	return rec
}

// decodeAs decodes the JSON body of rec into a T, failing the test on error.
func decodeAs[T any](t testing.TB, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decoding the response %q: %v", truncate(rec.Body.String(), 300), err)
	}
	return v
}

// apiError decodes an error response.
func apiError(t testing.TB, rec *httptest.ResponseRecorder) errorDetail {
	t.Helper()
	return decodeAs[errorBody](t, rec).Error
}

// caseOut is the detail of a case as a client decodes it, with the case
// parsed by casefile (crossroads.Case reads JSON only through it).
type caseOut struct {
	caseSummary
	Document string                  `json:"document"`
	Case     *crossroads.Case        `json:"-"`
	Problems []crossroads.FieldError `json:"problems"`
}

// decodeCase decodes a case detail response.
func decodeCase(t testing.TB, rec *httptest.ResponseRecorder) caseOut {
	t.Helper()
	raw := decodeAs[struct {
		Case json.RawMessage `json:"case"`
	}](t, rec)
	out := decodeAs[caseOut](t, rec)
	if raw.Case != nil {
		c, err := casefile.Parse(raw.Case, "case")
		if err != nil {
			t.Fatalf("the case of the response does not parse: %v", err)
		}
		out.Case = c
	}
	return out
}

// exampleYAML is the motivating case as a YAML case file.
var exampleYAML = examples.MotivatingCase

// exampleJSON returns the motivating case as a JSON object.
func exampleJSON(t testing.TB) []byte {
	t.Helper()
	return mustJSONCase(t, exampleYAML)
}

// mustJSONCase converts a YAML case file to the JSON of the case.
func mustJSONCase(t testing.TB, yamlDoc []byte) []byte {
	t.Helper()
	c, err := casefile.Parse(yamlDoc, "case")
	if err != nil {
		t.Fatalf("parsing the case: %v", err)
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	return b
}

// editJSON decodes a JSON object, lets edit change it, and encodes it again.
func editJSON(t testing.TB, data []byte, edit func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("editJSON: %v", err)
	}
	edit(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatalf("editJSON: %v", err)
	}
	return b
}
