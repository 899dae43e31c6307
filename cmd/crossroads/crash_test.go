//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/store/dbtest"
	"github.com/crossroads/crossroads/store/postgres"
	"github.com/crossroads/crossroads/store/sqlite"
	"github.com/jackc/pgx/v5"
)

// TestCrash is the crash-safety test. It builds the crossroads program,
// runs "crossroads serve" as a child process, and has several writers
// create and update cases through the JSON API at once. Each writer keeps a
// ledger of the writes the server acknowledged (2xx). After a random short
// time the server is killed with SIGKILL, in the middle of writes, and
// started again on the same database; this happens crashRounds times. After
// every restart every case is read back through the API and checked:
//
//   - every acknowledged create is there, and every case is at its last
//     acknowledged version with exactly the document of that write, or one
//     version later with exactly the document of the write that was in
//     flight at the kill (which may or may not have been committed);
//   - a case nobody was told about is the whole document of a create that
//     was in flight at the kill;
//   - documents are compared byte for byte with what the writer sent (a
//     title, 64 note lines and an amount that all encode the writer and its
//     write number, about 6 KB, more than one database page), so a torn or
//     mixed write shows.
//
// At the end the server is stopped cleanly and the database is opened with
// the store itself: every case of every user is read, the audit log of each
// case has one "create" and version-1 "update" entries (a case change and
// its audit entry are one transaction), and the database passes its
// integrity checks: PRAGMA integrity_check and foreign_key_check on SQLite;
// amcheck's bt_index_check (with heapallindexed) on every B-tree index and
// verify_heapam on every table of the schema on PostgreSQL.
//
// What it proves: a crash of the crossroads process (SIGKILL, the worst a
// process can suffer: no deferred code, no shutdown) loses no acknowledged
// write and leaves no half-written one. It does not prove anything about a
// power loss or a crash of the operating system, which would also lose what
// is in the kernel's page cache: SQLite is opened in WAL mode (store/sqlite),
// and a transaction in WAL mode is in the WAL file, written by write(2),
// before COMMIT returns, so it survives the death of the process whatever the
// synchronous level (the test logs it; modernc.org/sqlite defaults to FULL,
// which also syncs the WAL on every commit). On PostgreSQL the database
// server is not killed, only its client; what is tested there is that
// crossroads answers only after the commit and that a killed client leaves
// no partial transaction. PostgreSQL's own crash safety is its business.
//
// The test takes a few seconds per store; -short skips it. The PostgreSQL
// half runs when CROSSROADS_TEST_POSTGRES is set, in a schema of its own.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("the crash test builds the program and kills it under load; skipped with -short")
	}
	bin := buildCrossroads(t)
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "crossroads.db")
		l := crashRun(t, bin, path) // the server is gone when it returns
		db, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		ctx := context.Background()
		var mode string
		var synchronous int
		if err := db.SQL.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := db.SQL.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&synchronous); err != nil {
			t.Fatal(err)
		}
		t.Logf("SQLite journal_mode=%s synchronous=%d (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA)", mode, synchronous)
		if mode != "wal" {
			t.Errorf("journal_mode = %q, want wal", mode)
		}
		if err := db.IntegrityCheck(ctx); err != nil {
			t.Errorf("integrity: %v", err)
		}
		if !t.Failed() {
			checkStore(t, db, l)
		}
	})
	t.Run("postgres", func(t *testing.T) {
		url := dbtest.PostgresSchemaURL(t)
		l := crashRun(t, bin, url) // the server is gone when it returns
		checkPostgresIntegrity(t, url)
		if t.Failed() {
			return
		}
		db, err := postgres.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		checkStore(t, db, l)
	})
}

