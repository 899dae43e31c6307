package storetest

import (
	"github.com/crossroads/crossroads"
	"github.com/google/go-cmp/cmp"
)

func testUserCreateAndRead(e *env) {
	t := e.t
	ada := &crossroads.User{Email: "Ada@Example.com", Name: "Ada Lovelace", Role: crossroads.RoleClient}
	must(t, "CreateUser", e.s.CreateUser(ctx(nil), ada, "h1"))
	if ada.ID == 0 {
		t.Fatal("CreateUser left ID at 0")
	}
	wantTime(t, "CreatedAt", ada.CreatedAt, Start)
	e.clock.Advance(1)
	bob := e.mustUser("bob@example.com", crossroads.RoleCoach)

	got, err := e.s.User(ctx(nil), ada.ID)
	must(t, "User", err)
	if diff := cmp.Diff(ada, got); diff != "" {
		t.Errorf("User(%d) mismatch (-want +got):\n%s", ada.ID, diff)
	}
	for _, email := range []string{"ada@example.com", "ADA@EXAMPLE.COM", "  Ada@Example.com "} {
		got, err := e.s.UserByEmail(ctx(nil), email)
		must(t, "UserByEmail("+email+")", err)
		if diff := cmp.Diff(ada, got); diff != "" {
			t.Errorf("UserByEmail(%q) mismatch (-want +got):\n%s", email, diff)
		}
	}
	all, err := e.s.Users(ctx(nil))
	must(t, "Users", err)
	if diff := cmp.Diff([]*crossroads.User{ada, bob}, all); diff != "" {
		t.Errorf("Users mismatch (-want +got):\n%s", diff)
	}
}

func testUserEmailUnique(e *env) {
	t := e.t
	e.mustUser("ada@example.com", crossroads.RoleClient)
	for _, email := range []string{"ada@example.com", "ADA@example.COM"} {
		u := &crossroads.User{Email: email, Name: "Another Ada", Role: crossroads.RoleCoach}
		err := e.s.CreateUser(ctx(nil), u, "")
		wantKind(t, "CreateUser("+email+")", err, crossroads.Conflict, "an account with this email already exists")
	}
	all, err := e.s.Users(ctx(nil))
	must(t, "Users", err)
	if len(all) != 1 {
		t.Errorf("got %d users after the duplicates, want 1", len(all))
	}
}

func testUserInvalid(e *env) {
	t := e.t
	tests := []struct {
		name string
		u    crossroads.User
		msg  string
	}{
		{"Email", crossroads.User{Email: "ada", Name: "Ada", Role: crossroads.RoleClient}, `email "ada"`},
		{"Name", crossroads.User{Email: "ada@example.com", Name: "", Role: crossroads.RoleClient}, "name is required"},
		{"Role", crossroads.User{Email: "ada@example.com", Name: "Ada", Role: "owner"}, `role "owner"`},
	}
	for _, tt := range tests {
		u := tt.u
		wantKind(t, "CreateUser/"+tt.name, e.s.CreateUser(ctx(nil), &u, ""), crossroads.Invalid, tt.msg)
	}
	all, err := e.s.Users(ctx(nil))
	must(t, "Users", err)
	if len(all) != 0 {
		t.Errorf("got %d users after invalid ones, want 0", len(all))
	}
}

func testUserNotFound(e *env) {
	t := e.t
	u, err := e.s.User(ctx(nil), 999)
	wantKind(t, "User(999)", err, crossroads.NotFound, "user 999 not found")
	if u != nil {
		t.Errorf("User(999) returned %+v with its error", u)
	}
	u, err = e.s.UserByEmail(ctx(nil), "nobody@example.com")
	wantKind(t, "UserByEmail", err, crossroads.NotFound, `no account with email "nobody@example.com"`)
	if u != nil {
		t.Errorf("UserByEmail returned %+v with its error", u)
	}
	_, err = e.s.PasswordHash(ctx(nil), 999)
	wantKind(t, "PasswordHash(999)", err, crossroads.NotFound, "user 999 not found")
	wantKind(t, "SetPasswordHash(999)", e.s.SetPasswordHash(ctx(nil), 999, "x"), crossroads.NotFound, "user 999 not found")
	wantKind(t, "DeleteUser(999)", e.s.DeleteUser(ctx(nil), 999), crossroads.NotFound, "user 999 not found")
}

func testUserPasswordHash(e *env) {
	t := e.t
	local := &crossroads.User{Email: "local@localhost", Name: "Local", Role: crossroads.RoleClient}
	must(t, "CreateUser", e.s.CreateUser(ctx(nil), local, ""))
	got, err := e.s.PasswordHash(ctx(nil), local.ID)
	must(t, "PasswordHash", err)
	if got != "" {
		t.Errorf("PasswordHash of an account without password = %q, want empty", got)
	}
	must(t, "SetPasswordHash", e.s.SetPasswordHash(ctx(nil), local.ID, "$argon2id$new"))
	got, err = e.s.PasswordHash(ctx(nil), local.ID)
	must(t, "PasswordHash", err)
	if got != "$argon2id$new" {
		t.Errorf("PasswordHash = %q, want %q", got, "$argon2id$new")
	}
}

// testIDsNeverReused: a deleted account's or case's id must not come back,
// or an old session, link or audit entry would point at someone else's.
func testIDsNeverReused(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	c := e.mustCase(ada, nil, "Gone soon", "")
	must(t, "DeleteCase", e.s.DeleteCase(ctx(ada), c.ID))
	c2 := e.mustCase(ada, nil, "Next", "")
	if c2.ID == c.ID {
		t.Errorf("a new case got id %d of a deleted one", c2.ID)
	}
	must(t, "DeleteUser", e.s.DeleteUser(ctx(nil), ada.ID))
	bob := e.mustUser("bob@example.com", crossroads.RoleClient)
	if bob.ID == ada.ID {
		t.Errorf("a new account got id %d of a deleted one", bob.ID)
	}
}
