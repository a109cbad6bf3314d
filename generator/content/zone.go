package content

import (
	"time"
	_ "time/tzdata" // the site must not depend on the zone database of the build machine
)

// TimeZone is the zone of every date and time in the front matter: TOML local dates and times
// (datum, start, eind) are wall-clock times in the Netherlands.
const TimeZone = "Europe/Amsterdam"

var amsterdam = mustZone(TimeZone)

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // cannot happen: time/tzdata is embedded
	}
	return loc
}

// InZone reads the wall clock of t (a TOML local date or time) as a time in TimeZone, so that it
// can be written with its UTC offset.
func InZone(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), amsterdam)
}
