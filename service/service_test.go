package service_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/internal/password"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store/storetest"
	"github.com/google/go-cmp/cmp"
)

// TestRevocationIsImmediate: the coach's next request after the revocation
// is refused, and the case drops out of their list.
func TestRevocationIsImmediate(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		ada := mustAdd(t, svc, "ada@example.com", crossroads.RoleClient, pw)
		coach := mustAdd(t, svc, "carla@example.com", crossroads.RoleCoach, pw)
		mustLink(t, svc, coach, ada)
		c, err := svc.CreateCase(as(ada), 0, "Mine", []byte("a: 1\n"))
		must(t, "CreateCase", err)
		mustShare(t, svc, c, ada, coach)
		_, err = svc.GetCase(as(coach), c.ID)
		must(t, "GetCase by the coach while shared", err)

		must(t, "RevokeShare", svc.RevokeShare(as(ada), c.ID, coach.ID))
		_, err = svc.GetCase(as(coach), c.ID)
		wantErr(t, "GetCase after the revocation", err, crossroads.NotFound, fmt.Sprintf("case %d not found", c.ID))
		_, err = svc.UpdateCase(as(coach), c.ID, c.Version, "Still mine?", nil)
		wantErr(t, "UpdateCase after the revocation", err, crossroads.NotFound, "not found")
		cases, err := svc.ListCases(as(coach))
		must(t, "ListCases", err)
		if len(cases) != 0 {
			t.Errorf("coach still lists %d cases after the revocation", len(cases))
		}
		// Ending the link also ends access through another share.
		mustShare(t, svc, c, ada, coach)
		_, err = svc.GetCase(as(coach), c.ID)
		must(t, "GetCase after sharing again", err)
		must(t, "Unlink", svc.Unlink(as(ada), coach.ID))
		_, err = svc.GetCase(as(coach), c.ID)
		wantErr(t, "GetCase after the link ended", err, crossroads.NotFound, "not found")
	})
}

// TestHiddenLooksMissing: a case that exists but is not yours is reported
// exactly like one that does not exist.
func TestHiddenLooksMissing(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		ada := mustAdd(t, svc, "ada@example.com", crossroads.RoleClient, pw)
		bob := mustAdd(t, svc, "bob@example.com", crossroads.RoleClient, pw)
		c, err := svc.CreateCase(as(ada), 0, "Mine", nil)
		must(t, "CreateCase", err)
		missing := c.ID + 1000
		_, hidden := svc.GetCase(as(bob), c.ID)
		_, absent := svc.GetCase(as(bob), missing)
		got := strings.Replace(crossroads.ErrorMessage(hidden), fmt.Sprint(c.ID), "N", 1)
		want := strings.Replace(crossroads.ErrorMessage(absent), fmt.Sprint(missing), "N", 1)
		if got != want || crossroads.ErrorKind(hidden) != crossroads.ErrorKind(absent) {
			t.Errorf("hidden case: %v %q; missing case: %v %q; want the same",
				crossroads.ErrorKind(hidden), got, crossroads.ErrorKind(absent), want)
		}
		_, err = svc.GetCase(as(nil), c.ID)
		wantErr(t, "GetCase anonymously", err, crossroads.Unauthenticated, "please sign in")
	})
}

