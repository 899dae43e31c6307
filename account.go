package crossroads

import (
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Role is what an account is for. It decides which operations the service
// allows (see docs/storage-and-accounts.md for the table).
type Role string

// The roles.
const (
	// RoleClient is a person at a decision point. A client owns cases.
	RoleClient Role = "client"
	// RoleCoach is a career coach. A coach has clients, reads and edits the
	// cases they share with the coach, and may create cases for them.
	RoleCoach Role = "coach"
	// RoleAdmin manages accounts. An administrator sees no case.
	RoleAdmin Role = "admin"
)

// Roles lists the valid roles in the order they are offered to people.
var Roles = []Role{RoleClient, RoleCoach, RoleAdmin}

// Valid reports whether r is one of the defined roles.
func (r Role) Valid() bool {
	switch r {
	case RoleClient, RoleCoach, RoleAdmin:
		return true
	}
	return false
}

// ParseRole returns the role named s ("client", "coach" or "admin"), or an
// Invalid error naming the value.
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	if !r.Valid() {
		return "", Errorf(Invalid, "role %q is not one of client, coach, admin", s)
	}
	return r, nil
}

// Limits on the fields of an account.
const (
	MaxEmailBytes = 254 // the longest address SMTP can carry (RFC 5321, section 4.5.3.1.3)
	MaxNameRunes  = 100
)

// User is an account. The password hash is deliberately not part of it: the
// stores hand it out only through PasswordHash, so a User can be passed to
// pages and APIs without leaking it.
type User struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"` // as entered, trimmed; compared case-insensitively
	Name      string    `json:"name"`
	Role      Role      `json:"role"`
	CreatedAt time.Time `json:"created_at"`
	// SessionEpoch counts the events that end every session of the
	// account: a session records it at sign-in and is void once it
	// differs. A password reset increments it. It is not personal data,
	// and not part of the JSON form.
	SessionEpoch int64 `json:"-"`
}

// Validate checks the fields a person enters: email, name and role. It
// returns an Invalid error naming the field and the value.
func (u *User) Validate() error {
	if err := ValidateEmail(u.Email); err != nil {
		return err
	}
	if err := validateText("name", u.Name, MaxNameRunes); err != nil {
		return err
	}
	if !u.Role.Valid() {
		return Errorf(Invalid, "role %q is not one of client, coach, admin", u.Role)
	}
	return nil
}

// NormalizeEmail returns the form of an address used to compare accounts:
// trimmed and lower-cased. Two accounts cannot share a normalized address.
func NormalizeEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

// ValidateEmail checks that email is a bare address such as
// "ada@example.com" (no display name, no angle brackets, at most
// MaxEmailBytes bytes). The domain need not contain a dot, so
// "local@localhost" is valid.
func ValidateEmail(email string) error {
	if email == "" {
		return Errorf(Invalid, "email is required")
	}
	if len(email) > MaxEmailBytes {
		return Errorf(Invalid, "email is longer than %d bytes", MaxEmailBytes)
	}
	if email != strings.TrimSpace(email) {
		return Errorf(Invalid, "email %q has spaces around it", email)
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Name != "" || addr.Address != email {
		return Errorf(Invalid, "email %q is not an address like name@example.com", email)
	}
	local, domain, _ := strings.Cut(email, "@")
	if local == "" || domain == "" || strings.ContainsAny(email, " \t\r\n") {
		return Errorf(Invalid, "email %q is not an address like name@example.com", email)
	}
	return nil
}

// validateText checks a one-line text field: not blank, at most max
// characters, valid UTF-8 and free of control characters.
func validateText(field, s string, max int) error {
	if strings.TrimSpace(s) == "" {
		return Errorf(Invalid, "%s is required", field)
	}
	if !utf8.ValidString(s) {
		return Errorf(Invalid, "%s is not valid UTF-8 text", field)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return Errorf(Invalid, "%s is %d characters long; the limit is %d", field, n, max)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return Errorf(Invalid, "%s %q contains a control character (%U)", field, s, r)
		}
	}
	return nil
}
