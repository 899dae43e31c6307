package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/crossroads/crossroads/store/dbtest"
)

// BenchmarkAnalyze measures POST /analyze on the motivating case, from the
// request body to the report JSON.
func BenchmarkAnalyze(b *testing.B) {
	e := newEnv(b, dbtest.OpenSQLite(b, nil), Options{})
	for _, media := range []string{mediaYAML, mediaJSON} {
		body := exampleYAML
		if media == mediaJSON {
			body = exampleJSON(b)
		}
		b.Run(media, func(b *testing.B) {
			q := request{user: "alice", method: "POST", path: "/analyze", contentType: media, body: body}
			for b.Loop() {
				if rec := do(e.h, q); rec.Code != http.StatusOK {
					b.Fatalf("got %d: %s", rec.Code, rec.Body)
				}
			}
		})
	}
}

// BenchmarkCaseReport measures GET /cases/{id}/report: the stored case is
// read (and its view audited), parsed and analysed.
func BenchmarkCaseReport(b *testing.B) {
	e := newEnv(b, dbtest.OpenSQLite(b, nil), Options{})
	c := e.mustCase(b, "alice", "Bench", exampleYAML)
	q := request{user: "alice", method: "GET", path: fmt.Sprintf("/cases/%d/report", c.ID)}
	for b.Loop() {
		if rec := do(e.h, q); rec.Code != http.StatusOK {
			b.Fatalf("got %d: %s", rec.Code, rec.Body)
		}
	}
}

// BenchmarkRank measures POST /rank on the largest problem the API takes for
// TOPSIS, 1000 alternatives by 100 criteria, and on 1000 by 10 for
// PROMETHEE II.
func BenchmarkRank(b *testing.B) {
	e := newEnv(b, dbtest.OpenSQLite(b, nil), Options{})
	for _, size := range []struct {
		method string
		m, n   int
	}{{"topsis", 1000, 100}, {"promethee2", 1000, 10}} {
		req := map[string]any{"method": size.method}
		var criteria, alternatives []map[string]any
		for j := range size.n {
			criteria = append(criteria, map[string]any{"name": fmt.Sprintf("c%d", j)})
		}
		for i := range size.m {
			values := make([]float64, size.n)
			for j := range values {
				values[j] = float64((i*31+j*17)%97) + 0.5
			}
			alternatives = append(alternatives, map[string]any{"name": fmt.Sprintf("a%d", i), "values": values})
		}
		req["criteria"], req["alternatives"] = criteria, alternatives
		body, err := json.Marshal(req)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%s-%dx%d", size.method, size.m, size.n), func(b *testing.B) {
			q := request{user: "alice", method: "POST", path: "/rank", contentType: mediaJSON, body: body}
			for b.Loop() {
				if rec := do(e.h, q); rec.Code != http.StatusOK {
					b.Fatalf("got %d: %s", rec.Code, truncate(rec.Body.String(), 300))
				}
			}
		})
	}
}
