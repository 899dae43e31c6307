package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/crossroads/crossroads"
)

//go:embed templates
var templateFS embed.FS

// pages holds one template set per page: the layout, the shared partials
// and the page's own file (templates/pages/NAME.html defines "content").
// They are parsed once, when the package is loaded, so that a broken
// template stops the program at start-up, and a test renders every page.
var pages = parsePages()

// funcs are the functions of every template.
var funcs = template.FuncMap{
	"pct":   func(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) },
	"pct1":  func(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) },
	"f0":    func(x float64) string { return fmt.Sprintf("%.0f", x) },
	"f1":    func(x float64) string { return fmt.Sprintf("%.1f", x) },
	"f2":    func(x float64) string { return fmt.Sprintf("%.2f", x) },
	"num":   formatNumber,
	"money": crossroads.FormatMoney,
	"plus":  func(a, b int) int { return a + b },
	"date":  func(t time.Time) string { return t.Local().Format("2 Jan 2006, 15:04") },
	"datep": func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.Local().Format("2 Jan 2006, 15:04")
	},
	"auditAction": func(a crossroads.Action) string {
		if s, ok := auditActions[a]; ok {
			return s
		}
		return string(a)
	},
	"path": func(format string, args ...any) string {
		return fmt.Sprintf(format, args...)
	},
	"title": func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	},
	"round": math.Round,
	"json": func(v any) (string, error) {
		b, err := json.Marshal(v)
		return string(b), err
	},
	"mul100": func(x float64) float64 { return 100 * x },
	"seq": func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	},
}

// auditActions say in words what an audit entry records.
var auditActions = map[crossroads.Action]string{
	crossroads.ActionView:   "opened it",
	crossroads.ActionCreate: "created it",
	crossroads.ActionUpdate: "changed it",
	crossroads.ActionDelete: "deleted it",
	crossroads.ActionShare:  "opened a share link: it is shared with them",
	crossroads.ActionRevoke: "stopped the sharing",
	crossroads.ActionExport: "downloaded it with all their data",
}

func parsePages() map[string]*template.Template {
	base := template.Must(template.New("base").Funcs(funcs).ParseFS(templateFS, "templates/*.html"))
	files, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil || len(files) == 0 {
		panic("web: no page templates")
	}
	out := map[string]*template.Template{}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		t := template.Must(template.Must(base.Clone()).ParseFS(templateFS, f))
		if t.Lookup("content") == nil {
			panic("web: " + f + " defines no content")
		}
		out[name] = t
	}
	return out
}

// layout is the data every page shares.
type layout struct {
	// PageTitle is the page's title, before " — Crossroads".
	PageTitle string
	// Nav marks the current part of the site: "home", "about" or "".
	Nav string
	// Print is true for the print version of the report.
	Print bool
	// Accounts is true when people sign in; User is the signed-in person
	// (nil for nobody, and in single-user mode).
	Accounts bool
	User     *crossroads.User

	assets     *assets
	assetsBase string // "" for the site, or a relative folder for a printed copy
}

// Asset returns the URL of a static file.
func (l *layout) Asset(name string) string {
	u := l.assets.URL(name)
	if l.assetsBase != "" {
		return l.assetsBase + strings.TrimPrefix(u, "/static/")
	}
	return u
}

func (s *Server) layout(r *http.Request, title string) layout {
	l := layout{PageTitle: title, assets: s.assets}
	if s.Accounts != nil {
		l.Accounts = true
		l.User = currentUser(r)
	}
	return l
}

// IsCoach reports whether the signed-in person is a coach.
func (l *layout) IsCoach() bool { return l.User != nil && l.User.Role == crossroads.RoleCoach }

// errorPage is the data of the error page.
type errorPage struct {
	layout
	Status  int
	Message string
}

// render executes the page template into a buffer, so that a failure
// shows the error page rather than half a page, and writes it with status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	s.renderTemplate(w, r, status, page, "layout", data)
}

// renderTemplate is render with the name of the template to execute:
// "layout" for a whole page, or a block of the page for an htmx swap.
func (s *Server) renderTemplate(w http.ResponseWriter, r *http.Request, status int, page, name string, data any) {
	t, ok := pages[page]
	if !ok {
		panic("web: no page " + page)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		s.logger().Error("rendering a page", "page", page, "err", err)
		if page != "error" {
			s.fail(w, r, fmt.Errorf("rendering %s: %w", page, err))
			return
		}
		http.Error(w, "Internal error.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Add("Vary", "HX-Request")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
