package api

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store/dbtest"
	"github.com/crossroads/crossroads/web/api/internal/spec"
)

// yamlBodyDecoder decodes YAML request bodies for the document's validator
// as the case parser reads them: dates stay text, as the case schema says
// they are. (Decoded into any, both kin-openapi's YAML decoder and yaml.v3
// turn them into time.Time, which no schema accepts.)
func yamlBodyDecoder(body io.Reader, _ http.Header, _ *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(body).Decode(&doc); err != nil {
		return nil, &openapi3filter.ParseError{Kind: openapi3filter.KindInvalidFormat, Cause: err}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	v, err := yamlValue(doc.Content[0])
	if err != nil {
		return nil, &openapi3filter.ParseError{Kind: openapi3filter.KindInvalidFormat, Cause: err}
	}
	return v, nil
}

// yamlValue converts a YAML node to the values encoding/json gives, keeping
// timestamps as text.
func yamlValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.AliasNode:
		return yamlValue(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := yamlValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		list := make([]any, len(n.Content))
		for i, c := range n.Content {
			v, err := yamlValue(c)
			if err != nil {
				return nil, err
			}
			list[i] = v
		}
		return list, nil
	}
	if n.Tag == "!!timestamp" {
		return n.Value, nil
	}
	var v any
	err := n.Decode(&v)
	return v, err
}

func init() {
	openapi3filter.RegisterBodyDecoder(mediaYAML, yamlBodyDecoder)
	openapi3filter.RegisterBodyDecoder(mediaXYAML, yamlBodyDecoder)
}

// loadDocument loads and validates the embedded OpenAPI document.
func loadDocument(t testing.TB) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(openAPIDocument)
	if err != nil {
		t.Fatalf("loading openapi.json: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI 3 document: %v", err)
	}
	return doc
}

func TestOpenAPIUpToDate(t *testing.T) {
	src, err := os.ReadFile("openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	caseSchema, err := os.ReadFile(filepath.Join("..", "..", "docs", "case.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := spec.Build(src, caseSchema)
	if err != nil {
		t.Fatalf("spec.Build: %v", err)
	}
	if !bytes.Equal(openAPIDocument, want) {
		t.Errorf("openapi.json is not what openapi.yaml and docs/case.schema.json give; run: go generate ./web/api\n%s",
			cmp.Diff(string(want), string(openAPIDocument)))
	}
}

func TestOpenAPIDocument(t *testing.T) {
	doc := loadDocument(t)
	if got := len(doc.Servers); got != 1 || doc.Servers[0].URL != Prefix {
		t.Errorf("servers: got %v, want one server at %s", doc.Servers, Prefix)
	}
	if doc.OpenAPI != "3.0.3" {
		t.Errorf("openapi: got %q, want 3.0.3", doc.OpenAPI)
	}
	if got := OpenAPI(); !bytes.Equal(got, openAPIDocument) {
		t.Error("OpenAPI() is not the embedded document")
	}
}

// TestRoutesMatchDocument checks that the server's routes are exactly the
// operations of the document.
func TestRoutesMatchDocument(t *testing.T) {
	doc := loadDocument(t)
	var inDoc, served []string
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			inDoc = append(inDoc, method+" "+path)
		}
	}
	for _, rt := range routes {
		served = append(served, rt.method+" "+rt.path)
	}
	slices.Sort(inDoc)
	slices.Sort(served)
	if diff := cmp.Diff(inDoc, served); diff != "" {
		t.Errorf("routes of the server (+) and operations of openapi.yaml (-) differ:\n%s", diff)
	}
}

// scenario is one request of the conformance test and the status it must
// get.
type scenario struct {
	name string
	req  request
	want int
	// specRejects says that the request breaks the document (a missing
	// parameter, an unknown field), so that the document's validator must
	// refuse it as the handler does. Otherwise the validator must accept it,
	// whatever the handler answers.
	specRejects bool
	// broken sends the request to an API whose store fails.
	broken bool
}

// testLimit is the body limit of the conformance test's API.
const testLimit = 256 << 10

