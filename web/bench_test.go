package web

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/store/dbtest"
)

// BenchmarkWhatIfSlider measures the server's time for one slider move on
// the example: the request htmx sends when the chance of conversion moves,
// answered with the part of the report page that depends on the analysis
// (the case read from the store, the analysis re-run on a modified copy,
// the charts' options and the HTML). The cache of built reports is off, so
// that every move is analysed, as a move to a new position is.
func BenchmarkWhatIfSlider(b *testing.B) {
	s, _ := newTestServer(b)
	s.ReportCacheSize = -1
	h := s.Handler()
	req := httptest.NewRequest("GET", "/cases/1/report?convert.contract=70", nil)
	req.Header.Set("HX-Request", "true")
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// BenchmarkWhatIfSliderHTTP is a slider move as a browser makes it: over a
// loopback connection to a running server, each move to a new position
// (1% to 99% in turn), with the report cache on as `crossroads serve` has
// it.
func BenchmarkWhatIfSliderHTTP(b *testing.B) {
	_, ts := newTestServer(b)
	client := ts.Client()
	n := 0
	for b.Loop() {
		n = n%99 + 1
		req, err := http.NewRequest("GET", fmt.Sprintf("%s/cases/1/report?convert.contract=%d", ts.URL, n), nil)
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("HX-Request", "true")
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d, %v", resp.StatusCode, err)
		}
	}
}

// BenchmarkReportPage measures a whole report page of the example, built
// anew each time.
func BenchmarkReportPage(b *testing.B) {
	s, _ := newTestServer(b)
	s.ReportCacheSize = -1
	h := s.Handler()
	req := httptest.NewRequest("GET", "/cases/1/report", nil)
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// BenchmarkSignedInPage measures a light page (the account page) for a
// signed-in person, on SQLite and PostgreSQL: the session read from the
// database, the account and its session epoch checked, the page rendered,
// and the session written back with its new idle deadline.
func BenchmarkSignedInPage(b *testing.B) {
	for _, be := range dbtest.Backends() {
		b.Run(be.Name, func(b *testing.B) {
			s, svc := newAccountsServer(b, be.Open(b, nil), false)
			if _, err := svc.SignUp(b.Context(), "ada@example.com", "Ada", testPassword, crossroads.RoleClient); err != nil {
				b.Fatal(err)
			}
			h := s.Handler()
			signIn := httptest.NewRequest("POST", "/signin", strings.NewReader("email=ada%40example.com&password="+url.QueryEscape(testPassword)))
			signIn.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, signIn)
			cookies := w.Result().Cookies()
			if w.Code != http.StatusSeeOther || len(cookies) == 0 {
				b.Fatalf("sign-in: %d", w.Code)
			}
			req := httptest.NewRequest("GET", "/account", nil)
			req.AddCookie(cookies[0])
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("status %d", w.Code)
				}
			}
		})
	}
}
