package service

import (
	"context"

	"github.com/crossroads/crossroads"
)

// CreateShareCode returns a single-use code, valid for ShareCodeTTL, by
// which the owner shares the case with their coach.
// Errors: Unauthenticated, NotFound, Forbidden (a coach it is shared with).
func (s *Service) CreateShareCode(ctx context.Context, caseID int64) (string, error) {
	const op = "CreateShareCode"
	if _, _, err := s.caseFor(ctx, op, caseID, needOwner); err != nil {
		return "", err
	}
	code, err := s.Store.CreateShareCode(ctx, caseID, ShareCodeTTL)
	return code, wrap(op, err)
}

// RedeemShareCode shares the case of code with the acting coach, who must
// already be the coach of the case's owner. Errors: Unauthenticated,
// Forbidden (not a coach; the owner is not their client), NotFound (unknown,
// used or expired code).
func (s *Service) RedeemShareCode(ctx context.Context, code string) (*crossroads.Share, error) {
	const op = "RedeemShareCode"
	u, err := signedIn(ctx, op)
	if err != nil {
		return nil, err
	}
	if u.Role != crossroads.RoleCoach {
		return nil, errorf(op, crossroads.Forbidden, "only a coach can redeem a share code")
	}
	c, err := s.Store.ShareCodeCase(ctx, code)
	if err != nil {
		return nil, wrap(op, err)
	}
	linked, err := s.Store.Linked(ctx, u.ID, c.OwnerID)
	if err != nil {
		return nil, wrap(op, err)
	}
	if !linked {
		return nil, errorf(op, crossroads.Forbidden,
			"this case belongs to someone who is not your client; ask them to join you with your client invite code first")
	}
	sh, err := s.Store.RedeemShareCode(ctx, code, u.ID)
	if err != nil {
		return nil, wrap(op, err)
	}
	return sh, nil
}

// RevokeShare ends the sharing of the case with the coach at once: the
// coach's next request for it is refused.
// Errors: Unauthenticated, NotFound (also when it is not shared with that
// coach), Forbidden (a coach it is shared with).
func (s *Service) RevokeShare(ctx context.Context, caseID, coachID int64) error {
	const op = "RevokeShare"
	if _, _, err := s.caseFor(ctx, op, caseID, needOwner); err != nil {
		return err
	}
	return wrap(op, s.Store.RevokeShare(ctx, caseID, coachID))
}

// CaseShares returns the shares, active and revoked, of one case, for its
// owner. Errors: Unauthenticated, NotFound, Forbidden (a coach it is shared
// with).
func (s *Service) CaseShares(ctx context.Context, caseID int64) ([]*crossroads.Share, error) {
	const op = "CaseShares"
	if _, _, err := s.caseFor(ctx, op, caseID, needOwner); err != nil {
		return nil, err
	}
	shares, err := s.Store.Shares(ctx, crossroads.ShareFilter{CaseID: caseID})
	return shares, wrap(op, err)
}

// ListShares returns the shares, active and revoked, of the acting client's
// cases, or those granted to the acting coach; none for an administrator.
// Errors: Unauthenticated.
func (s *Service) ListShares(ctx context.Context) ([]*crossroads.Share, error) {
	const op = "ListShares"
	u, err := signedIn(ctx, op)
	if err != nil {
		return nil, err
	}
	var f crossroads.ShareFilter
	switch u.Role {
	case crossroads.RoleClient:
		f.OwnerID = u.ID
	case crossroads.RoleCoach:
		f.CoachID = u.ID
	default:
		return []*crossroads.Share{}, nil
	}
	shares, err := s.Store.Shares(ctx, f)
	return shares, wrap(op, err)
}

// CreateClientInvite returns a single-use code, valid for ClientInviteTTL,
// by which a client joins the acting coach.
// Errors: Unauthenticated, Forbidden (not a coach).
func (s *Service) CreateClientInvite(ctx context.Context) (string, error) {
	const op = "CreateClientInvite"
	u, err := signedIn(ctx, op)
	if err != nil {
		return "", err
	}
	if u.Role != crossroads.RoleCoach {
		return "", errorf(op, crossroads.Forbidden, "only a coach can invite clients")
	}
	code, err := s.Store.CreateClientInvite(ctx, u.ID, ClientInviteTTL)
	return code, wrap(op, err)
}

// RedeemClientInvite makes the acting client a client of the coach who
// created code. Errors: Unauthenticated, Forbidden (not a client), NotFound
// (unknown, used or expired code), Conflict (already their client).
func (s *Service) RedeemClientInvite(ctx context.Context, code string) (*crossroads.Link, error) {
	const op = "RedeemClientInvite"
	u, err := signedIn(ctx, op)
	if err != nil {
		return nil, err
	}
	if u.Role != crossroads.RoleClient {
		return nil, errorf(op, crossroads.Forbidden, "only a client can join a coach")
	}
	l, err := s.Store.RedeemClientInvite(ctx, code, u.ID)
	if err != nil {
		return nil, wrap(op, err)
	}
	return l, nil
}

// ListLinks returns the acting coach's clients or the acting client's
// coaches; none for an administrator. Errors: Unauthenticated.
func (s *Service) ListLinks(ctx context.Context) ([]*crossroads.Link, error) {
	const op = "ListLinks"
	u, err := signedIn(ctx, op)
	if err != nil {
		return nil, err
	}
	var f crossroads.LinkFilter
	switch u.Role {
	case crossroads.RoleClient:
		f.ClientID = u.ID
	case crossroads.RoleCoach:
		f.CoachID = u.ID
	default:
		return []*crossroads.Link{}, nil
	}
	links, err := s.Store.Links(ctx, f)
	return links, wrap(op, err)
}

// Unlink ends the link between the acting user and otherID (a coach ends it
// with a client, a client with a coach) and revokes the shares it carried.
// Errors: Unauthenticated, Forbidden (an administrator), NotFound (no such
// link).
func (s *Service) Unlink(ctx context.Context, otherID int64) error {
	const op = "Unlink"
	u, err := signedIn(ctx, op)
	if err != nil {
		return err
	}
	switch u.Role {
	case crossroads.RoleClient:
		err = s.Store.DeleteLink(ctx, otherID, u.ID)
	case crossroads.RoleCoach:
		err = s.Store.DeleteLink(ctx, u.ID, otherID)
	default:
		return errorf(op, crossroads.Forbidden, "an administrator has no clients or coaches")
	}
	return wrap(op, err)
}
