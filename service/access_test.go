package service_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/service"
	"github.com/crossroads/crossroads/store/storetest"
)

// The roles of the access matrix, in the order of its columns.
var roles = []string{"anonymous", "clientA", "clientB", "coachA", "otherCoach", "revokedCoach", "admin"}

// world is the fixture of one cell of the matrix: client A owns caseA, which
// is shared with coachA (A's coach) and was shared with revokedCoach (also
// A's coach) until A revoked it; otherCoach has no clients; clientB is a
// client of nobody. Each cell gets a world of its own, with its own emails,
// because operations such as DeleteMyAccount change it.
type world struct {
	svc      *service.Service
	users    map[string]*crossroads.User // by role; anonymous is nil
	caseA    *crossroads.CaseRecord
	shareA   string // a fresh share code of caseA, made by A
	inviteOC string // a client invite code of otherCoach
	resetA   string // a password-reset token of A
	n        int    // the cell number, for unique emails
}

const pw = "correct horse battery"

func newWorld(t *testing.T, svc *service.Service, n int) *world {
	t.Helper()
	w := &world{svc: svc, users: map[string]*crossroads.User{}, n: n}
	add := func(role string, r crossroads.Role) *crossroads.User {
		u := mustAdd(t, svc, fmt.Sprintf("%s.%d@example.com", strings.ToLower(role), n), r, pw)
		w.users[role] = u
		return u
	}
	a, _ := add("clientA", crossroads.RoleClient), add("clientB", crossroads.RoleClient)
	coach, _ := add("coachA", crossroads.RoleCoach), add("otherCoach", crossroads.RoleCoach)
	revoked, _ := add("revokedCoach", crossroads.RoleCoach), add("admin", crossroads.RoleAdmin)
	mustLink(t, svc, coach, a)
	mustLink(t, svc, revoked, a)
	var err error
	w.caseA, err = svc.CreateCase(as(a), 0, "A's decision", []byte("options: [stay, go]\n"))
	must(t, "CreateCase", err)
	mustShare(t, svc, w.caseA, a, coach)
	mustShare(t, svc, w.caseA, a, revoked)
	_, err = svc.GetCase(as(revoked), w.caseA.ID)
	must(t, "GetCase by revokedCoach before the revocation", err)
	must(t, "RevokeShare", svc.RevokeShare(as(a), w.caseA.ID, revoked.ID))
	w.shareA, err = svc.CreateShareCode(as(a), w.caseA.ID)
	must(t, "CreateShareCode", err)
	w.inviteOC, err = svc.CreateClientInvite(as(w.users["otherCoach"]))
	must(t, "CreateClientInvite", err)
	w.resetA, err = svc.CreateResetToken(operator, a.Email)
	must(t, "CreateResetToken", err)
	return w
}

// other returns, for Unlink, the other side of the link between client A
// and coachA as the acting user sees it.
func (w *world) other(ctx context.Context) int64 {
	if u := crossroads.UserFromContext(ctx); u != nil && u.Role == crossroads.RoleCoach {
		return w.users["clientA"].ID
	}
	return w.users["coachA"].ID
}

// notFound is what an operation that checks visibility returns when the
// acting user does not see the thing.
func notFound(what string) error {
	return crossroads.Errorf(crossroads.NotFound, "%s not visible", what)
}

