package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/crossroads/crossroads"
)

// CreateResetToken implements crossroads.ResetTokenStore.
func (s *Store) CreateResetToken(ctx context.Context, userID int64, ttl time.Duration) (string, error) {
	const op = "CreateResetToken"
	if err := checkTTL(ttl); err != nil {
		return "", s.fail(op, err)
	}
	token, hash, err := newSecret()
	if err != nil {
		return "", s.fail(op, err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := findUser(ctx, tx, userID); err != nil {
			return err
		}
		now := s.now()
		if _, err := tx.ExecContext(ctx, `DELETE FROM reset_tokens WHERE expires_at <= $1`, s.t(now)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO reset_tokens (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
			hash, userID, s.t(now), s.t(now.Add(ttl)))
		return err
	})
	if err != nil {
		return "", s.fail(op, err)
	}
	return token, nil
}

// ResetPassword implements crossroads.ResetTokenStore.
func (s *Store) ResetPassword(ctx context.Context, token, passwordHash string) (*crossroads.User, error) {
	var u *crossroads.User
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var userID int64
		err := tx.QueryRowContext(ctx,
			`SELECT user_id FROM reset_tokens WHERE token_hash = $1 AND expires_at > $2`,
			hashSecret(token), s.t(s.now())).Scan(&userID)
		if errors.Is(err, sql.ErrNoRows) {
			return crossroads.Errorf(crossroads.NotFound, "this reset link is unknown, already used or expired")
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, session_epoch = session_epoch + 1 WHERE id = $2`,
			passwordHash, userID); err != nil {
			return err
		}
		// Using the token up and forgetting the others is one statement.
		if _, err := tx.ExecContext(ctx, `DELETE FROM reset_tokens WHERE user_id = $1`, userID); err != nil {
			return err
		}
		u, err = findUser(ctx, tx, userID)
		return err
	})
	if err != nil {
		return nil, s.fail("ResetPassword", err)
	}
	return u, nil
}
