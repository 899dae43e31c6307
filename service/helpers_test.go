package service_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/internal/password"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store/dbtest"
	"github.com/crossroads/crossroads/store/storetest"
)

// tiny are argon2id parameters that keep the tests fast; never use them for
// real.
var tiny = password.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// forEachBackend runs fn on a fresh service over SQLite, and over
// PostgreSQL when dbtest.PostgresEnv is set.
func forEachBackend(t *testing.T, fn func(t *testing.T, svc *service.Service, clock *storetest.Clock)) {
	for _, b := range dbtest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			clock := storetest.NewClock(storetest.Start)
			svc := service.New(b.Open(t, clock.Now))
			svc.Password = tiny
			svc.Now = clock.Now
			fn(t, svc, clock)
		})
	}
}

// as returns a context whose acting user is u (anonymous for nil).
func as(u *crossroads.User) context.Context {
	if u == nil {
		return context.Background()
	}
	return crossroads.NewContextWithUser(context.Background(), u)
}

var operator = service.OperatorContext(context.Background())

// mustAdd creates an account with a password through the operator.
func mustAdd(t *testing.T, svc *service.Service, email string, role crossroads.Role, pw string) *crossroads.User {
	t.Helper()
	name, _, _ := strings.Cut(email, "@")
	u, err := svc.AddUser(operator, email, name, role, pw)
	if err != nil {
		t.Fatalf("AddUser(%s): %v", email, err)
	}
	return u
}

// mustLink makes client a client of coach.
func mustLink(t *testing.T, svc *service.Service, coach, client *crossroads.User) {
	t.Helper()
	code, err := svc.CreateClientInvite(as(coach))
	if err != nil {
		t.Fatalf("CreateClientInvite: %v", err)
	}
	if _, err := svc.RedeemClientInvite(as(client), code); err != nil {
		t.Fatalf("RedeemClientInvite: %v", err)
	}
}

// mustShare shares c with coach.
func mustShare(t *testing.T, svc *service.Service, c *crossroads.CaseRecord, owner, coach *crossroads.User) {
	t.Helper()
	code, err := svc.CreateShareCode(as(owner), c.ID)
	if err != nil {
		t.Fatalf("CreateShareCode: %v", err)
	}
	if _, err := svc.RedeemShareCode(as(coach), code); err != nil {
		t.Fatalf("RedeemShareCode: %v", err)
	}
}

// wantErr fails unless err has the kind want and a message containing msg.
func wantErr(t *testing.T, what string, err error, want crossroads.Kind, msg string) {
	t.Helper()
	var e *crossroads.Error
	if !errors.As(err, &e) {
		t.Errorf("%s: got %v, want a %v error", what, err, want)
		return
	}
	if e.Kind != want || !strings.Contains(crossroads.ErrorMessage(err), msg) {
		t.Errorf("%s: got %v %q, want %v containing %q", what, e.Kind, crossroads.ErrorMessage(err), want, msg)
	}
}

func must(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}
