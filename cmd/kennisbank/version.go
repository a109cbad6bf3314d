package main

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// version is set by the release build (-ldflags "-X main.version=v1.2.0"); without it the
// version comes from the module (go install …@v1.2.0) or from the source's commit.
var version = ""

// versionText says which kennisbank this is: the release, or the commit it was built from.
func versionText() string {
	info, ok := debug.ReadBuildInfo()
	if version != "" {
		return version
	}
	if ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	var commit, when string
	modified := false
	if ok {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value[:min(12, len(s.Value))]
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if commit == "" {
		return "(development build)"
	}
	parts := []string{"commit " + commit}
	if when != "" {
		parts = append(parts, when)
	}
	if modified {
		parts = append(parts, "with uncommitted changes")
	}
	return fmt.Sprintf("(development build, %s)", strings.Join(parts, ", "))
}