// TestConformance sends requests to every route, with every status the
// document gives it, and checks each request and response against the
// document. It fails when a documented status is not exercised.
func TestConformance(t *testing.T) {
	doc := loadDocument(t)
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatalf("gorillamux.NewRouter: %v", err)
	}
	forEachBackend(t, func(t *testing.T, store crossroads.Store) {
		e := newEnv(t, store, Options{MaxBodyBytes: testLimit})
		broken := brokenAPI(t)
		hit := map[string]bool{}
		for _, sc := range conformanceScenarios(t, e) {
			h := e.h
			if sc.broken {
				h = broken
			}
			if key := checkScenario(t, router, h, sc); key != "" {
				hit[key] = true
			}
		}
		for path, item := range doc.Paths.Map() {
			for method, op := range item.Operations() {
				for code := range op.Responses.Map() {
					if !hit[method+" "+path+" "+code] {
						t.Errorf("%s %s: no scenario answers %s, which the document lists", method, path, code)
					}
				}
			}
		}
	})
}

// brokenAPI returns an API over a closed store, with alice as a client of
// id 1.
func brokenAPI(t testing.TB) http.Handler {
	h, err := New(service.New(closedStore(t)), Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return testUsers(h, map[string]*crossroads.User{"alice": {ID: 1, Email: "alice@example.com", Role: crossroads.RoleClient}})
}

// checkScenario runs one scenario and returns "METHOD /path STATUS" of the
// operation it exercised.
func checkScenario(t *testing.T, router routers.Router, h http.Handler, sc scenario) string {
	key := ""
	t.Run(sc.name, func(t *testing.T) {
		ctx := context.Background()
		vreq := sc.req.httpRequest()
		route, params, err := router.FindRoute(vreq)
		if err != nil {
			t.Fatalf("%s %s: no operation of the document: %v", sc.req.method, sc.req.path, err)
		}
		in := &openapi3filter.RequestValidationInput{
			Request: vreq, PathParams: params, Route: route,
			// The tests stand in for the session cookie with a header
			// (userHeader), so the document's cookie is not checked here.
			Options: &openapi3filter.Options{MultiError: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
		}
		reqErr := openapi3filter.ValidateRequest(ctx, in)
		switch {
		case sc.specRejects && reqErr == nil:
			t.Errorf("the document accepts this request, but the scenario says it breaks the document")
		case !sc.specRejects && reqErr != nil:
			t.Errorf("the document rejects this request: %v", reqErr)
		}

		rec := do(h, sc.req)
		if rec.Code != sc.want {
			t.Errorf("status: got %d, want %d; body: %s", rec.Code, sc.want, truncate(rec.Body.String(), 600))
		}
		out := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: in,
			Status:                 rec.Code,
			Header:                 rec.Header(),
			Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
		}
		out.SetBodyBytes(rec.Body.Bytes())
		if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
			t.Errorf("the response does not match the document: %v\nbody: %s", err, truncate(rec.Body.String(), 600))
		}
		if rec.Code >= 400 {
			checkErrorKind(t, rec.Code, apiError(t, rec))
		}
		key = sc.req.method + " " + route.Path + " " + strconv.Itoa(rec.Code)
	})
	return key
}

// wantKind is the error kind of each error status.
var wantKind = map[int]string{
	400: kindInvalid, 401: kindUnauthenticated, 403: kindForbidden, 404: kindNotFound, 405: kindMethodNotAllowed,
	409: kindConflict, 413: kindTooLarge, 415: kindUnsupportedMedia, 500: kindInternal,
}

func checkErrorKind(t *testing.T, status int, e errorDetail) {
	t.Helper()
	if want := wantKind[status]; e.Kind != want {
		t.Errorf("error kind: got %q, want %q for status %d", e.Kind, want, status)
	}
	if e.Message == "" {
		t.Error("error message is empty")
	}
	if status == 500 && e.Message != internalMessage {
		t.Errorf("internal error message: got %q, want %q", e.Message, internalMessage)
	}
}

