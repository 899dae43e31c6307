package store_test

import (
	"context"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/store/dbtest"
)

// benchCase opens a store of the backend with one account and one case of
// a realistic size (8 KiB).
func benchCase(b *testing.B, be dbtest.Backend) (crossroads.Store, context.Context, *crossroads.CaseRecord) {
	s := be.Open(b, nil)
	u := &crossroads.User{Email: "ada@example.com", Name: "Ada", Role: crossroads.RoleClient}
	if err := s.CreateUser(context.Background(), u, ""); err != nil {
		b.Fatal(err)
	}
	ctx := crossroads.NewContextWithUser(context.Background(), u)
	doc := make([]byte, 8<<10)
	for i := range doc {
		doc[i] = 'a' + byte(i%26)
	}
	c := &crossroads.CaseRecord{OwnerID: u.ID, Title: "Bench", Document: doc, Format: crossroads.FormatYAML}
	if err := s.CreateCase(ctx, c); err != nil {
		b.Fatal(err)
	}
	return s, ctx, c
}

// BenchmarkUpdateCase measures one versioned save: a transaction that
// checks the version, writes the case and its audit entry, and commits.
func BenchmarkUpdateCase(b *testing.B) {
	for _, be := range dbtest.Backends() {
		b.Run(be.Name, func(b *testing.B) {
			s, ctx, c := benchCase(b, be)
			v := c.Version
			for b.Loop() {
				up, err := s.UpdateCase(ctx, c.ID, v, c.Title, c.Document)
				if err != nil {
					b.Fatal(err)
				}
				v = up.Version
			}
		})
	}
}

// BenchmarkGetCase measures reading one case with its document.
func BenchmarkGetCase(b *testing.B) {
	for _, be := range dbtest.Backends() {
		b.Run(be.Name, func(b *testing.B) {
			s, ctx, c := benchCase(b, be)
			for b.Loop() {
				if _, err := s.Case(ctx, c.ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
