package crossroads_test

import (
	"context"
	"strings"
	"testing"

	"github.com/crossroads/crossroads"
)

func TestValidateEmail(t *testing.T) {
	tests := []struct {
		email string
		ok    bool
	}{
		{"ada@example.com", true},
		{"Ada.Lovelace+coach@Example.org", true},
		{"local@localhost", true},
		{"", false},
		{"ada", false},
		{"@example.com", false},
		{"ada@", false},
		{" ada@example.com", false},
		{"Ada <ada@example.com>", false},
		{"ada@exa mple.com", false},
		{strings.Repeat("a", 250) + "@example.com", false},
	}
	for _, tt := range tests {
		err := crossroads.ValidateEmail(tt.email)
		if got := err == nil; got != tt.ok {
			t.Errorf("ValidateEmail(%q) = %v, want ok=%v", tt.email, err, tt.ok)
		}
		if err != nil && crossroads.ErrorKind(err) != crossroads.Invalid {
			t.Errorf("ValidateEmail(%q): kind %v, want Invalid", tt.email, crossroads.ErrorKind(err))
		}
	}
}

func TestUserValidate(t *testing.T) {
	ok := crossroads.User{Email: "ada@example.com", Name: "Ada", Role: crossroads.RoleClient}
	tests := []struct {
		name   string
		change func(u *crossroads.User)
		want   string // substring of the message; "" means valid
	}{
		{"OK", func(u *crossroads.User) {}, ""},
		{"ErrNameRequired", func(u *crossroads.User) { u.Name = "  " }, "name is required"},
		{"ErrNameTooLong", func(u *crossroads.User) { u.Name = strings.Repeat("é", 101) }, "name is 101 characters long"},
		{"ErrNameControl", func(u *crossroads.User) { u.Name = "Ada\nB" }, "control character"},
		{"ErrRole", func(u *crossroads.User) { u.Role = "boss" }, `role "boss"`},
		{"ErrEmail", func(u *crossroads.User) { u.Email = "nope" }, `email "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := ok
			tt.change(&u)
			err := u.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("got %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestParseRole(t *testing.T) {
	for _, s := range []string{"client", "Coach", " admin "} {
		if _, err := crossroads.ParseRole(s); err != nil {
			t.Errorf("ParseRole(%q): %v", s, err)
		}
	}
	if _, err := crossroads.ParseRole("owner"); err == nil || !strings.Contains(err.Error(), `"owner"`) {
		t.Errorf("ParseRole(owner) = %v, want an error naming the value", err)
	}
}

func TestNormalizeEmail(t *testing.T) {
	if got, want := crossroads.NormalizeEmail("  Ada@Example.COM "), "ada@example.com"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestValidateCaseContent(t *testing.T) {
	tests := []struct {
		name          string
		title, format string
		doc           []byte
		want          string
	}{
		{"OK", "Job A or job B", "yaml", []byte("title: x\n"), ""},
		{"OKEmptyDocument", "Draft", "yaml", nil, ""},
		{"ErrTitleRequired", "", "yaml", nil, "title is required"},
		{"ErrTitleTooLong", strings.Repeat("x", 201), "yaml", nil, "title is 201 characters long"},
		{"ErrFormat", "t", "json", nil, `format "json"`},
		{"ErrNotUTF8", "t", "yaml", []byte{0xff, 0xfe}, "not valid UTF-8"},
		{"ErrTooLarge", "t", "yaml", make([]byte, crossroads.MaxDocumentBytes+1), "the limit is 4 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := crossroads.ValidateCaseContent(tt.title, tt.format, tt.doc)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("got %v, want nil", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestVersionConflictMessage(t *testing.T) {
	err := crossroads.VersionConflict(4, 5)
	want := "this case was changed by someone else since you opened it (version 4, now 5); reload to see their changes"
	if got := crossroads.ErrorMessage(err); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if crossroads.ErrorKind(err) != crossroads.Conflict {
		t.Errorf("kind %v, want Conflict", crossroads.ErrorKind(err))
	}
}

func TestContextUser(t *testing.T) {
	ctx := context.Background()
	if u := crossroads.UserFromContext(ctx); u != nil {
		t.Fatalf("empty context: got %+v, want nil", u)
	}
	want := &crossroads.User{ID: 7, Name: "Ada"}
	if got := crossroads.UserFromContext(crossroads.NewContextWithUser(ctx, want)); got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

// FuzzValidateEmail checks that ValidateEmail never panics and that what it
// accepts is a trimmed address with one non-empty local part and domain.
func FuzzValidateEmail(f *testing.F) {
	for _, s := range []string{"ada@example.com", "local@localhost", "a@b@c", "\"a b\"@c", "<a@b>", "", "é@ü.de"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if crossroads.ValidateEmail(s) != nil {
			return
		}
		if s != strings.TrimSpace(s) || len(s) > crossroads.MaxEmailBytes {
			t.Fatalf("accepted %q", s)
		}
		i := strings.LastIndex(s, "@")
		if i <= 0 || i == len(s)-1 {
			t.Fatalf("accepted %q without local part or domain", s)
		}
	})
}
