package sqlstore

import (
	"context"
	"database/sql"

	"github.com/crossroads/crossroads"
)

// Export implements crossroads.Store.
func (s *Store) Export(ctx context.Context, userID int64) (*crossroads.Export, error) {
	x := &crossroads.Export{ExportedAt: s.now()}
	err := s.inSnapshot(ctx, func(tx *sql.Tx) error {
		var err error
		if x.User, err = findUser(ctx, tx, userID); err != nil {
			return err
		}
		cases, err := findCases(ctx, tx, crossroads.CaseFilter{OwnerID: userID, WithDocuments: true})
		if err != nil {
			return err
		}
		x.Cases = make([]crossroads.ExportedCase, len(cases))
		for i, c := range cases {
			x.Cases[i] = crossroads.ExportedCase{ID: c.ID, CreatedBy: c.CreatedBy, Title: c.Title,
				Format: c.Format, Version: c.Version, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
				Document: string(c.Document)}
		}
		owned, err := findShares(ctx, tx, crossroads.ShareFilter{OwnerID: userID})
		if err != nil {
			return err
		}
		granted, err := findShares(ctx, tx, crossroads.ShareFilter{CoachID: userID})
		if err != nil {
			return err
		}
		x.Shares = append(owned, granted...)
		asCoach, err := findLinks(ctx, tx, crossroads.LinkFilter{CoachID: userID})
		if err != nil {
			return err
		}
		asClient, err := findLinks(ctx, tx, crossroads.LinkFilter{ClientID: userID})
		if err != nil {
			return err
		}
		x.Links = append(asCoach, asClient...)
		if x.Audit, err = findAudit(ctx, tx, crossroads.AuditFilter{OwnerID: userID}, false); err != nil {
			return err
		}
		x.Activity, err = findAudit(ctx, tx, crossroads.AuditFilter{ActorID: userID}, true)
		return err
	})
	if err != nil {
		return nil, s.fail("Export", err)
	}
	return x, nil
}
