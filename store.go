package crossroads

import (
	"context"
	"time"
)

// Store is everything Crossroads keeps: accounts, cases, coach–client links,
// shares, the audit log, password-reset tokens and failed sign-ins. The
// packages store/sqlite and store/postgres implement it, and
// store/storetest checks that they behave alike.
//
// A Store does not decide who may do what: that rule lives once in package
// service, which checks the acting user before it calls the store. A Store
// does keep the data consistent: each method runs in one transaction, and the
// methods that change a case write their audit entry in that same transaction,
// with the acting user of the context (UserFromContext) as the actor; without
// one (the operator's command line) the entry has no actor.
//
// Errors are *Error values of the kinds each method lists, wrapping the cause;
// anything else is Internal. No method returns a nil value and a nil error for
// something that does not exist: it returns a NotFound error.
type Store interface {
	UserStore
	CaseStore
	LinkStore
	ShareStore
	AuditStore
	ResetTokenStore
	LoginAttemptStore

	// Export returns everything stored about the user, read in one
	// consistent snapshot (see Export). Errors: NotFound.
	Export(ctx context.Context, userID int64) (*Export, error)

	// Close releases the database. Calls after Close fail.
	Close() error
}

// UserStore keeps accounts.
type UserStore interface {
	// CreateUser stores u with passwordHash ("" for an account without a
	// password, which cannot sign in) and sets u.ID and u.CreatedAt.
	// Errors: Invalid (u.Validate), Conflict ("an account with this email
	// already exists"; emails compare case-insensitively).
	CreateUser(ctx context.Context, u *User, passwordHash string) error

	// User returns the account with the given id. Errors: NotFound.
	User(ctx context.Context, id int64) (*User, error)

	// UserByEmail returns the account whose email equals email apart from
	// case and surrounding spaces. Errors: NotFound.
	UserByEmail(ctx context.Context, email string) (*User, error)

	// Users returns all accounts in the order they were created.
	Users(ctx context.Context) ([]*User, error)

	// PasswordHash returns the stored password hash of the user, "" when the
	// account has no password. Errors: NotFound.
	PasswordHash(ctx context.Context, userID int64) (string, error)

	// SetPasswordHash replaces the password hash of the user.
	// Errors: NotFound.
	SetPasswordHash(ctx context.Context, userID int64, hash string) error

	// DeleteUser deletes the account and, with it, the cases it owns, the
	// shares of those cases and to it, its links, codes and reset tokens, and
	// the audit entries about its cases. Audit entries of its actions on the
	// cases of others stay in their owners' logs without an actor.
	// Errors: NotFound.
	DeleteUser(ctx context.Context, id int64) error
}

// CaseStore keeps cases.
type CaseStore interface {
	// CreateCase stores c at version 1 and sets c.ID, c.Version,
	// c.CreatedAt and c.UpdatedAt (a zero c.CreatedBy becomes the owner).
	// When c.CreatedBy is not the owner (a coach writing for a client), the
	// case is shared with c.CreatedBy in the same transaction. It records a
	// "create" audit entry, and a "share" one when it shares.
	// Errors: Invalid (c.Validate), NotFound (owner or creator).
	CreateCase(ctx context.Context, c *CaseRecord) error

	// Case returns the case with its document. Errors: NotFound.
	Case(ctx context.Context, id int64) (*CaseRecord, error)

	// Cases returns the cases selected by f, most recently updated first.
	Cases(ctx context.Context, f CaseFilter) ([]*CaseRecord, error)

	// UpdateCase replaces the title and document of the case if it is still
	// at expectedVersion, increments its version and records an "update"
	// audit entry, all in one transaction. It returns the updated case.
	// Errors: Invalid, NotFound, Conflict (VersionConflict: the stored version
	// differs; nothing is changed).
	UpdateCase(ctx context.Context, id, expectedVersion int64, title string, doc []byte) (*CaseRecord, error)

	// DeleteCase deletes the case with its shares and share codes and records
	// a "delete" audit entry, which stays in the owner's log.
	// Errors: NotFound.
	DeleteCase(ctx context.Context, id int64) error
}

