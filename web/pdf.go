package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/crossroads/crossroads"
)

// Printer prints a web page to PDF.
type Printer interface {
	// PrintPDF loads site["index.html"], whose other files it finds in
	// site by their relative URLs, waits until its charts are drawn, and
	// prints it on A4 paper with the page's print stylesheet.
	PrintPDF(ctx context.Context, site map[string][]byte) ([]byte, error)
}

// printTimeout bounds the printing of one report.
const printTimeout = 30 * time.Second

// pdfUnavailablePage is the data of the page shown when there is no PDF:
// how to print from the browser instead.
type pdfUnavailablePage struct {
	layout
	Record *crossroads.CaseRecord
	// Failed is true when printing was tried and failed.
	Failed bool
	// PrintURL is the print version of the report, with the same slider
	// values.
	PrintURL string
}

// reportPDF downloads the report as a PDF: the print version of the page,
// charts included, printed by the server's Printer. Without one it shows
// how to print from the browser.
func (s *Server) reportPDF(w http.ResponseWriter, r *http.Request) error {
	rec, c, err := s.loadCase(r)
	if err != nil {
		return err
	}
	if !complete(c) {
		return errIncomplete
	}
	unavailable := func(failed bool) {
		w2, _ := parseWhatIf(r.URL.Query(), c)
		p := &pdfUnavailablePage{layout: s.layout(r, "PDF not available"), Record: rec, Failed: failed,
			PrintURL: fmt.Sprintf("/cases/%d/print", rec.ID)}
		if q := w2.query(); q != "" {
			p.PrintURL += "?" + q
		}
		s.render(w, r, http.StatusServiceUnavailable, "pdf-unavailable", p)
	}
	if s.PDF == nil {
		unavailable(false)
		return nil
	}
	p := s.buildReport(r, rec, c)
	p.Print = true
	p.assetsBase = "static/"
	var page bytes.Buffer
	if err := pages["report"].ExecuteTemplate(&page, "layout", p); err != nil {
		return fmt.Errorf("rendering the report to print: %w", err)
	}
	site := map[string][]byte{"index.html": page.Bytes()}
	for _, a := range s.assets.byName {
		site[strings.TrimPrefix(a.url, "/")] = a.data
	}
	ctx, cancel := context.WithTimeout(r.Context(), printTimeout)
	defer cancel()
	pdf, err := s.PDF.PrintPDF(ctx, site)
	if err != nil {
		s.logger().Error("printing a report to PDF", "case", rec.ID, "err", err)
		unavailable(true)
		return nil
	}
	attachment(w, "application/pdf", downloadName(rec, ".pdf"))
	w.Write(pdf)
	return nil
}