// TestCoachWritesForClient: a coach creates a case for their client; it is
// the client's, shared with the coach, and both see it; a coach cannot
// write for someone who is not their client.
func TestCoachWritesForClient(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		ada := mustAdd(t, svc, "ada@example.com", crossroads.RoleClient, pw)
		bob := mustAdd(t, svc, "bob@example.com", crossroads.RoleClient, pw)
		coach := mustAdd(t, svc, "carla@example.com", crossroads.RoleCoach, pw)
		mustLink(t, svc, coach, ada)
		c, err := svc.CreateCase(as(coach), ada.ID, "Drafted for Ada", []byte("d: 1\n"))
		must(t, "CreateCase", err)
		if c.OwnerID != ada.ID || c.CreatedBy != coach.ID {
			t.Errorf("owner %d, created by %d; want %d, %d", c.OwnerID, c.CreatedBy, ada.ID, coach.ID)
		}
		for _, u := range []*crossroads.User{ada, coach} {
			cases, err := svc.ListCases(as(u))
			must(t, "ListCases", err)
			if len(cases) != 1 || cases[0].ID != c.ID {
				t.Errorf("ListCases as %s = %v, want the drafted case", u.Email, cases)
			}
		}
		_, err = svc.CreateCase(as(coach), bob.ID, "For Bob", nil)
		wantErr(t, "CreateCase for a stranger", err, crossroads.NotFound, fmt.Sprintf("you have no client with id %d", bob.ID))
		_, err = svc.CreateCase(as(coach), 0, "For nobody", nil)
		wantErr(t, "CreateCase without a client", err, crossroads.Invalid, "choose the client")
		_, err = svc.CreateCase(as(ada), 0, "", nil)
		wantErr(t, "CreateCase without a title", err, crossroads.Invalid, "title is required")

		// A share code of a client who is not the coach's client is refused.
		bobs, err := svc.CreateCase(as(bob), 0, "Bob's", nil)
		must(t, "CreateCase", err)
		code, err := svc.CreateShareCode(as(bob), bobs.ID)
		must(t, "CreateShareCode", err)
		_, err = svc.RedeemShareCode(as(coach), code)
		wantErr(t, "RedeemShareCode from a stranger", err, crossroads.Forbidden, "not your client")
		_, err = svc.RedeemShareCode(as(coach), "no-such-code")
		wantErr(t, "RedeemShareCode(unknown)", err, crossroads.NotFound, "unknown, already used or expired")
	})
}

// TestNoLostUpdate: two editors through the service; the second is told to
// reload, and its save after the reload keeps both changes.
func TestNoLostUpdate(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		ada := mustAdd(t, svc, "ada@example.com", crossroads.RoleClient, pw)
		coach := mustAdd(t, svc, "carla@example.com", crossroads.RoleCoach, pw)
		mustLink(t, svc, coach, ada)
		c, err := svc.CreateCase(as(ada), 0, "Shared", []byte("a\n"))
		must(t, "CreateCase", err)
		mustShare(t, svc, c, ada, coach)
		mine, err := svc.GetCase(as(ada), c.ID)
		must(t, "GetCase", err)
		theirs, err := svc.GetCase(as(coach), c.ID)
		must(t, "GetCase", err)
		_, err = svc.UpdateCase(as(coach), theirs.ID, theirs.Version, theirs.Title, []byte("a\ncoach\n"))
		must(t, "UpdateCase by the coach", err)
		_, err = svc.UpdateCase(as(ada), mine.ID, mine.Version, mine.Title, []byte("a\nada\n"))
		wantErr(t, "UpdateCase by Ada", err, crossroads.Conflict,
			"this case was changed by someone else since you opened it (version 1, now 2); reload to see their changes")
		reloaded, err := svc.GetCase(as(ada), c.ID)
		must(t, "GetCase", err)
		saved, err := svc.UpdateCase(as(ada), reloaded.ID, reloaded.Version, reloaded.Title, append(reloaded.Document, "ada\n"...))
		must(t, "UpdateCase after reload", err)
		if string(saved.Document) != "a\ncoach\nada\n" || saved.Version != 3 {
			t.Errorf("got version %d %q, want 3 with both changes", saved.Version, saved.Document)
		}
		log, err := svc.CaseAudit(as(ada), c.ID)
		must(t, "CaseAudit", err)
		var got []string
		for _, e := range log {
			got = append(got, string(e.Action)+" by "+e.ActorEmail)
		}
		want := []string{"create by ada@example.com", "share by carla@example.com", "view by ada@example.com",
			"view by carla@example.com", "update by carla@example.com", "view by ada@example.com", "update by ada@example.com"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("audit log (-want +got):\n%s", diff)
		}
	})
}

