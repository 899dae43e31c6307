package loadgen

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// form is an HTML form as a browser without scripts sees it: where it is
// sent, how, and the values it would send as it stands (the successful
// controls: text inputs, hidden inputs, checked boxes and radio buttons,
// selected options, text areas; never the buttons, which add their own
// name and value only when they are the one pressed).
type form struct {
	ID, Action, Method, Enctype string
	Values                      url.Values
	// Ranges are the range inputs (the what-if sliders), in page order.
	Ranges []rangeInput
}

// rangeInput is one <input type="range">: its bounds, its step, its
// position, and the position that means "as in the case" (data-case).
type rangeInput struct {
	Name                  string
	Min, Max, Step, Value float64
	CasePosition          float64
	HasCasePosition       bool
}

// parseForms reads the forms of an HTML page. It is a tolerant reader,
// enough for the pages of this server (html/template output), not a full
// HTML parser.
func parseForms(page []byte) ([]*form, error) {
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var (
		forms    []*form
		cur      *form
		selName  string // the open <select>
		selFirst string // its first option, which a browser sends when none is selected
		selAny   bool   // whether one of its options was selected
		optVal   *string
		optText  strings.Builder
		optSel   bool
		taName   string // the open <textarea>
		taText   strings.Builder
		inTA     bool
	)
	attrs := func(se xml.StartElement) map[string]string {
		m := make(map[string]string, len(se.Attr))
		for _, a := range se.Attr {
			m[strings.ToLower(a.Name.Local)] = a.Value
		}
		return m
	}
	endOption := func() {
		if optVal == nil || cur == nil || selName == "" {
			optVal = nil
			return
		}
		v := *optVal
		if v == "\x00" {
			v = strings.TrimSpace(optText.String())
		}
		if !selAny && selFirst == "\x00" {
			selFirst = v
		}
		if optSel {
			selAny = true
			cur.Values.Add(selName, v)
		}
		optVal = nil
	}
	endSelect := func() {
		endOption()
		if cur != nil && selName != "" && !selAny && selFirst != "\x00" {
			cur.Values.Add(selName, selFirst)
		}
		selName = ""
	}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return forms, fmt.Errorf("reading the page's HTML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			a := attrs(t)
			switch name {
			case "form":
				cur = &form{ID: a["id"], Action: a["action"], Method: strings.ToUpper(a["method"]), Enctype: a["enctype"], Values: url.Values{}}
				if cur.Method == "" {
					cur.Method = "GET"
				}
				forms = append(forms, cur)
			case "input":
				if cur == nil || a["name"] == "" {
					continue
				}
				_, disabled := a["disabled"]
				if disabled {
					continue
				}
				switch typ := strings.ToLower(a["type"]); typ {
				case "submit", "button", "image", "reset", "file":
				case "checkbox", "radio":
					if _, checked := a["checked"]; checked {
						v, ok := a["value"]
						if !ok {
							v = "on"
						}
						cur.Values.Add(a["name"], v)
					}
				case "range":
					ri := rangeInput{Name: a["name"]}
					ri.Min, ri.Max, ri.Step, ri.Value = num(a["min"], 0), num(a["max"], 100), num(a["step"], 1), num(a["value"], 50)
					if c, ok := a["data-case"]; ok {
						ri.CasePosition, ri.HasCasePosition = num(c, 0), true
					}
					cur.Ranges = append(cur.Ranges, ri)
					cur.Values.Add(a["name"], a["value"])
				default:
					cur.Values.Add(a["name"], a["value"])
				}
			case "select":
				if cur == nil || a["name"] == "" {
					continue
				}
				selName, selFirst, selAny = a["name"], "\x00", false
			case "option":
				endOption()
				v, ok := a["value"]
				if !ok {
					v = "\x00"
				}
				optVal = &v
				optText.Reset()
				_, optSel = a["selected"]
			case "textarea":
				if cur == nil || a["name"] == "" {
					continue
				}
				taName, inTA = a["name"], true
				taText.Reset()
			}
		case xml.CharData:
			if inTA {
				taText.Write(t)
			}
			if optVal != nil {
				optText.Write(t)
			}
		case xml.EndElement:
			switch strings.ToLower(t.Name.Local) {
			case "form":
				if selName != "" {
					endSelect()
				}
				cur = nil
			case "option":
				endOption()
			case "select":
				endSelect()
			case "textarea":
				if inTA && cur != nil {
					// A browser drops one newline right after <textarea>.
					cur.Values.Add(taName, strings.TrimPrefix(taText.String(), "\n"))
				}
				inTA = false
			}
		}
	}
	return forms, nil
}

// findForm returns the form of page whose action is action (and, when id
// is not "", whose id is id).
func findForm(page []byte, action, id string) (*form, error) {
	forms, err := parseForms(page)
	if err != nil {
		return nil, err
	}
	for _, f := range forms {
		if f.Action == action && (id == "" || f.ID == id) {
			return f, nil
		}
	}
	what := "a form that posts to " + action
	if id != "" {
		what = fmt.Sprintf("the form %q (%s)", id, action)
	}
	return nil, fmt.Errorf("the page has no %s (%d forms)", what, len(forms))
}

// num reads a number attribute, or def when it is not one.
func num(s string, def float64) float64 {
	var x float64
	if _, err := fmt.Sscan(strings.TrimSpace(s), &x); err != nil {
		return def
	}
	return x
}