// LinkStore keeps the coach–client links and the client invite codes that
// create them.
type LinkStore interface {
	// CreateClientInvite creates a single-use code, valid for ttl, by which a
	// client joins the coach. Only a hash of the code is stored.
	// Errors: Invalid (ttl not positive), NotFound (coach).
	CreateClientInvite(ctx context.Context, coachID int64, ttl time.Duration) (code string, err error)

	// RedeemClientInvite links the client to the coach who created code and
	// uses the code up. Errors: NotFound (unknown, used or expired code),
	// Invalid (a coach redeeming their own code), Conflict (already linked;
	// the code is not used up).
	RedeemClientInvite(ctx context.Context, code string, clientID int64) (*Link, error)

	// Links returns the links selected by f, oldest first.
	Links(ctx context.Context, f LinkFilter) ([]*Link, error)

	// Linked reports whether the client is a client of the coach.
	Linked(ctx context.Context, coachID, clientID int64) (bool, error)

	// DeleteLink ends the link and revokes, in the same transaction, the
	// active shares of the client's cases with the coach (recording "revoke"
	// audit entries). Errors: NotFound (no such link).
	DeleteLink(ctx context.Context, coachID, clientID int64) error
}

// ShareStore keeps the shares of cases with coaches and the share codes that
// create them.
type ShareStore interface {
	// CreateShareCode creates a single-use code, valid for ttl, that shares
	// the case with the coach who redeems it. Only a hash of the code is
	// stored. Errors: Invalid (ttl not positive), NotFound (case).
	CreateShareCode(ctx context.Context, caseID int64, ttl time.Duration) (code string, err error)

	// ShareCodeCase returns the case (without its document) that code would
	// share, without using the code up. Errors: NotFound (unknown, used or
	// expired code).
	ShareCodeCase(ctx context.Context, code string) (*CaseRecord, error)

	// RedeemShareCode shares the case of code with the coach, uses the code
	// up and records a "share" audit entry. Redeeming after a revocation
	// makes the share active again. Errors: NotFound (unknown, used or
	// expired code; unknown coach).
	RedeemShareCode(ctx context.Context, code string, coachID int64) (*Share, error)

	// Shares returns the shares selected by f, oldest first.
	Shares(ctx context.Context, f ShareFilter) ([]*Share, error)

	// IsSharedWith reports whether the coach may reach the case right now: the
	// share is active and the owner is still a client of the coach.
	IsSharedWith(ctx context.Context, caseID, coachID int64) (bool, error)

	// RevokeShare revokes the active share of the case with the coach and
	// records a "revoke" audit entry; the coach's next request is denied.
	// Errors: NotFound (no active share).
	RevokeShare(ctx context.Context, caseID, coachID int64) error
}

// AuditStore keeps the audit log. The changes of CaseStore, LinkStore and
// ShareStore record their own entries; RecordAudit is for reads.
type AuditStore interface {
	// RecordAudit records that the acting user of ctx did action to the case.
	// Errors: Invalid (unknown action), NotFound (case).
	RecordAudit(ctx context.Context, caseID int64, action Action) error

	// AuditEntries returns the entries selected by f, oldest first.
	AuditEntries(ctx context.Context, f AuditFilter) ([]*AuditEntry, error)
}

// ResetTokenStore keeps one-time password-reset tokens.
type ResetTokenStore interface {
	// CreateResetToken creates a token, valid for ttl and usable once, that
	// lets the user set a new password. The token is 32 random bytes; only
	// its SHA-256 hash is stored. Errors: Invalid (ttl), NotFound (user).
	CreateResetToken(ctx context.Context, userID int64, ttl time.Duration) (token string, err error)

	// ResetPassword sets passwordHash as the password of the token's user,
	// uses the token up and deletes the user's other reset tokens, in one
	// transaction, and returns the user. Errors: NotFound ("this reset link
	// is unknown, already used or expired").
	ResetPassword(ctx context.Context, token, passwordHash string) (*User, error)
}

// LoginAttemptStore keeps failed sign-ins, so that the limit on them holds
// across several server processes. A key is chosen by the caller (for
// example "email:ada@example.com" or "ip:192.0.2.1").
type LoginAttemptStore interface {
	// RecordLoginFailure records one failed sign-in, now, under each key.
	RecordLoginFailure(ctx context.Context, keys ...string) error

	// LoginFailures returns the times of the failures under key after
	// since (strictly), oldest first.
	LoginFailures(ctx context.Context, key string, since time.Time) ([]time.Time, error)

	// ClearLoginFailures forgets all failures under key.
	ClearLoginFailures(ctx context.Context, key string) error

	// PruneLoginFailures forgets all failures before the given time.
	PruneLoginFailures(ctx context.Context, before time.Time) error
}
