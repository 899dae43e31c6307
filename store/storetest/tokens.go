package storetest

import (
	"time"

	"github.com/crossroads/crossroads"
	"github.com/google/go-cmp/cmp"
)

func testResetSingleUse(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	bob := e.mustUser("bob@example.com", crossroads.RoleClient)
	token, err := e.s.CreateResetToken(ctx(nil), ada.ID, time.Hour)
	must(t, "CreateResetToken", err)
	if len(token) != 43 {
		t.Errorf("token %q has %d characters, want 43 (32 bytes in unpadded base64url)", token, len(token))
	}
	spare, err := e.s.CreateResetToken(ctx(nil), ada.ID, time.Hour)
	must(t, "CreateResetToken", err)
	if spare == token {
		t.Fatal("two reset tokens are equal")
	}
	bobs, err := e.s.CreateResetToken(ctx(nil), bob.ID, time.Hour)
	must(t, "CreateResetToken", err)

	// A rehash keeps the sessions; a reset ends them (the epoch grows).
	must(t, "SetPasswordHash", e.s.SetPasswordHash(ctx(nil), ada.ID, "rehashed"))
	if got, err := e.s.User(ctx(nil), ada.ID); err != nil || got.SessionEpoch != ada.SessionEpoch {
		t.Errorf("after SetPasswordHash: User = %+v, %v; want session epoch %d", got, err, ada.SessionEpoch)
	}
	u, err := e.s.ResetPassword(ctx(nil), token, "new-hash")
	must(t, "ResetPassword", err)
	want := *ada
	want.SessionEpoch++
	if diff := cmp.Diff(&want, u); diff != "" {
		t.Errorf("ResetPassword returned another user (-want +got):\n%s", diff)
	}
	if got, err := e.s.UserByEmail(ctx(nil), "ada@example.com"); err != nil || got.SessionEpoch != want.SessionEpoch {
		t.Errorf("after ResetPassword: UserByEmail = %+v, %v; want session epoch %d", got, err, want.SessionEpoch)
	}
	if got, err := e.s.User(ctx(nil), bob.ID); err != nil || got.SessionEpoch != bob.SessionEpoch {
		t.Errorf("bob's session epoch changed with ada's reset: %+v, %v", got, err)
	}
	hash, err := e.s.PasswordHash(ctx(nil), ada.ID)
	must(t, "PasswordHash", err)
	if hash != "new-hash" {
		t.Errorf("password hash after reset = %q, want %q", hash, "new-hash")
	}
	_, err = e.s.ResetPassword(ctx(nil), token, "again")
	wantKind(t, "ResetPassword(used token)", err, crossroads.NotFound, "this reset link is unknown, already used or expired")
	_, err = e.s.ResetPassword(ctx(nil), spare, "spare")
	wantKind(t, "ResetPassword(the user's other token)", err, crossroads.NotFound, "unknown, already used or expired")
	hash, err = e.s.PasswordHash(ctx(nil), ada.ID)
	must(t, "PasswordHash", err)
	if hash != "new-hash" {
		t.Errorf("password hash after refused resets = %q, want %q", hash, "new-hash")
	}
	// Other users' tokens are untouched.
	if _, err := e.s.ResetPassword(ctx(nil), bobs, "bob-hash"); err != nil {
		t.Errorf("ResetPassword(bob's token) after ada's reset: %v", err)
	}
}

func testResetExpiry(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	early, err := e.s.CreateResetToken(ctx(nil), ada.ID, time.Hour)
	must(t, "CreateResetToken", err)
	e.clock.Advance(30 * time.Minute)
	late, err := e.s.CreateResetToken(ctx(nil), ada.ID, time.Hour)
	must(t, "CreateResetToken", err)
	e.clock.Advance(30 * time.Minute) // early has just expired; late has 30 minutes left
	_, err = e.s.ResetPassword(ctx(nil), early, "x")
	wantKind(t, "ResetPassword(expired)", err, crossroads.NotFound, "unknown, already used or expired")
	_, err = e.s.ResetPassword(ctx(nil), late, "y")
	must(t, "ResetPassword(in time)", err)
}

func testResetErrors(e *env) {
	t := e.t
	_, err := e.s.CreateResetToken(ctx(nil), 999, time.Hour)
	wantKind(t, "CreateResetToken(unknown user)", err, crossroads.NotFound, "user 999 not found")
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	_, err = e.s.CreateResetToken(ctx(nil), ada.ID, 0)
	wantKind(t, "CreateResetToken(ttl 0)", err, crossroads.Invalid, "must be positive")
	_, err = e.s.ResetPassword(ctx(nil), "", "x")
	wantKind(t, "ResetPassword(empty)", err, crossroads.NotFound, "unknown, already used or expired")
}

func testLoginAttempts(e *env) {
	t := e.t
	const ada, ip = "email:ada@example.com", "ip:192.0.2.1"
	t0 := e.clock.Now()
	must(t, "RecordLoginFailure", e.s.RecordLoginFailure(ctx(nil), ada, ip))
	e.clock.Advance(time.Minute)
	t1 := e.clock.Now()
	must(t, "RecordLoginFailure", e.s.RecordLoginFailure(ctx(nil), ada))
	e.clock.Advance(time.Minute)
	t2 := e.clock.Now()
	must(t, "RecordLoginFailure", e.s.RecordLoginFailure(ctx(nil), ip))

	check := func(key string, since time.Time, want ...time.Time) {
		t.Helper()
		got, err := e.s.LoginFailures(ctx(nil), key, since)
		must(t, "LoginFailures", err)
		if want == nil {
			want = []time.Time{}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("LoginFailures(%s, %v) (-want +got):\n%s", key, since, diff)
		}
	}
	before := t0.Add(-time.Second)
	check(ada, before, t0.UTC(), t1.UTC())
	check(ada, t0, t1.UTC()) // strictly after since
	check(ip, before, t0.UTC(), t2.UTC())
	check("email:bob@example.com", before)

	must(t, "PruneLoginFailures", e.s.PruneLoginFailures(ctx(nil), t1))
	check(ada, before, t1.UTC())
	check(ip, before, t2.UTC())
	must(t, "ClearLoginFailures", e.s.ClearLoginFailures(ctx(nil), ada))
	check(ada, before)
	check(ip, before, t2.UTC())
}