// The shape of the test: crashRounds kills with crashWriters writers, each
// round at least crashMinAcks acknowledged writes and a random
// crashMinDelay to crashMaxDelay long before the kill.
const (
	crashRounds   = 3
	crashWriters  = 4
	crashMinAcks  = 20
	crashMinDelay = 300 * time.Millisecond
	crashMaxDelay = 1500 * time.Millisecond
	// crashNotes is the number of note lines in a document.
	crashNotes = 64
	// crashWait bounds every wait for the server (start, stop, the writes
	// of a round), so that a hang fails the test instead of the CI job.
	crashWait = 30 * time.Second
)

// buildCrossroads builds this program into a temporary directory.
func buildCrossroads(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "crossroads")
	cmd := exec.Command(goBin, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// crashDoc is the case file of write n of writer w, always the same bytes:
// its title, its notes and the savings amount all name the write.
func crashDoc(w, n int) string {
	var b strings.Builder
	title := crashTitle(w, n)
	fmt.Fprintf(&b, "title: %s\nas_of: 2026-01-15\nperson:\n  monthly_expenses: 2000\n  savings: %d\n", title, w*1_000_000+n)
	b.WriteString("opportunities:\n" +
		"  - id: a\n    name: A\n    status: offer\n    pay: {amount: 40000, per: year}\n" +
		"  - id: b\n    name: B\n    status: current_job\n    pay: {amount: 35000, per: year}\n")
	b.WriteString("notes:\n")
	for i := range crashNotes {
		fmt.Fprintf(&b, "  - %s, line %02d of %d, the quick brown fox jumps over the lazy dog\n", title, i, crashNotes)
	}
	return b.String()
}

// crashTitle names write n of writer w.
func crashTitle(w, n int) string { return fmt.Sprintf("crash w%d n%d", w, n) }

// parseCrashTitle reads a title of crashTitle back.
func parseCrashTitle(s string) (w, n int, ok bool) {
	rest, found := strings.CutPrefix(s, "crash w")
	if !found {
		return 0, 0, false
	}
	ws, ns, found := strings.Cut(rest, " n")
	if !found {
		return 0, 0, false
	}
	w, err1 := strconv.Atoi(ws)
	n, err2 := strconv.Atoi(ns)
	return w, n, err1 == nil && err2 == nil
}

// crashCase is what the ledger knows of one case.
type crashCase struct {
	writer  int
	version int64
	title   string // of the write at version
}

// crashAttempt is a write sent but not acknowledged: in flight at the kill.
type crashAttempt struct {
	caseID  int64 // 0 for a create
	base    int64 // the version an update was based on
	title   string
	created bool
}

// crashLedger records what the server acknowledged and what was sent
// without an answer. Writers share it while the server runs; the checks
// read it while it is stopped.
type crashLedger struct {
	mu       sync.Mutex
	cases    map[int64]*crashCase
	inFlight map[string]crashAttempt // by title
	next     [crashWriters]int       // the next write number of each writer
	acks     int                     // acknowledged writes in this round
	writes   int                     // acknowledged writes in all rounds
	// unanswered counts the writes in flight at the kills, committed those
	// of them found in the database afterwards.
	unanswered, committed int
}

// crashServer is one running "crossroads serve".
type crashServer struct {
	cmd    *exec.Cmd
	url    string // the API's base: http://127.0.0.1:PORT/api/v1
	stdout *syncBuffer
	stderr *syncBuffer
	exited chan struct{} // closed when the process has exited
	err    error         // how it exited, once exited is closed
	killed atomic.Bool
}

// syncBuffer is a buffer safe for concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startCrossroads starts "crossroads serve" on a free port and the
// database dbURL, in single-user mode, and waits until it answers.
func startCrossroads(t *testing.T, bin, dbURL string) *crashServer {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--database-url", dbURL, "--no-pdf")
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CROSSROADS_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	s := &crashServer{cmd: cmd, stdout: &syncBuffer{}, stderr: &syncBuffer{}, exited: make(chan struct{})}
	cmd.Stderr = s.stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			s.stdout.Write([]byte(line + "\n"))
			if u, ok := strings.CutPrefix(line, "Crossroads is running at "); ok {
				urls <- u
			}
		}
		s.err = cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			s.kill()
		}
	})
	select {
	case u := <-urls:
		s.url = strings.TrimSuffix(u, "/") + "/api/v1"
	case <-s.exited:
		t.Fatalf("crossroads serve exited at start: %v\nstdout:\n%s\nstderr:\n%s", s.err, s.stdout, s.stderr)
	case <-time.After(crashWait):
		s.kill()
		t.Fatalf("crossroads serve did not start within %v\nstderr:\n%s", crashWait, s.stderr)
	}
	// It prints the address once it listens; make sure it answers.
	resp, err := http.Get(s.url + "/cases")
	if err != nil {
		s.kill()
		t.Fatalf("crossroads serve does not answer: %v\nstderr:\n%s", err, s.stderr)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		s.kill()
		t.Fatalf("GET /api/v1/cases = %d", resp.StatusCode)
	}
	return s
}