func TestSignUpAndAuthenticate(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		ctx := as(nil)
		u, err := svc.SignUp(ctx, "  Ada@Example.com ", " Ada ", pw, crossroads.RoleClient)
		must(t, "SignUp", err)
		if u.Email != "Ada@Example.com" || u.Name != "Ada" {
			t.Errorf("SignUp stored %q %q, want the trimmed email and name", u.Email, u.Name)
		}
		for _, tt := range []struct {
			name, email, pw string
			role            crossroads.Role
			kind            crossroads.Kind
			msg             string
		}{
			{"Duplicate", "ada@example.COM", pw, crossroads.RoleCoach, crossroads.Conflict, "an account with this email already exists"},
			{"ShortPassword", "bob@example.com", "short", crossroads.RoleClient, crossroads.Invalid, "at least 10 characters"},
			{"LongPassword", "bob@example.com", strings.Repeat("x", 1025), crossroads.RoleClient, crossroads.Invalid, "longer than 1024 bytes"},
			{"Admin", "bob@example.com", pw, crossroads.RoleAdmin, crossroads.Invalid, "as a client or a coach"},
			{"LocalEmail", "local@localhost", pw, crossroads.RoleClient, crossroads.Invalid, "reserved"},
			{"BadEmail", "bob", pw, crossroads.RoleClient, crossroads.Invalid, `email "bob"`},
		} {
			_, err := svc.SignUp(ctx, tt.email, "Bob", tt.pw, tt.role)
			wantErr(t, "SignUp/"+tt.name, err, tt.kind, tt.msg)
		}

		got, err := svc.Authenticate(ctx, "ADA@example.com", pw, "192.0.2.1")
		must(t, "Authenticate", err)
		if got.ID != u.ID {
			t.Errorf("Authenticate returned user %d, want %d", got.ID, u.ID)
		}
		local, err := svc.EnsureLocalUser(ctx)
		must(t, "EnsureLocalUser", err)
		// Unknown email, wrong password, account without password: one answer.
		for _, tt := range []struct{ name, email, pw string }{
			{"UnknownEmail", "nobody@example.com", pw},
			{"WrongPassword", "ada@example.com", pw + "!"},
			{"NoPassword", local.Email, ""},
			{"NoPasswordGuess", local.Email, pw},
			{"TooLong", "ada@example.com", strings.Repeat("x", 2000)},
		} {
			_, err := svc.Authenticate(ctx, tt.email, tt.pw, "192.0.2.1")
			wantErr(t, "Authenticate/"+tt.name, err, crossroads.Unauthenticated, "email or password is incorrect")
			if msg := crossroads.ErrorMessage(err); msg != "email or password is incorrect" {
				t.Errorf("Authenticate/%s: message %q reveals more than the uniform one", tt.name, msg)
			}
		}
	})
}

// TestSignInLimit checks the per-email and per-address limits with the
// replaceable clock.
func TestSignInLimit(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		ctx := as(nil)
		mustAdd(t, svc, "ada@example.com", crossroads.RoleClient, pw)
		for i := range service.MaxFailuresPerEmail {
			_, err := svc.Authenticate(ctx, "ada@example.com", "wrong password", fmt.Sprintf("198.51.100.%d", i))
			wantErr(t, "wrong password", err, crossroads.Unauthenticated, "incorrect")
			clock.Advance(time.Minute)
		}
		// 10 failures at minutes 0..9; now is minute 10. Even the right
		// password is refused until the first failure is 15 minutes old.
		_, err := svc.Authenticate(ctx, "ada@example.com", pw, "203.0.113.9")
		wantErr(t, "right password while limited", err, crossroads.Forbidden, "too many sign-in attempts; try again in 5 minutes")
		clock.Advance(4*time.Minute + 30*time.Second)
		_, err = svc.Authenticate(ctx, "ADA@example.com", pw, "")
		wantErr(t, "30 seconds before the end", err, crossroads.Forbidden, "try again in 1 minute")
		clock.Advance(30 * time.Second)
		_, err = svc.Authenticate(ctx, "ada@example.com", pw, "203.0.113.9")
		must(t, "Authenticate once the oldest failure left the window", err)
		// The success cleared the email's failures.
		for range service.MaxFailuresPerEmail - 1 {
			_, err := svc.Authenticate(ctx, "ada@example.com", "wrong password", "")
			wantErr(t, "wrong password", err, crossroads.Unauthenticated, "incorrect")
		}
		_, err = svc.Authenticate(ctx, "ada@example.com", pw, "")
		must(t, "Authenticate after 9 new failures", err)

		// One address trying many emails hits the per-address limit.
		for i := range service.MaxFailuresPerIP {
			_, err := svc.Authenticate(ctx, fmt.Sprintf("guess%d@example.com", i), "guess", "192.0.2.66")
			wantErr(t, "guess", err, crossroads.Unauthenticated, "incorrect")
		}
		_, err = svc.Authenticate(ctx, "ada@example.com", pw, "192.0.2.66")
		wantErr(t, "from the limited address", err, crossroads.Forbidden, "try again in 15 minutes")
		_, err = svc.Authenticate(ctx, "ada@example.com", pw, "192.0.2.67")
		must(t, "from another address", err)
	})
}

