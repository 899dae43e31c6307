package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"github.com/crossroads/crossroads"
)

const userColumns = `id, email, name, role, created_at, session_epoch`

type scanner interface{ Scan(dest ...any) error }

func scanUser(r scanner) (*crossroads.User, error) {
	u := new(crossroads.User)
	var role string
	if err := r.Scan(&u.ID, &u.Email, &u.Name, &role, timeDest{&u.CreatedAt}, &u.SessionEpoch); err != nil {
		return nil, err
	}
	u.Role = crossroads.Role(role)
	return u, nil
}

func errUserNotFound(id int64) error {
	return crossroads.Errorf(crossroads.NotFound, "user %d not found", id)
}

// CreateUser implements crossroads.UserStore.
func (s *Store) CreateUser(ctx context.Context, u *crossroads.User, passwordHash string) error {
	const op = "CreateUser"
	if err := u.Validate(); err != nil {
		return s.fail(op, err)
	}
	now := s.now()
	err := s.db.QueryRowContext(ctx, `
		INSERT INTO users (email, email_norm, name, role, password_hash, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		u.Email, crossroads.NormalizeEmail(u.Email), u.Name, string(u.Role), passwordHash, s.t(now),
	).Scan(&u.ID)
	if err != nil {
		return s.fail(op, err)
	}
	u.CreatedAt = now
	return nil
}

// User implements crossroads.UserStore.
func (s *Store) User(ctx context.Context, id int64) (*crossroads.User, error) {
	u, err := findUser(ctx, s.db, id)
	return u, s.fail("User", err)
}

func findUser(ctx context.Context, q querier, id int64) (*crossroads.User, error) {
	u, err := scanUser(q.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errUserNotFound(id)
	}
	return u, err
}

// UserByEmail implements crossroads.UserStore.
func (s *Store) UserByEmail(ctx context.Context, email string) (*crossroads.User, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx,
		`SELECT `+userColumns+` FROM users WHERE email_norm = $1`, crossroads.NormalizeEmail(email)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, s.fail("UserByEmail", crossroads.Errorf(crossroads.NotFound, "no account with email %q", email))
	}
	if err != nil {
		return nil, s.fail("UserByEmail", err)
	}
	return u, nil
}

// Users implements crossroads.UserStore.
func (s *Store) Users(ctx context.Context) ([]*crossroads.User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY id`)
	if err != nil {
		return nil, s.fail("Users", err)
	}
	defer rows.Close()
	users := []*crossroads.User{}
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, s.fail("Users", err)
		}
		users = append(users, u)
	}
	return users, s.fail("Users", rows.Err())
}

// PasswordHash implements crossroads.UserStore.
func (s *Store) PasswordHash(ctx context.Context, userID int64) (string, error) {
	var hash string
	err := s.db.QueryRowContext(ctx, `SELECT password_hash FROM users WHERE id = $1`, userID).Scan(&hash)
	if errors.Is(err, sql.ErrNoRows) {
		err = errUserNotFound(userID)
	}
	return hash, s.fail("PasswordHash", err)
}

// SetPasswordHash implements crossroads.UserStore.
func (s *Store) SetPasswordHash(ctx context.Context, userID int64, hash string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, userID)
	if err == nil {
		err = mustAffect(res, errUserNotFound(userID))
	}
	return s.fail("SetPasswordHash", err)
}

// DeleteUser implements crossroads.UserStore. The foreign keys of the schema
// do the rest: ON DELETE CASCADE for what belongs to the user, SET NULL for
// the actor of audit entries in the logs of others.
func (s *Store) DeleteUser(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM users WHERE id = $1`, id)
	if err == nil {
		err = mustAffect(res, errUserNotFound(id))
	}
	return s.fail("DeleteUser", err)
}

// mustAffect returns notFound when res affected no row.
func mustAffect(res sql.Result, notFound error) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound
	}
	return nil
}
