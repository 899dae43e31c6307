package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crossroads/crossroads"
	"github.com/crossroads/crossroads/report"
)

// calendarEvent is one all-day event of a calendar file.
type calendarEvent struct {
	Date        crossroads.Date
	Summary     string
	Description string
}

// writeICS writes events as an iCalendar file (RFC 5545): CRLF line ends,
// lines folded at 75 octets without splitting a character, text escaped
// (backslash, semicolon, comma, new line), all-day events (DTSTART with
// VALUE=DATE and DTEND the next day, §3.6.1), and UIDs made from the
// calendar's key and each event's date and summary, so that importing the
// file again updates the events rather than doubling them. stamp is the
// DTSTAMP of every event: when the information was last changed.
func writeICS(w io.Writer, key, name string, stamp time.Time, events []calendarEvent) error {
	var b bytes.Buffer
	line := func(s string) { foldLine(&b, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Crossroads//Crossroads decision dates//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + escapeText(name))
	for _, e := range events {
		sum := sha256.Sum256([]byte(key + "\x00" + e.Date.String() + "\x00" + e.Summary))
		line("BEGIN:VEVENT")
		line("UID:" + hex.EncodeToString(sum[:16]) + "@crossroads")
		line("DTSTAMP:" + stamp.UTC().Format("20060102T150405Z"))
		line("DTSTART;VALUE=DATE:" + icsDate(e.Date))
		line("DTEND;VALUE=DATE:" + icsDate(crossroads.DateOf(e.Date.Time().AddDate(0, 0, 1))))
		line("SUMMARY:" + escapeText(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION:" + escapeText(e.Description))
		}
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	_, err := w.Write(b.Bytes())
	return err
}

func icsDate(d crossroads.Date) string {
	return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
}

// escapeText escapes a TEXT value (RFC 5545 §3.3.11).
var textEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

func escapeText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\r' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	return textEscaper.Replace(s)
}

// foldLine writes a content line, folded so that no line is longer than
// 75 octets (RFC 5545 §3.1): each continuation starts with one space.
func foldLine(b *bytes.Buffer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}

// timelineEvents turns a report's timeline into calendar events.
func timelineEvents(rep *report.Report, caseTitle string) []calendarEvent {
	var out []calendarEvent
	for _, e := range rep.Timeline {
		d, err := crossroads.ParseDate(e.Date)
		if err != nil {
			continue
		}
		out = append(out, calendarEvent{Date: d, Summary: e.What, Description: "Crossroads case: " + caseTitle})
	}
	return out
}

// datesICS downloads the dates of the case's timeline as a calendar file.
func (s *Server) datesICS(w http.ResponseWriter, r *http.Request) error {
	rec, c, err := s.loadCase(r)
	if err != nil {
		return err
	}
	if !complete(c) {
		return errIncomplete
	}
	rep, err := s.analyse(rec, c, whatIf{})
	if err != nil {
		return err
	}
	attachment(w, "text/calendar; charset=utf-8", downloadName(rec, "-dates.ics"))
	return writeICS(w, fmt.Sprintf("case-%d", rec.ID), recordTitle(c), rec.UpdatedAt, timelineEvents(rep, recordTitle(c)))
}
