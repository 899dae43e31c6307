package service

import (
	"context"
	"strings"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/internal/password"
)

// errSignIn is the one answer to a failed sign-in, whether the email is
// unknown or the password wrong, so that it does not tell who has an account.
const errSignIn = "email or password is incorrect"

// newUser checks and normalises the fields of a new account.
func newUser(email, name string, role crossroads.Role) (*crossroads.User, error) {
	u := &crossroads.User{Email: strings.TrimSpace(email), Name: strings.TrimSpace(name), Role: role}
	if err := u.Validate(); err != nil {
		return nil, err
	}
	return u, nil
}

// SignUp creates an account with a password, as a client or a coach, and
// returns it. It does not sign the new user in.
// Errors: Invalid (email, name, role, password), Conflict (the email has an
// account).
func (s *Service) SignUp(ctx context.Context, email, name, pw string, role crossroads.Role) (*crossroads.User, error) {
	const op = "SignUp"
	if role != crossroads.RoleClient && role != crossroads.RoleCoach {
		return nil, errorf(op, crossroads.Invalid, "you can sign up as a client or a coach, not as %q", role)
	}
	if crossroads.NormalizeEmail(email) == LocalEmail {
		return nil, errorf(op, crossroads.Invalid, "the email %s is reserved for single-user mode", LocalEmail)
	}
	return s.createUser(ctx, op, email, name, pw, role, true)
}

func (s *Service) createUser(ctx context.Context, op, email, name, pw string, role crossroads.Role, needPassword bool) (*crossroads.User, error) {
	u, err := newUser(email, name, role)
	if err != nil {
		return nil, wrap(op, err)
	}
	hash := ""
	if pw != "" || needPassword {
		if err := password.Validate(pw); err != nil {
			return nil, wrap(op, err)
		}
		if hash, err = s.params().Hash(pw); err != nil {
			return nil, wrap(op, err)
		}
	}
	if err := s.Store.CreateUser(ctx, u, hash); err != nil {
		return nil, wrap(op, err)
	}
	return u, nil
}

// limitKey is one key of the sign-in limit and the failures it allows.
type limitKey struct {
	key string
	max int
}

func signInKeys(email, remoteIP string) []limitKey {
	keys := []limitKey{{"email:" + crossroads.NormalizeEmail(email), MaxFailuresPerEmail}}
	if remoteIP != "" {
		keys = append(keys, limitKey{"ip:" + remoteIP, MaxFailuresPerIP})
	}
	return keys
}

// Authenticate checks an email and password and returns the account.
// remoteIP is the address of the client ("" when unknown; then only the
// per-email limit applies).
//
// A wrong password, an unknown email and an account without a password all
// give the same Unauthenticated error ("email or password is incorrect") and
// cost the same argon2id computation. Each failure is recorded under the
// email and the address; once either has reached its limit within
// SignInWindow (MaxFailuresPerEmail, MaxFailuresPerIP), Authenticate refuses
// without checking the password: Forbidden, "too many sign-in attempts; try
// again in N minutes". A success forgets the failures of the email, not
// those of the address, so that signing in to one's own account does not
// reset the count of an attacker trying others.
func (s *Service) Authenticate(ctx context.Context, email, pw, remoteIP string) (*crossroads.User, error) {
	const op = "Authenticate"
	keys := signInKeys(email, remoteIP)
	now := s.now()
	for _, k := range keys {
		times, err := s.Store.LoginFailures(ctx, k.key, now.Add(-SignInWindow))
		if err != nil {
			return nil, wrap(op, err)
		}
		if len(times) >= k.max {
			// The count falls below the limit when the failure k.max places
			// from the newest leaves the window.
			retry := times[len(times)-k.max].Add(SignInWindow).Sub(now)
			minutes := int((retry + time.Minute - 1) / time.Minute)
			if minutes < 1 {
				minutes = 1
			}
			unit := "minutes"
			if minutes == 1 {
				unit = "minute"
			}
			return nil, errorf(op, crossroads.Forbidden, "too many sign-in attempts; try again in %d %s", minutes, unit)
		}
	}
	fail := func() (*crossroads.User, error) {
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = k.key
		}
		if err := s.Store.RecordLoginFailure(ctx, names...); err != nil {
			return nil, wrap(op, err)
		}
		if err := s.Store.PruneLoginFailures(ctx, now.Add(-SignInWindow)); err != nil {
			return nil, wrap(op, err)
		}
		return nil, errorf(op, crossroads.Unauthenticated, errSignIn)
	}
	u, err := s.Store.UserByEmail(ctx, email)
	if crossroads.ErrorKind(err) == crossroads.NotFound {
		s.params().VerifyDummy(pw)
		return fail()
	}
	if err != nil {
		return nil, wrap(op, err)
	}
	hash, err := s.Store.PasswordHash(ctx, u.ID)
	if err != nil {
		return nil, wrap(op, err)
	}
	if hash == "" {
		s.params().VerifyDummy(pw)
		return fail()
	}
	ok, err := password.Verify(pw, hash)
	if err != nil {
		return nil, wrap(op, err)
	}
	if !ok {
		return fail()
	}
	if err := s.Store.ClearLoginFailures(ctx, keys[0].key); err != nil {
		return nil, wrap(op, err)
	}
	if p := s.params(); p.NeedsRehash(hash) {
		// The parameters were raised since this hash was made. Store a new
		// one; if that fails the old one still works, so the sign-in stands.
		if newHash, err := p.Hash(pw); err == nil {
			_ = s.Store.SetPasswordHash(ctx, u.ID, newHash)
		}
	}
	return u, nil
}

