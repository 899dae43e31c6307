package service

import (
	"context"

	"github.com/crossroads/crossroads"
)

// need is what an operation needs of a case.
type need int

const (
	needRead  need = iota // read it
	needWrite             // change its title and document
	needOwner             // share, delete, read its log
)

// caseFor returns the acting user and the case id if the user may do what
// n says. Cases the user may not see are reported as not found, whether they
// exist or not.
func (s *Service) caseFor(ctx context.Context, op string, id int64, n need) (*crossroads.User, *crossroads.CaseRecord, error) {
	u, err := signedIn(ctx, op)
	if err != nil {
		return nil, nil, err
	}
	notFound := errorf(op, crossroads.NotFound, "case %d not found", id)
	c, err := s.Store.Case(ctx, id)
	if crossroads.ErrorKind(err) == crossroads.NotFound {
		return nil, nil, notFound
	}
	if err != nil {
		return nil, nil, wrap(op, err)
	}
	if c.OwnerID == u.ID {
		return u, c, nil
	}
	if u.Role == crossroads.RoleCoach {
		shared, err := s.Store.IsSharedWith(ctx, c.ID, u.ID)
		if err != nil {
			return nil, nil, wrap(op, err)
		}
		if shared {
			if n == needOwner {
				return nil, nil, errorf(op, crossroads.Forbidden, "only the owner of this case can do that")
			}
			return u, c, nil
		}
	}
	return nil, nil, notFound
}

// ListCases returns the cases the acting user works on, most recently
// changed first, without documents: a client's own cases, the cases shared
// with a coach right now, and none for an administrator.
// Errors: Unauthenticated.
func (s *Service) ListCases(ctx context.Context) ([]*crossroads.CaseRecord, error) {
	const op = "ListCases"
	u, err := signedIn(ctx, op)
	if err != nil {
		return nil, err
	}
	var f crossroads.CaseFilter
	switch u.Role {
	case crossroads.RoleClient:
		f.OwnerID = u.ID
	case crossroads.RoleCoach:
		f.SharedWith = u.ID
	default:
		return []*crossroads.CaseRecord{}, nil
	}
	cases, err := s.Store.Cases(ctx, f)
	return cases, wrap(op, err)
}

// GetCase returns the case with its document and records that the acting
// user viewed it. Errors: Unauthenticated, NotFound.
func (s *Service) GetCase(ctx context.Context, id int64) (*crossroads.CaseRecord, error) {
	const op = "GetCase"
	_, c, err := s.caseFor(ctx, op, id, needRead)
	if err != nil {
		return nil, err
	}
	if err := s.Store.RecordAudit(ctx, c.ID, crossroads.ActionView); err != nil {
		return nil, wrap(op, err)
	}
	return c, nil
}

// CreateCase stores a new case and returns it. A client creates cases for
// themselves (ownerID 0 or their own id); a coach creates one for one of
// their clients (ownerID), and the case is then shared with the coach until
// the client revokes it. Errors: Unauthenticated, Invalid, Forbidden (a
// client writing for someone else, an administrator), NotFound (not a client
// of the coach).
func (s *Service) CreateCase(ctx context.Context, ownerID int64, title string, doc []byte) (*crossroads.CaseRecord, error) {
	const op = "CreateCase"
	u, err := signedIn(ctx, op)
	if err != nil {
		return nil, err
	}
	switch u.Role {
	case crossroads.RoleClient:
		if ownerID != 0 && ownerID != u.ID {
			return nil, errorf(op, crossroads.Forbidden, "a client can only create cases of their own")
		}
		ownerID = u.ID
	case crossroads.RoleCoach:
		if ownerID == 0 || ownerID == u.ID {
			return nil, errorf(op, crossroads.Invalid, "choose the client this case is for")
		}
		linked, err := s.Store.Linked(ctx, u.ID, ownerID)
		if err != nil {
			return nil, wrap(op, err)
		}
		if !linked {
			return nil, errorf(op, crossroads.NotFound, "you have no client with id %d", ownerID)
		}
	default:
		return nil, errorf(op, crossroads.Forbidden, "an administrator cannot create cases")
	}
	c := &crossroads.CaseRecord{OwnerID: ownerID, CreatedBy: u.ID, Title: title, Document: doc, Format: crossroads.FormatYAML}
	if err := s.Store.CreateCase(ctx, c); err != nil {
		return nil, wrap(op, err)
	}
	return c, nil
}

// UpdateCase replaces the title and document of the case if it is still at
// expectedVersion (the version the editor loaded) and returns the new
// state. Errors: Unauthenticated, NotFound, Invalid, Conflict (someone saved
// in between; nothing is changed).
func (s *Service) UpdateCase(ctx context.Context, id, expectedVersion int64, title string, doc []byte) (*crossroads.CaseRecord, error) {
	const op = "UpdateCase"
	if _, _, err := s.caseFor(ctx, op, id, needWrite); err != nil {
		return nil, err
	}
	c, err := s.Store.UpdateCase(ctx, id, expectedVersion, title, doc)
	if err != nil {
		return nil, wrap(op, err)
	}
	return c, nil
}

// DeleteCase deletes the case. Only its owner may.
// Errors: Unauthenticated, NotFound, Forbidden (a coach it is shared with).
func (s *Service) DeleteCase(ctx context.Context, id int64) error {
	const op = "DeleteCase"
	if _, _, err := s.caseFor(ctx, op, id, needOwner); err != nil {
		return err
	}
	return wrap(op, s.Store.DeleteCase(ctx, id))
}

// CaseAudit returns who viewed or changed the case and when, oldest first.
// Only its owner may read it.
// Errors: Unauthenticated, NotFound, Forbidden (a coach it is shared with).
func (s *Service) CaseAudit(ctx context.Context, id int64) ([]*crossroads.AuditEntry, error) {
	const op = "CaseAudit"
	u, _, err := s.caseFor(ctx, op, id, needOwner)
	if err != nil {
		return nil, err
	}
	entries, err := s.Store.AuditEntries(ctx, crossroads.AuditFilter{CaseID: id, OwnerID: u.ID})
	return entries, wrap(op, err)
}
