package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/crossroads/crossroads"
)

// RecordAudit implements crossroads.AuditStore.
func (s *Store) RecordAudit(ctx context.Context, caseID int64, action crossroads.Action) error {
	const op = "RecordAudit"
	if !action.Valid() {
		return s.fail(op, crossroads.Errorf(crossroads.Invalid, "audit action %q is not one of view, create, update, delete, share, revoke, export", action))
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := findCase(ctx, tx, caseID, false)
		if err != nil {
			return err
		}
		return s.addAudit(ctx, tx, c, action)
	})
	return s.fail(op, err)
}

// AuditEntries implements crossroads.AuditStore.
func (s *Store) AuditEntries(ctx context.Context, f crossroads.AuditFilter) ([]*crossroads.AuditEntry, error) {
	entries, err := findAudit(ctx, s.db, f, false)
	return entries, s.fail("AuditEntries", err)
}

// findAudit returns the entries selected by f; othersOnly leaves out the
// entries about the actor's own cases.
func findAudit(ctx context.Context, q querier, f crossroads.AuditFilter, othersOnly bool) ([]*crossroads.AuditEntry, error) {
	var where []string
	var args []any
	add := func(cond string, v int64) {
		if v != 0 {
			args = append(args, v)
			where = append(where, fmt.Sprintf(cond, len(args)))
		}
	}
	add(`a.case_id = $%d`, f.CaseID)
	add(`a.owner_id = $%d`, f.OwnerID)
	add(`a.actor_id = $%d`, f.ActorID)
	if othersOnly {
		where = append(where, `a.owner_id <> a.actor_id`)
	}
	query := `
		SELECT a.id, a.owner_id, a.case_id, a.case_title, COALESCE(a.actor_id, 0),
			COALESCE(u.name, ''), COALESCE(u.email, ''), a.action, a.at
		FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_id`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	rows, err := q.QueryContext(ctx, query+` ORDER BY a.at, a.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	entries := []*crossroads.AuditEntry{}
	for rows.Next() {
		e := new(crossroads.AuditEntry)
		var action string
		if err := rows.Scan(&e.ID, &e.OwnerID, &e.CaseID, &e.CaseTitle, &e.ActorID, &e.ActorName, &e.ActorEmail,
			&action, timeDest{&e.At}); err != nil {
			return nil, err
		}
		e.Action = crossroads.Action(action)
		entries = append(entries, e)
	}
	return entries, rows.Err()
}