// kill kills the server with SIGKILL and waits for it to be gone.
func (s *crashServer) kill() {
	s.killed.Store(true)
	_ = s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.exited
}

// stop stops the server as Ctrl+C does and checks that it stopped cleanly.
func (s *crashServer) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.exited:
		if err := s.err; err != nil || !strings.Contains(s.stdout.String(), "Stopped.") {
			t.Errorf("crossroads serve did not stop cleanly: %v\nstdout:\n%s\nstderr:\n%s", err, s.stdout, s.stderr)
		}
	case <-time.After(crashWait):
		s.kill()
		t.Fatalf("crossroads serve did not stop within %v", crashWait)
	}
}

// crashRun runs the rounds of writes and kills on the database dbURL and
// returns the ledger, checked against the database after the last restart.
func crashRun(t *testing.T, bin, dbURL string) *crashLedger {
	l := &crashLedger{cases: map[int64]*crashCase{}, inFlight: map[string]crashAttempt{}}
	for round := 1; round <= crashRounds; round++ {
		s := startCrossroads(t, bin, dbURL)
		if round > 1 {
			crashVerify(t, s, l, round-1)
			if t.Failed() {
				s.kill()
				return l
			}
		}
		crashRound(t, s, l)
		if t.Failed() {
			return l
		}
	}
	s := startCrossroads(t, bin, dbURL)
	crashVerify(t, s, l, crashRounds)
	s.stop(t)
	t.Logf("%d kills, %d acknowledged writes, %d cases; %d writes unanswered at the kills, %d of them committed",
		crashRounds, l.writes, len(l.cases), l.unanswered, l.committed)
	return l
}

