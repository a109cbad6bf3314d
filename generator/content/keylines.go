package content

import (
	"bytes"
	"strings"
)

// KeyLines tells on which line of the file a front-matter key or table stands, so that
// problems found after decoding can still point at a line.
type KeyLines struct {
	First  int              // line of the first front-matter line
	Top    map[string]int   // top-level key → line; a plain [table] and its keys as "table.key"
	Tables map[string][]int // array-of-tables name → line of each [[name]] header
	// TableKeys[name][i][key] is the line of key inside the i-th [[name]] table.
	TableKeys map[string][]map[string]int
}

// Line returns the line of a top-level key, or the first front-matter line when it is absent.
func (k KeyLines) Line(key string) int {
	if l, ok := k.Top[key]; ok {
		return l
	}
	return k.First
}

// scanKeyLines reads TOML line by line; it needs no full parser because it only has to find
// "key =" lines and "[[table]]" headers. firstLine is the file line of the TOML's first line.
func scanKeyLines(toml []byte, firstLine int) KeyLines {
	// Most files have no [[table]]: their maps stay nil, which on a large site saves megabytes.
	k := KeyLines{First: firstLine, Top: map[string]int{}}
	table := ""
	for i, raw := range bytes.Split(toml, []byte("\n")) {
		line := strings.TrimSpace(string(raw))
		n := firstLine + i
		switch {
		case strings.HasPrefix(line, "[["):
			name := strings.TrimSpace(strings.Trim(strings.SplitN(line, "]]", 2)[0], "[ "))
			table = name
			if k.Tables == nil {
				k.Tables, k.TableKeys = map[string][]int{}, map[string][]map[string]int{}
			}
			k.Tables[name] = append(k.Tables[name], n)
			k.TableKeys[name] = append(k.TableKeys[name], map[string]int{})
		case strings.HasPrefix(line, "["):
			table = strings.Trim(line, "[] ")
			if _, seen := k.Top[table]; !seen {
				k.Top[table] = n
			}
		default:
			key, _, ok := strings.Cut(line, "=")
			if !ok || strings.HasPrefix(line, "#") {
				continue
			}
			key = strings.Trim(strings.TrimSpace(key), `"'`)
			if table == "" {
				if _, seen := k.Top[key]; !seen {
					k.Top[key] = n
				}
			} else if tks := k.TableKeys[table]; len(tks) > 0 {
				tks[len(tks)-1][key] = n
			} else if _, seen := k.Top[table+"."+key]; !seen {
				k.Top[table+"."+key] = n // a key of a plain [table], by its dotted name
			}
		}
	}
	return k
}

// lineOf finds the line for a dotted key as reported by the TOML decoder ("strategie.bron").
// Keys inside arrays of tables cannot say which table they are in, so the first match is used.
func (k KeyLines) lineOf(dotted string) int {
	if l, ok := k.Top[dotted]; ok {
		return l
	}
	parts := strings.Split(dotted, ".")
	if len(parts) == 1 {
		if hs := k.Tables[parts[0]]; len(hs) > 0 {
			if _, ok := k.Top[parts[0]]; !ok {
				return hs[0]
			}
		}
		return k.Line(parts[0])
	}
	table, key := strings.Join(parts[:len(parts)-1], "."), parts[len(parts)-1]
	for _, keys := range k.TableKeys[table] {
		if l, ok := keys[key]; ok {
			return l
		}
	}
	if hs := k.Tables[table]; len(hs) > 0 {
		return hs[0]
	}
	return k.First
}
