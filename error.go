package crossroads

import (
	"errors"
	"fmt"
)

// Kind classifies an error so that every layer (CLI exit codes, HTTP status
// codes, page messages) can react to it the same way.
type Kind int

// The error kinds. Any error that is not an *Error counts as Internal.
const (
	Internal        Kind = iota // a fault of the program or its environment
	Invalid                     // bad input; the message says what and where
	NotFound                    // the thing asked for does not exist (or is not visible)
	Conflict                    // a concurrent change or a duplicate
	Unauthenticated             // no valid sign-in
	Forbidden                   // signed in, but not allowed
)

var kindNames = [...]string{
	Internal:        "internal error",
	Invalid:         "invalid",
	NotFound:        "not found",
	Conflict:        "conflict",
	Unauthenticated: "unauthenticated",
	Forbidden:       "forbidden",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Error is the project's error value: an operation, a kind, a message for
// people, and an optional wrapped cause that is never shown to users.
type Error struct {
	Op      string // the operation, such as "store/sqlite.UpdateCase"
	Kind    Kind
	Message string // safe to show to the user
	Err     error  // the underlying cause, for logs
}

func (e *Error) Error() string {
	msg := e.Message
	if msg == "" {
		msg = e.Kind.String()
	}
	switch {
	case e.Op != "" && e.Err != nil:
		return fmt.Sprintf("%s: %s: %v", e.Op, msg, e.Err)
	case e.Op != "":
		return fmt.Sprintf("%s: %s", e.Op, msg)
	case e.Err != nil:
		return fmt.Sprintf("%s: %v", msg, e.Err)
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error of the given kind whose message is formatted from
// format and args.
func Errorf(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// ErrorKind returns the kind of the first *Error in err's chain, Invalid for
// a *ValidationError, or Internal.
func ErrorKind(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	var v *ValidationError
	if errors.As(err, &v) {
		return Invalid
	}
	return Internal
}

// ErrorMessage returns the user-facing message of err: the message of the
// first *Error in its chain, or "Internal error." for anything else, so that
// internal details never reach a user.
func ErrorMessage(err error) string {
	var v *ValidationError
	if errors.As(err, &v) {
		return v.Error()
	}
	var e *Error
	if errors.As(err, &e) && e.Kind != Internal {
		if e.Message != "" {
			return e.Message
		}
		return e.Kind.String()
	}
	return "Internal error."
}
