package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoBrowser is returned by Find when no Chromium is installed.
var ErrNoBrowser = errors.New("no Chromium or Chrome found on PATH (on Debian or Ubuntu: apt-get install chromium)")

// browserNames are the executables Find looks for, in order.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"}

// Find returns the path of an installed Chromium or Chrome, or
// ErrNoBrowser.
func Find() (string, error) {
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// readyExpression is true once the page's charts are drawn: static/app.js
// of the web package sets it.
const readyExpression = `document.documentElement.dataset.chartsReady === 'true'`

// Chromium prints pages with the Chromium at Path. Each print starts a
// browser of its own, with a fresh profile, and closes it; at most
// MaxParallel prints run at once. The zero value is not usable: use New.
type Chromium struct {
	Path string
	sem  chan struct{}
}

// MaxParallel bounds the number of browsers printing at once.
const MaxParallel = 2

// New returns a printer that runs the browser at path.
func New(path string) *Chromium {
	return &Chromium{Path: path, sem: make(chan struct{}, MaxParallel)}
}

// PrintPDF writes the files of site to a private temporary directory,
// opens index.html from it, waits until the page's charts are drawn (at
// most until ctx ends), and prints it on A4 paper with its print
// stylesheet, page numbers at the foot of each page. The page can load only
// the files of site: it is opened from the disk, with no server.
func (c *Chromium) PrintPDF(ctx context.Context, site map[string][]byte) ([]byte, error) {
	if _, ok := site["index.html"]; !ok {
		return nil, errors.New("pdf: the site has no index.html")
	}
	select {
	case c.sem <- struct{}{}:
		defer func() { <-c.sem }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	dir, err := os.MkdirTemp("", "crossroads-print-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	for name, data := range site {
		clean := path.Clean(name)
		if clean != name || path.IsAbs(clean) || strings.HasPrefix(clean, "../") || clean == ".." {
			return nil, fmt.Errorf("pdf: bad file name %q", name)
		}
		p := filepath.Join(dir, filepath.FromSlash(clean))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, data, 0o600); err != nil {
			return nil, err
		}
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(c.Path),
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(900, 1200),
	)
	if os.Geteuid() == 0 {
		// Chromium's sandbox refuses to run as root.
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.WithoutCancel(ctx), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	// Start the browser with a context that outlives the deadline, so that
	// the deadline stops the print and the deferred cancels close it.
	if err := chromedp.Do(bctx); err != nil {
		return nil, fmt.Errorf("pdf: starting %s: %w", c.Path, err)
	}
	stop := context.AfterFunc(ctx, cancelBrowser)
	defer stop()
	url := "file://" + filepath.ToSlash(filepath.Join(dir, "index.html"))
	if err := chromedp.Do(bctx, chromedp.Navigate(url)); err != nil {
		return nil, fmt.Errorf("pdf: opening the page: %w", err)
	}
	wait := 20 * time.Second
	if d, ok := ctx.Deadline(); ok {
		wait = time.Until(d)
	}
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](readyExpression, chromedp.WithPollingTimeout(wait))); err != nil {
		return nil, fmt.Errorf("pdf: waiting for the charts: %w", err)
	}
	buf, err := chromedp.Run(bctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground(),
		chromedp.PDFHeaderTemplate(`<span></span>`),
		chromedp.PDFFooterTemplate(`<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`),
	))
	if err != nil {
		return nil, fmt.Errorf("pdf: printing: %w", err)
	}
	return buf, nil
}
