package storetest

import (
	"time"

	"github.com/crossroads/crossroads"
	"github.com/google/go-cmp/cmp"
)

func testLinkInvite(e *env) {
	t := e.t
	coach := e.mustUser("carla@example.com", crossroads.RoleCoach)
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	bob := e.mustUser("bob@example.com", crossroads.RoleClient)

	code, err := e.s.CreateClientInvite(ctx(coach), coach.ID, time.Hour)
	must(t, "CreateClientInvite", err)
	if len(code) < 40 {
		t.Errorf("invite code %q is shorter than 40 characters", code)
	}
	e.clock.Advance(time.Minute)
	link, err := e.s.RedeemClientInvite(ctx(ada), code, ada.ID)
	must(t, "RedeemClientInvite", err)
	want := &crossroads.Link{CoachID: coach.ID, CoachName: coach.Name, CoachEmail: coach.Email,
		ClientID: ada.ID, ClientName: ada.Name, ClientEmail: ada.Email, CreatedAt: Start.Add(time.Minute)}
	if diff := cmp.Diff(want, link); diff != "" {
		t.Errorf("RedeemClientInvite mismatch (-want +got):\n%s", diff)
	}
	e.clock.Advance(time.Minute)
	e.mustLink(coach, bob)

	for _, tt := range []struct {
		name string
		f    crossroads.LinkFilter
		want []int64 // client ids
	}{
		{"Coach", crossroads.LinkFilter{CoachID: coach.ID}, []int64{ada.ID, bob.ID}},
		{"Client", crossroads.LinkFilter{ClientID: bob.ID}, []int64{bob.ID}},
		{"Both", crossroads.LinkFilter{CoachID: coach.ID, ClientID: ada.ID}, []int64{ada.ID}},
		{"Nobody", crossroads.LinkFilter{CoachID: ada.ID}, []int64{}},
	} {
		links, err := e.s.Links(ctx(nil), tt.f)
		must(t, "Links/"+tt.name, err)
		got := []int64{}
		for _, l := range links {
			got = append(got, l.ClientID)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Links/%s client ids (-want +got):\n%s", tt.name, diff)
		}
	}
	for _, tt := range []struct {
		coach, client int64
		want          bool
	}{{coach.ID, ada.ID, true}, {coach.ID, bob.ID, true}, {ada.ID, coach.ID, false}, {coach.ID, 999, false}} {
		got, err := e.s.Linked(ctx(nil), tt.coach, tt.client)
		must(t, "Linked", err)
		if got != tt.want {
			t.Errorf("Linked(%d, %d) = %v, want %v", tt.coach, tt.client, got, tt.want)
		}
	}
}

func testLinkCodeRules(e *env) {
	t := e.t
	coach := e.mustUser("carla@example.com", crossroads.RoleCoach)
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	bob := e.mustUser("bob@example.com", crossroads.RoleClient)

	_, err := e.s.CreateClientInvite(ctx(coach), coach.ID, 0)
	wantKind(t, "CreateClientInvite(ttl 0)", err, crossroads.Invalid, "must be positive")
	_, err = e.s.CreateClientInvite(ctx(nil), 999, time.Hour)
	wantKind(t, "CreateClientInvite(unknown coach)", err, crossroads.NotFound, "user 999 not found")
	_, err = e.s.RedeemClientInvite(ctx(ada), "no-such-code", ada.ID)
	wantKind(t, "RedeemClientInvite(unknown)", err, crossroads.NotFound, "unknown, already used or expired")

	code, err := e.s.CreateClientInvite(ctx(coach), coach.ID, time.Hour)
	must(t, "CreateClientInvite", err)
	_, err = e.s.RedeemClientInvite(ctx(coach), code, coach.ID)
	wantKind(t, "RedeemClientInvite(own code)", err, crossroads.Invalid, "your own invite code")
	_, err = e.s.RedeemClientInvite(ctx(ada), code, ada.ID)
	must(t, "RedeemClientInvite", err)
	_, err = e.s.RedeemClientInvite(ctx(bob), code, bob.ID)
	wantKind(t, "RedeemClientInvite(used)", err, crossroads.NotFound, "unknown, already used or expired")

	// Already linked: Conflict, and the code stays usable for someone else.
	code, err = e.s.CreateClientInvite(ctx(coach), coach.ID, time.Hour)
	must(t, "CreateClientInvite", err)
	_, err = e.s.RedeemClientInvite(ctx(ada), code, ada.ID)
	wantKind(t, "RedeemClientInvite(already linked)", err, crossroads.Conflict, "already a client of this coach")
	_, err = e.s.RedeemClientInvite(ctx(bob), code, bob.ID)
	must(t, "RedeemClientInvite after a conflict", err)

	// Expiry follows the store's clock.
	code, err = e.s.CreateClientInvite(ctx(coach), coach.ID, time.Hour)
	must(t, "CreateClientInvite", err)
	e.clock.Advance(time.Hour)
	dan := e.mustUser("dan@example.com", crossroads.RoleClient)
	_, err = e.s.RedeemClientInvite(ctx(dan), code, dan.ID)
	wantKind(t, "RedeemClientInvite(expired)", err, crossroads.NotFound, "unknown, already used or expired")
}

func testLinkDelete(e *env) {
	t := e.t
	coach := e.mustUser("carla@example.com", crossroads.RoleCoach)
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	e.mustLink(coach, ada)
	c1 := e.mustCase(ada, nil, "One", "1")
	c2 := e.mustCase(ada, nil, "Two", "2")
	e.mustShare(c1, ada, coach)
	e.mustShare(c2, ada, coach)
	must(t, "RevokeShare", e.s.RevokeShare(ctx(ada), c2.ID, coach.ID))

	e.clock.Advance(time.Minute)
	must(t, "DeleteLink", e.s.DeleteLink(ctx(ada), coach.ID, ada.ID))
	linked, err := e.s.Linked(ctx(nil), coach.ID, ada.ID)
	must(t, "Linked", err)
	if linked {
		t.Error("Linked after DeleteLink = true")
	}
	active, err := e.s.Shares(ctx(nil), crossroads.ShareFilter{CoachID: coach.ID, ActiveOnly: true})
	must(t, "Shares", err)
	if len(active) != 0 {
		t.Errorf("%d active shares with the coach after the link ended, want 0", len(active))
	}
	entries, err := e.s.AuditEntries(ctx(nil), crossroads.AuditFilter{CaseID: c1.ID})
	must(t, "AuditEntries", err)
	last := entries[len(entries)-1]
	if last.Action != crossroads.ActionRevoke || last.ActorID != ada.ID || !last.At.Equal(Start.Add(time.Minute)) {
		t.Errorf("last audit entry of the shared case = %+v, want a revoke by %d at the link's end", last, ada.ID)
	}
	wantKind(t, "DeleteLink again", e.s.DeleteLink(ctx(ada), coach.ID, ada.ID), crossroads.NotFound, "is not a client of coach")
}
