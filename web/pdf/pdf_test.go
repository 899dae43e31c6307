package pdf_test

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/crossroads/crossroads/web/pdf"
)

// browser returns the installed Chromium, or skips the test.
func browser(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser; skipped with -short")
	}
	p, err := pdf.Find()
	if err != nil {
		t.Skipf("%v; the PDF tests need it", err)
	}
	return p
}

func TestPrintPDF(t *testing.T) {
	c := pdf.New(browser(t))
	site := map[string][]byte{
		"index.html": []byte(`<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<link rel="stylesheet" href="static/s.css"><script src="static/ready.js"></script></head>
<body><h1>Crossroads test page</h1><p class="x">Printed from files.</p></body></html>`),
		"static/s.css":    []byte(`.x { color: #333 }`),
		"static/ready.js": []byte(`document.documentElement.dataset.chartsReady = 'true';`),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := c.PrintPDF(ctx, site)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Fatalf("output starts %q, want %%PDF-", out[:min(len(out), 8)])
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not found (apt-get install poppler-utils); the text of the PDF is not checked")
		return
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(out)
	text, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Crossroads test page", "Printed from files."} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}
}

func TestPrintPDFRefuses(t *testing.T) {
	c := pdf.New("/nonexistent/chromium")
	ctx := context.Background()
	if _, err := c.PrintPDF(ctx, map[string][]byte{"a.html": nil}); err == nil {
		t.Error("a site without index.html was printed")
	}
	if _, err := c.PrintPDF(ctx, map[string][]byte{"index.html": nil, "../x": nil}); err == nil {
		t.Error("a file outside the site was written")
	}
	if _, err := c.PrintPDF(ctx, map[string][]byte{"index.html": nil}); err == nil {
		t.Error("a missing browser printed")
	}
}

func TestPrintPDFDeadline(t *testing.T) {
	c := pdf.New(browser(t))
	// A page whose charts never finish: the deadline must end the print.
	site := map[string][]byte{"index.html": []byte(`<!doctype html><title>never ready</title><p>waiting`)}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if _, err := c.PrintPDF(ctx, site); err == nil {
		t.Error("a page that never became ready was printed")
	}
}
