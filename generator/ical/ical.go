// Package ical writes agenda items as an iCalendar file (RFC 5545) that calendar programs
// (Outlook, Google Agenda, Apple Agenda) import: CRLF line endings, lines folded at 75 octets,
// TEXT values escaped, local times in Europe/Amsterdam with the VTIMEZONE that defines it.
package ical

import (
	"strings"
	"time"
	"unicode/utf8"
)

// TZID is the time zone of every start and end.
const TZID = "Europe/Amsterdam"

// Event is one agenda item.
type Event struct {
	UID         string    // globally unique and stable across builds, e.g. "<post-id>@example.org"
	Stamp       time.Time // DTSTAMP: when this description of the event was made; written in UTC
	Start       time.Time // wall-clock time in Europe/Amsterdam (its location is ignored)
	End         time.Time // wall-clock time in Europe/Amsterdam; zero when unknown
	Summary     string
	Description string
	Location    string
	URL         string // absolute, or ""
}

// Calendar returns an iCalendar object named name that holds events.
func Calendar(name string, events []Event) []byte {
	var w writer
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//Kennisbank//kennisbank//NL")
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	if name != "" {
		w.line("X-WR-CALNAME:" + Escape(name))
	}
	w.line("X-WR-TIMEZONE:" + TZID)
	w.b.WriteString(vtimezone)
	for _, e := range events {
		w.line("BEGIN:VEVENT")
		w.line("UID:" + Escape(e.UID))
		w.line("DTSTAMP:" + e.Stamp.UTC().Format("20060102T150405Z"))
		w.line("DTSTART;TZID=" + TZID + ":" + local(e.Start))
		if !e.End.IsZero() {
			w.line("DTEND;TZID=" + TZID + ":" + local(e.End))
		}
		w.line("SUMMARY:" + Escape(e.Summary))
		if e.Description != "" {
			w.line("DESCRIPTION:" + Escape(e.Description))
		}
		if e.Location != "" {
			w.line("LOCATION:" + Escape(e.Location))
		}
		if e.URL != "" {
			w.line("URL:" + e.URL) // a URI value: not escaped as TEXT
		}
		w.line("END:VEVENT")
	}
	w.line("END:VCALENDAR")
	return []byte(w.b.String())
}

func local(t time.Time) string { return t.Format("20060102T150405") }

// vtimezone defines Europe/Amsterdam with the EU rules in force since 1996: summer time from the
// last Sunday of March 02:00 to the last Sunday of October 03:00. Each line is shorter than 75.
const vtimezone = "BEGIN:VTIMEZONE\r\n" +
	"TZID:" + TZID + "\r\n" +
	"BEGIN:DAYLIGHT\r\n" +
	"TZOFFSETFROM:+0100\r\n" +
	"TZOFFSETTO:+0200\r\n" +
	"TZNAME:CEST\r\n" +
	"DTSTART:19810329T020000\r\n" +
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n" +
	"END:DAYLIGHT\r\n" +
	"BEGIN:STANDARD\r\n" +
	"TZOFFSETFROM:+0200\r\n" +
	"TZOFFSETTO:+0100\r\n" +
	"TZNAME:CET\r\n" +
	"DTSTART:19961027T030000\r\n" +
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" +
	"END:STANDARD\r\n" +
	"END:VTIMEZONE\r\n"

var escaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// Escape escapes a TEXT value: backslash, semicolon, comma and line breaks.
func Escape(s string) string { return escaper.Replace(s) }

// MaxOctets is the longest a line may be, not counting its CRLF.
const MaxOctets = 75

type writer struct{ b strings.Builder }

// line writes one content line, folded so that no physical line exceeds MaxOctets octets and no
// UTF-8 character is split: a continuation line starts with a space, which counts.
func (w *writer) line(s string) {
	limit := MaxOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.b.WriteString(s[:cut])
		w.b.WriteString("\r\n ")
		s = s[cut:]
		limit = MaxOctets - 1
	}
	w.b.WriteString(s)
	w.b.WriteString("\r\n")
}
