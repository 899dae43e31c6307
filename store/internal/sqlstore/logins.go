package sqlstore

import (
	"context"
	"database/sql"
	"time"
)

// RecordLoginFailure implements crossroads.LoginAttemptStore.
func (s *Store) RecordLoginFailure(ctx context.Context, keys ...string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.t(s.now())
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO login_attempts (attempt_key, at) VALUES ($1, $2)`, k, now); err != nil {
				return err
			}
		}
		return nil
	})
	return s.fail("RecordLoginFailure", err)
}

// LoginFailures implements crossroads.LoginAttemptStore.
func (s *Store) LoginFailures(ctx context.Context, key string, since time.Time) ([]time.Time, error) {
	const op = "LoginFailures"
	rows, err := s.db.QueryContext(ctx,
		`SELECT at FROM login_attempts WHERE attempt_key = $1 AND at > $2 ORDER BY at`, key, s.t(since))
	if err != nil {
		return nil, s.fail(op, err)
	}
	defer rows.Close()
	times := []time.Time{}
	for rows.Next() {
		var t time.Time
		if err := rows.Scan(timeDest{&t}); err != nil {
			return nil, s.fail(op, err)
		}
		times = append(times, t)
	}
	return times, s.fail(op, rows.Err())
}

// ClearLoginFailures implements crossroads.LoginAttemptStore.
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM login_attempts WHERE attempt_key = $1`, key)
	return s.fail("ClearLoginFailures", err)
}

// PruneLoginFailures implements crossroads.LoginAttemptStore.
func (s *Store) PruneLoginFailures(ctx context.Context, before time.Time) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM login_attempts WHERE at < $1`, s.t(before))
	return s.fail("PruneLoginFailures", err)
}
