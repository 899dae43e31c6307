package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startApp runs the whole web application on a free port with the
// database at dbPath, and stops it when the test ends.
func startApp(t *testing.T, dbPath string) *app {
	t.Helper()
	a := &app{Addr: "127.0.0.1:0", DatabaseURL: dbPath, NoPDF: true}
	if err := a.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close(context.Background()) })
	return a
}

func TestServeEndToEnd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "crossroads.db")
	a := startApp(t, db)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	resp, err := c.Get(a.URL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET / = %d", resp.StatusCode)
	}
	req, _ := http.NewRequest("POST", a.URL()+"cases/example", strings.NewReader(url.Values{}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "/report") {
		t.Fatalf("POST /cases/example = %d, Location %q", resp.StatusCode, loc)
	}
	resp, err = c.Get(strings.TrimSuffix(a.URL(), "/") + loc)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "The answer, in plain words") {
		t.Fatalf("GET %s = %d\n%s", loc, resp.StatusCode, body)
	}

	// The JSON API is mounted, for the same local user.
	resp, err = c.Get(a.URL() + "api/v1/cases")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Benefits call-centre contract") {
		t.Errorf("GET /api/v1/cases = %d\n%s", resp.StatusCode, body)
	}

	// Stop it: the database is closed and the case is still there when the
	// program starts again on the same file.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := a.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(a.URL()); err == nil {
		t.Error("the server still answers after Close")
	}
	b := startApp(t, db)
	resp, err = c.Get(b.URL())
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "Benefits call-centre contract or data entry close to home") {
		t.Errorf("after a restart the home page does not list the example:\n%s", body)
	}
}

func TestServeRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:8080", ":8080", "192.168.1.10:8080", "example.com:80"} {
		code, _, errs := runCmd(t, "", "serve", "--addr", addr, "--database-url", filepath.Join(t.TempDir(), "x.db"))
		if code != exitUsage || !strings.Contains(errs, "only on this computer") {
			t.Errorf("serve --addr %s: code %d, stderr %q; want a usage error explaining loopback", addr, code, errs)
		}
	}
	t.Setenv(EnvAddr, "0.0.0.0:1")
	code, _, errs := runCmd(t, "", "serve")
	if code != exitUsage || !strings.Contains(errs, "0.0.0.0:1") {
		t.Errorf("serve with %s=0.0.0.0:1: code %d, stderr %q", EnvAddr, code, errs)
	}
	for _, addr := range []string{"127.0.0.1:0", "[::1]:0", "localhost:0"} {
		if err := checkLoopback(addr); err != nil {
			t.Errorf("checkLoopback(%q) = %v, want nil", addr, err)
		}
	}
	if err := checkLoopback("no-port"); err == nil {
		t.Error("an address without a port was accepted")
	}
}
