package web

import (
	"errors"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/report"
)

func TestReportCacheHitAndEdit(t *testing.T) {
	s, ts := newTestServer(t)
	rec, c := storedCase(t, s, 1)
	first, err := s.analyse(rec, c, whatIf{})
	if err != nil {
		t.Fatal(err)
	}
	// The same case file again, read anew as the next request does: the
	// same report, not analysed again.
	rec2, c2 := storedCase(t, s, 1)
	again, err := s.analyse(rec2, c2, whatIf{})
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Error("the report of an unchanged case was built again")
	}
	if hits, builds := s.reports.stats(); hits != 1 || builds != 1 {
		t.Errorf("hits %d, builds %d; want 1 and 1", hits, builds)
	}

	// The pages show it: two views of the report page are the same page.
	_, page1 := get(t, ts, "/cases/1/report?convert.contract=70")
	_, page2 := get(t, ts, "/cases/1/report?convert.contract=70")
	if page1 != page2 || !strings.Contains(page1, `id="results"`) {
		t.Error("two views of the report with the same sliders differ")
	}
	hits, builds := s.reports.stats()
	if hits != 2 || builds != 2 {
		t.Errorf("after two views with a slider: hits %d, builds %d; want 2 and 2", hits, builds)
	}

	// An edit saves a new version: its report is built anew, from the new
	// figures.
	form := url.Values{"version": {"1"}, "person.monthly_expenses": {"2,400"}, "person.savings": {"7,777"}, "go": {"stay"}}
	if resp, body := post(t, ts, "/cases/1/edit/needs", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving: status %d\n%s", resp.StatusCode, body)
	}
	rec3, c3 := storedCase(t, s, 1)
	edited, err := s.analyse(rec3, c3, whatIf{})
	if err != nil {
		t.Fatal(err)
	}
	if edited == first {
		t.Fatal("the edited case got the report of its old version")
	}
	if got := edited.Case().Person.Savings; got != 7777 {
		t.Errorf("the new report's savings are %v, want 7777", got)
	}
	if _, b := s.reports.stats(); b != builds+1 {
		t.Errorf("builds %d after the edit, want %d", b, builds+1)
	}
}

func TestReportCacheKey(t *testing.T) {
	rec := &crossroads.CaseRecord{ID: 1, Version: 1, Document: []byte("a: 1\n")}
	base := keyOf(rec, "")
	for name, other := range map[string]reportKey{
		"another case":    keyOf(&crossroads.CaseRecord{ID: 2, Version: 1, Document: rec.Document}, ""),
		"another version": keyOf(&crossroads.CaseRecord{ID: 1, Version: 2, Document: rec.Document}, ""),
		"another file":    keyOf(&crossroads.CaseRecord{ID: 1, Version: 1, Document: []byte("a: 2\n")}, ""),
		"sliders":         keyOf(rec, "balance=40"),
	} {
		if other == base {
			t.Errorf("%s: same key", name)
		}
	}
	if keyOf(rec, "balance=40") != keyOf(&crossroads.CaseRecord{ID: 1, Version: 1, Document: []byte("a: 1\n")}, "balance=40") {
		t.Error("the same case and sliders give different keys")
	}
	// The query of the sliders is canonical: the order of the address's
	// parameters does not matter.
	c := &crossroads.Case{Opportunities: []crossroads.Opportunity{{ID: "x", Status: crossroads.StatusApplied}}}
	q1, _ := url.ParseQuery("balance=40&offer.x=30")
	q2, _ := url.ParseQuery("offer.x=30&balance=40")
	w1, _ := parseWhatIf(q1, c)
	w2, _ := parseWhatIf(q2, c)
	if w1.query() != w2.query() {
		t.Errorf("queries %q and %q", w1.query(), w2.query())
	}
}

