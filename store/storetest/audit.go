package storetest

import (
	"time"

	"github.com/crossroads/crossroads"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func testAuditEntries(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	coach := e.mustUser("carla@example.com", crossroads.RoleCoach)
	e.mustLink(coach, ada)
	step := func() time.Time { e.clock.Advance(time.Second); return e.clock.Now() }

	t0 := e.clock.Now()
	c := e.mustCase(ada, nil, "Audited", "v1")
	t1 := step()
	e.mustShare(c, ada, coach)
	t2 := step()
	must(t, "RecordAudit(view)", e.s.RecordAudit(ctx(coach), c.ID, crossroads.ActionView))
	t3 := step()
	_, err := e.s.UpdateCase(ctx(coach), c.ID, 1, "Audited, renamed", []byte("v2"))
	must(t, "UpdateCase", err)
	t4 := step()
	must(t, "RevokeShare", e.s.RevokeShare(ctx(ada), c.ID, coach.ID))
	t5 := step()
	must(t, "RecordAudit(export, no actor)", e.s.RecordAudit(ctx(nil), c.ID, crossroads.ActionExport))
	t6 := step()
	must(t, "DeleteCase", e.s.DeleteCase(ctx(ada), c.ID))
	other := e.mustCase(coach, nil, "The coach's own", "")

	entry := func(actor *crossroads.User, action crossroads.Action, title string, at time.Time) *crossroads.AuditEntry {
		a := &crossroads.AuditEntry{OwnerID: ada.ID, CaseID: c.ID, CaseTitle: title, Action: action, At: at}
		if actor != nil {
			a.ActorID, a.ActorName, a.ActorEmail = actor.ID, actor.Name, actor.Email
		}
		return a
	}
	want := []*crossroads.AuditEntry{
		entry(ada, crossroads.ActionCreate, "Audited", t0),
		entry(coach, crossroads.ActionShare, "Audited", t1),
		entry(coach, crossroads.ActionView, "Audited", t2),
		entry(coach, crossroads.ActionUpdate, "Audited, renamed", t3),
		entry(ada, crossroads.ActionRevoke, "Audited, renamed", t4),
		entry(nil, crossroads.ActionExport, "Audited, renamed", t5),
		entry(ada, crossroads.ActionDelete, "Audited, renamed", t6),
	}
	ignoreID := cmpopts.IgnoreFields(crossroads.AuditEntry{}, "ID")
	for _, tt := range []struct {
		name string
		f    crossroads.AuditFilter
		want []*crossroads.AuditEntry
	}{
		{"Case", crossroads.AuditFilter{CaseID: c.ID}, want},
		{"Owner", crossroads.AuditFilter{OwnerID: ada.ID}, want},
		{"Actor", crossroads.AuditFilter{ActorID: coach.ID}, append(want[1:4:4],
			&crossroads.AuditEntry{OwnerID: coach.ID, CaseID: other.ID, CaseTitle: other.Title, ActorID: coach.ID,
				ActorName: coach.Name, ActorEmail: coach.Email, Action: crossroads.ActionCreate, At: t6})},
		{"ActorAndOwner", crossroads.AuditFilter{ActorID: ada.ID, OwnerID: ada.ID}, []*crossroads.AuditEntry{want[0], want[4], want[6]}},
	} {
		got, err := e.s.AuditEntries(ctx(nil), tt.f)
		must(t, "AuditEntries/"+tt.name, err)
		if diff := cmp.Diff(tt.want, got, ignoreID); diff != "" {
			t.Errorf("AuditEntries/%s mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}

func testAuditRecordErrors(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	c := e.mustCase(ada, nil, "Audited", "")
	wantKind(t, "RecordAudit(bad action)", e.s.RecordAudit(ctx(ada), c.ID, "peek"), crossroads.Invalid, `audit action "peek"`)
	wantKind(t, "RecordAudit(unknown case)", e.s.RecordAudit(ctx(ada), 999, crossroads.ActionView), crossroads.NotFound, "case 999 not found")
}
