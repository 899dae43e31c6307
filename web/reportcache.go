package web

import (
	"container/list"
	"crypto/sha256"
	"encoding/binary"
	"runtime"
	"sync"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/report"
)

// DefaultReportCacheSize is the number of built reports a Server keeps
// when Server.ReportCacheSize is 0.
const DefaultReportCacheSize = 128

// reportCache keeps the last reports built, so that a report seen again
// with the same slider values (a reload, the sliders moved back, the
// print page, a download) is not analysed again. It also makes identical
// requests that arrive together share one analysis, and lets at most
// GOMAXPROCS analyses run at once, so that a burst of requests queues
// rather than slowing every analysis in progress.
//
// A report is a function of the stored case file and the slider values
// (the analysis is seeded, and the server's report options do not change),
// so the key is the case's id and version, a hash of its stored document,
// and the canonical query of the slider values. Saving a case gives it a
// new version and document, so its old reports are never found again;
// they leave the cache as newer ones come in. The id keeps each case's
// reports its own: two people with identical case files do not share an
// entry. A cached report is shared by the requests that find it and is
// never modified (report.Report is read-only once built).
type reportCache struct {
	size int
	sem  chan struct{} // bounds the analyses in progress

	mu       sync.Mutex
	lru      *list.List // of *cacheEntry, most recently used first
	entries  map[reportKey]*list.Element
	inflight map[reportKey]*flight
	// hits and builds count the reports found and built, for tests.
	hits, builds int
}

// reportKey identifies the report of a case file with slider values.
type reportKey [sha256.Size]byte

type cacheEntry struct {
	key reportKey
	rep *report.Report
}

// flight is an analysis in progress, which identical requests wait for.
type flight struct {
	done chan struct{}
	rep  *report.Report
	err  error
}

// newReportCache returns a cache of size reports (none when size < 0:
// then it only bounds the analyses in progress).
func newReportCache(size int) *reportCache {
	if size == 0 {
		size = DefaultReportCacheSize
	}
	return &reportCache{
		size:     size,
		sem:      make(chan struct{}, runtime.GOMAXPROCS(0)),
		lru:      list.New(),
		entries:  map[reportKey]*list.Element{},
		inflight: map[reportKey]*flight{},
	}
}

// keyOf is the key of the report of rec with the slider values whose
// canonical query is query.
func keyOf(rec *crossroads.CaseRecord, query string) reportKey {
	h := sha256.New()
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(rec.ID))
	binary.BigEndian.PutUint64(b[8:], uint64(rec.Version))
	h.Write(b[:])
	doc := sha256.Sum256(rec.Document)
	h.Write(doc[:])
	h.Write([]byte(query))
	var k reportKey
	h.Sum(k[:0])
	return k
}

// get returns the report of key: from the cache, from an identical
// analysis in progress, or built now by build (at most GOMAXPROCS builds
// run at once). Errors are not kept: the next request tries again.
func (rc *reportCache) get(key reportKey, build func() (*report.Report, error)) (*report.Report, error) {
	rc.mu.Lock()
	if el, ok := rc.entries[key]; ok {
		rc.lru.MoveToFront(el)
		rc.hits++
		rep := el.Value.(*cacheEntry).rep
		rc.mu.Unlock()
		return rep, nil
	}
	if f, ok := rc.inflight[key]; ok {
		rc.hits++
		rc.mu.Unlock()
		<-f.done
		return f.rep, f.err
	}
	f := &flight{done: make(chan struct{})}
	rc.inflight[key] = f
	rc.builds++
	rc.mu.Unlock()

	defer func() {
		// Also when build panics: the waiting requests get an error, and
		// the key is free again.
		if f.rep == nil && f.err == nil {
			f.err = crossroads.Errorf(crossroads.Internal, "the analysis stopped unexpectedly")
		}
		rc.mu.Lock()
		delete(rc.inflight, key)
		if f.err == nil && rc.size > 0 {
			rc.entries[key] = rc.lru.PushFront(&cacheEntry{key: key, rep: f.rep})
			for rc.lru.Len() > rc.size {
				old := rc.lru.Remove(rc.lru.Back()).(*cacheEntry)
				delete(rc.entries, old.key)
			}
		}
		rc.mu.Unlock()
		close(f.done)
	}()
	rc.sem <- struct{}{}
	defer func() { <-rc.sem }()
	f.rep, f.err = build()
	return f.rep, f.err
}

// stats returns the hits and builds so far.
func (rc *reportCache) stats() (hits, builds int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.hits, rc.builds
}
