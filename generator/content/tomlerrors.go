package content

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// The TOML decoder's messages are English and name Go types; an editor gets them in Dutch, in
// the words of the content. The parser's own text stays, framed in Dutch, only where no
// translation below matches it.

// tomlErrorRE reads "toml: line 3 (last key "titel"): …"; the line or the key may be missing.
var tomlErrorRE = regexp.MustCompile(`^toml: (?:line (\d+))? ?(?:\(last key "([^"]*)"\))?: (.*)$`)

// explainTOMLError turns the decoder's message into one an editor can act on.
func explainTOMLError(err error, keys KeyLines) (line int, key, msg string) {
	var pe toml.ParseError
	msg = err.Error()
	line = keys.First
	m := tomlErrorRE.FindStringSubmatch(msg)
	if m != nil {
		msg, key = m[3], m[2]
		if n, err := strconv.Atoi(m[1]); err == nil {
			line = keys.First + n - 1
		} else if key != "" {
			line = keys.lineOf(key)
		}
		switch {
		case strings.HasPrefix(msg, "incompatible types"):
			return line, key, fmt.Sprintf("veld %q: verkeerde soort waarde: %s", key, explainTypes(msg))
		case strings.HasPrefix(msg, "parsing time"), strings.HasPrefix(msg, "invalid datetime"):
			return line, key, fmt.Sprintf("veld %q: geen geldige datum (verwacht een datum zoals 2024-06-27, of datum en tijd zoals 2024-06-27T09:30:00, zonder aanhalingstekens)", key)
		case key != "":
			return line, key, fmt.Sprintf("ongeldige TOML bij %q: %s", key, translateTOML(msg))
		}
		return line, "", "ongeldige TOML: " + translateTOML(msg)
	}
	if errors.As(err, &pe) {
		return keys.First + pe.Position.Line - 1, "", "ongeldige TOML: " + translateTOML(pe.Message)
	}
	return line, "", "ongeldige TOML: " + msg
}

// typeWords names the decoder's types, of the value written (string, int64, []any…) and of the
// field (string, integer, slice…), as an editor knows them, with an example where it helps.
var typeWords = map[string]struct{ word, example string }{
	"string": {"tekst tussen aanhalingstekens", ""}, "primitive (string-like)": {"tekst tussen aanhalingstekens", ""},
	"integer": {"een heel getal", "7"}, "int64": {"een heel getal", "7"},
	"float": {"een getal", "2.5"}, "float64": {"een getal met een punt", "2.5"},
	"boolean": {"true of false", ""}, "bool": {"een waarde true of false", ""},
	"time.Time": {"een datum", "2024-06-27"}, "datetime": {"een datum", "2024-06-27"},
	"slice": {"een lijst tussen [ ]", ""}, "array": {"een lijst tussen [ ]", ""},
	"map": {"een tabel", ""}, "table": {"een tabel", ""}, "struct": {"een tabel", ""},
}

var typesRE = regexp.MustCompile(`TOML value has type (\S+); destination has type (\S+)`)

// explainTypes rewrites "TOML value has type X; destination has type Y".
func explainTypes(msg string) string {
	m := typesRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	return fmt.Sprintf("verwacht %s, gevonden: %s", typeWord(m[2], true), typeWord(m[1], false))
}

// typeWord names a decoder's type; withExample adds the example, which helps for what is
// expected, not for what was found.
func typeWord(t string, withExample bool) string {
	t = strings.TrimPrefix(t, "*")
	switch {
	case strings.HasPrefix(t, "[]"):
		t = "slice"
	case strings.HasPrefix(t, "map["):
		t = "map"
	}
	w, ok := typeWords[t]
	switch {
	case !ok:
		return t
	case withExample && w.example != "":
		return fmt.Sprintf("%s (bijvoorbeeld %s)", w.word, w.example)
	}
	return w.word
}

