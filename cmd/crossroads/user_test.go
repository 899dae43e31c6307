package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store"
	"github.com/crossroads/crossroads/store/dbtest"
)

func TestUserCommands(t *testing.T) {
	t.Setenv(store.EnvDatabaseURL, "")
	db := filepath.Join(t.TempDir(), "test.db")
	dbFlag := "--database-url=" + db

	code, out, errOut := runCmd(t, "correct horse battery\n", "user", "add", dbFlag,
		"--email", "ada@example.com", "--name", "Ada Lovelace", "--role", "coach", "--password-stdin")
	if code != exitOK || out != "added coach Ada Lovelace <ada@example.com> (id 1)\n" {
		t.Fatalf("user add: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runCmd(t, "", "user", "add", dbFlag, "--email", "bob@example.com", "--name", "Bob")
	if code != exitOK || !strings.Contains(out, "added client Bob <bob@example.com> (id 2)\nno password set") {
		t.Fatalf("user add without password: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	code, out, errOut = runCmd(t, "", "user", "list", dbFlag)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) != 3 || !strings.HasPrefix(lines[0], "ID  EMAIL") ||
		!strings.Contains(lines[1], "ada@example.com  Ada Lovelace  coach") ||
		!strings.Contains(lines[2], "bob@example.com  Bob           client") {
		t.Fatalf("user list: exit %d, stdout\n%s\nstderr %q", code, out, errOut)
	}

	// The reset link works once, in the web app's reset flow.
	code, out, errOut = runCmd(t, "", "user", "reset", dbFlag, "--base-url", "https://crossroads.example.org/", "BOB@example.com")
	m := regexp.MustCompile(`^https://crossroads\.example\.org/reset/([A-Za-z0-9_-]{43})\n$`).FindStringSubmatch(out)
	if code != exitOK || m == nil || !strings.Contains(errOut, "valid once, for 1h0m0s") {
		t.Fatalf("user reset: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// Without --base-url the link uses $CROSSROADS_BASE_URL when set.
	t.Setenv(EnvBaseURL, "https://coach.example.net")
	code, out, _ = runCmd(t, "", "user", "reset", dbFlag, "bob@example.com")
	if code != exitOK || !strings.HasPrefix(out, "https://coach.example.net/reset/") {
		t.Errorf("user reset with %s: exit %d, stdout %q", EnvBaseURL, code, out)
	}
	t.Setenv(EnvBaseURL, "")
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	svc := service.New(s)
	if _, err := svc.ResetPassword(context.Background(), m[1], "bob's new passphrase"); err != nil {
		t.Errorf("the printed reset token does not work: %v", err)
	}
	if _, err := svc.Authenticate(context.Background(), "bob@example.com", "bob's new passphrase", ""); err != nil {
		t.Errorf("sign-in with the new password: %v", err)
	}
	s.Close()

	code, out, _ = runCmd(t, "", "user", "reset", dbFlag, "ada@example.com")
	if code != exitOK || !strings.HasPrefix(out, "http://127.0.0.1:8080/reset/") {
		t.Errorf("user reset with the default base URL: exit %d, stdout %q", code, out)
	}

	code, out, errOut = runCmd(t, "", "user", "delete", dbFlag, "ada@example.com")
	if code != exitOK || out != "deleted coach Ada Lovelace <ada@example.com> and all their cases\n" {
		t.Fatalf("user delete: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, _ = runCmd(t, "", "user", "list", dbFlag)
	if code != exitOK || strings.Contains(out, "ada@example.com") {
		t.Errorf("user list after delete: exit %d, stdout %q", code, out)
	}
}

func TestUserCommandErrors(t *testing.T) {
	t.Setenv(store.EnvDatabaseURL, "")
	db := "--database-url=" + filepath.Join(t.TempDir(), "test.db")
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  string // in stderr
	}{
		{"NoEmail", "", []string{"user", "add", db, "--name", "Ada"}, exitUsage, "--email and --name are required"},
		{"BadRole", "", []string{"user", "add", db, "--email", "a@example.com", "--name", "A", "--role", "boss"}, exitUsage, `--role: role "boss" is not one of client, coach, admin`},
		{"ShortPassword", "short\n", []string{"user", "add", db, "--email", "a@example.com", "--name", "A", "--password-stdin"}, exitInput, "--password-stdin: password must have at least 10 characters (it has 5)"},
		{"EmptyStdin", "", []string{"user", "add", db, "--email", "a@example.com", "--name", "A", "--password-stdin"}, exitInput, "standard input holds no password"},
		{"BadEmail", "", []string{"user", "add", db, "--email", "not-an-email", "--name", "A"}, exitInput, `crossroads: email "not-an-email" is not an address like name@example.com`},
		{"ResetUnknown", "", []string{"user", "reset", db, "nobody@example.com"}, exitInput, `crossroads: no account with email "nobody@example.com"`},
		{"ResetBadBase", "", []string{"user", "reset", db, "--base-url", "ftp://x", "a@example.com"}, exitUsage, `--base-url "ftp://x"`},
		{"ResetNoArg", "", []string{"user", "reset", db}, exitUsage, "accepts 1 arg"},
		{"DeleteUnknown", "", []string{"user", "delete", db, "nobody@example.com"}, exitInput, "no account with email"},
		{"BadDatabase", "", []string{"user", "list", "--database-url=" + filepath.Join(t.TempDir(), "missing", "dir", "x.db")}, exitInput, "opening"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, tt.stdin, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.want)
			}
		})
	}
	// Adding the same email twice is a conflict with a plain message.
	runCmd(t, "", "user", "add", db, "--email", "a@example.com", "--name", "A")
	code, _, errOut := runCmd(t, "", "user", "add", db, "--email", "A@example.com", "--name", "A2")
	if code != exitInput || errOut != "crossroads: an account with this email already exists\n" {
		t.Errorf("duplicate: exit %d, stderr %q", code, errOut)
	}
}

// TestUserDatabaseFromEnvironment: without --database-url the variable
// chooses the database.
func TestUserDatabaseFromEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv(store.EnvDatabaseURL, db)
	if code, _, errOut := runCmd(t, "", "user", "add", "--email", "env@example.com", "--name", "Env"); code != exitOK {
		t.Fatalf("user add: exit %d, %s", code, errOut)
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, err := s.UserByEmail(context.Background(), "env@example.com")
	if err != nil || u.Role != crossroads.RoleClient {
		t.Errorf("user in the database of %s: %+v, %v", store.EnvDatabaseURL, u, err)
	}
}

// TestUserDefaultDatabase: without flag and variable, the default path.
func TestUserDefaultDatabase(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(store.EnvDatabaseURL, "")
	t.Setenv("XDG_DATA_HOME", dir)
	if code, _, errOut := runCmd(t, "", "user", "add", "--email", "xdg@example.com", "--name", "Xdg"); code != exitOK {
		t.Fatalf("user add: exit %d, %s", code, errOut)
	}
	code, out, _ := runCmd(t, "", "user", "list", "--database-url", filepath.Join(dir, "crossroads", "crossroads.db"))
	if code != exitOK || !strings.Contains(out, "xdg@example.com") {
		t.Errorf("the default database does not hold the user: exit %d, %q", code, out)
	}
}

// TestUserCommandsPostgres: a postgres:// URL selects PostgreSQL.
func TestUserCommandsPostgres(t *testing.T) {
	url := dbtest.PostgresSchemaURL(t)
	if code, _, errOut := runCmd(t, "", "user", "add", "--database-url", url, "--email", "pg@example.com", "--name", "Pg"); code != exitOK {
		t.Fatalf("user add: exit %d, %s", code, errOut)
	}
	code, out, errOut := runCmd(t, "", "user", "list", "--database-url", url)
	if code != exitOK || !strings.Contains(out, "pg@example.com") {
		t.Errorf("user list: exit %d, %q, %q", code, out, errOut)
	}
}
