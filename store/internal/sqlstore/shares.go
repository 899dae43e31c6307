package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/crossroads/crossroads"
)

const shareQuery = `
	SELECT s.case_id, c.title, c.owner_id, s.coach_id, u.name, u.email, s.created_at, s.revoked_at
	FROM shares s
	JOIN cases c ON c.id = s.case_id
	JOIN users u ON u.id = s.coach_id`

func scanShare(r scanner) (*crossroads.Share, error) {
	sh := new(crossroads.Share)
	err := r.Scan(&sh.CaseID, &sh.CaseTitle, &sh.OwnerID, &sh.CoachID, &sh.CoachName, &sh.CoachEmail,
		timeDest{&sh.CreatedAt}, nullTimeDest{&sh.RevokedAt})
	return sh, err
}

// CreateShareCode implements crossroads.ShareStore.
func (s *Store) CreateShareCode(ctx context.Context, caseID int64, ttl time.Duration) (string, error) {
	const op = "CreateShareCode"
	if err := checkTTL(ttl); err != nil {
		return "", s.fail(op, err)
	}
	code, hash, err := newSecret()
	if err != nil {
		return "", s.fail(op, err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := findCase(ctx, tx, caseID, false); err != nil {
			return err
		}
		now := s.now()
		if _, err := tx.ExecContext(ctx, `DELETE FROM share_codes WHERE expires_at <= $1`, s.t(now)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO share_codes (code_hash, case_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
			hash, caseID, s.t(now), s.t(now.Add(ttl)))
		return err
	})
	if err != nil {
		return "", s.fail(op, err)
	}
	return code, nil
}

// shareCodeCase returns the case a live share code would share.
func (s *Store) shareCodeCase(ctx context.Context, q querier, code string) (*crossroads.CaseRecord, error) {
	c, err := scanCase(q.QueryRowContext(ctx, `
		SELECT `+caseColumns+` FROM share_codes JOIN cases ON cases.id = share_codes.case_id
		WHERE share_codes.code_hash = $1 AND share_codes.expires_at > $2`,
		hashSecret(code), s.t(s.now())), false)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errCodeNotFound
	}
	return c, err
}

// ShareCodeCase implements crossroads.ShareStore.
func (s *Store) ShareCodeCase(ctx context.Context, code string) (*crossroads.CaseRecord, error) {
	c, err := s.shareCodeCase(ctx, s.db, code)
	return c, s.fail("ShareCodeCase", err)
}

// RedeemShareCode implements crossroads.ShareStore.
func (s *Store) RedeemShareCode(ctx context.Context, code string, coachID int64) (*crossroads.Share, error) {
	const op = "RedeemShareCode"
	var sh *crossroads.Share
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := s.shareCodeCase(ctx, tx, code)
		if err != nil {
			return err
		}
		if _, err := findUser(ctx, tx, coachID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM share_codes WHERE code_hash = $1`, hashSecret(code)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO shares (case_id, coach_id, created_at) VALUES ($1, $2, $3)
			ON CONFLICT (case_id, coach_id) DO UPDATE SET created_at = excluded.created_at, revoked_at = NULL`,
			c.ID, coachID, s.t(s.now())); err != nil {
			return err
		}
		if err := s.addAudit(ctx, tx, c, crossroads.ActionShare); err != nil {
			return err
		}
		sh, err = scanShare(tx.QueryRowContext(ctx, shareQuery+` WHERE s.case_id = $1 AND s.coach_id = $2`,
			c.ID, coachID))
		return err
	})
	if err != nil {
		return nil, s.fail(op, err)
	}
	return sh, nil
}

// Shares implements crossroads.ShareStore.
func (s *Store) Shares(ctx context.Context, f crossroads.ShareFilter) ([]*crossroads.Share, error) {
	shares, err := findShares(ctx, s.db, f)
	return shares, s.fail("Shares", err)
}

func findShares(ctx context.Context, q querier, f crossroads.ShareFilter) ([]*crossroads.Share, error) {
	var where []string
	var args []any
	add := func(cond string, v int64) {
		if v != 0 {
			args = append(args, v)
			where = append(where, fmt.Sprintf(cond, len(args)))
		}
	}
	add(`s.case_id = $%d`, f.CaseID)
	add(`c.owner_id = $%d`, f.OwnerID)
	add(`s.coach_id = $%d`, f.CoachID)
	if f.ActiveOnly {
		where = append(where, `s.revoked_at IS NULL`)
	}
	query := shareQuery
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	rows, err := q.QueryContext(ctx, query+` ORDER BY s.created_at, s.case_id, s.coach_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	shares := []*crossroads.Share{}
	for rows.Next() {
		sh, err := scanShare(rows)
		if err != nil {
			return nil, err
		}
		shares = append(shares, sh)
	}
	return shares, rows.Err()
}

// IsSharedWith implements crossroads.ShareStore.
func (s *Store) IsSharedWith(ctx context.Context, caseID, coachID int64) (bool, error) {
	ok, err := exists(ctx, s.db, `
		SELECT COUNT(*) FROM shares s
		JOIN cases c ON c.id = s.case_id
		JOIN coach_clients l ON l.coach_id = s.coach_id AND l.client_id = c.owner_id
		WHERE s.case_id = $1 AND s.coach_id = $2 AND s.revoked_at IS NULL`, caseID, coachID)
	return ok, s.fail("IsSharedWith", err)
}

// RevokeShare implements crossroads.ShareStore.
func (s *Store) RevokeShare(ctx context.Context, caseID, coachID int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := findCase(ctx, tx, caseID, false)
		if err != nil {
			return err
		}
		return s.revoke(ctx, tx, c, coachID)
	})
	return s.fail("RevokeShare", err)
}

// revoke revokes the active share of c with the coach in the transaction q
// and records it.
func (s *Store) revoke(ctx context.Context, q querier, c *crossroads.CaseRecord, coachID int64) error {
	res, err := q.ExecContext(ctx, `
		UPDATE shares SET revoked_at = $1 WHERE case_id = $2 AND coach_id = $3 AND revoked_at IS NULL`,
		s.t(s.now()), c.ID, coachID)
	if err != nil {
		return err
	}
	if err := mustAffect(res, crossroads.Errorf(crossroads.NotFound,
		"case %d is not shared with user %d", c.ID, coachID)); err != nil {
		return err
	}
	return s.addAudit(ctx, q, c, crossroads.ActionRevoke)
}
