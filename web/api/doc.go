// Package api is the JSON API of Crossroads under /api/v1: stored cases
// (list, create, read, update, delete, audit log), the analysis of a case,
// multi-criteria ranking and AHP, and the occupation data (search, details,
// next steps). Its OpenAPI 3 document, openapi.json (built from openapi.yaml
// by "go generate"), is embedded and served at /api/v1/openapi.json; a test
// checks every route, request and response against it.
//
// New returns an http.Handler that serves the full paths under /api/v1/. It
// does no authentication of its own: the acting user travels in the request
// context (crossroads.UserFromContext), put there by the page server's
// middleware, and package service decides what that user may do. Every
// route but the OpenAPI document answers 401 without a user.
//
// Errors have one JSON shape, {"error": {"kind", "message", "fields"}}, and
// one table maps the kinds of crossroads errors to HTTP statuses (see
// statusOf). Bad input never produces a 500: request bodies are size-limited
// (413), must have a content type the route reads (415), and are decoded
// strictly, naming each unknown field, wrong type or broken rule with its
// path. Unsafe requests that a browser sends from another site are refused
// (http.CrossOriginProtection), so that a page elsewhere cannot act with the
// user's cookies.
package api
