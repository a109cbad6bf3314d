package ical

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// prop is one unfolded content line: NAME;PARAMS:VALUE.
type prop struct{ name, params, value string }

// parse checks the physical form of an iCalendar file (CRLF, at most 75 octets a line, folding)
// and returns its unfolded content lines.
func parse(t *testing.T, data []byte) []prop {
	t.Helper()
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatal("the file does not end with CRLF")
	}
	var logical []string
	for i, l := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > MaxOctets {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			if len(logical) == 0 {
				t.Fatal("the file starts with a continuation line")
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	var out []prop
	for _, l := range logical {
		colon := strings.IndexByte(l, ':')
		if colon < 0 {
			t.Errorf("no colon in %q", l)
			continue
		}
		name, params, _ := strings.Cut(l[:colon], ";")
		out = append(out, prop{name, params, l[colon+1:]})
	}
	return out
}

func unescape(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n", `\N`, "\n").Replace(s)
}

func TestCalendarFoldsEscapesAndKeepsLocalTime(t *testing.T) {
	long := "Een dag over samenwerken in de jeugdhulp; met workshops, een lunch en een terugblik op vier jaar SAMEN VERDER — coördinatie, één, twee\nen een tweede regel met een \\ backslash."
	ev := Event{UID: "2024-06-27-jaarconferentie@example.org", Stamp: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC),
		Start: time.Date(2024, 6, 27, 9, 30, 0, 0, time.UTC), End: time.Date(2024, 6, 27, 14, 0, 0, 0, time.UTC),
		Summary: "Jaarconferentie 2024, SAMEN verder", Description: long, Location: "De Haagse Hogeschool, Den Haag",
		URL: "https://example.org/kb/nieuws/2024-06-27-jaarconferentie/"}
	props := parse(t, Calendar("Agenda · Kennisbank", []Event{ev, {UID: "x@example.org", Start: ev.Start, Summary: "Zonder eind"}}))

	get := func(name string, nth int) *prop {
		for i := range props {
			if props[i].name == name {
				if nth == 0 {
					return &props[i]
				}
				nth--
			}
		}
		return nil
	}
	if props[0].name != "BEGIN" || props[0].value != "VCALENDAR" || props[len(props)-1].value != "VCALENDAR" {
		t.Fatalf("not wrapped in VCALENDAR: %v", props)
	}
	for name, want := range map[string]string{"VERSION": "2.0", "METHOD": "PUBLISH", "TZID": TZID} {
		if p := get(name, 0); p == nil || p.value != want {
			t.Errorf("%s = %v, want %q", name, p, want)
		}
	}
	if p := get("DTSTART", 2); p == nil || p.params != "TZID="+TZID || p.value != "20240627T093000" {
		t.Errorf("DTSTART of the event (after the two in VTIMEZONE) = %+v", p)
	}
	if p := get("DTEND", 0); p == nil || p.params != "TZID="+TZID || p.value != "20240627T140000" {
		t.Errorf("DTEND = %+v", p)
	}
	if p := get("DTEND", 1); p != nil {
		t.Errorf("an event without an end has a DTEND: %+v", p)
	}
	if p := get("DTSTAMP", 0); p == nil || p.value != "20240601T000000Z" {
		t.Errorf("DTSTAMP = %+v, want UTC", p)
	}
	for name, want := range map[string]string{"SUMMARY": ev.Summary, "DESCRIPTION": long, "LOCATION": ev.Location, "X-WR-CALNAME": "Agenda · Kennisbank"} {
		p := get(name, 0)
		if p == nil || unescape(p.value) != want {
			t.Errorf("%s does not round-trip: %+v", name, p)
		}
		if p != nil && strings.Contains(strings.ReplaceAll(p.value, `\,`, ""), ",") {
			t.Errorf("%s has an unescaped comma: %q", name, p.value)
		}
	}
	if p := get("URL", 0); p == nil || p.value != ev.URL {
		t.Errorf("URL = %+v", p)
	}
	begins, ends := 0, 0
	for _, p := range props {
		if p.name == "BEGIN" && p.value == "VEVENT" {
			begins++
		}
		if p.name == "END" && p.value == "VEVENT" {
			ends++
		}
	}
	if begins != 2 || ends != 2 {
		t.Errorf("%d BEGIN:VEVENT, %d END:VEVENT; want 2", begins, ends)
	}
}

func TestFoldingNeverSplitsACharacter(t *testing.T) {
	for n := 60; n < 80; n++ {
		var w writer
		value := strings.Repeat("a", n) + strings.Repeat("é", 40)
		w.line("SUMMARY:" + value)
		props := parse(t, []byte(w.b.String()))
		if len(props) != 1 || props[0].value != value {
			t.Fatalf("n=%d: folding lost or split text: %+v", n, props)
		}
		for _, l := range strings.Split(w.b.String(), "\r\n") {
			if !utf8.ValidString(l) {
				t.Fatalf("n=%d: a physical line is not valid UTF-8: %q", n, l)
			}
		}
	}
}