// crashRound runs the writers against s until it has acknowledged
// crashMinAcks writes and a random time has passed, then kills it.
func crashRound(t *testing.T, s *crashServer, l *crashLedger) {
	t.Helper()
	l.mu.Lock()
	l.acks = 0
	l.mu.Unlock()
	client := &http.Client{Transport: &http.Transport{}, Timeout: crashWait}
	defer client.CloseIdleConnections()
	var wg sync.WaitGroup
	for w := range crashWriters {
		wg.Go(func() { crashWriter(t, s, l, client, w) })
	}
	delay := time.NewTimer(crashMinDelay + rand.N(crashMaxDelay-crashMinDelay))
	deadline := time.Now().Add(crashWait)
	<-delay.C
	for {
		l.mu.Lock()
		acks := l.acks
		l.mu.Unlock()
		if acks >= crashMinAcks || t.Failed() {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("only %d writes acknowledged in %v", acks, crashWait)
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.kill()
	wg.Wait()
}

// crashWriter creates and updates cases of its own (writer w) until the
// server is gone.
func crashWriter(t *testing.T, s *crashServer, l *crashLedger, client *http.Client, w int) {
	rng := rand.New(rand.NewPCG(uint64(w), uint64(time.Now().UnixNano())))
	for {
		l.mu.Lock()
		var own []int64
		for id, c := range l.cases {
			if c.writer == w {
				own = append(own, id)
			}
		}
		slices.Sort(own)
		n := l.next[w]
		l.next[w]++
		a := crashAttempt{title: crashTitle(w, n), created: len(own) == 0 || rng.IntN(4) == 0}
		if !a.created {
			a.caseID = own[rng.IntN(len(own))]
			a.base = l.cases[a.caseID].version
		}
		l.inFlight[a.title] = a
		l.mu.Unlock()

		method, url := http.MethodPost, s.url+"/cases"
		if !a.created {
			method, url = http.MethodPut, fmt.Sprintf("%s/cases/%d", s.url, a.caseID)
		}
		req, err := http.NewRequest(method, url, strings.NewReader(crashDoc(w, n)))
		if err != nil {
			t.Error(err)
			return
		}
		req.Header.Set("Content-Type", "application/yaml")
		if !a.created {
			req.Header.Set("If-Match", strconv.Quote(strconv.FormatInt(a.base, 10)))
		}
		resp, err := client.Do(req)
		if err != nil {
			if !s.killed.Load() {
				t.Errorf("%s %s before the kill: %v", method, url, err)
			}
			return // the server is gone: a is left in flight
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			if !s.killed.Load() {
				t.Errorf("%s %s before the kill: reading the answer: %v", method, url, err)
			}
			return
		}
		want := http.StatusOK
		if a.created {
			want = http.StatusCreated
		}
		if resp.StatusCode != want {
			t.Errorf("%s %s = %d, want %d\n%s\nserver log:\n%s", method, url, resp.StatusCode, want, body, s.stderr)
			return
		}
		var got struct {
			ID      int64  `json:"id"`
			Version int64  `json:"version"`
			Title   string `json:"title"`
		}
		if err := json.Unmarshal(body, &got); err != nil {
			t.Errorf("%s %s: %v\n%s", method, url, err, body)
			return
		}
		// Acknowledged.
		l.mu.Lock()
		delete(l.inFlight, a.title)
		switch {
		case a.created && (got.Version != 1 || l.cases[got.ID] != nil):
			t.Errorf("POST created case %d at version %d; want a new case at version 1", got.ID, got.Version)
		case !a.created && (got.ID != a.caseID || got.Version != a.base+1):
			t.Errorf("PUT case %d from version %d answered case %d version %d", a.caseID, a.base, got.ID, got.Version)
		case got.Title != a.title:
			t.Errorf("%s %s answered the title %q, want %q", method, url, got.Title, a.title)
		}
		l.cases[got.ID] = &crashCase{writer: w, version: got.Version, title: a.title}
		l.acks++
		l.writes++
		l.mu.Unlock()
		if t.Failed() {
			return
		}
	}
}

// crashDetail is a case as GET /api/v1/cases/{id} answers it.
type crashDetail struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Version  int64  `json:"version"`
	Document string `json:"document"`
	Case     *struct {
		Title string   `json:"title"`
		Notes []string `json:"notes"`
	} `json:"case"`
	Problems json.RawMessage `json:"problems"`
}

// crashVerify reads every case through the API of s after the kill of
// round and checks it against the ledger (see TestCrash). Then the ledger
// takes what is stored as acknowledged, and nothing is in flight any more.
func crashVerify(t *testing.T, s *crashServer, l *crashLedger, round int) {
	t.Helper()
	get := func(path string, v any) int {
		resp, err := http.Get(s.url + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode == http.StatusOK {
			if err := json.Unmarshal(body, v); err != nil {
				t.Fatalf("GET %s: %v\n%s", path, err, body)
			}
		}
		return resp.StatusCode
	}
	var list struct {
		Cases []struct {
			ID int64 `json:"id"`
		} `json:"cases"`
	}
	if code := get("/cases", &list); code != http.StatusOK {
		t.Fatalf("after kill %d: GET /cases = %d", round, code)
	}
	listed := map[int64]bool{}
	for _, c := range list.Cases {
		listed[c.ID] = true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	ids := make([]int64, 0, len(listed))
	for id := range l.cases {
		if !listed[id] {
			t.Errorf("after kill %d: the acknowledged case %d (%s, version %d) is not listed",
				round, id, l.cases[id].title, l.cases[id].version)
		}
		ids = append(ids, id)
	}
	for id := range listed {
		if l.cases[id] == nil {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		var d crashDetail
		if code := get(fmt.Sprintf("/cases/%d", id), &d); code != http.StatusOK {
			t.Errorf("after kill %d: GET /cases/%d = %d", round, id, code)
			continue
		}
		w, n, ok := parseCrashTitle(d.Title)
		switch {
		case !ok || w < 0 || w >= crashWriters:
			t.Errorf("after kill %d: case %d has the title %q, written by nobody", round, id, d.Title)
			continue
		case d.Document != crashDoc(w, n):
			t.Errorf("after kill %d: case %d (%s, version %d) is not the document written under its title:\n%s",
				round, id, d.Title, d.Version, d.Document)
			continue
		case d.Case == nil || len(d.Problems) > 0 || d.Case.Title != d.Title || len(d.Case.Notes) != crashNotes:
			t.Errorf("after kill %d: case %d (%s) does not read back as a whole case: problems %s", round, id, d.Title, d.Problems)
			continue
		}
		acked := l.cases[id]
		a, inFlight := l.inFlight[d.Title]
		switch {
		case acked == nil:
			// Not acknowledged: it must be a create that was in flight.
			l.committed++
			if !inFlight || !a.created || d.Version != 1 {
				t.Errorf("after kill %d: case %d (%s, version %d) was never acknowledged nor in flight as a create",
					round, id, d.Title, d.Version)
			}
		case d.Version == acked.version:
			if d.Title != acked.title {
				t.Errorf("after kill %d: case %d at its acknowledged version %d holds %q, want %q",
					round, id, d.Version, d.Title, acked.title)
			}
		case d.Version < acked.version:
			t.Errorf("after kill %d: case %d is at version %d (%s); version %d (%s) was acknowledged: a lost write",
				round, id, d.Version, d.Title, acked.version, acked.title)
		default:
			// Later than acknowledged: the update in flight at the kill,
			// committed before it.
			l.committed++
			if !inFlight || a.created || a.caseID != id || a.base != acked.version || d.Version != acked.version+1 {
				t.Errorf("after kill %d: case %d is at version %d (%s), past the acknowledged %d (%s), and not by the update in flight",
					round, id, d.Version, d.Title, acked.version, acked.title)
			}
		}
		l.cases[id] = &crashCase{writer: w, version: d.Version, title: d.Title}
	}
	l.unanswered += len(l.inFlight)
	clear(l.inFlight)
}

// checkStore reads every case of every user through the store st, as the
// program does, and checks it against the ledger and its audit log.
func checkStore(t *testing.T, st crossroads.Store, l *crashLedger) {
	t.Helper()
	ctx := context.Background()
	users, err := st.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	for _, u := range users {
		cases, err := st.Cases(ctx, crossroads.CaseFilter{OwnerID: u.ID, WithDocuments: true})
		if err != nil {
			t.Fatalf("cases of user %d: %v", u.ID, err)
		}
		for _, c := range cases {
			seen[c.ID] = true
			want := l.cases[c.ID]
			if want == nil || c.Version != want.version || c.Title != want.title {
				t.Errorf("store: case %d is %q at version %d; the API showed %+v", c.ID, c.Title, c.Version, want)
				continue
			}
			if string(c.Document) != crashDoc(want.writer, mustN(c.Title)) {
				t.Errorf("store: case %d (%s): the document differs from the one written", c.ID, c.Title)
			}
			audit, err := st.AuditEntries(ctx, crossroads.AuditFilter{CaseID: c.ID})
			if err != nil {
				t.Fatalf("audit of case %d: %v", c.ID, err)
			}
			var creates, updates int64
			for _, e := range audit {
				switch e.Action {
				case crossroads.ActionCreate:
					creates++
				case crossroads.ActionUpdate:
					updates++
				}
			}
			if creates != 1 || updates != c.Version-1 {
				t.Errorf("store: case %d at version %d has %d create and %d update audit entries, want 1 and %d",
					c.ID, c.Version, creates, updates, c.Version-1)
			}
		}
	}
	for id := range l.cases {
		if !seen[id] {
			t.Errorf("store: case %d is missing", id)
		}
	}
}

// mustN returns the write number in a title of crashTitle (checked before).
func mustN(title string) int {
	_, n, _ := parseCrashTitle(title)
	return n
}

// checkPostgresIntegrity checks the schema of url with the amcheck
// extension: bt_index_check with heapallindexed on every B-tree index and,
// where amcheck has it (PostgreSQL 14 on), verify_heapam on every table.
func checkPostgresIntegrity(t *testing.T, url string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var schema string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		t.Fatal(err)
	}
	// amcheck is used where the database has it. Otherwise it is created
	// in the test's schema and goes with the schema at the end, leaving the
	// database as it was. (A crash test running at the same time on the
	// same database could drop it under this one; CI runs one.)
	ext, err := amcheckSchema(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	if ext == "" {
		_, cerr := conn.Exec(ctx, `CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA `+pgx.Identifier{schema}.Sanitize())
		// Another test may have created it in between; look again.
		if ext, err = amcheckSchema(ctx, conn); err != nil || ext == "" {
			t.Fatalf("the amcheck extension (in PostgreSQL's contrib, created by a superuser) is needed to check the database: %v", errors.Join(cerr, err))
		}
	}
	fn := func(name string) string { return pgx.Identifier{ext, name}.Sanitize() }

	rows, err := conn.Query(ctx, `
		SELECT c.oid::regclass::text FROM pg_index i
		JOIN pg_class c ON c.oid = i.indexrelid
		JOIN pg_am am ON am.oid = c.relam
		WHERE c.relnamespace = $1::regnamespace AND am.amname = 'btree' AND i.indisvalid
		ORDER BY 1`, schema)
	if err != nil {
		t.Fatal(err)
	}
	indexes, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	if len(indexes) == 0 {
		t.Fatalf("no B-tree index in schema %s", schema)
	}
	for _, ix := range indexes {
		if _, err := conn.Exec(ctx, `SELECT `+fn("bt_index_check")+`($1::regclass, true)`, ix); err != nil {
			t.Errorf("bt_index_check(%s): %v", ix, err)
		}
	}

	var heapam bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'verify_heapam' AND pronamespace = $1::regnamespace)`,
		ext).Scan(&heapam); err != nil {
		t.Fatal(err)
	}
	var tables []string
	if heapam {
		rows, err := conn.Query(ctx, `SELECT oid::regclass::text FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'r' ORDER BY 1`, schema)
		if err != nil {
			t.Fatal(err)
		}
		if tables, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
			t.Fatal(err)
		}
		for _, tab := range tables {
			rows, err := conn.Query(ctx, `SELECT blkno, offnum, msg FROM `+fn("verify_heapam")+`($1::regclass)`, tab)
			if err != nil {
				t.Errorf("verify_heapam(%s): %v", tab, err)
				continue
			}
			for rows.Next() {
				var blk int64
				var off *int32
				var msg string
				if err := rows.Scan(&blk, &off, &msg); err != nil {
					t.Errorf("verify_heapam(%s): %v", tab, err)
					break
				}
				t.Errorf("verify_heapam(%s): block %d: %s", tab, blk, msg)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				t.Errorf("verify_heapam(%s): %v", tab, err)
			}
		}
	}
	t.Logf("amcheck (schema %s): bt_index_check on %d indexes, verify_heapam on %d tables", ext, len(indexes), len(tables))
}

// amcheckSchema returns the schema of the amcheck extension, or "" when
// the database does not have it.
func amcheckSchema(ctx context.Context, conn *pgx.Conn) (string, error) {
	var schema string
	err := conn.QueryRow(ctx, `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'amcheck'`).Scan(&schema)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return schema, err
}
