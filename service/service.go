package service

import (
	"context"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/internal/password"
)

// Lifetimes of the codes and tokens the service hands out.
const (
	ShareCodeTTL    = 7 * 24 * time.Hour // a share code, from client to coach
	ClientInviteTTL = 7 * 24 * time.Hour // a client invite code, from coach to client
	ResetTokenTTL   = time.Hour          // a password-reset link
)

// The sign-in limit: at most MaxFailuresPerEmail failed sign-ins for one
// email and MaxFailuresPerIP from one address within SignInWindow; beyond
// that, sign-in is refused until the oldest failure leaves the window. The
// per-address limit is higher because an office or a mobile network puts many
// people behind one address.
const (
	SignInWindow        = 15 * time.Minute
	MaxFailuresPerEmail = 10
	MaxFailuresPerIP    = 50
)

// LocalEmail is the email of the single local account used when accounts are
// disabled (EnsureLocalUser).
const LocalEmail = "local@localhost"

// Service applies the access rules on top of a store.
type Service struct {
	Store crossroads.Store

	// Password are the argon2id parameters of new password hashes; the zero
	// value means password.Default. Tests set tiny ones.
	Password password.Params

	// Now is the clock of the sign-in limit; nil means time.Now. It should
	// agree with the store's clock.
	Now func() time.Time
}

// New returns a Service on store with the default password parameters.
func New(store crossroads.Store) *Service {
	return &Service{Store: store}
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) params() password.Params {
	if s.Password == (password.Params{}) {
		return password.Default
	}
	return s.Password
}

// OperatorContext returns a copy of ctx whose acting user is the operator:
// an administrator without an account (ID 0), for the command line, whose
// user already has the database in hand. Never use it for a web request.
func OperatorContext(ctx context.Context) context.Context {
	return crossroads.NewContextWithUser(ctx, &crossroads.User{Name: "operator", Role: crossroads.RoleAdmin})
}

// errorf returns an error of the operation op.
func errorf(op string, kind crossroads.Kind, format string, args ...any) error {
	e := crossroads.Errorf(kind, format, args...)
	e.Op = "service." + op
	return e
}

// wrap adds the operation op to err, keeping its kind and message.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return &crossroads.Error{Op: "service." + op, Kind: crossroads.ErrorKind(err),
		Message: userMessage(err), Err: err}
}

// userMessage is the message of err for people, or "" for internal errors
// (so that Error.Error shows the kind and the cause).
func userMessage(err error) string {
	if crossroads.ErrorKind(err) == crossroads.Internal {
		return ""
	}
	return crossroads.ErrorMessage(err)
}

// signedIn returns the acting user, or Unauthenticated.
func signedIn(ctx context.Context, op string) (*crossroads.User, error) {
	u := crossroads.UserFromContext(ctx)
	if u == nil {
		return nil, errorf(op, crossroads.Unauthenticated, "please sign in")
	}
	return u, nil
}

// admin returns the acting user if they are an administrator.
func admin(ctx context.Context, op string) (*crossroads.User, error) {
	u, err := signedIn(ctx, op)
	if err != nil {
		return nil, err
	}
	if u.Role != crossroads.RoleAdmin {
		return nil, errorf(op, crossroads.Forbidden, "only an administrator can do that")
	}
	return u, nil
}
