package sqlite

import (
	"errors"
	"strings"

	"github.com/crossroads/crossroads"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// constraintMessages maps the "table.column" that SQLite names in a
// UNIQUE, CHECK or NOT NULL failure to the domain error to return.
var constraintMessages = map[string]*crossroads.Error{
	"users.email_norm": {Kind: crossroads.Conflict, Message: "an account with this email already exists"},
	"users.role":       {Kind: crossroads.Invalid, Message: "role is not one of client, coach, admin"},
	"audit_entries.action": {Kind: crossroads.Invalid,
		Message: "audit action is not one of view, create, update, delete, share, revoke, export"},
	"coach_clients.coach_id": {Kind: crossroads.Conflict, Message: "this coach–client link already exists"},
}

// formatError maps a constraint violation reported by SQLite to a domain
// error wrapping it, and returns any other error unchanged.
func formatError(err error) error {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return err
	}
	msg := e.Error()
	switch e.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY,
		sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
		for col, de := range constraintMessages {
			if strings.Contains(msg, col) {
				return &crossroads.Error{Kind: de.Kind, Message: de.Message, Err: err}
			}
		}
		kind := crossroads.Invalid
		if e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY {
			kind = crossroads.Conflict
		}
		return &crossroads.Error{Kind: kind, Message: "the change conflicts with stored data", Err: err}
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return &crossroads.Error{Kind: crossroads.NotFound, Message: "a record this change refers to does not exist", Err: err}
	}
	return err
}
