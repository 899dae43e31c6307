package storetest

import (
	"encoding/json"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/google/go-cmp/cmp"
)

// world is a small population: two clients of one coach, with cases, shares,
// codes, tokens and audit entries.
type world struct {
	ada, bob, coach           *crossroads.User
	adaCase, bobCase, byCoach *crossroads.CaseRecord
}

func (e *env) world() *world {
	t := e.t
	w := &world{
		ada:   e.mustUser("ada@example.com", crossroads.RoleClient),
		bob:   e.mustUser("bob@example.com", crossroads.RoleClient),
		coach: e.mustUser("carla@example.com", crossroads.RoleCoach),
	}
	e.mustLink(w.coach, w.ada)
	e.mustLink(w.coach, w.bob)
	w.adaCase = e.mustCase(w.ada, nil, "Ada's decision", "ada: 1\n")
	w.bobCase = e.mustCase(w.bob, nil, "Bob's decision", "bob: 1\n")
	w.byCoach = e.mustCase(w.ada, w.coach, "Drafted by Carla", "carla: 1\n")
	e.mustShare(w.adaCase, w.ada, w.coach)
	e.mustShare(w.bobCase, w.bob, w.coach)
	must(t, "RecordAudit", e.s.RecordAudit(ctx(w.coach), w.adaCase.ID, crossroads.ActionView))
	must(t, "RecordAudit", e.s.RecordAudit(ctx(w.coach), w.bobCase.ID, crossroads.ActionView))
	must(t, "RecordAudit", e.s.RecordAudit(ctx(w.ada), w.adaCase.ID, crossroads.ActionView))
	_, err := e.s.CreateShareCode(ctx(w.ada), w.adaCase.ID, time.Hour)
	must(t, "CreateShareCode", err)
	_, err = e.s.CreateClientInvite(ctx(w.coach), w.coach.ID, time.Hour)
	must(t, "CreateClientInvite", err)
	_, err = e.s.CreateResetToken(ctx(nil), w.ada.ID, time.Hour)
	must(t, "CreateResetToken", err)
	return w
}

func testDeleteClient(e *env) {
	t := e.t
	w := e.world()
	bobBefore, err := e.s.Export(ctx(nil), w.bob.ID)
	must(t, "Export(bob)", err)

	must(t, "DeleteUser", e.s.DeleteUser(ctx(nil), w.ada.ID))
	_, err = e.s.User(ctx(nil), w.ada.ID)
	wantKind(t, "User after delete", err, crossroads.NotFound, "not found")
	for _, c := range []*crossroads.CaseRecord{w.adaCase, w.byCoach} {
		_, err := e.s.Case(ctx(nil), c.ID)
		wantKind(t, "Case after its owner's deletion", err, crossroads.NotFound, "not found")
	}
	if shares, err := e.s.Shares(ctx(nil), crossroads.ShareFilter{OwnerID: w.ada.ID}); err != nil || len(shares) != 0 {
		t.Errorf("Shares of the deleted owner = %v, %v; want none", shares, err)
	}
	if links, err := e.s.Links(ctx(nil), crossroads.LinkFilter{ClientID: w.ada.ID}); err != nil || len(links) != 0 {
		t.Errorf("Links of the deleted client = %v, %v; want none", links, err)
	}
	for _, f := range []crossroads.AuditFilter{{OwnerID: w.ada.ID}, {ActorID: w.ada.ID}, {CaseID: w.adaCase.ID}} {
		if entries, err := e.s.AuditEntries(ctx(nil), f); err != nil || len(entries) != 0 {
			t.Errorf("AuditEntries(%+v) after the deletion = %v, %v; want none", f, entries, err)
		}
	}
	// Bob's data is untouched.
	bobAfter, err := e.s.Export(ctx(nil), w.bob.ID)
	must(t, "Export(bob)", err)
	if diff := cmp.Diff(bobBefore, bobAfter); diff != "" {
		t.Errorf("deleting Ada changed Bob's data (-before +after):\n%s", diff)
	}
}

