package storetest

import (
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func testCaseCRUD(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	c := &crossroads.CaseRecord{OwnerID: ada.ID, Title: "Call centre or data entry", Document: []byte("title: x\n"), Format: "yaml"}
	must(t, "CreateCase", e.s.CreateCase(ctx(ada), c))
	if c.ID == 0 || c.Version != 1 || c.CreatedBy != ada.ID {
		t.Fatalf("after CreateCase: ID %d, Version %d, CreatedBy %d; want ID set, 1, %d", c.ID, c.Version, c.CreatedBy, ada.ID)
	}
	wantTime(t, "CreatedAt", c.CreatedAt, Start)
	wantTime(t, "UpdatedAt", c.UpdatedAt, Start)

	got, err := e.s.Case(ctx(ada), c.ID)
	must(t, "Case", err)
	if diff := cmp.Diff(c, got); diff != "" {
		t.Errorf("Case mismatch (-want +got):\n%s", diff)
	}

	e.clock.Advance(time.Minute)
	up, err := e.s.UpdateCase(ctx(ada), c.ID, 1, "Renamed", []byte("title: y\n"))
	must(t, "UpdateCase", err)
	want := *c
	want.Title, want.Document, want.Version, want.UpdatedAt = "Renamed", []byte("title: y\n"), 2, Start.Add(time.Minute)
	if diff := cmp.Diff(&want, up); diff != "" {
		t.Errorf("UpdateCase result mismatch (-want +got):\n%s", diff)
	}
	got, err = e.s.Case(ctx(ada), c.ID)
	must(t, "Case", err)
	if diff := cmp.Diff(&want, got); diff != "" {
		t.Errorf("Case after update mismatch (-want +got):\n%s", diff)
	}

	must(t, "DeleteCase", e.s.DeleteCase(ctx(ada), c.ID))
	_, err = e.s.Case(ctx(ada), c.ID)
	wantKind(t, "Case after delete", err, crossroads.NotFound, fmt.Sprintf("case %d not found", c.ID))
	wantKind(t, "DeleteCase again", e.s.DeleteCase(ctx(ada), c.ID), crossroads.NotFound, "not found")
}

func testCaseList(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	bob := e.mustUser("bob@example.com", crossroads.RoleClient)
	a1 := e.mustCase(ada, nil, "First", "one")
	e.clock.Advance(time.Second)
	a2 := e.mustCase(ada, nil, "Second", "two")
	e.clock.Advance(time.Second)
	b1 := e.mustCase(bob, nil, "Bob's", "three")
	e.clock.Advance(time.Second)
	a1, err := e.s.UpdateCase(ctx(ada), a1.ID, 1, "First, edited", []byte("one more"))
	must(t, "UpdateCase", err)

	noDoc := func(cs ...*crossroads.CaseRecord) []*crossroads.CaseRecord {
		var out []*crossroads.CaseRecord
		for _, c := range cs {
			c2 := *c
			c2.Document = nil
			out = append(out, &c2)
		}
		return out
	}
	got, err := e.s.Cases(ctx(ada), crossroads.CaseFilter{OwnerID: ada.ID})
	must(t, "Cases(owner)", err)
	if diff := cmp.Diff(noDoc(a1, a2), got); diff != "" {
		t.Errorf("Cases(owner) mismatch, most recently updated first, no documents (-want +got):\n%s", diff)
	}
	got, err = e.s.Cases(ctx(ada), crossroads.CaseFilter{OwnerID: ada.ID, WithDocuments: true})
	must(t, "Cases(owner, documents)", err)
	if diff := cmp.Diff([]*crossroads.CaseRecord{a1, a2}, got); diff != "" {
		t.Errorf("Cases(owner, documents) mismatch (-want +got):\n%s", diff)
	}
	got, err = e.s.Cases(ctx(nil), crossroads.CaseFilter{})
	must(t, "Cases(all)", err)
	if diff := cmp.Diff(noDoc(a1, b1, a2), got); diff != "" {
		t.Errorf("Cases(all) mismatch (-want +got):\n%s", diff)
	}
	got, err = e.s.Cases(ctx(nil), crossroads.CaseFilter{OwnerID: 999})
	must(t, "Cases(nobody)", err)
	if got == nil || len(got) != 0 {
		t.Errorf("Cases(nobody) = %#v, want an empty, non-nil list", got)
	}
}

func testCaseInvalid(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	tests := []struct {
		name string
		c    crossroads.CaseRecord
		kind crossroads.Kind
		msg  string
	}{
		{"Title", crossroads.CaseRecord{OwnerID: ada.ID, Title: " ", Format: "yaml"}, crossroads.Invalid, "title is required"},
		{"Format", crossroads.CaseRecord{OwnerID: ada.ID, Title: "t", Format: "xml"}, crossroads.Invalid, `format "xml"`},
		{"Document", crossroads.CaseRecord{OwnerID: ada.ID, Title: "t", Format: "yaml", Document: []byte{0xff}}, crossroads.Invalid, "UTF-8"},
		{"Owner", crossroads.CaseRecord{OwnerID: 999, Title: "t", Format: "yaml"}, crossroads.NotFound, "user 999 not found"},
		{"Creator", crossroads.CaseRecord{OwnerID: ada.ID, CreatedBy: 998, Title: "t", Format: "yaml"}, crossroads.NotFound, "user 998 not found"},
	}
	for _, tt := range tests {
		c := tt.c
		wantKind(t, "CreateCase/"+tt.name, e.s.CreateCase(ctx(ada), &c), tt.kind, tt.msg)
	}
	got, err := e.s.Cases(ctx(nil), crossroads.CaseFilter{})
	must(t, "Cases", err)
	if len(got) != 0 {
		t.Errorf("got %d cases after invalid ones, want 0", len(got))
	}

	c := e.mustCase(ada, nil, "Valid", "doc")
	_, err = e.s.UpdateCase(ctx(ada), c.ID, 1, "", []byte("doc"))
	wantKind(t, "UpdateCase(empty title)", err, crossroads.Invalid, "title is required")
	_, err = e.s.UpdateCase(ctx(ada), c.ID, 1, "t", []byte{0xc3})
	wantKind(t, "UpdateCase(bad UTF-8)", err, crossroads.Invalid, "UTF-8")
	got1, err := e.s.Case(ctx(ada), c.ID)
	must(t, "Case", err)
	if diff := cmp.Diff(c, got1); diff != "" {
		t.Errorf("a refused update changed the case (-want +got):\n%s", diff)
	}
}

func testCaseNotFound(e *env) {
	t := e.t
	c, err := e.s.Case(ctx(nil), 999)
	wantKind(t, "Case(999)", err, crossroads.NotFound, "case 999 not found")
	if c != nil {
		t.Errorf("Case(999) returned %+v with its error", c)
	}
	c, err = e.s.UpdateCase(ctx(nil), 999, 1, "t", nil)
	wantKind(t, "UpdateCase(999)", err, crossroads.NotFound, "case 999 not found")
	if c != nil {
		t.Errorf("UpdateCase(999) returned %+v with its error", c)
	}
	wantKind(t, "DeleteCase(999)", e.s.DeleteCase(ctx(nil), 999), crossroads.NotFound, "case 999 not found")
}

func testCaseCreatedByCoach(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	coach := e.mustUser("carla@example.com", crossroads.RoleCoach)
	e.mustLink(coach, ada)
	c := e.mustCase(ada, coach, "Written by the coach", "doc")
	if c.OwnerID != ada.ID || c.CreatedBy != coach.ID {
		t.Errorf("got owner %d, created by %d; want %d, %d", c.OwnerID, c.CreatedBy, ada.ID, coach.ID)
	}
	ok, err := e.s.IsSharedWith(ctx(coach), c.ID, coach.ID)
	must(t, "IsSharedWith", err)
	if !ok {
		t.Error("a case a coach created for their client is not shared with the coach")
	}
	got, err := e.s.Cases(ctx(coach), crossroads.CaseFilter{SharedWith: coach.ID})
	must(t, "Cases(shared)", err)
	if len(got) != 1 || got[0].ID != c.ID {
		t.Errorf("Cases(shared with coach) = %v, want case %d", got, c.ID)
	}
}

// testCaseVersionConflict: two editors load version 1; the first save wins,
// the second is refused with Conflict and, after a reload, saves on top.
func testCaseVersionConflict(e *env) {
	t := e.t
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	coach := e.mustUser("carla@example.com", crossroads.RoleCoach)
	c := e.mustCase(ada, nil, "Shared", "base\n")

	first, err := e.s.Case(ctx(ada), c.ID)
	must(t, "Case (first editor)", err)
	second, err := e.s.Case(ctx(coach), c.ID)
	must(t, "Case (second editor)", err)

	saved, err := e.s.UpdateCase(ctx(ada), first.ID, first.Version, "Shared", []byte("base\nfirst\n"))
	must(t, "UpdateCase (first editor)", err)
	if saved.Version != 2 {
		t.Fatalf("version after the first save = %d, want 2", saved.Version)
	}
	lost, err := e.s.UpdateCase(ctx(coach), second.ID, second.Version, "Shared", []byte("base\nsecond\n"))
	wantKind(t, "UpdateCase (second editor)", err, crossroads.Conflict,
		"this case was changed by someone else since you opened it (version 1, now 2); reload to see their changes")
	if lost != nil {
		t.Errorf("the refused update returned %+v", lost)
	}
	got, err := e.s.Case(ctx(ada), c.ID)
	must(t, "Case", err)
	if string(got.Document) != "base\nfirst\n" || got.Version != 2 {
		t.Fatalf("after the conflict: version %d, document %q; want 2, the first editor's", got.Version, got.Document)
	}
	// The second editor reloads and applies their change on top.
	merged := append(got.Document, "second\n"...)
	got, err = e.s.UpdateCase(ctx(coach), got.ID, got.Version, got.Title, merged)
	must(t, "UpdateCase after reload", err)
	if string(got.Document) != "base\nfirst\nsecond\n" || got.Version != 3 {
		t.Errorf("after the reload: version %d, document %q; want 3 with both changes", got.Version, got.Document)
	}
	entries, err := e.s.AuditEntries(ctx(ada), crossroads.AuditFilter{CaseID: c.ID})
	must(t, "AuditEntries", err)
	var updates []int64
	for _, a := range entries {
		if a.Action == crossroads.ActionUpdate {
			updates = append(updates, a.ActorID)
		}
	}
	if diff := cmp.Diff([]int64{ada.ID, coach.ID}, updates); diff != "" {
		t.Errorf("actors of the update entries (-want +got); the refused update must leave none:\n%s", diff)
	}
}

// testCaseConcurrentUpdates races several writers, each reading the case and
// saving on the version it read. Each version must have exactly one winner.
func testCaseConcurrentUpdates(e *env) {
	t := e.t
	const (
		writers  = 8
		attempts = 10
	)
	ada := e.mustUser("ada@example.com", crossroads.RoleClient)
	c := e.mustCase(ada, nil, "Contended", "0")

	var (
		mu       sync.Mutex
		versions []int64 // the versions that successful updates produced
		failures []error // errors other than Conflict
		wg       sync.WaitGroup
	)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range attempts {
				cur, err := e.s.Case(ctx(ada), c.ID)
				if err != nil {
					mu.Lock()
					failures = append(failures, err)
					mu.Unlock()
					return
				}
				doc := fmt.Appendf(nil, "writer %d attempt %d on version %d", w, a, cur.Version)
				up, err := e.s.UpdateCase(ctx(ada), c.ID, cur.Version, cur.Title, doc)
				mu.Lock()
				switch {
				case err == nil:
					if up.Version != cur.Version+1 {
						failures = append(failures, fmt.Errorf("update on version %d produced version %d", cur.Version, up.Version))
					}
					versions = append(versions, up.Version)
				case crossroads.ErrorKind(err) != crossroads.Conflict:
					failures = append(failures, err)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for _, err := range failures {
		t.Errorf("concurrent update: %v", err)
	}
	final, err := e.s.Case(ctx(ada), c.ID)
	must(t, "Case", err)
	if got, want := final.Version, int64(len(versions))+1; got != want {
		t.Errorf("final version %d, want %d (successful updates + 1)", got, want)
	}
	sort.Slice(versions, func(i, j int) bool { return versions[i] < versions[j] })
	for i, v := range versions {
		if want := int64(i) + 2; v != want {
			t.Fatalf("successful updates produced versions %v; want each of 2..%d exactly once", versions, len(versions)+1)
		}
	}
	if len(versions) == 0 {
		t.Error("no update succeeded")
	}
	entries, err := e.s.AuditEntries(ctx(ada), crossroads.AuditFilter{CaseID: c.ID})
	must(t, "AuditEntries", err)
	n := 0
	for _, a := range entries {
		if a.Action == crossroads.ActionUpdate {
			n++
		}
	}
	if n != len(versions) {
		t.Errorf("%d update audit entries, want %d (one per successful update)", n, len(versions))
	}
}

// sortedIDs is an option for comparing lists of ids regardless of order.
var sortedIDs = cmpopts.SortSlices(func(a, b int64) bool { return a < b })