func TestReportCacheBounds(t *testing.T) {
	rc := newReportCache(2)
	builds := 0
	build := func() (*report.Report, error) { builds++; return &report.Report{}, nil }
	key := func(n int64) reportKey { return keyOf(&crossroads.CaseRecord{ID: n, Version: 1}, "") }
	r1, _ := rc.get(key(1), build)
	rc.get(key(2), build)
	if r, _ := rc.get(key(1), build); r != r1 || builds != 2 {
		t.Fatalf("builds %d; the first report was not kept", builds)
	}
	rc.get(key(3), build) // the least recently used, 2, leaves
	if rc.get(key(1), build); builds != 3 {
		t.Errorf("builds %d: 1 should still be kept", builds)
	}
	if rc.get(key(2), build); builds != 4 {
		t.Errorf("builds %d: 2 should have left the cache", builds)
	}
	if rc.lru.Len() != 2 || len(rc.entries) != 2 {
		t.Errorf("%d entries, want 2", rc.lru.Len())
	}

	// Errors are not kept.
	failing := func() (*report.Report, error) { builds++; return nil, errors.New("no") }
	before := builds
	for range 2 {
		if _, err := rc.get(key(9), failing); err == nil {
			t.Error("no error")
		}
	}
	if builds != before+2 {
		t.Errorf("a failed analysis was kept")
	}

	// A negative size keeps nothing.
	none := newReportCache(-1)
	builds = 0
	none.get(key(1), build)
	none.get(key(1), build)
	if builds != 2 {
		t.Errorf("builds %d with no cache, want 2", builds)
	}
}

func TestReportCacheSharesAnalysesInProgress(t *testing.T) {
	rc := newReportCache(0)
	var builds atomic.Int32
	gate := make(chan struct{})
	started := make(chan struct{})
	build := func() (*report.Report, error) {
		builds.Add(1)
		close(started)
		<-gate
		return &report.Report{Title: "shared"}, nil
	}
	k := keyOf(&crossroads.CaseRecord{ID: 1, Version: 1}, "")
	const n = 8
	var wg sync.WaitGroup
	got := make([]*report.Report, n)
	wg.Go(func() { got[0], _ = rc.get(k, build) })
	<-started
	for i := 1; i < n; i++ {
		wg.Go(func() { got[i], _ = rc.get(k, build) })
	}
	// Wait until every request is waiting for the analysis in progress.
	for {
		if hits, _ := rc.stats(); hits == n-1 {
			break
		}
		runtime.Gosched()
	}
	close(gate)
	wg.Wait()
	if builds.Load() != 1 {
		t.Errorf("%d analyses for %d identical requests, want 1", builds.Load(), n)
	}
	for i, r := range got {
		if r != got[0] || r == nil {
			t.Errorf("request %d got another report", i)
		}
	}
}

func TestReportCacheBoundsAnalysesAtOnce(t *testing.T) {
	rc := newReportCache(-1)
	limit := int32(runtime.GOMAXPROCS(0))
	var now, most atomic.Int32
	build := func() (*report.Report, error) {
		n := now.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		runtime.Gosched()
		now.Add(-1)
		return &report.Report{}, nil
	}
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() { rc.get(keyOf(&crossroads.CaseRecord{ID: int64(i + 1), Version: 1}, ""), build) })
	}
	wg.Wait()
	if most.Load() > limit {
		t.Errorf("%d analyses ran at once, more than GOMAXPROCS (%d)", most.Load(), limit)
	}
}

func TestReportCachePanic(t *testing.T) {
	rc := newReportCache(0)
	k := keyOf(&crossroads.CaseRecord{ID: 1, Version: 1}, "")
	func() {
		defer func() { recover() }()
		rc.get(k, func() (*report.Report, error) { panic("boom") })
	}()
	// The key is free again and nothing was kept.
	r, err := rc.get(k, func() (*report.Report, error) { return &report.Report{}, nil })
	if err != nil || r == nil {
		t.Errorf("after a panic: %v, %v", r, err)
	}
	if len(rc.sem) != 0 {
		t.Errorf("%d analyses still counted as running", len(rc.sem))
	}
}
