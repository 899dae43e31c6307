package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct":     func(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) },
	"pct1":    func(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) },
	"f0":      func(x float64) string { return fmt.Sprintf("%.0f", x) },
	"f1":      func(x float64) string { return fmt.Sprintf("%.1f", x) },
	"f2":      func(x float64) string { return fmt.Sprintf("%.2f", x) },
	"mul":     func(a, b float64) float64 { return a * b },
	"sub":     func(a, b float64) float64 { return a - b },
	"letter":  func(i int) string { return string(rune('A' + i%26)) },
	"title":   func(s string) string { return strings.ToUpper(s[:1]) + s[1:] },
	"inGroup": func(g string, o Opportunity) []any { return criteriaOf(o, g) },
	"figure":  FigureValue,
	"groups":  func() []string { return []string{"present", "future"} },
}).Parse(htmlSource))

func criteriaOf(o Opportunity, group string) []any {
	var out []any
	for _, c := range o.Criteria {
		if c.Group == group {
			out = append(out, c)
		}
	}
	return out
}

// WriteHTML writes the report as a self-contained HTML page (inline styles
// and SVG charts, no scripts).
func (r *Report) WriteHTML(w io.Writer) error {
	return htmlTemplate.Execute(w, r)
}
