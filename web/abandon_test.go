package web

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestAbandonedRequest: a person who closes the page before the answer
// comes is not an internal error; a canceled context of a request that is
// still there is.
func TestAbandonedRequest(t *testing.T) {
	var log bytes.Buffer
	s := &Server{Logger: slog.New(slog.NewTextHandler(&log, nil))}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := httptest.NewRequest("GET", "/cases/1/report", nil).WithContext(ctx)
	s.fail(httptest.NewRecorder(), r, fmt.Errorf("reading the case: %w", context.Canceled))
	if got := log.String(); strings.Contains(got, "internal error") || !strings.Contains(got, "request abandoned by the client") {
		t.Errorf("abandoned request, log:\n%s", got)
	}

	log.Reset()
	w := httptest.NewRecorder()
	s.fail(w, httptest.NewRequest("GET", "/cases/1/report", nil), fmt.Errorf("reading the case: %w", context.Canceled))
	if got := log.String(); !strings.Contains(got, "internal error") || w.Code != 500 {
		t.Errorf("a canceled operation of a live request: status %d, log:\n%s", w.Code, got)
	}
}