// CreateResetToken returns a one-time token, valid for ResetTokenTTL, with
// which the owner of email sets a new password (the link /reset/TOKEN). Only
// an administrator may ask: there is no email delivery, so the operator hands
// the link over. Errors: Unauthenticated, Forbidden, NotFound.
func (s *Service) CreateResetToken(ctx context.Context, email string) (string, error) {
	const op = "CreateResetToken"
	if _, err := admin(ctx, op); err != nil {
		return "", err
	}
	u, err := s.Store.UserByEmail(ctx, email)
	if err != nil {
		return "", wrap(op, err)
	}
	token, err := s.Store.CreateResetToken(ctx, u.ID, ResetTokenTTL)
	return token, wrap(op, err)
}

// ResetPassword sets a new password with a reset token, which is then used
// up, and forgets the failed sign-ins of the account. Anyone holding the
// token may call it. Errors: Invalid (password), NotFound (unknown, used or
// expired token).
func (s *Service) ResetPassword(ctx context.Context, token, newPassword string) (*crossroads.User, error) {
	const op = "ResetPassword"
	if err := password.Validate(newPassword); err != nil {
		return nil, wrap(op, err)
	}
	hash, err := s.params().Hash(newPassword)
	if err != nil {
		return nil, wrap(op, err)
	}
	u, err := s.Store.ResetPassword(ctx, token, hash)
	if err != nil {
		return nil, wrap(op, err)
	}
	if err := s.Store.ClearLoginFailures(ctx, signInKeys(u.Email, "")[0].key); err != nil {
		return nil, wrap(op, err)
	}
	return u, nil
}

// ExportMyData returns everything stored about the acting user and records
// an "export" entry in the log of each case they own.
// Errors: Unauthenticated, NotFound (the account was deleted meanwhile).
func (s *Service) ExportMyData(ctx context.Context) (*crossroads.Export, error) {
	const op = "ExportMyData"
	u, err := signedIn(ctx, op)
	if err != nil {
		return nil, err
	}
	x, err := s.Store.Export(ctx, u.ID)
	if err != nil {
		return nil, wrap(op, err)
	}
	for _, c := range x.Cases {
		if err := s.Store.RecordAudit(ctx, c.ID, crossroads.ActionExport); err != nil {
			return nil, wrap(op, err)
		}
	}
	return x, nil
}

