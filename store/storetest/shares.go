package storetest

import (
	"time"

	"github.com/crossroads/crossroads"
	"github.com/google/go-cmp/cmp"
)

func testShareAndRevoke(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	coach := e.mustUser("carla@example.com", crossroads.RoleCoach)
	c := e.mustCase(ada, nil, "To share", "doc")

	code, err := e.s.CreateShareCode(ctx(ada), c.ID, time.Hour)
	must(t, "CreateShareCode", err)
	peek, err := e.s.ShareCodeCase(ctx(coach), code)
	must(t, "ShareCodeCase", err)
	if peek.ID != c.ID || peek.OwnerID != ada.ID || peek.Document != nil {
		t.Errorf("ShareCodeCase = %+v, want case %d of owner %d without document", peek, c.ID, ada.ID)
	}
	e.clock.Advance(time.Minute)
	sh, err := e.s.RedeemShareCode(ctx(coach), code, coach.ID)
	must(t, "RedeemShareCode", err)
	want := &crossroads.Share{CaseID: c.ID, CaseTitle: c.Title, OwnerID: ada.ID, CoachID: coach.ID,
		CoachName: coach.Name, CoachEmail: coach.Email, CreatedAt: Start.Add(time.Minute)}
	if diff := cmp.Diff(want, sh); diff != "" {
		t.Errorf("RedeemShareCode mismatch (-want +got):\n%s", diff)
	}

	// A share reaches the coach only while the owner is their client.
	shared := func(want bool, when string) {
		t.Helper()
		got, err := e.s.IsSharedWith(ctx(coach), c.ID, coach.ID)
		must(t, "IsSharedWith", err)
		if got != want {
			t.Errorf("IsSharedWith %s = %v, want %v", when, got, want)
		}
		cases, err := e.s.Cases(ctx(coach), crossroads.CaseFilter{SharedWith: coach.ID})
		must(t, "Cases(shared)", err)
		if got := len(cases) == 1 && cases[0].ID == c.ID; got != want {
			t.Errorf("Cases(shared with coach) %s = %v, want the case listed: %v", when, cases, want)
		}
	}
	shared(false, "before the link")
	e.mustLink(coach, ada)
	shared(true, "with share and link")

	e.clock.Advance(time.Minute)
	must(t, "RevokeShare", e.s.RevokeShare(ctx(ada), c.ID, coach.ID))
	shared(false, "right after the revocation")
	shares, err := e.s.Shares(ctx(ada), crossroads.ShareFilter{CaseID: c.ID})
	must(t, "Shares", err)
	revokedAt := Start.Add(2 * time.Minute)
	want.RevokedAt = &revokedAt
	if diff := cmp.Diff([]*crossroads.Share{want}, shares); diff != "" {
		t.Errorf("Shares after revocation mismatch (-want +got):\n%s", diff)
	}
	if shares[0].Active() {
		t.Error("revoked share reports Active")
	}
	wantKind(t, "RevokeShare again", e.s.RevokeShare(ctx(ada), c.ID, coach.ID), crossroads.NotFound, "is not shared with")

	// A new code makes the share active again.
	e.clock.Advance(time.Minute)
	e.mustShare(c, ada, coach)
	shared(true, "after sharing again")
	shares, err = e.s.Shares(ctx(ada), crossroads.ShareFilter{CaseID: c.ID})
	must(t, "Shares", err)
	if len(shares) != 1 || !shares[0].Active() || !shares[0].CreatedAt.Equal(Start.Add(3*time.Minute)) {
		t.Errorf("Shares after sharing again = %+v, want one active share created now", shares)
	}
}