func testDeleteCoach(e *env) {
	t := e.t
	w := e.world()
	must(t, "DeleteUser", e.s.DeleteUser(ctx(nil), w.coach.ID))

	// The client keeps the case the coach wrote, without its author.
	c, err := e.s.Case(ctx(nil), w.byCoach.ID)
	must(t, "Case written by the deleted coach", err)
	if c.CreatedBy != 0 {
		t.Errorf("CreatedBy = %d after the author's deletion, want 0", c.CreatedBy)
	}
	if shares, err := e.s.Shares(ctx(nil), crossroads.ShareFilter{CoachID: w.coach.ID}); err != nil || len(shares) != 0 {
		t.Errorf("Shares with the deleted coach = %v, %v; want none", shares, err)
	}
	if links, err := e.s.Links(ctx(nil), crossroads.LinkFilter{CoachID: w.coach.ID}); err != nil || len(links) != 0 {
		t.Errorf("Links of the deleted coach = %v, %v; want none", links, err)
	}
	// Ada's log still says her case was viewed, by an account that is gone.
	entries, err := e.s.AuditEntries(ctx(nil), crossroads.AuditFilter{CaseID: w.adaCase.ID})
	must(t, "AuditEntries", err)
	var views []int64
	for _, a := range entries {
		if a.Action == crossroads.ActionView {
			views = append(views, a.ActorID)
			if a.ActorID == 0 && (a.ActorName != "" || a.ActorEmail != "") {
				t.Errorf("anonymised entry still names %q <%s>", a.ActorName, a.ActorEmail)
			}
		}
	}
	if diff := cmp.Diff([]int64{0, w.ada.ID}, views); diff != "" {
		t.Errorf("actors of the view entries of Ada's case (-want +got):\n%s", diff)
	}
}

func testExport(e *env) {
	t := e.t
	w := e.world()
	e.clock.Advance(time.Hour)
	x, err := e.s.Export(ctx(w.ada), w.ada.ID)
	must(t, "Export", err)
	wantTime(t, "ExportedAt", x.ExportedAt, Start.Add(time.Hour))
	if diff := cmp.Diff(w.ada, x.User); diff != "" {
		t.Errorf("Export.User (-want +got):\n%s", diff)
	}
	docs := map[int64]string{}
	for _, c := range x.Cases {
		docs[c.ID] = c.Document
	}
	if diff := cmp.Diff(map[int64]string{w.adaCase.ID: "ada: 1\n", w.byCoach.ID: "carla: 1\n"}, docs); diff != "" {
		t.Errorf("exported documents by case id (-want +got):\n%s", diff)
	}
	var shared []int64
	for _, s := range x.Shares {
		shared = append(shared, s.CaseID)
	}
	if diff := cmp.Diff([]int64{w.adaCase.ID, w.byCoach.ID}, shared, sortedIDs); diff != "" {
		t.Errorf("exported shares by case id (-want +got):\n%s", diff)
	}
	if len(x.Links) != 1 || x.Links[0].CoachID != w.coach.ID {
		t.Errorf("exported links = %+v, want the one with the coach", x.Links)
	}
	for _, a := range x.Audit {
		if a.OwnerID != w.ada.ID {
			t.Errorf("exported audit entry %+v is not about Ada's cases", a)
		}
	}
	if n := len(x.Audit); n != 6 { // create ×2, share ×2 (one with the coach's case), view ×2
		t.Errorf("exported %d audit entries, want 6: %+v", n, x.Audit)
	}
	if len(x.Activity) != 0 {
		t.Errorf("Ada's activity on others' cases = %+v, want none", x.Activity)
	}
	// The coach's export holds their actions on their clients' cases.
	xc, err := e.s.Export(ctx(w.coach), w.coach.ID)
	must(t, "Export(coach)", err)
	var acts []crossroads.Action
	for _, a := range xc.Activity {
		acts = append(acts, a.Action)
	}
	want := []crossroads.Action{"create", "share", "share", "share", "view", "view"}
	if diff := cmp.Diff(want, acts); diff != "" {
		t.Errorf("coach's activity (-want +got):\n%s", diff)
	}
	if len(xc.Cases) != 0 || len(xc.Links) != 2 || len(xc.Shares) != 3 {
		t.Errorf("coach's export has %d cases, %d links, %d shares; want 0, 2, 3", len(xc.Cases), len(xc.Links), len(xc.Shares))
	}
	if _, err := json.Marshal(x); err != nil {
		t.Errorf("json.Marshal(export): %v", err)
	}
	_, err = e.s.Export(ctx(nil), 999)
	wantKind(t, "Export(999)", err, crossroads.NotFound, "user 999 not found")
}
