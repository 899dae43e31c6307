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

const linkQuery = `
	SELECT l.coach_id, co.name, co.email, l.client_id, cl.name, cl.email, l.created_at
	FROM coach_clients l
	JOIN users co ON co.id = l.coach_id
	JOIN users cl ON cl.id = l.client_id`

func scanLink(r scanner) (*crossroads.Link, error) {
	l := new(crossroads.Link)
	err := r.Scan(&l.CoachID, &l.CoachName, &l.CoachEmail, &l.ClientID, &l.ClientName, &l.ClientEmail,
		timeDest{&l.CreatedAt})
	return l, err
}

var errCodeNotFound = crossroads.Errorf(crossroads.NotFound, "this code is unknown, already used or expired")

// CreateClientInvite implements crossroads.LinkStore.
func (s *Store) CreateClientInvite(ctx context.Context, coachID int64, ttl time.Duration) (string, error) {
	const op = "CreateClientInvite"
	if err := checkTTL(ttl); err != nil {
		return "", s.fail(op, err)
	}
	code, hash, err := newSecret()
	if err != nil {
		return "", s.fail(op, err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := findUser(ctx, tx, coachID); err != nil {
			return err
		}
		now := s.now()
		if _, err := tx.ExecContext(ctx, `DELETE FROM client_invites WHERE expires_at <= $1`, s.t(now)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO client_invites (code_hash, coach_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
			hash, coachID, s.t(now), s.t(now.Add(ttl)))
		return err
	})
	if err != nil {
		return "", s.fail(op, err)
	}
	return code, nil
}

// RedeemClientInvite implements crossroads.LinkStore.
func (s *Store) RedeemClientInvite(ctx context.Context, code string, clientID int64) (*crossroads.Link, error) {
	const op = "RedeemClientInvite"
	var link *crossroads.Link
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		hash := hashSecret(code)
		var coachID int64
		err := tx.QueryRowContext(ctx,
			`SELECT coach_id FROM client_invites WHERE code_hash = $1 AND expires_at > $2`,
			hash, s.t(s.now())).Scan(&coachID)
		if errors.Is(err, sql.ErrNoRows) {
			return errCodeNotFound
		}
		if err != nil {
			return err
		}
		if coachID == clientID {
			return crossroads.Errorf(crossroads.Invalid, "you cannot redeem your own invite code")
		}
		if _, err := findUser(ctx, tx, clientID); err != nil {
			return err
		}
		if ok, err := exists(ctx, tx, `SELECT COUNT(*) FROM coach_clients WHERE coach_id = $1 AND client_id = $2`,
			coachID, clientID); err != nil {
			return err
		} else if ok {
			return crossroads.Errorf(crossroads.Conflict, "you are already a client of this coach")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM client_invites WHERE code_hash = $1`, hash); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO coach_clients (coach_id, client_id, created_at) VALUES ($1, $2, $3)`,
			coachID, clientID, s.t(s.now())); err != nil {
			return err
		}
		link, err = scanLink(tx.QueryRowContext(ctx, linkQuery+` WHERE l.coach_id = $1 AND l.client_id = $2`,
			coachID, clientID))
		return err
	})
	if err != nil {
		return nil, s.fail(op, err)
	}
	return link, nil
}

// Links implements crossroads.LinkStore.
func (s *Store) Links(ctx context.Context, f crossroads.LinkFilter) ([]*crossroads.Link, error) {
	links, err := findLinks(ctx, s.db, f)
	return links, s.fail("Links", err)
}

func findLinks(ctx context.Context, q querier, f crossroads.LinkFilter) ([]*crossroads.Link, error) {
	var where []string
	var args []any
	if f.CoachID != 0 {
		args = append(args, f.CoachID)
		where = append(where, fmt.Sprintf(`l.coach_id = $%d`, len(args)))
	}
	if f.ClientID != 0 {
		args = append(args, f.ClientID)
		where = append(where, fmt.Sprintf(`l.client_id = $%d`, len(args)))
	}
	query := linkQuery
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	rows, err := q.QueryContext(ctx, query+` ORDER BY l.created_at, l.coach_id, l.client_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	links := []*crossroads.Link{}
	for rows.Next() {
		l, err := scanLink(rows)
		if err != nil {
			return nil, err
		}
		links = append(links, l)
	}
	return links, rows.Err()
}

// Linked implements crossroads.LinkStore.
func (s *Store) Linked(ctx context.Context, coachID, clientID int64) (bool, error) {
	ok, err := exists(ctx, s.db, `SELECT COUNT(*) FROM coach_clients WHERE coach_id = $1 AND client_id = $2`,
		coachID, clientID)
	return ok, s.fail("Linked", err)
}

// DeleteLink implements crossroads.LinkStore.
func (s *Store) DeleteLink(ctx context.Context, coachID, clientID int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM coach_clients WHERE coach_id = $1 AND client_id = $2`,
			coachID, clientID)
		if err != nil {
			return err
		}
		if err := mustAffect(res, crossroads.Errorf(crossroads.NotFound,
			"user %d is not a client of coach %d", clientID, coachID)); err != nil {
			return err
		}
		cases, err := findCases(ctx, tx, crossroads.CaseFilter{OwnerID: clientID})
		if err != nil {
			return err
		}
		for _, c := range cases {
			if err := s.revoke(ctx, tx, c, coachID); err != nil && crossroads.ErrorKind(err) != crossroads.NotFound {
				return err
			}
		}
		return nil
	})
	return s.fail("DeleteLink", err)
}
