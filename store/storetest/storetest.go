package storetest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crossroads/crossroads"
)

// Opener opens a fresh, empty store whose clock is now. It registers the
// closing of the store with t.Cleanup.
type Opener func(t *testing.T, now func() time.Time) crossroads.Store

// Clock is a clock that moves only when told to; safe for concurrent use.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a Clock showing t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the time the clock shows.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// Start is the time the suite's clocks start at. Its microseconds survive
// both databases; its zone is not UTC, to check that stores convert.
var Start = time.Date(2026, 3, 14, 9, 26, 53, 589793000, time.FixedZone("CET", 3600))

// env is one subtest's store and clock.
type env struct {
	t     *testing.T
	s     crossroads.Store
	clock *Clock
}

func newEnv(t *testing.T, open Opener) *env {
	t.Helper()
	clock := NewClock(Start)
	return &env{t: t, s: open(t, clock.Now), clock: clock}
}

// Run runs the conformance suite on stores made by open. Each subtest opens
// its own store and runs in parallel with the others.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(e *env)
	}{
		{"Users/CreateAndRead", testUserCreateAndRead},
		{"Users/EmailUniqueIgnoringCase", testUserEmailUnique},
		{"Users/Invalid", testUserInvalid},
		{"Users/NotFound", testUserNotFound},
		{"Users/PasswordHash", testUserPasswordHash},
		{"IDsNeverReused", testIDsNeverReused},
		{"Cases/CreateReadUpdateDelete", testCaseCRUD},
		{"Cases/List", testCaseList},
		{"Cases/Invalid", testCaseInvalid},
		{"Cases/NotFound", testCaseNotFound},
		{"Cases/CreatedByCoach", testCaseCreatedByCoach},
		{"Cases/VersionConflict", testCaseVersionConflict},
		{"Cases/ConcurrentUpdates", testCaseConcurrentUpdates},
		{"Links/InviteAndRedeem", testLinkInvite},
		{"Links/CodeRules", testLinkCodeRules},
		{"Links/Delete", testLinkDelete},
		{"Shares/ShareAndRevoke", testShareAndRevoke},
		{"Shares/CodeRules", testShareCodeRules},
		{"Shares/Filters", testShareFilters},
		{"Audit/Entries", testAuditEntries},
		{"Audit/RecordErrors", testAuditRecordErrors},
		{"ResetTokens/SingleUse", testResetSingleUse},
		{"ResetTokens/Expiry", testResetExpiry},
		{"ResetTokens/Errors", testResetErrors},
		{"LoginAttempts", testLoginAttempts},
		{"DeleteUser/Client", testDeleteClient},
		{"DeleteUser/Coach", testDeleteCoach},
		{"Export", testExport},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.fn(newEnv(t, open))
		})
	}
}

// ctx returns a context whose acting user is u (none for nil).
func ctx(u *crossroads.User) context.Context {
	if u == nil {
		return context.Background()
	}
	return crossroads.NewContextWithUser(context.Background(), u)
}

// mustUser creates a user with the given email and role.
func (e *env) mustUser(email string, role crossroads.Role) *crossroads.User {
	e.t.Helper()
	name, _, _ := strings.Cut(email, "@")
	u := &crossroads.User{Email: email, Name: strings.ToUpper(name[:1]) + name[1:], Role: role}
	if err := e.s.CreateUser(ctx(nil), u, "hash-of-"+name); err != nil {
		e.t.Fatalf("CreateUser(%s): %v", email, err)
	}
	return u
}

// mustCase creates a case owned by owner, written by by (owner when nil).
func (e *env) mustCase(owner, by *crossroads.User, title, doc string) *crossroads.CaseRecord {
	e.t.Helper()
	if by == nil {
		by = owner
	}
	c := &crossroads.CaseRecord{OwnerID: owner.ID, CreatedBy: by.ID, Title: title, Document: []byte(doc), Format: crossroads.FormatYAML}
	if err := e.s.CreateCase(ctx(by), c); err != nil {
		e.t.Fatalf("CreateCase(%q): %v", title, err)
	}
	return c
}

// mustLink links client to coach through an invite code.
func (e *env) mustLink(coach, client *crossroads.User) {
	e.t.Helper()
	code, err := e.s.CreateClientInvite(ctx(coach), coach.ID, time.Hour)
	if err != nil {
		e.t.Fatalf("CreateClientInvite: %v", err)
	}
	if _, err := e.s.RedeemClientInvite(ctx(client), code, client.ID); err != nil {
		e.t.Fatalf("RedeemClientInvite: %v", err)
	}
}

// mustShare shares c with coach through a share code.
func (e *env) mustShare(c *crossroads.CaseRecord, owner, coach *crossroads.User) {
	e.t.Helper()
	code, err := e.s.CreateShareCode(ctx(owner), c.ID, time.Hour)
	if err != nil {
		e.t.Fatalf("CreateShareCode: %v", err)
	}
	if _, err := e.s.RedeemShareCode(ctx(coach), code, coach.ID); err != nil {
		e.t.Fatalf("RedeemShareCode: %v", err)
	}
}

// wantKind fails the test unless err is a *crossroads.Error of kind want
// whose message contains msg.
func wantKind(t *testing.T, what string, err error, want crossroads.Kind, msg string) {
	t.Helper()
	var e *crossroads.Error
	if !errors.As(err, &e) {
		t.Errorf("%s: got error %v, want a *crossroads.Error of kind %v", what, err, want)
		return
	}
	if e.Kind != want {
		t.Errorf("%s: got kind %v (%v), want %v", what, e.Kind, err, want)
	}
	if !strings.Contains(crossroads.ErrorMessage(err), msg) {
		t.Errorf("%s: got message %q, want it to contain %q", what, crossroads.ErrorMessage(err), msg)
	}
	if e.Op == "" {
		t.Errorf("%s: error %v has no Op", what, err)
	}
}

// wantTime fails the test unless got is want, in UTC.
func wantTime(t *testing.T, what string, got, want time.Time) {
	t.Helper()
	if !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("%s: got %v, want %v in UTC", what, got, want.UTC())
	}
}

func must(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}