func TestResetPassword(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		ada := mustAdd(t, svc, "ada@example.com", crossroads.RoleClient, pw)
		token, err := svc.CreateResetToken(operator, "ADA@example.com")
		must(t, "CreateResetToken", err)
		_, err = svc.CreateResetToken(operator, "nobody@example.com")
		wantErr(t, "CreateResetToken(unknown)", err, crossroads.NotFound, "no account")
		_, err = svc.CreateResetToken(as(ada), ada.Email)
		wantErr(t, "CreateResetToken as a client", err, crossroads.Forbidden, "only an administrator")

		_, err = svc.ResetPassword(as(nil), token, "short")
		wantErr(t, "ResetPassword(short)", err, crossroads.Invalid, "at least 10 characters")
		const newPW = "a much better passphrase"
		u, err := svc.ResetPassword(as(nil), token, newPW)
		must(t, "ResetPassword", err)
		if u.ID != ada.ID {
			t.Errorf("ResetPassword returned user %d, want %d", u.ID, ada.ID)
		}
		_, err = svc.Authenticate(as(nil), ada.Email, newPW, "")
		must(t, "Authenticate with the new password", err)
		_, err = svc.Authenticate(as(nil), ada.Email, pw, "")
		wantErr(t, "Authenticate with the old password", err, crossroads.Unauthenticated, "incorrect")
		_, err = svc.ResetPassword(as(nil), token, "yet another passphrase")
		wantErr(t, "ResetPassword(used)", err, crossroads.NotFound, "unknown, already used or expired")

		token, err = svc.CreateResetToken(operator, ada.Email)
		must(t, "CreateResetToken", err)
		clock.Advance(service.ResetTokenTTL)
		_, err = svc.ResetPassword(as(nil), token, "yet another passphrase")
		wantErr(t, "ResetPassword(expired)", err, crossroads.NotFound, "unknown, already used or expired")
	})
}

// TestRehashOnSignIn: a hash made with older parameters is replaced at the
// next successful sign-in.
func TestRehashOnSignIn(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		ada := mustAdd(t, svc, "ada@example.com", crossroads.RoleClient, pw)
		stronger := tiny
		stronger.Time = 2
		svc.Password = stronger
		_, err := svc.Authenticate(as(nil), ada.Email, pw, "")
		must(t, "Authenticate", err)
		hash, err := svc.Store.PasswordHash(as(nil), ada.ID)
		must(t, "PasswordHash", err)
		if stronger.NeedsRehash(hash) {
			t.Errorf("hash %q was not upgraded to t=2", hash)
		}
		if ok, err := password.Verify(pw, hash); !ok || err != nil {
			t.Errorf("upgraded hash does not verify: %v, %v", ok, err)
		}
	})
}

func TestEnsureLocalUser(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		first, err := svc.EnsureLocalUser(as(nil))
		must(t, "EnsureLocalUser", err)
		second, err := svc.EnsureLocalUser(as(nil))
		must(t, "EnsureLocalUser again", err)
		if first.ID != second.ID || first.Email != service.LocalEmail || first.Role != crossroads.RoleClient {
			t.Errorf("got %+v then %+v; want the same local client twice", first, second)
		}
		hash, err := svc.Store.PasswordHash(as(nil), first.ID)
		if err != nil || hash != "" {
			t.Errorf("local user's password hash = %q, %v; want none", hash, err)
		}
		c, err := svc.CreateCase(as(first), 0, "Local decision", nil)
		must(t, "CreateCase as the local user", err)
		if c.OwnerID != first.ID {
			t.Errorf("owner %d, want %d", c.OwnerID, first.ID)
		}
	})
}