// tomlMessages translates the messages of BurntSushi/toml's parser that an editor can meet,
// by their text (the package has no error values for them). A group that holds what the parser
// found (a quoted character or word, or "end of file") is shown through found.
var tomlMessages = []struct {
	re *regexp.Regexp
	nl func(m []string) string
}{
	{regexp.MustCompile(`^strings cannot contain newlines$`), fixed(`de tekst is niet afgesloten: zet aan het eind een aanhalingsteken, op dezelfde regel`)},
	{regexp.MustCompile(`^unexpected EOF; expected ["'](.+)["']$`), func(m []string) string {
		return fmt.Sprintf("de tekst is niet afgesloten: verwacht %s aan het eind", m[1])
	}},
	{regexp.MustCompile(`^expected value but found (.+) instead$`), expectedValue},
	{regexp.MustCompile(`^unexpected EOF; expected value$`), fixed(`na "=" ontbreekt de waarde`)},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \(']'\), but got (.+)$`), func(m []string) string {
		return fmt.Sprintf("verwacht in de lijst een komma tussen twee waarden, of ] aan het eind (gevonden: %s)", found(m[1]))
	}},
	{regexp.MustCompile(`^unexpected comma$`), fixed(`een komma te veel in de lijst`)},
	{regexp.MustCompile(`^Key '(.+)' has already been defined\.$`), func(m []string) string {
		return fmt.Sprintf("veld %q staat er twee keer in (een veld mag maar één keer voorkomen)", m[1])
	}},
	{regexp.MustCompile(`^Key '(.+)' was already created and cannot be used as an array\.$`), func(m []string) string {
		return fmt.Sprintf("veld %q staat er al eerder in, en kan dan geen [[%s]] zijn", m[1], m[1])
	}},
	{regexp.MustCompile(`^expected end of table array name delimiter '\]', but got (.+) instead$`), func(m []string) string {
		return fmt.Sprintf("een kop [[…]] moet eindigen op ]] (gevonden: %s)", found(m[1]))
	}},
	{regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.+) instead$`), func(m []string) string {
		return fmt.Sprintf("een kop tussen [ ] is niet afgesloten met ] (gevonden: %s)", found(m[1]))
	}},
	{regexp.MustCompile(`^unexpected (end of table name|table separator) \(table names cannot be empty\)$`), fixed(`een kop tussen [ ] heeft geen naam`)},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.+) instead$`), func(m []string) string {
		return fmt.Sprintf(`verwacht "=" na de naam van het veld, zoals titel = "…" (gevonden: %s)`, found(m[1]))
	}},
	{regexp.MustCompile(`^unexpected EOF; expected key separator '='$`), fixed(`verwacht "=" na de naam van het veld, zoals titel = "…"`)},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.+) instead$`), func(m []string) string {
		return fmt.Sprintf("na de waarde mag niets meer op de regel staan (gevonden: %s); zet elk veld op een eigen regel", found(m[1]))
	}},
	{regexp.MustCompile(`^unexpected '=': key name appears blank$`), fixed(`voor "=" staat geen naam van een veld`)},
	{regexp.MustCompile(`^unexpected '\.': keys cannot start with a '\.'$`), fixed(`de naam van een veld kan niet met een punt beginnen`)},
	{regexp.MustCompile(`^Invalid integer "(.+)": cannot have leading zeroes$`), func(m []string) string {
		return fmt.Sprintf("het getal %s mag niet met een 0 beginnen", m[1])
	}},
	{regexp.MustCompile(`^Invalid (?:integer|float) "(.+)": underscores must be surrounded by digits$`), func(m []string) string {
		return fmt.Sprintf("in het getal %s moet een _ tussen twee cijfers staan", m[1])
	}},
	{regexp.MustCompile(`^Invalid float "(.+)": '\.' must be followed by one or more digits$`), func(m []string) string {
		return fmt.Sprintf("in het getal %s moeten na de punt cijfers komen", m[1])
	}},
	{regexp.MustCompile(`^floats must start with a digit, not '\.'$`), fixed(`een getal begint met een cijfer, niet met een punt (schrijf 0.5, niet .5)`)},
	{regexp.MustCompile(`^expected a digit but got (.+)$`), func(m []string) string {
		return fmt.Sprintf("verwacht een cijfer (gevonden: %s)", found(m[1]))
	}},
	{regexp.MustCompile(`^(\S+) is out of range for \S+$`), func(m []string) string {
		return fmt.Sprintf("het getal %s is te groot of te klein", m[1])
	}},
	{regexp.MustCompile(`^invalid escape in string '\\(.)'$`), func(m []string) string {
		return fmt.Sprintf(`\%s heeft in een tekst geen betekenis: een backslash schrijf je als \\`, m[1])
	}},
	{regexp.MustCompile(`^TOML files cannot contain control characters: '(0x[0-9a-f]+)'$`), func(m []string) string {
		return fmt.Sprintf("er staat een onzichtbaar stuurteken (%s) in; haal het weg", m[1])
	}},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '\}', but got (.+) instead$`), func(m []string) string {
		return fmt.Sprintf("verwacht in de tabel tussen { } een komma tussen twee waarden, of } aan het eind (gevonden: %s)", found(m[1]))
	}},
}

func fixed(nl string) func([]string) string { return func([]string) string { return nl } }

// translateTOML returns the Dutch for a parser message, or the message itself.
func translateTOML(msg string) string {
	for _, t := range tomlMessages {
		if m := t.re.FindStringSubmatch(msg); m != nil {
			return t.nl(m)
		}
	}
	return msg
}

// curlyQuotes are what a word processor makes of a typed quote; TOML wants straight ones.
const curlyQuotes = "“”„‘’‚"

// expectedValue explains "expected value but found X instead": no value after "=", curly
// quotes, or something that is not a value, most often text without quotes.
func expectedValue(m []string) string {
	switch s := unquote(m[1]); {
	case s == "\n" || s == "":
		return `na "=" ontbreekt de waarde`
	case strings.ContainsAny(s, curlyQuotes):
		return `gebruik rechte aanhalingstekens (") in plaats van krullende (“ ”)`
	}
	return fmt.Sprintf("verwacht een waarde: tekst tussen aanhalingstekens, een getal, een datum, true of false, of een lijst tussen [ ] (gevonden: %s)", found(m[1]))
}

// found shows what the parser found, written by it as a Go-quoted character or word
// ('x', "woord", '\n') or as "end of file".
func found(s string) string {
	if s == "end of file" {
		return "het einde"
	}
	switch u := unquote(s); u {
	case "\n":
		return "het einde van de regel"
	case " ", "\t":
		return "een spatie"
	case `"`:
		return "een aanhalingsteken"
	default:
		return strconv.Quote(u)
	}
}

// unquote reads a Go-quoted character or string; other text is returned as it is.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		if r, _, tail, err := strconv.UnquoteChar(s[1:len(s)-1], '\''); err == nil && tail == "" {
			return string(r)
		}
	}
	if u, err := strconv.Unquote(s); err == nil {
		return u
	}
	return s
}
