package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
)

//go:embed static
var staticFS embed.FS

// asset is one embedded static file.
type asset struct {
	name        string // path under static/, such as "app.js"
	url         string // its checksum URL, such as "/static/app.3fa4b2c1d0.js"
	contentType string
	data        []byte
	gzipOnce    sync.Once
	gzipped     []byte // nil when compression does not pay
}

// assets holds the embedded static files, by name and by URL path.
type assets struct {
	byName map[string]*asset
	byURL  map[string]*asset
}

// loadAssets reads every embedded static file and gives it a URL that
// contains the first ten hex digits of its SHA-256, so that a changed file
// gets a new URL and every URL can be cached for ever.
func loadAssets() *assets {
	a := &assets{byName: map[string]*asset{}, byURL: map[string]*asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		if path.Base(name) == "SHA256SUMS" || strings.HasSuffix(name, ".md") {
			return nil
		}
		data, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		ct := mime.TypeByExtension(ext)
		switch ext {
		case ".js":
			ct = "text/javascript; charset=utf-8"
		case ".css":
			ct = "text/css; charset=utf-8"
		case "":
			ct = "text/plain; charset=utf-8"
		}
		as := &asset{
			name:        name,
			url:         "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext,
			contentType: ct,
			data:        data,
		}
		a.byName[name] = as
		a.byURL[as.url] = as
		return nil
	})
	if err != nil {
		panic("web: reading the embedded static files: " + err.Error())
	}
	return a
}

// URL returns the checksum URL of the static file name; it panics on an
// unknown name, so that a template that names a missing file fails at the
// test that renders every page.
func (a *assets) URL(name string) string {
	as, ok := a.byName[name]
	if !ok {
		panic("web: no static file " + name)
	}
	return as.url
}

// ServeHTTP serves a static file at its checksum URL with a cache lifetime
// of a year, compressed with gzip when the client accepts it.
func (a *assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	as, ok := a.byURL[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", as.contentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Add("Vary", "Accept-Encoding")
	body := as.data
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		if gz := as.compressed(); gz != nil {
			h.Set("Content-Encoding", "gzip")
			body = gz
		}
	}
	http.ServeContent(w, r, "", startTime, bytes.NewReader(body))
}

// compressed returns the file compressed with gzip, or nil when that does
// not make it at least a tenth smaller.
func (as *asset) compressed() []byte {
	as.gzipOnce.Do(func() {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(as.data)
		zw.Close()
		if buf.Len() < len(as.data)*9/10 {
			as.gzipped = buf.Bytes()
		}
	})
	return as.gzipped
}
