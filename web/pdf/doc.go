// Package pdf prints web pages to PDF with a headless Chromium, driven over
// the DevTools protocol by chromedp. The web server uses it to export
// reports; when no Chromium is installed, Find says so and the server offers
// the browser's own print instead.
package pdf
