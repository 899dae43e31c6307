package api

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/crossroads/crossroads"
)

// The kinds of the error body, one per status the API answers with.
const (
	kindInvalid          = "invalid"
	kindUnauthenticated  = "unauthenticated"
	kindForbidden        = "forbidden"
	kindNotFound         = "not_found"
	kindMethodNotAllowed = "method_not_allowed"
	kindConflict         = "conflict"
	kindTooLarge         = "too_large"
	kindUnsupportedMedia = "unsupported_media_type"
	kindInternal         = "internal"
)

// internalMessage is all a client learns of an internal error; the details go
// to the log.
const internalMessage = "Internal error."

// kindTable is the one table from the kinds of crossroads errors to the HTTP
// status and the kind named in the error body. A kind missing here is
// treated as Internal.
var kindTable = map[crossroads.Kind]struct {
	status int
	name   string
}{
	crossroads.Invalid:         {http.StatusBadRequest, kindInvalid},
	crossroads.Unauthenticated: {http.StatusUnauthorized, kindUnauthenticated},
	crossroads.Forbidden:       {http.StatusForbidden, kindForbidden},
	crossroads.NotFound:        {http.StatusNotFound, kindNotFound},
	crossroads.Conflict:        {http.StatusConflict, kindConflict},
	crossroads.Internal:        {http.StatusInternalServerError, kindInternal},
}

// statusOf returns the HTTP status and the error-body kind of a crossroads
// error kind.
func statusOf(k crossroads.Kind) (int, string) {
	if e, ok := kindTable[k]; ok {
		return e.status, e.name
	}
	return http.StatusInternalServerError, kindInternal
}

// httpError is an error of the HTTP layer itself, with no crossroads kind:
// a body too large, a wrong content type, a method the route does not have.
type httpError struct {
	status  int
	kind    string
	message string
}

func (e *httpError) Error() string { return e.message }

func tooLarge(limit int64) error {
	return &httpError{http.StatusRequestEntityTooLarge, kindTooLarge,
		fmt.Sprintf("the request body is larger than the limit of %s", byteSize(limit))}
}

// byteSize writes n bytes as MiB or KiB when it is a whole number of them.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// errorBody is the JSON body of every error response.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Kind    string                  `json:"kind"`
	Message string                  `json:"message"`
	Fields  []crossroads.FieldError `json:"fields,omitempty"`
}

// maxFields bounds the problems listed in one error response.
const maxFields = 100

// errorResponse returns the status and body for err, and whether err is
// internal (and so must be logged).
func errorResponse(err error) (int, errorBody, bool) {
	var he *httpError
	if errors.As(err, &he) {
		return he.status, errorBody{errorDetail{Kind: he.kind, Message: he.message}}, false
	}
	kind := crossroads.ErrorKind(err)
	status, name := statusOf(kind)
	if status == http.StatusInternalServerError {
		return status, errorBody{errorDetail{Kind: kindInternal, Message: internalMessage}}, true
	}
	d := errorDetail{Kind: name, Message: crossroads.ErrorMessage(err)}
	var ve *crossroads.ValidationError
	if errors.As(err, &ve) && len(ve.Errors) > 0 {
		d.Message = summary(ve)
		d.Fields = ve.Errors
		if len(d.Fields) > maxFields {
			d.Fields = d.Fields[:maxFields]
		}
	}
	return status, errorBody{d}, false
}

// summary is the message of a validation error: its only problem, or the
// first one and how many more there are.
func summary(ve *crossroads.ValidationError) string {
	first := (&crossroads.ValidationError{File: ve.File, Errors: ve.Errors[:1]}).Error()
	switch n := len(ve.Errors); {
	case n == 2:
		return first + " (and 1 more problem; see fields)"
	case n > 2:
		return fmt.Sprintf("%s (and %d more problems; see fields)", first, n-1)
	}
	return first
}

// invalid returns a validation error of the request with the given problems.
func invalid(file string, fields ...crossroads.FieldError) error {
	return &crossroads.ValidationError{File: file, Errors: fields}
}

// fieldError returns a validation error naming one field.
func fieldError(path, value, format string, args ...any) error {
	return invalid("", crossroads.FieldError{Path: path, Value: value, Rule: fmt.Sprintf(format, args...)})
}
