package postgres

import (
	"errors"

	"github.com/crossroads/crossroads"
	"github.com/jackc/pgx/v5/pgconn"
)

// constraintMessages maps the names of the schema's constraints to the
// domain error to return when one is violated.
var constraintMessages = map[string]*crossroads.Error{
	"users_email_norm_key": {Kind: crossroads.Conflict, Message: "an account with this email already exists"},
	"users_role_check":     {Kind: crossroads.Invalid, Message: "role is not one of client, coach, admin"},
	"audit_entries_action_check": {Kind: crossroads.Invalid,
		Message: "audit action is not one of view, create, update, delete, share, revoke, export"},
	"coach_clients_pkey": {Kind: crossroads.Conflict, Message: "this coach–client link already exists"},
}

// PostgreSQL error codes (SQLSTATE) of integrity constraint violations.
const (
	notNullViolation    = "23502"
	foreignKeyViolation = "23503"
	uniqueViolation     = "23505"
	checkViolation      = "23514"
)

// formatError maps a constraint violation reported by PostgreSQL to a domain
// error wrapping it, and returns any other error unchanged.
func formatError(err error) error {
	var e *pgconn.PgError
	if !errors.As(err, &e) {
		return err
	}
	switch e.Code {
	case uniqueViolation, checkViolation, notNullViolation:
		if de, ok := constraintMessages[e.ConstraintName]; ok {
			return &crossroads.Error{Kind: de.Kind, Message: de.Message, Err: err}
		}
		kind := crossroads.Invalid
		if e.Code == uniqueViolation {
			kind = crossroads.Conflict
		}
		return &crossroads.Error{Kind: kind, Message: "the change conflicts with stored data", Err: err}
	case foreignKeyViolation:
		return &crossroads.Error{Kind: crossroads.NotFound, Message: "a record this change refers to does not exist", Err: err}
	}
	return err
}
