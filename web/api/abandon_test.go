package api

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/crossroads/crossroads/store/dbtest"
)

// TestAbandonedRequest: a client that goes away before its answer is not
// an internal error of the server.
func TestAbandonedRequest(t *testing.T) {
	e := newEnv(t, dbtest.OpenSQLite(t, nil), Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := request{user: "alice", method: "GET", path: "/cases"}.httpRequest().WithContext(ctx)
	e.h.ServeHTTP(httptest.NewRecorder(), r)
	log := e.log.String()
	if strings.Contains(log, "internal error") {
		t.Errorf("an abandoned request was logged as an internal error:\n%s", log)
	}
	if !strings.Contains(log, "request abandoned by the client") {
		t.Errorf("the log does not say the request was abandoned:\n%s", log)
	}
}
