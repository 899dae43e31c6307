package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crossroads/crossroads/internal/app"
	"github.com/crossroads/crossroads/store/dbtest"
	"github.com/crossroads/crossroads/web"
)

// startApp runs the whole web application on a free port with the
// database at dbPath, and stops it when the test ends.
func startApp(t *testing.T, dbPath string) *app.App {
	t.Helper()
	a := &app.App{Addr: "127.0.0.1:0", DatabaseURL: dbPath, NoPDF: true}
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

func TestServeAddrWithAccounts(t *testing.T) {
	for _, c := range []struct {
		addr     string
		accounts bool
		ok       bool
	}{
		{"0.0.0.0:8080", false, false},
		{"0.0.0.0:8080", true, true},
		{"192.168.1.10:8080", true, true},
		{":8080", true, true},
		{"127.0.0.1:8080", false, true},
		{"no-port", true, false},
	} {
		if err := checkAddr(c.addr, c.accounts); (err == nil) != c.ok {
			t.Errorf("checkAddr(%q, accounts %v) = %v, want ok %v", c.addr, c.accounts, err, c.ok)
		}
	}
	code, _, errs := runCmd(t, "", "serve", "--accounts", "--base-url", "ftp://x", "--database-url", filepath.Join(t.TempDir(), "x.db"))
	if code != exitUsage || !strings.Contains(errs, "--base-url") {
		t.Errorf("serve --base-url ftp://x: code %d, stderr %q", code, errs)
	}
	code, _, errs = runCmd(t, "", "serve", "--accounts", "--tls-cert", "c.pem", "--database-url", filepath.Join(t.TempDir(), "x.db"))
	if code != exitUsage || !strings.Contains(errs, "--tls-key") {
		t.Errorf("serve --tls-cert without --tls-key: code %d, stderr %q", code, errs)
	}
	t.Setenv(EnvAccounts, "maybe")
	code, _, errs = runCmd(t, "", "serve", "--database-url", filepath.Join(t.TempDir(), "x.db"))
	if code != exitUsage || !strings.Contains(errs, EnvAccounts) {
		t.Errorf("serve with %s=maybe: code %d, stderr %q", EnvAccounts, code, errs)
	}
	for v, want := range map[string]bool{"": false, "0": false, "off": false, "1": true, "TRUE": true, "yes": true} {
		t.Setenv(EnvAccounts, v)
		if got, err := envBool(EnvAccounts); err != nil || got != want {
			t.Errorf("envBool(%q) = %v, %v; want %v", v, got, err, want)
		}
	}
}

// TestServeAccountsOverTLS runs the program with accounts over HTTPS with a
// certificate of its own: the pages ask for a sign-in, a person signs up,
// and the session cookie is Secure and HttpOnly.
func TestServeAccountsOverTLS(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile := writeTestCert(t, dir)
	a := &app.App{Addr: "127.0.0.1:0", DatabaseURL: filepath.Join(dir, "crossroads.db"), NoPDF: true, Accounts: true,
		TLSCert: certFile, TLSKey: keyFile}
	if err := a.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close(context.Background()) })
	if !strings.HasPrefix(a.URL(), "https://127.0.0.1:") {
		t.Fatalf("URL %q, want https", a.URL())
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	resp, err := c.Get(a.URL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/signin" {
		t.Fatalf("GET / without signing in: %d %q, want the sign-in page", resp.StatusCode, resp.Header.Get("Location"))
	}
	form := url.Values{"email": {"ada@example.com"}, "name": {"Ada"}, "password": {"correct horse battery"},
		"confirm": {"correct horse battery"}, "role": {"client"}}
	req, _ := http.NewRequest("POST", a.URL()+"signup", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var cookie *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == web.SessionCookie {
			cookie = ck
		}
	}
	if resp.StatusCode != http.StatusSeeOther || cookie == nil || !cookie.Secure || !cookie.HttpOnly {
		t.Fatalf("sign-up: %d, cookie %v; want a Secure, HttpOnly session cookie", resp.StatusCode, cookie)
	}
	resp, err = c.Get(a.URL() + "api/v1/cases")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"cases": []`) {
		t.Errorf("the API with the session cookie: %d\n%s", resp.StatusCode, body)
	}
}

// writeTestCert writes a self-signed certificate for 127.0.0.1 and its key.
func writeTestCert(t *testing.T, dir string) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return certFile, keyFile
}

// TestServeTwoProcessesOnePostgres runs the program twice with accounts on
// one PostgreSQL schema, as two serve processes behind a load balancer, and
// alternates one person's requests between them with the same cookie.
func TestServeTwoProcessesOnePostgres(t *testing.T) {
	dbURL := dbtest.PostgresSchemaURL(t)
	var apps [2]*app.App
	for i := range apps {
		apps[i] = &app.App{Addr: "127.0.0.1:0", DatabaseURL: dbURL, NoPDF: true, Accounts: true}
		if err := apps[i].Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { apps[i].Close(context.Background()) })
	}
	jar, _ := cookiejar.New(nil) // one host, two ports: the cookie goes to both
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(a *app.App, path string, form url.Values) *http.Response {
		req, _ := http.NewRequest("POST", a.URL()+path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	get := func(a *app.App, path string) (*http.Response, string) {
		resp, err := c.Get(a.URL() + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(body)
	}
	resp := post(apps[0], "signup", url.Values{"email": {"ada@example.com"}, "name": {"Ada"},
		"password": {"correct horse battery"}, "confirm": {"correct horse battery"}, "role": {"client"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-up on the first: %d", resp.StatusCode)
	}
	resp = post(apps[1], "cases/example", nil)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(loc, "/report") {
		t.Fatalf("a case on the second: %d %q", resp.StatusCode, loc)
	}
	for i := range 4 {
		resp, body := get(apps[i%2], strings.TrimPrefix(loc, "/"))
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "The answer, in plain words") {
			t.Fatalf("request %d to server %d: %d", i, i%2+1, resp.StatusCode)
		}
	}
	if resp := post(apps[0], "signout", nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-out on the first: %d", resp.StatusCode)
	}
	if resp, _ := get(apps[1], strings.TrimPrefix(loc, "/")); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the second after signing out on the first: %d, want a redirect to the sign-in page", resp.StatusCode)
	}
}