// Request bodies of the scenarios.
var (
	rankTOPSIS = []byte(`{"method": "topsis", "criteria": [
		{"name": "pay", "type": "benefit", "weight": 0.5},
		{"name": "commute", "type": "cost", "weight": 0.3},
		{"name": "growth", "weight": 0.2}],
	  "alternatives": [
		{"name": "A", "values": [3000, 30, 6]},
		{"name": "B", "values": [2800, 10, 4]},
		{"name": "C", "values": [3200, 50, 8]}]}`)
	rankVIKOR = []byte(`{"method": "vikor", "v": 0.4, "criteria": [{"name": "pay"}, {"name": "commute", "type": "cost"}],
	  "alternatives": [{"name": "A", "values": [3000, 30]}, {"name": "B", "values": [2800, 10]}]}`)
	rankPROMETHEE = []byte(`{"method": "promethee2", "criteria": [
		{"name": "pay", "preference": {"function": "linear", "q": 100, "p": 500}},
		{"name": "commute", "type": "cost", "preference": {"function": "vshape", "p": 20}}],
	  "alternatives": [{"name": "A", "values": [3000, 30]}, {"name": "B", "values": [2800, 10]}, {"name": "C", "values": [3100, 45]}]}`)
	rankShortRow = []byte(`{"criteria": [{"name": "pay"}, {"name": "commute"}],
	  "alternatives": [{"name": "A", "values": [3000]}, {"name": "B", "values": [2800, 10]}]}`)
	rankUnknownField = []byte(`{"criteria": [{"name": "pay", "direction": "up"}], "alternatives": [{"name": "A", "values": [1]}]}`)

	ahpConsistent   = []byte(`{"names": ["pay", "growth", "commute"], "matrix": [[1, 2, 4], [null, 1, 2], [null, null, 1]]}`)
	ahpInconsistent = []byte(`{"names": ["pay", "growth", "commute"], "method": "approximate", "ri_table": "alonso-lamata",
	  "matrix": [[1, 9, "1/9"], ["1/9", 1, 9], [9, "1/9", 1]]}`)
	ahpBadCell      = []byte(`{"names": ["pay", "growth"], "matrix": [[1, "three"], [null, 1]]}`)
	ahpUnknownField = []byte(`{"names": ["pay", "growth"], "matrix": [[1, 3], [null, 1]], "scale": "saaty"}`)
)