func testShareCodeRules(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	coach := e.mustUser("carla@example.com", crossroads.RoleCoach)
	other := e.mustUser("otto@example.com", crossroads.RoleCoach)
	c := e.mustCase(ada, nil, "To share", "doc")

	_, err := e.s.CreateShareCode(ctx(ada), c.ID, -time.Second)
	wantKind(t, "CreateShareCode(negative ttl)", err, crossroads.Invalid, "must be positive")
	_, err = e.s.CreateShareCode(ctx(ada), 999, time.Hour)
	wantKind(t, "CreateShareCode(unknown case)", err, crossroads.NotFound, "case 999 not found")
	_, err = e.s.ShareCodeCase(ctx(coach), "nonsense")
	wantKind(t, "ShareCodeCase(unknown)", err, crossroads.NotFound, "unknown, already used or expired")
	_, err = e.s.RedeemShareCode(ctx(coach), "nonsense", coach.ID)
	wantKind(t, "RedeemShareCode(unknown)", err, crossroads.NotFound, "unknown, already used or expired")

	code, err := e.s.CreateShareCode(ctx(ada), c.ID, time.Hour)
	must(t, "CreateShareCode", err)
	_, err = e.s.RedeemShareCode(ctx(nil), code, 999)
	wantKind(t, "RedeemShareCode(unknown coach)", err, crossroads.NotFound, "user 999 not found")
	_, err = e.s.RedeemShareCode(ctx(coach), code, coach.ID)
	must(t, "RedeemShareCode", err)
	_, err = e.s.RedeemShareCode(ctx(other), code, other.ID)
	wantKind(t, "RedeemShareCode(used)", err, crossroads.NotFound, "unknown, already used or expired")
	_, err = e.s.ShareCodeCase(ctx(other), code)
	wantKind(t, "ShareCodeCase(used)", err, crossroads.NotFound, "unknown, already used or expired")

	code, err = e.s.CreateShareCode(ctx(ada), c.ID, time.Hour)
	must(t, "CreateShareCode", err)
	e.clock.Advance(time.Hour - time.Microsecond)
	_, err = e.s.ShareCodeCase(ctx(other), code)
	must(t, "ShareCodeCase just before expiry", err)
	e.clock.Advance(time.Microsecond)
	_, err = e.s.RedeemShareCode(ctx(other), code, other.ID)
	wantKind(t, "RedeemShareCode(expired)", err, crossroads.NotFound, "unknown, already used or expired")

	// Deleting the case deletes its codes.
	code, err = e.s.CreateShareCode(ctx(ada), c.ID, time.Hour)
	must(t, "CreateShareCode", err)
	must(t, "DeleteCase", e.s.DeleteCase(ctx(ada), c.ID))
	_, err = e.s.RedeemShareCode(ctx(other), code, other.ID)
	wantKind(t, "RedeemShareCode(deleted case)", err, crossroads.NotFound, "unknown, already used or expired")
	shares, err := e.s.Shares(ctx(nil), crossroads.ShareFilter{})
	must(t, "Shares", err)
	if len(shares) != 0 {
		t.Errorf("%d shares left after the case was deleted, want 0", len(shares))
	}
}

func testShareFilters(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	bob := e.mustUser("bob@example.com", crossroads.RoleClient)
	carla := e.mustUser("carla@example.com", crossroads.RoleCoach)
	otto := e.mustUser("otto@example.com", crossroads.RoleCoach)
	a1 := e.mustCase(ada, nil, "A1", "")
	a2 := e.mustCase(ada, nil, "A2", "")
	b1 := e.mustCase(bob, nil, "B1", "")
	type pair struct{ Case, Coach int64 }
	e.mustShare(a1, ada, carla)
	e.clock.Advance(time.Second)
	e.mustShare(a2, ada, carla)
	e.clock.Advance(time.Second)
	e.mustShare(a1, ada, otto)
	e.clock.Advance(time.Second)
	e.mustShare(b1, bob, otto)
	must(t, "RevokeShare", e.s.RevokeShare(ctx(ada), a2.ID, carla.ID))

	for _, tt := range []struct {
		name string
		f    crossroads.ShareFilter
		want []pair
	}{
		{"All", crossroads.ShareFilter{}, []pair{{a1.ID, carla.ID}, {a2.ID, carla.ID}, {a1.ID, otto.ID}, {b1.ID, otto.ID}}},
		{"Case", crossroads.ShareFilter{CaseID: a1.ID}, []pair{{a1.ID, carla.ID}, {a1.ID, otto.ID}}},
		{"Owner", crossroads.ShareFilter{OwnerID: bob.ID}, []pair{{b1.ID, otto.ID}}},
		{"Coach", crossroads.ShareFilter{CoachID: carla.ID}, []pair{{a1.ID, carla.ID}, {a2.ID, carla.ID}}},
		{"CoachActive", crossroads.ShareFilter{CoachID: carla.ID, ActiveOnly: true}, []pair{{a1.ID, carla.ID}}},
		{"OwnerAndCoach", crossroads.ShareFilter{OwnerID: ada.ID, CoachID: otto.ID}, []pair{{a1.ID, otto.ID}}},
	} {
		shares, err := e.s.Shares(ctx(nil), tt.f)
		must(t, "Shares/"+tt.name, err)
		got := []pair{}
		for _, s := range shares {
			got = append(got, pair{s.CaseID, s.CoachID})
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Shares/%s (-want +got):\n%s", tt.name, diff)
		}
	}
}
