package web

import (
	"context"
	"testing"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store/dbtest"
)

// casesBackends are the implementations of Cases every contract test runs
// on: in memory, and the service on a SQLite store (and on PostgreSQL when
// the test database is configured).
func casesBackends() []struct {
	name string
	open func(t testing.TB) (Cases, func(context.Context) context.Context)
} {
	type backend = struct {
		name string
		open func(t testing.TB) (Cases, func(context.Context) context.Context)
	}
	out := []backend{{"memory", func(t testing.TB) (Cases, func(context.Context) context.Context) {
		return &MemoryCases{Now: func() time.Time { return fixedNow }}, func(ctx context.Context) context.Context { return ctx }
	}}}
	for _, b := range dbtest.Backends() {
		out = append(out, backend{"service on " + b.Name, func(t testing.TB) (Cases, func(context.Context) context.Context) {
			svc := service.New(b.Open(t, nil))
			u, err := svc.EnsureLocalUser(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			return ServiceCases{svc}, func(ctx context.Context) context.Context { return crossroads.NewContextWithUser(ctx, u) }
		}})
	}
	return out
}

// TestCasesContract checks what the pages rely on, on every backend.
func TestCasesContract(t *testing.T) {
	for _, b := range casesBackends() {
		t.Run(b.name, func(t *testing.T) {
			cases, as := b.open(t)
			ctx := as(context.Background())
			a, err := cases.CreateCase(ctx, "A", []byte("title: A\n"))
			if err != nil {
				t.Fatal(err)
			}
			if a.Version != 1 || a.ID == 0 {
				t.Errorf("created %+v, want version 1 and an id", a)
			}
			if _, err := cases.CreateCase(ctx, "B", []byte("title: B\n")); err != nil {
				t.Fatal(err)
			}
			got, err := cases.GetCase(ctx, a.ID)
			if err != nil || string(got.Document) != "title: A\n" {
				t.Fatalf("GetCase = %+v, %v", got, err)
			}
			up, err := cases.UpdateCase(ctx, a.ID, 1, "A2", []byte("title: A2\n"))
			if err != nil || up.Version != 2 || up.Title != "A2" {
				t.Fatalf("UpdateCase = %+v, %v; want version 2", up, err)
			}
			if _, err := cases.UpdateCase(ctx, a.ID, 1, "stale", []byte("x")); crossroads.ErrorKind(err) != crossroads.Conflict {
				t.Errorf("stale UpdateCase error = %v, want a conflict", err)
			}
			got, _ = cases.GetCase(ctx, a.ID)
			if string(got.Document) != "title: A2\n" {
				t.Errorf("after a refused update the document is %q", got.Document)
			}
			list, err := cases.ListCases(ctx)
			if err != nil || len(list) != 2 {
				t.Fatalf("ListCases = %d cases, %v; want 2", len(list), err)
			}
			if err := cases.DeleteCase(ctx, a.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := cases.GetCase(ctx, a.ID); crossroads.ErrorKind(err) != crossroads.NotFound {
				t.Errorf("GetCase after delete: %v, want not found", err)
			}
			if err := cases.DeleteCase(ctx, a.ID); crossroads.ErrorKind(err) != crossroads.NotFound {
				t.Errorf("second DeleteCase: %v, want not found", err)
			}
		})
	}
}