func TestExportAndDeleteMyData(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		ada := mustAdd(t, svc, "ada@example.com", crossroads.RoleClient, pw)
		c, err := svc.CreateCase(as(ada), 0, "Mine", []byte("doc: 1\n"))
		must(t, "CreateCase", err)
		x, err := svc.ExportMyData(as(ada))
		must(t, "ExportMyData", err)
		if len(x.Cases) != 1 || x.Cases[0].Document != "doc: 1\n" || x.User.ID != ada.ID {
			t.Errorf("export = %+v, want Ada and her case with its document", x)
		}
		log, err := svc.CaseAudit(as(ada), c.ID)
		must(t, "CaseAudit", err)
		if last := log[len(log)-1]; last.Action != crossroads.ActionExport || last.ActorID != ada.ID {
			t.Errorf("last audit entry %+v, want Ada's export", last)
		}
		must(t, "DeleteMyAccount", svc.DeleteMyAccount(as(ada)))
		_, err = svc.Store.Case(as(nil), c.ID)
		wantErr(t, "case after the account's deletion", err, crossroads.NotFound, "not found")
		_, err = svc.Authenticate(as(nil), ada.Email, pw, "")
		wantErr(t, "Authenticate after deletion", err, crossroads.Unauthenticated, "incorrect")
	})
}

func TestAdminOperations(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		u, err := svc.AddUser(operator, "carla@example.com", "Carla", crossroads.RoleCoach, "")
		must(t, "AddUser without password", err)
		_, err = svc.Authenticate(as(nil), u.Email, "", "")
		wantErr(t, "Authenticate without password", err, crossroads.Unauthenticated, "incorrect")
		_, err = svc.AddUser(operator, "dan@example.com", "Dan", crossroads.RoleClient, "short")
		wantErr(t, "AddUser(short password)", err, crossroads.Invalid, "at least 10 characters")
		users, err := svc.ListUsers(operator)
		must(t, "ListUsers", err)
		if len(users) != 1 || users[0].ID != u.ID {
			t.Errorf("ListUsers = %v, want Carla only", users)
		}
		deleted, err := svc.DeleteUser(operator, "CARLA@example.com")
		must(t, "DeleteUser", err)
		if deleted.ID != u.ID {
			t.Errorf("DeleteUser deleted %d, want %d", deleted.ID, u.ID)
		}
		_, err = svc.DeleteUser(operator, "carla@example.com")
		wantErr(t, "DeleteUser again", err, crossroads.NotFound, "no account")
	})
}

// TestSessionUser checks that a session outlives neither a password reset
// nor the account.
func TestSessionUser(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		ada := mustAdd(t, svc, "ada@example.com", crossroads.RoleClient, "correct horse battery")
		bob := mustAdd(t, svc, "bob@example.com", crossroads.RoleClient, "correct horse battery")
		u, err := svc.SessionUser(as(nil), ada.ID, ada.SessionEpoch)
		if err != nil || u.Email != ada.Email {
			t.Fatalf("SessionUser = %v, %v; want ada", u, err)
		}
		token, err := svc.CreateResetToken(operator, ada.Email)
		if err != nil {
			t.Fatal(err)
		}
		after, err := svc.ResetPassword(as(nil), token, "a new long password")
		if err != nil {
			t.Fatal(err)
		}
		_, err = svc.SessionUser(as(nil), ada.ID, ada.SessionEpoch)
		wantErr(t, "SessionUser(before the reset)", err, crossroads.Unauthenticated, "your session has ended")
		if _, err := svc.SessionUser(as(nil), ada.ID, after.SessionEpoch); err != nil {
			t.Errorf("SessionUser(a session after the reset): %v", err)
		}
		if _, err := svc.SessionUser(as(nil), bob.ID, bob.SessionEpoch); err != nil {
			t.Errorf("SessionUser(bob, untouched by ada's reset): %v", err)
		}
		if err := svc.DeleteMyAccount(as(bob)); err != nil {
			t.Fatal(err)
		}
		_, err = svc.SessionUser(as(nil), bob.ID, bob.SessionEpoch)
		wantErr(t, "SessionUser(deleted account)", err, crossroads.Unauthenticated, "your session has ended")
	})
}