// accessMatrix lists every service operation against every role. A cell is
// "ok" (allowed) or the kind of the refusal: U Unauthenticated, F
// Forbidden, NF NotFound. Columns: anonymous, client A (owner of caseA),
// client B, coachA (A's coach, caseA shared), another coach, the coach of A
// after A revoked the share, an administrator.
var accessMatrix = []struct {
	op    string
	cells string
	run   func(ctx context.Context, w *world) error
}{
	{"ListCases (sees caseA)", "U ok NF ok NF NF NF", func(ctx context.Context, w *world) error {
		cases, err := w.svc.ListCases(ctx)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(cases, func(c *crossroads.CaseRecord) bool { return c.ID == w.caseA.ID }) {
			return notFound("caseA")
		}
		return nil
	}},
	{"GetCase", "U ok NF ok NF NF NF", func(ctx context.Context, w *world) error {
		_, err := w.svc.GetCase(ctx, w.caseA.ID)
		return err
	}},
	{"CreateCase (for A)", "U ok F ok NF ok F", func(ctx context.Context, w *world) error {
		_, err := w.svc.CreateCase(ctx, w.users["clientA"].ID, "New", []byte("x: 1\n"))
		return err
	}},
	{"UpdateCase", "U ok NF ok NF NF NF", func(ctx context.Context, w *world) error {
		_, err := w.svc.UpdateCase(ctx, w.caseA.ID, w.caseA.Version, "Edited", []byte("x: 2\n"))
		return err
	}},
	{"DeleteCase", "U ok NF F NF NF NF", func(ctx context.Context, w *world) error {
		return w.svc.DeleteCase(ctx, w.caseA.ID)
	}},
	{"CaseAudit", "U ok NF F NF NF NF", func(ctx context.Context, w *world) error {
		_, err := w.svc.CaseAudit(ctx, w.caseA.ID)
		return err
	}},
	{"CreateShareCode", "U ok NF F NF NF NF", func(ctx context.Context, w *world) error {
		_, err := w.svc.CreateShareCode(ctx, w.caseA.ID)
		return err
	}},
	{"RedeemShareCode", "U F F ok F ok F", func(ctx context.Context, w *world) error {
		_, err := w.svc.RedeemShareCode(ctx, w.shareA)
		return err
	}},
	{"RevokeShare (coachA)", "U ok NF F NF NF NF", func(ctx context.Context, w *world) error {
		return w.svc.RevokeShare(ctx, w.caseA.ID, w.users["coachA"].ID)
	}},
	{"CaseShares", "U ok NF F NF NF NF", func(ctx context.Context, w *world) error {
		_, err := w.svc.CaseShares(ctx, w.caseA.ID)
		return err
	}},
	{"ListShares (sees caseA→coachA)", "U ok NF ok NF NF NF", func(ctx context.Context, w *world) error {
		shares, err := w.svc.ListShares(ctx)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(shares, func(s *crossroads.Share) bool {
			return s.CaseID == w.caseA.ID && s.CoachID == w.users["coachA"].ID && s.Active()
		}) {
			return notFound("the share")
		}
		return nil
	}},
	{"CreateClientInvite", "U F F ok ok ok F", func(ctx context.Context, w *world) error {
		_, err := w.svc.CreateClientInvite(ctx)
		return err
	}},
	{"RedeemClientInvite", "U ok ok F F F F", func(ctx context.Context, w *world) error {
		_, err := w.svc.RedeemClientInvite(ctx, w.inviteOC)
		return err
	}},
	{"ListLinks", "U ok ok ok ok ok ok", func(ctx context.Context, w *world) error {
		_, err := w.svc.ListLinks(ctx)
		return err
	}},
	{"Unlink (A–coachA, or own link with A)", "U ok NF ok NF ok F", func(ctx context.Context, w *world) error {
		return w.svc.Unlink(ctx, w.other(ctx))
	}},
	{"ExportMyData", "U ok ok ok ok ok ok", func(ctx context.Context, w *world) error {
		_, err := w.svc.ExportMyData(ctx)
		return err
	}},
	{"DeleteMyAccount", "U ok ok ok ok ok ok", func(ctx context.Context, w *world) error {
		return w.svc.DeleteMyAccount(ctx)
	}},
	{"SignUp", "ok ok ok ok ok ok ok", func(ctx context.Context, w *world) error {
		_, err := w.svc.SignUp(ctx, fmt.Sprintf("new.%d@example.com", w.n), "New", pw, crossroads.RoleClient)
		return err
	}},
	{"Authenticate (A)", "ok ok ok ok ok ok ok", func(ctx context.Context, w *world) error {
		_, err := w.svc.Authenticate(ctx, w.users["clientA"].Email, pw, "192.0.2.1")
		return err
	}},
	{"ResetPassword (A's token)", "ok ok ok ok ok ok ok", func(ctx context.Context, w *world) error {
		_, err := w.svc.ResetPassword(ctx, w.resetA, "another good password")
		return err
	}},
	{"SessionUser (A)", "ok ok ok ok ok ok ok", func(ctx context.Context, w *world) error {
		a := w.users["clientA"]
		_, err := w.svc.SessionUser(ctx, a.ID, a.SessionEpoch)
		return err
	}},
	{"EnsureLocalUser", "ok ok ok ok ok ok ok", func(ctx context.Context, w *world) error {
		_, err := w.svc.EnsureLocalUser(ctx)
		return err
	}},
	{"CreateResetToken (A)", "U F F F F F ok", func(ctx context.Context, w *world) error {
		_, err := w.svc.CreateResetToken(ctx, w.users["clientA"].Email)
		return err
	}},
	{"AddUser", "U F F F F F ok", func(ctx context.Context, w *world) error {
		_, err := w.svc.AddUser(ctx, fmt.Sprintf("added.%d@example.com", w.n), "Added", crossroads.RoleCoach, "")
		return err
	}},
	{"ListUsers", "U F F F F F ok", func(ctx context.Context, w *world) error {
		_, err := w.svc.ListUsers(ctx)
		return err
	}},
	{"DeleteUser (B)", "U F F F F F ok", func(ctx context.Context, w *world) error {
		_, err := w.svc.DeleteUser(ctx, w.users["clientB"].Email)
		return err
	}},
}

var cellKinds = map[string]crossroads.Kind{
	"U":  crossroads.Unauthenticated,
	"F":  crossroads.Forbidden,
	"NF": crossroads.NotFound,
}

// TestAccessMatrix runs every operation as every role, each in a fresh world,
// and checks that it is allowed or refused as the matrix says.
func TestAccessMatrix(t *testing.T) {
	forEachBackend(t, func(t *testing.T, svc *service.Service, clock *storetest.Clock) {
		n := 0
		for _, row := range accessMatrix {
			cells := strings.Fields(row.cells)
			if len(cells) != len(roles) {
				t.Fatalf("%s: %d cells, want %d", row.op, len(cells), len(roles))
			}
			for i, role := range roles {
				n++
				w := newWorld(t, svc, n)
				err := row.run(as(w.users[role]), w)
				want := cells[i]
				got := "ok"
				if err != nil {
					got = "?"
					for name, k := range cellKinds {
						if crossroads.ErrorKind(err) == k {
							got = name
						}
					}
				}
				if got != want {
					t.Errorf("%s as %s: got %s (%v), want %s", row.op, role, got, err, want)
				}
				if err != nil {
					// A refusal changes nothing.
					c, err := svc.Store.Case(context.Background(), w.caseA.ID)
					if err != nil || c.Version != w.caseA.Version || c.Title != w.caseA.Title {
						t.Errorf("%s as %s was refused but caseA is now %+v, %v", row.op, role, c, err)
					}
				}
			}
		}
	})
}