// conformanceScenarios returns the scenarios on the fixtures it stores in e.
// They run in order: the update before the stale update, the deletion last
// but one.
func conformanceScenarios(t testing.TB, e *env) []scenario {
	shared := e.mustCase(t, "alice", "Shared with the coach", exampleYAML)
	e.mustShare(t, shared, "alice")
	draft := e.mustCase(t, "alice", "Unfinished", []byte("title: Unfinished\nas_of: someday\n"))
	bobs := e.mustCase(t, "bob", "Bob's own", exampleYAML)
	doomed := e.mustCase(t, "alice", "To delete", exampleYAML)

	caseJSON := exampleJSON(t)
	dupIDs := editJSON(t, caseJSON, func(m map[string]any) {
		opps := m["opportunities"].([]any)
		opps[1].(map[string]any)["id"] = opps[0].(map[string]any)["id"]
	})
	unknownField := editJSON(t, caseJSON, func(m map[string]any) { m["colour"] = "blue" })
	tooBig := append(bytes.Repeat([]byte(" "), testLimit), []byte("{}")...)
	crossSite := map[string]string{"Sec-Fetch-Site": "cross-site"}

	id := func(c *crossroads.CaseRecord) string { return "/cases/" + strconv.FormatInt(c.ID, 10) }
	jsonReq := func(user, method, path string, body []byte) request {
		return request{user: user, method: method, path: path, contentType: mediaJSON, body: body}
	}
	with := func(q request, header map[string]string) request { q.header = header; return q }
	ifMatch := func(v string) map[string]string { return map[string]string{"If-Match": v} }

	var sc []scenario
	add := func(name string, want int, q request) { sc = append(sc, scenario{name: name, req: q, want: want}) }
	reject := func(name string, want int, q request) {
		sc = append(sc, scenario{name: name, req: q, want: want, specRejects: true})
	}
	broken := func(name string, q request) {
		sc = append(sc, scenario{name: name, req: q, want: 500, broken: true})
	}

	add("openapi", 200, request{method: "GET", path: "/openapi.json"})

	add("list", 200, request{user: "alice", method: "GET", path: "/cases"})
	add("list coach", 200, request{user: "carol", method: "GET", path: "/cases"})
	add("list anonymous", 401, request{method: "GET", path: "/cases"})
	broken("list broken store", request{user: "alice", method: "GET", path: "/cases"})

	add("create JSON", 201, jsonReq("alice", "POST", "/cases", caseJSON))
	add("create YAML", 201, request{user: "alice", method: "POST", path: "/cases", contentType: mediaYAML, body: exampleYAML})
	add("create x-yaml titled", 201, request{user: "alice", method: "POST", path: "/cases?title=Renamed", contentType: mediaXYAML, body: exampleYAML})
	add("create for a client", 201, jsonReq("carol", "POST", fmt.Sprintf("/cases?owner=%d", e.users["alice"].ID), caseJSON))
	add("create duplicate ids", 400, jsonReq("alice", "POST", "/cases", dupIDs))
	reject("create unknown field", 400, jsonReq("alice", "POST", "/cases", unknownField))
	reject("create empty title", 400, jsonReq("alice", "POST", "/cases?title=", caseJSON))
	reject("create bad owner", 400, jsonReq("carol", "POST", "/cases?owner=me", caseJSON))
	add("create anonymous", 401, jsonReq("", "POST", "/cases", caseJSON))
	add("create admin", 403, jsonReq("dave", "POST", "/cases", caseJSON))
	add("create cross-site", 403, with(jsonReq("alice", "POST", "/cases", caseJSON), crossSite))
	add("create for a stranger", 404, jsonReq("carol", "POST", fmt.Sprintf("/cases?owner=%d", e.users["bob"].ID), caseJSON))
	reject("create too large", 413, jsonReq("alice", "POST", "/cases", tooBig))
	reject("create text/plain", 415, request{user: "alice", method: "POST", path: "/cases", contentType: "text/plain", body: exampleYAML})
	broken("create broken store", jsonReq("alice", "POST", "/cases", caseJSON))

	add("get", 200, request{user: "alice", method: "GET", path: id(shared)})
	add("get coach", 200, request{user: "carol", method: "GET", path: id(shared)})
	add("get draft", 200, request{user: "alice", method: "GET", path: id(draft)})
	reject("get bad id", 400, request{user: "alice", method: "GET", path: "/cases/first"})
	add("get anonymous", 401, request{method: "GET", path: id(shared)})
	add("get other's", 404, request{user: "alice", method: "GET", path: id(bobs)})
	broken("get broken store", request{user: "alice", method: "GET", path: "/cases/1"})

	add("update", 200, with(jsonReq("alice", "PUT", id(shared), caseJSON), ifMatch(`"1"`)))
	add("update coach unquoted", 200, with(request{user: "carol", method: "PUT", path: id(shared) + "?title=Edited", contentType: mediaYAML, body: exampleYAML}, ifMatch("2")))
	add("update stale", 409, with(jsonReq("alice", "PUT", id(shared), caseJSON), ifMatch(`"1"`)))
	reject("update without If-Match", 400, jsonReq("alice", "PUT", id(shared), caseJSON))
	reject("update bad If-Match", 400, with(jsonReq("alice", "PUT", id(shared), caseJSON), ifMatch("latest")))
	add("update duplicate ids", 400, with(jsonReq("alice", "PUT", id(shared), dupIDs), ifMatch(`"3"`)))
	reject("update bad id", 400, with(jsonReq("alice", "PUT", "/cases/0", caseJSON), ifMatch(`"1"`)))
	add("update anonymous", 401, with(jsonReq("", "PUT", id(shared), caseJSON), ifMatch(`"3"`)))
	add("update cross-site", 403, with(jsonReq("alice", "PUT", id(shared), caseJSON), map[string]string{"If-Match": `"3"`, "Sec-Fetch-Site": "cross-site"}))
	add("update other's", 404, with(jsonReq("alice", "PUT", id(bobs), caseJSON), ifMatch(`"1"`)))
	reject("update too large", 413, with(jsonReq("alice", "PUT", id(shared), tooBig), ifMatch(`"3"`)))
	reject("update form", 415, with(request{user: "alice", method: "PUT", path: id(shared), contentType: "application/x-www-form-urlencoded", body: []byte("a=b")}, ifMatch(`"3"`)))
	broken("update broken store", with(jsonReq("alice", "PUT", "/cases/1", caseJSON), ifMatch(`"1"`)))

	add("report", 200, request{user: "alice", method: "GET", path: id(shared) + "/report"})
	add("report of a draft", 400, request{user: "alice", method: "GET", path: id(draft) + "/report"})
	reject("report bad id", 400, request{user: "alice", method: "GET", path: "/cases/x/report"})
	add("report anonymous", 401, request{method: "GET", path: id(shared) + "/report"})
	add("report other's", 404, request{user: "alice", method: "GET", path: id(bobs) + "/report"})
	broken("report broken store", request{user: "alice", method: "GET", path: "/cases/1/report"})

	add("audit", 200, request{user: "alice", method: "GET", path: id(shared) + "/audit"})
	reject("audit bad id", 400, request{user: "alice", method: "GET", path: "/cases/-1/audit"})
	add("audit anonymous", 401, request{method: "GET", path: id(shared) + "/audit"})
	add("audit coach", 403, request{user: "carol", method: "GET", path: id(shared) + "/audit"})
	add("audit other's", 404, request{user: "alice", method: "GET", path: id(bobs) + "/audit"})
	broken("audit broken store", request{user: "alice", method: "GET", path: "/cases/1/audit"})

	add("analyze JSON", 200, jsonReq("bob", "POST", "/analyze", caseJSON))
	add("analyze YAML", 200, request{user: "bob", method: "POST", path: "/analyze", contentType: mediaYAML, body: exampleYAML})
	add("analyze duplicate ids", 400, jsonReq("bob", "POST", "/analyze", dupIDs))
	reject("analyze unknown field", 400, jsonReq("bob", "POST", "/analyze", unknownField))
	add("analyze anonymous", 401, jsonReq("", "POST", "/analyze", caseJSON))
	add("analyze cross-site", 403, with(jsonReq("bob", "POST", "/analyze", caseJSON), crossSite))
	reject("analyze too large", 413, jsonReq("bob", "POST", "/analyze", tooBig))
	reject("analyze text/yaml", 415, request{user: "bob", method: "POST", path: "/analyze", contentType: "text/yaml", body: exampleYAML})

	add("rank topsis", 200, jsonReq("bob", "POST", "/rank", rankTOPSIS))
	add("rank vikor", 200, jsonReq("bob", "POST", "/rank", rankVIKOR))
	add("rank promethee2", 200, jsonReq("bob", "POST", "/rank", rankPROMETHEE))
	add("rank short row", 400, jsonReq("bob", "POST", "/rank", rankShortRow))
	reject("rank unknown field", 400, jsonReq("bob", "POST", "/rank", rankUnknownField))
	add("rank anonymous", 401, jsonReq("", "POST", "/rank", rankTOPSIS))
	add("rank cross-site", 403, with(jsonReq("bob", "POST", "/rank", rankTOPSIS), crossSite))
	reject("rank too large", 413, jsonReq("bob", "POST", "/rank", tooBig))
	reject("rank YAML", 415, request{user: "bob", method: "POST", path: "/rank", contentType: mediaYAML, body: rankTOPSIS})

	add("ahp", 200, jsonReq("bob", "POST", "/ahp", ahpConsistent))
	add("ahp inconsistent", 200, jsonReq("bob", "POST", "/ahp", ahpInconsistent))
	add("ahp bad cell", 400, jsonReq("bob", "POST", "/ahp", ahpBadCell))
	reject("ahp unknown field", 400, jsonReq("bob", "POST", "/ahp", ahpUnknownField))
	add("ahp anonymous", 401, jsonReq("", "POST", "/ahp", ahpConsistent))
	add("ahp cross-site", 403, with(jsonReq("bob", "POST", "/ahp", ahpConsistent), crossSite))
	reject("ahp too large", 413, jsonReq("bob", "POST", "/ahp", tooBig))
	reject("ahp no content type", 415, request{user: "bob", method: "POST", path: "/ahp", body: ahpConsistent})

	add("search", 200, request{user: "bob", method: "GET", path: "/occupations?q=call+center+representative&limit=3"})
	add("search nothing found", 200, request{user: "bob", method: "GET", path: "/occupations?q=zzzzqqqq"})
	reject("search without q", 400, request{user: "bob", method: "GET", path: "/occupations"})
	reject("search limit 0", 400, request{user: "bob", method: "GET", path: "/occupations?q=clerk&limit=0"})
	add("search anonymous", 401, request{method: "GET", path: "/occupations?q=clerk"})

	add("occupation", 200, request{user: "bob", method: "GET", path: "/occupations/43-4051.00"})
	add("occupation SOC code", 200, request{user: "bob", method: "GET", path: "/occupations/43-9021"})
	reject("occupation bad code", 400, request{user: "bob", method: "GET", path: "/occupations/clerk"})
	add("occupation anonymous", 401, request{method: "GET", path: "/occupations/43-4051.00"})
	add("occupation unknown", 404, request{user: "bob", method: "GET", path: "/occupations/99-9999.00"})

	add("next steps of one", 200, request{user: "bob", method: "GET", path: "/occupations/43-4051.00/next-steps?limit=5"})
	reject("next steps of one bad code", 400, request{user: "bob", method: "GET", path: "/occupations/4340/next-steps"})
	add("next steps of one anonymous", 401, request{method: "GET", path: "/occupations/43-4051.00/next-steps"})
	add("next steps of one unknown", 404, request{user: "bob", method: "GET", path: "/occupations/99-9999.00/next-steps"})

	add("next steps", 200, request{user: "bob", method: "GET", path: "/next-steps?from=43-4051.00&from=43-9021"})
	reject("next steps without from", 400, request{user: "bob", method: "GET", path: "/next-steps"})
	reject("next steps bad limit", 400, request{user: "bob", method: "GET", path: "/next-steps?from=43-4051.00&limit=101"})
	add("next steps anonymous", 401, request{method: "GET", path: "/next-steps?from=43-4051.00"})
	add("next steps unknown", 404, request{user: "bob", method: "GET", path: "/next-steps?from=43-4051.00&from=99-9999.00"})

	add("delete coach", 403, request{user: "carol", method: "DELETE", path: id(shared)})
	reject("delete bad id", 400, request{user: "alice", method: "DELETE", path: "/cases/one"})
	add("delete anonymous", 401, request{method: "DELETE", path: id(doomed)})
	add("delete cross-site", 403, with(request{user: "alice", method: "DELETE", path: id(doomed)}, crossSite))
	add("delete other's", 404, request{user: "alice", method: "DELETE", path: id(bobs)})
	broken("delete broken store", request{user: "alice", method: "DELETE", path: "/cases/1"})
	add("delete", 204, request{user: "alice", method: "DELETE", path: id(doomed)})
	add("get deleted", 404, request{user: "alice", method: "GET", path: id(doomed)})
	return sc
}

// TestScenarioNames keeps the scenario names unique, so that a failure
// names one request.
func TestScenarioNames(t *testing.T) {
	e := newEnv(t, dbtest.OpenSQLite(t, nil), Options{})
	seen := map[string]bool{}
	for _, sc := range conformanceScenarios(t, e) {
		if seen[sc.name] {
			t.Errorf("two scenarios are named %q", sc.name)
		}
		seen[sc.name] = true
		if strings.TrimSpace(sc.name) == "" {
			t.Error("a scenario has no name")
		}
	}
}
