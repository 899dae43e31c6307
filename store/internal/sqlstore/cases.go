package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/crossroads/crossroads"
)

// caseColumns are the columns of a case without its document; the document
// is appended when asked for.
const caseColumns = `cases.id, cases.owner_id, COALESCE(cases.created_by, 0), cases.title, cases.format, cases.version, cases.created_at, cases.updated_at`

func scanCase(r scanner, withDoc bool) (*crossroads.CaseRecord, error) {
	c := new(crossroads.CaseRecord)
	dest := []any{&c.ID, &c.OwnerID, &c.CreatedBy, &c.Title, &c.Format, &c.Version,
		timeDest{&c.CreatedAt}, timeDest{&c.UpdatedAt}}
	if withDoc {
		dest = append(dest, &c.Document)
	}
	if err := r.Scan(dest...); err != nil {
		return nil, err
	}
	if withDoc && c.Document == nil {
		c.Document = []byte{}
	}
	return c, nil
}

func errCaseNotFound(id int64) error {
	return crossroads.Errorf(crossroads.NotFound, "case %d not found", id)
}

func findCase(ctx context.Context, q querier, id int64, withDoc bool) (*crossroads.CaseRecord, error) {
	cols := caseColumns
	if withDoc {
		cols += `, cases.document`
	}
	c, err := scanCase(q.QueryRowContext(ctx, `SELECT `+cols+` FROM cases WHERE id = $1`, id), withDoc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errCaseNotFound(id)
	}
	return c, err
}

// addAudit records an audit entry about c in the transaction q.
func (s *Store) addAudit(ctx context.Context, q querier, c *crossroads.CaseRecord, action crossroads.Action) error {
	_, err := q.ExecContext(ctx, `
		INSERT INTO audit_entries (owner_id, case_id, case_title, actor_id, action, at)
		VALUES ($1, $2, $3, $4, $5, $6)`,
		c.OwnerID, c.ID, c.Title, actor(ctx), string(action), s.t(s.now()))
	if err != nil {
		return fmt.Errorf("recording %s of case %d: %w", action, c.ID, err)
	}
	return nil
}

// CreateCase implements crossroads.CaseStore.
func (s *Store) CreateCase(ctx context.Context, c *crossroads.CaseRecord) error {
	const op = "CreateCase"
	if err := c.Validate(); err != nil {
		return s.fail(op, err)
	}
	if c.CreatedBy == 0 {
		c.CreatedBy = c.OwnerID
	}
	doc := c.Document
	if doc == nil {
		doc = []byte{}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, id := range []int64{c.OwnerID, c.CreatedBy} {
			if ok, err := exists(ctx, tx, `SELECT COUNT(*) FROM users WHERE id = $1`, id); err != nil {
				return err
			} else if !ok {
				return errUserNotFound(id)
			}
		}
		now := s.now()
		err := tx.QueryRowContext(ctx, `
			INSERT INTO cases (owner_id, created_by, title, document, format, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, 1, $6, $7) RETURNING id`,
			c.OwnerID, c.CreatedBy, c.Title, doc, c.Format, s.t(now), s.t(now)).Scan(&c.ID)
		if err != nil {
			return err
		}
		c.Version, c.CreatedAt, c.UpdatedAt = 1, now, now
		if c.CreatedBy != c.OwnerID {
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO shares (case_id, coach_id, created_at) VALUES ($1, $2, $3)`,
				c.ID, c.CreatedBy, s.t(now)); err != nil {
				return err
			}
		}
		if err := s.addAudit(ctx, tx, c, crossroads.ActionCreate); err != nil {
			return err
		}
		if c.CreatedBy != c.OwnerID {
			return s.addAudit(ctx, tx, c, crossroads.ActionShare)
		}
		return nil
	})
	return s.fail(op, err)
}

// Case implements crossroads.CaseStore.
func (s *Store) Case(ctx context.Context, id int64) (*crossroads.CaseRecord, error) {
	c, err := findCase(ctx, s.db, id, true)
	return c, s.fail("Case", err)
}

// Cases implements crossroads.CaseStore.
func (s *Store) Cases(ctx context.Context, f crossroads.CaseFilter) ([]*crossroads.CaseRecord, error) {
	cases, err := findCases(ctx, s.db, f)
	return cases, s.fail("Cases", err)
}

func findCases(ctx context.Context, q querier, f crossroads.CaseFilter) ([]*crossroads.CaseRecord, error) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if f.OwnerID != 0 {
		where = append(where, `cases.owner_id = `+arg(f.OwnerID))
	}
	if f.SharedWith != 0 {
		where = append(where, `EXISTS (
			SELECT 1 FROM shares
			JOIN coach_clients ON coach_clients.coach_id = shares.coach_id
			WHERE shares.case_id = cases.id AND shares.coach_id = `+arg(f.SharedWith)+`
			AND shares.revoked_at IS NULL AND coach_clients.client_id = cases.owner_id)`)
	}
	cols := caseColumns
	if f.WithDocuments {
		cols += `, cases.document`
	}
	query := `SELECT ` + cols + ` FROM cases`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY cases.updated_at DESC, cases.id DESC`
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cases := []*crossroads.CaseRecord{}
	for rows.Next() {
		c, err := scanCase(rows, f.WithDocuments)
		if err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	return cases, rows.Err()
}

// UpdateCase implements crossroads.CaseStore.
func (s *Store) UpdateCase(ctx context.Context, id, expectedVersion int64, title string, doc []byte) (*crossroads.CaseRecord, error) {
	const op = "UpdateCase"
	if doc == nil {
		doc = []byte{}
	}
	var c *crossroads.CaseRecord
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := findCase(ctx, tx, id, false)
		if err != nil {
			return err
		}
		if cur.Version != expectedVersion {
			return crossroads.VersionConflict(expectedVersion, cur.Version)
		}
		if err := crossroads.ValidateCaseContent(title, cur.Format, doc); err != nil {
			return err
		}
		// The version in the WHERE clause keeps the check and the write one
		// step even where another transaction got in between (PostgreSQL at
		// READ COMMITTED re-reads the row after waiting for its lock).
		c, err = scanCase(tx.QueryRowContext(ctx, `
			UPDATE cases SET title = $1, document = $2, version = version + 1, updated_at = $3
			WHERE id = $4 AND version = $5
			RETURNING `+caseColumns+`, cases.document`,
			title, doc, s.t(s.now()), id, expectedVersion), true)
		if errors.Is(err, sql.ErrNoRows) {
			now, err := findCase(ctx, tx, id, false)
			if err != nil {
				return err
			}
			return crossroads.VersionConflict(expectedVersion, now.Version)
		}
		if err != nil {
			return err
		}
		return s.addAudit(ctx, tx, c, crossroads.ActionUpdate)
	})
	if err != nil {
		return nil, s.fail(op, err)
	}
	return c, nil
}

// DeleteCase implements crossroads.CaseStore.
func (s *Store) DeleteCase(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := findCase(ctx, tx, id, false)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM cases WHERE id = $1`, id); err != nil {
			return err
		}
		return s.addAudit(ctx, tx, c, crossroads.ActionDelete)
	})
	return s.fail("DeleteCase", err)
}
