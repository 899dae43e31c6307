package crossroads

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// FormatYAML is the format of a case document written in YAML, the only
// format stored so far.
const FormatYAML = "yaml"

// Limits on a stored case.
const (
	MaxTitleRunes    = 200
	MaxDocumentBytes = 4 << 20 // 4 MiB; a real case is a few kilobytes
)

// CaseRecord is a stored decision case. To the store the document is opaque bytes
// in Format; it is parsed elsewhere.
//
// A client owns cases. A coach may create a case for one of their clients:
// then OwnerID is the client and CreatedBy the coach. Version starts at 1 and
// grows by one with each update; UpdateCase refuses a change based on an
// older version, so that no edit is silently lost.
type CaseRecord struct {
	ID        int64     `json:"id"`
	OwnerID   int64     `json:"owner_id"`
	CreatedBy int64     `json:"created_by"` // 0 once that account is deleted
	Title     string    `json:"title"`
	Document  []byte    `json:"document,omitempty"` // nil in lists unless asked for
	Format    string    `json:"format"`
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks the title, format and document of c and returns an Invalid
// error naming the field.
func (c *CaseRecord) Validate() error {
	return ValidateCaseContent(c.Title, c.Format, c.Document)
}

// ValidateCaseContent checks the parts of a case a person edits: a one-line
// title of at most MaxTitleRunes characters, the format (FormatYAML), and a
// document of valid UTF-8 text of at most MaxDocumentBytes bytes.
func ValidateCaseContent(title, format string, doc []byte) error {
	if err := validateText("title", title, MaxTitleRunes); err != nil {
		return err
	}
	if format != FormatYAML {
		return Errorf(Invalid, "format %q is not supported; use %q", format, FormatYAML)
	}
	if len(doc) > MaxDocumentBytes {
		return Errorf(Invalid, "document is %d bytes; the limit is %d MiB", len(doc), MaxDocumentBytes>>20)
	}
	if !utf8.Valid(doc) {
		return Errorf(Invalid, "document is not valid UTF-8 text")
	}
	return nil
}

// VersionConflict returns the Conflict error of an update based on version
// expected while the stored case is at version current.
func VersionConflict(expected, current int64) *Error {
	return &Error{Kind: Conflict, Message: fmt.Sprintf(
		"this case was changed by someone else since you opened it (version %d, now %d); reload to see their changes",
		expected, current)}
}

// CaseFilter selects cases in CaseStore.Cases. Zero fields do not restrict.
type CaseFilter struct {
	OwnerID int64 // cases owned by this user
	// SharedWith selects cases that are shared with this coach right now:
	// an unrevoked share, and the owner still a client of the coach.
	SharedWith    int64
	WithDocuments bool // fill in Document (lists leave it nil)
}

// Share is the grant of one case to one coach. It is active while RevokedAt
// is nil; the coach reaches the case only while the share is active and the
// owner is still their client.
type Share struct {
	CaseID     int64      `json:"case_id"`
	CaseTitle  string     `json:"case_title"`
	OwnerID    int64      `json:"owner_id"`
	CoachID    int64      `json:"coach_id"`
	CoachName  string     `json:"coach_name"`
	CoachEmail string     `json:"coach_email"`
	CreatedAt  time.Time  `json:"created_at"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
}

// Active reports whether the share has not been revoked.
func (s *Share) Active() bool { return s.RevokedAt == nil }

// ShareFilter selects shares in ShareStore.Shares. Zero fields do not
// restrict.
type ShareFilter struct {
	CaseID     int64
	OwnerID    int64 // shares of cases owned by this user
	CoachID    int64 // shares granted to this coach
	ActiveOnly bool
}

// Link records that a client works with a coach. A client joins a coach by
// redeeming the coach's client invite code; either of them may end the link.
type Link struct {
	CoachID     int64     `json:"coach_id"`
	CoachName   string    `json:"coach_name"`
	CoachEmail  string    `json:"coach_email"`
	ClientID    int64     `json:"client_id"`
	ClientName  string    `json:"client_name"`
	ClientEmail string    `json:"client_email"`
	CreatedAt   time.Time `json:"created_at"`
}

// LinkFilter selects links in LinkStore.Links. Zero fields do not restrict.
type LinkFilter struct {
	CoachID  int64
	ClientID int64
}

// Action is what an audit entry records.
type Action string

// The audited actions.
const (
	ActionView   Action = "view"
	ActionCreate Action = "create"
	ActionUpdate Action = "update"
	ActionDelete Action = "delete"
	ActionShare  Action = "share"  // a coach redeemed a share code
	ActionRevoke Action = "revoke" // the owner revoked a share (or the link ended)
	ActionExport Action = "export" // the owner exported their data
)

// Valid reports whether a is one of the defined actions.
func (a Action) Valid() bool {
	switch a {
	case ActionView, ActionCreate, ActionUpdate, ActionDelete, ActionShare, ActionRevoke, ActionExport:
		return true
	}
	return false
}

// AuditEntry records who did what to which case and when. Entries belong to
// the owner of the case and outlive the case itself, so that the owner can
// still see that it was deleted. ActorID is 0 when the action was taken by the
// operator's command line or when the actor's account has since been deleted.
type AuditEntry struct {
	ID         int64     `json:"id"`
	OwnerID    int64     `json:"owner_id"`
	CaseID     int64     `json:"case_id"`
	CaseTitle  string    `json:"case_title"` // the title at the time of the action
	ActorID    int64     `json:"actor_id"`
	ActorName  string    `json:"actor_name"`
	ActorEmail string    `json:"actor_email"`
	Action     Action    `json:"action"`
	At         time.Time `json:"at"`
}

// AuditFilter selects entries in AuditStore.AuditEntries. Zero fields do not
// restrict.
type AuditFilter struct {
	CaseID  int64
	OwnerID int64 // entries about cases of this owner
	ActorID int64 // entries of actions taken by this user
}

// Export is everything stored about one user, for the "download my data"
// right: the account, the cases they own (with documents), the shares of
// those cases and the shares granted to them, their coach–client links, the
// audit log of their cases and their own actions on the cases of others.
type Export struct {
	ExportedAt time.Time      `json:"exported_at"`
	User       *User          `json:"user"`
	Cases      []ExportedCase `json:"cases"`
	Shares     []*Share       `json:"shares"`
	Links      []*Link        `json:"links"`
	Audit      []*AuditEntry  `json:"audit"`    // entries about their cases
	Activity   []*AuditEntry  `json:"activity"` // their actions on others' cases
}

// ExportedCase is a case in an Export, with its document as text so that the
// JSON stays readable.
type ExportedCase struct {
	ID        int64     `json:"id"`
	CreatedBy int64     `json:"created_by"`
	Title     string    `json:"title"`
	Format    string    `json:"format"`
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Document  string    `json:"document"`
}