// DeleteMyAccount deletes the acting user's account with all their cases,
// shares, links and the logs of their cases. The caller should end the
// user's sessions. Errors: Unauthenticated, NotFound.
func (s *Service) DeleteMyAccount(ctx context.Context) error {
	const op = "DeleteMyAccount"
	u, err := signedIn(ctx, op)
	if err != nil {
		return err
	}
	if err := s.Store.DeleteUser(ctx, u.ID); err != nil {
		return wrap(op, err)
	}
	return wrap(op, s.Store.ClearLoginFailures(ctx, signInKeys(u.Email, "")[0].key))
}

// EnsureLocalUser returns the single local account (LocalEmail, a client
// without a password), creating it on first use. It is for single-user mode,
// when accounts are disabled and everyone who reaches the program is that
// user; it needs no acting user.
func (s *Service) EnsureLocalUser(ctx context.Context) (*crossroads.User, error) {
	const op = "EnsureLocalUser"
	for range 2 {
		u, err := s.Store.UserByEmail(ctx, LocalEmail)
		if err == nil {
			return u, nil
		}
		if crossroads.ErrorKind(err) != crossroads.NotFound {
			return nil, wrap(op, err)
		}
		u = &crossroads.User{Email: LocalEmail, Name: "Local user", Role: crossroads.RoleClient}
		err = s.Store.CreateUser(ctx, u, "")
		if err == nil {
			return u, nil
		}
		if crossroads.ErrorKind(err) != crossroads.Conflict {
			return nil, wrap(op, err)
		}
		// Another process created it first; read it on the next round.
	}
	return nil, errorf(op, crossroads.Internal, "the local account could neither be read nor created")
}

// AddUser creates an account with any role. An empty password leaves the
// account without one (it cannot sign in until a reset link sets one).
// Errors: Unauthenticated, Forbidden (not an administrator), Invalid,
// Conflict.
func (s *Service) AddUser(ctx context.Context, email, name string, role crossroads.Role, pw string) (*crossroads.User, error) {
	const op = "AddUser"
	if _, err := admin(ctx, op); err != nil {
		return nil, err
	}
	return s.createUser(ctx, op, email, name, pw, role, false)
}

// ListUsers returns all accounts in the order they were created.
// Errors: Unauthenticated, Forbidden (not an administrator).
func (s *Service) ListUsers(ctx context.Context) ([]*crossroads.User, error) {
	const op = "ListUsers"
	if _, err := admin(ctx, op); err != nil {
		return nil, err
	}
	users, err := s.Store.Users(ctx)
	return users, wrap(op, err)
}

// DeleteUser deletes the account of email with all its cases, as
// DeleteMyAccount does, and returns what was deleted.
// Errors: Unauthenticated, Forbidden (not an administrator), NotFound.
func (s *Service) DeleteUser(ctx context.Context, email string) (*crossroads.User, error) {
	const op = "DeleteUser"
	if _, err := admin(ctx, op); err != nil {
		return nil, err
	}
	u, err := s.Store.UserByEmail(ctx, email)
	if err != nil {
		return nil, wrap(op, err)
	}
	if err := s.Store.DeleteUser(ctx, u.ID); err != nil {
		return nil, wrap(op, err)
	}
	if err := s.Store.ClearLoginFailures(ctx, signInKeys(u.Email, "")[0].key); err != nil {
		return nil, wrap(op, err)
	}
	return u, nil
}

// SessionUser returns the account of a signed-in session: the user with id,
// provided epoch, the session epoch recorded at sign-in, is still the
// account's (a password reset increments it, ending every earlier session).
// It needs no acting user: the session is the credential.
// Errors: Unauthenticated ("your session has ended; please sign in again")
// when the account was deleted or its sessions were ended.
func (s *Service) SessionUser(ctx context.Context, id, epoch int64) (*crossroads.User, error) {
	const op = "SessionUser"
	u, err := s.Store.User(ctx, id)
	if crossroads.ErrorKind(err) == crossroads.NotFound || err == nil && u.SessionEpoch != epoch {
		return nil, errorf(op, crossroads.Unauthenticated, "your session has ended; please sign in again")
	}
	if err != nil {
		return nil, wrap(op, err)
	}
	return u, nil
}
