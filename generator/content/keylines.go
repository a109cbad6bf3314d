package content

import (
	"bytes"
	"strings"
)

// KeyLines tells on which line of the file a front-matter key or table stands, so that
// problems found after decoding can still point at a line.
type KeyLines struct {
	First  int              // line of the first front-matter line
	Top    Lines            // top-level key → line; a plain [table] and its keys as "table.key"
	Tables map[string][]int // array-of-tables name → line of each [[name]] header
	// TableKeys[name][i] holds the lines of the keys inside the i-th [[name]] table.
	TableKeys map[string][]Lines
}

// Lines holds the line of each key of one table. A table has a dozen keys or so: a list takes
// a fifth of the room of a map, and a site of ten thousand files keeps all of them.
type Lines []KeyLine

// KeyLine is the line a key stands on.
type KeyLine struct {
	Key  string
	Line int
}

// Get returns the line of key.
func (l Lines) Get(key string) (int, bool) {
	for _, kl := range l {
		if kl.Key == key {
			return kl.Line, true
		}
	}
	return 0, false
}

// addFirst records the line of key unless it has one: a key the file repeats (an error the
// decoder reports) is found where it first stands.
func (l *Lines) addFirst(key string, line int) {
	if _, ok := l.Get(key); !ok {
		*l = append(*l, KeyLine{strings.Clone(key), line}) // not the whole line the key was cut from
	}
}

// set records the line of key, in place of the one it had.
func (l *Lines) set(key string, line int) {
	for i := range *l {
		if (*l)[i].Key == key {
			(*l)[i].Line = line
			return
		}
	}
	*l = append(*l, KeyLine{strings.Clone(key), line})
}

// Line returns the line of a top-level key, or the first front-matter line when it is absent.
func (k KeyLines) Line(key string) int {
	if l, ok := k.Top.Get(key); ok {
		return l
	}
	return k.First
}

// scanKeyLines reads TOML line by line; it needs no full parser because it only has to find
// "key =" lines and "[[table]]" headers. firstLine is the file line of the TOML's first line.
func scanKeyLines(toml []byte, firstLine int) KeyLines {
	// Most files have no [[table]]: their maps stay nil, which on a large site saves megabytes.
	k := KeyLines{First: firstLine}
	table := ""
	for i, raw := range bytes.Split(toml, []byte("\n")) {
		line := strings.TrimSpace(string(raw))
		n := firstLine + i
		switch {
		case strings.HasPrefix(line, "[["):
			name := strings.TrimSpace(strings.Trim(strings.SplitN(line, "]]", 2)[0], "[ "))
			table = name
			if k.Tables == nil {
				k.Tables, k.TableKeys = map[string][]int{}, map[string][]Lines{}
			}
			k.Tables[name] = append(k.Tables[name], n)
			k.TableKeys[name] = append(k.TableKeys[name], nil)
		case strings.HasPrefix(line, "["):
			table = strings.Trim(line, "[] ")
			k.Top.addFirst(table, n)
		default:
			key, _, ok := strings.Cut(line, "=")
			if !ok || strings.HasPrefix(line, "#") {
				continue
			}
			key = strings.Trim(strings.TrimSpace(key), `"'`)
			if table == "" {
				k.Top.addFirst(key, n)
			} else if tks := k.TableKeys[table]; len(tks) > 0 {
				tks[len(tks)-1].set(key, n)
			} else {
				k.Top.addFirst(table+"."+key, n) // a key of a plain [table], by its dotted name
			}
		}
	}
	return k
}

// lineOf finds the line for a dotted key as reported by the TOML decoder ("strategie.bron").
// Keys inside arrays of tables cannot say which table they are in, so the first match is used.
func (k KeyLines) lineOf(dotted string) int {
	if l, ok := k.Top.Get(dotted); ok {
		return l
	}
	parts := strings.Split(dotted, ".")
	if len(parts) == 1 {
		if hs := k.Tables[parts[0]]; len(hs) > 0 {
			if _, ok := k.Top.Get(parts[0]); !ok {
				return hs[0]
			}
		}
		return k.Line(parts[0])
	}
	table, key := strings.Join(parts[:len(parts)-1], "."), parts[len(parts)-1]
	for _, keys := range k.TableKeys[table] {
		if l, ok := keys.Get(key); ok {
			return l
		}
	}
	if hs := k.Tables[table]; len(hs) > 0 {
		return hs[0]
	}
	return k.First
}
