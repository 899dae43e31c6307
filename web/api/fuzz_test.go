package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/store/dbtest"
)

// fuzzRoutes are the routes with a request body, and the content types the
// fuzzer sends.
var (
	fuzzRoutes = []struct{ method, path string }{
		{"POST", "/cases"}, {"PUT", "/cases/1"}, {"POST", "/analyze"}, {"POST", "/rank"}, {"POST", "/ahp"},
	}
	fuzzMedia = []string{mediaJSON, mediaYAML, "application/json; charset=utf-8", "text/plain"}
)

// fuzzAllowed are the statuses a request body can cause.
var fuzzAllowed = map[int]bool{200: true, 201: true, 400: true, 404: true, 409: true, 413: true, 415: true}

// FuzzRequestBody sends arbitrary bodies to the routes that read one and
// checks that the API never panics, never answers 500, and always answers
// JSON: the result, or an error of the documented shape.
func FuzzRequestBody(f *testing.F) {
	e := newEnv(f, dbtest.OpenSQLite(f, nil), Options{MaxBodyBytes: 64 << 10})
	e.mustCase(f, "alice", "Fuzzed", exampleYAML)
	caseJSON := exampleJSON(f)
	for _, seed := range []struct {
		route, media uint8
		body         []byte
	}{
		{0, 0, caseJSON}, {0, 1, exampleYAML}, {1, 0, caseJSON}, {2, 1, exampleYAML}, {2, 0, []byte(`{"as_of": "2026-01-01"}`)},
		{3, 0, rankTOPSIS}, {3, 0, rankVIKOR}, {3, 2, rankPROMETHEE}, {3, 0, rankShortRow}, {3, 0, rankUnknownField},
		{3, 0, []byte(`{"criteria": [{"name": "a", "weight": 1e308}, {"name": "b", "weight": 1e308}], "alternatives": [{"name": "x", "values": [1, 2]}]}`)},
		{3, 0, []byte(`{"method": "promethee2", "criteria": [{"name": "a", "preference": {"function": "gaussian", "s": 1e-300}}], "alternatives": [{"name": "x", "values": [1e308]}, {"name": "y", "values": [-1e308]}]}`)},
		{4, 0, ahpConsistent}, {4, 0, ahpInconsistent}, {4, 0, ahpBadCell}, {4, 0, ahpUnknownField},
		{4, 0, []byte(`{"names": ["a", "b"], "matrix": [[1, 1e-320], [null, 1]]}`)},
		{4, 0, []byte(`{"names": ["a", "b"], "matrix": [[null, "1/0"], ["0/1", null]]}`)},
		{4, 3, []byte(`{}`)}, {3, 0, []byte(`[`)}, {0, 1, []byte("a: &a [*a]\n")}, {2, 0, []byte(`{"as_of": "2026-02-30"}`)},
	} {
		f.Add(seed.route, seed.media, seed.body)
	}
	f.Fuzz(func(t *testing.T, route, media uint8, body []byte) {
		rt := fuzzRoutes[int(route)%len(fuzzRoutes)]
		q := request{user: "alice", method: rt.method, path: rt.path, contentType: fuzzMedia[int(media)%len(fuzzMedia)], body: body,
			header: map[string]string{"If-Match": `"1"`}}
		rec := do(e.h, q)
		if !fuzzAllowed[rec.Code] {
			t.Fatalf("%s %s: status %d: %s", rt.method, rt.path, rec.Code, truncate(rec.Body.String(), 500))
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("%s %s: the body is not JSON: %q", rt.method, rt.path, truncate(rec.Body.String(), 500))
		}
		if rec.Code >= 400 {
			var eb errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &eb); err != nil || eb.Error.Kind != wantKind[rec.Code] || eb.Error.Message == "" {
				t.Fatalf("%s %s: %d with a malformed error: %s", rt.method, rt.path, rec.Code, truncate(rec.Body.String(), 500))
			}
		}
	})
}

// FuzzDecodeJSON checks that the strict JSON decoding of the rank and AHP
// requests never panics and reports every failure as problems with a rule.
func FuzzDecodeJSON(f *testing.F) {
	for _, seed := range [][]byte{rankTOPSIS, rankVIKOR, rankPROMETHEE, rankUnknownField, ahpConsistent, ahpBadCell,
		[]byte(`{"criteria": null, "alternatives": [null]}`), []byte(`{"v": 1e999}`), []byte(`{"names": [1, {}, []]}`), []byte(`{"a":`)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, v := range []any{&rankRequest{}, &ahpRequest{}} {
			err := decodeJSON(data, v)
			if err == nil {
				continue
			}
			var ve *crossroads.ValidationError
			if !errors.As(err, &ve) || len(ve.Errors) == 0 {
				t.Fatalf("decodeJSON(%q): %v, want problems", truncate(string(data), 200), err)
			}
			for _, fe := range ve.Errors {
				if fe.Rule == "" {
					t.Fatalf("decodeJSON(%q): a problem without a rule: %+v", truncate(string(data), 200), fe)
				}
			}
			if status, _, _ := errorResponse(err); status != http.StatusBadRequest {
				t.Fatalf("decodeJSON(%q): status %d, want 400", truncate(string(data), 200), status)
			}
		}
	})
}

// FuzzGET sends GET requests with arbitrary paths and queries under the API
// and checks that none answers 500 or anything but JSON.
func FuzzGET(f *testing.F) {
	e := newEnv(f, dbtest.OpenSQLite(f, nil), Options{})
	e.mustCase(f, "alice", "Fuzzed", exampleYAML)
	for _, seed := range []string{"/cases", "/cases/1", "/cases/1/report", "/cases/1/audit", "/cases/99999999999999999999",
		"/occupations?q=clerk&limit=5", "/occupations?q=%ff%fe&limit=-1", "/occupations/43-4051/next-steps?limit=2",
		"/next-steps?from=43-4051&from=43-9021.00&limit=100", "/next-steps?from=&from=00-0000", "/openapi.json"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, target string) {
		u, err := url.Parse("http://crossroads.test" + Prefix + target)
		if err != nil || u.Host != "crossroads.test" {
			return
		}
		r := httptest.NewRequest("GET", "http://crossroads.test/", nil)
		r.URL = u
		r.RequestURI = u.RequestURI()
		r.Header.Set(userHeader, "alice")
		rec := serve(e.h, r)
		if rec.Code >= 500 || (rec.Code != 307 && rec.Code != 301 && !json.Valid(rec.Body.Bytes())) {
			t.Fatalf("GET %s: %d %s", target, rec.Code, truncate(rec.Body.String(), 300))
		}
	})
}
