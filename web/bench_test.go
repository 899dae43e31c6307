package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkWhatIfSlider measures the server's time for one slider move on
// the example: the request htmx sends when the chance of conversion moves,
// answered with the part of the report page that depends on the analysis
// (the case read from the store, the analysis re-run on a modified copy,
// the charts' options and the HTML).
func BenchmarkWhatIfSlider(b *testing.B) {
	s, _ := newTestServer(b)
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

// BenchmarkReportPage measures a whole report page of the example.
func BenchmarkReportPage(b *testing.B) {
	s, _ := newTestServer(b)
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
