package cms

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// tree lists every file under the project with its contents, to see that a refused request
// changed nothing.
func (b *backend) tree() map[string]string {
	out := map[string]string{}
	_ = filepath.WalkDir(b.root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(b.root, p)
			out[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return out
}

func save(path, raw string, newPath ...string) map[string]any {
	f := map[string]string{"path": path, "raw": raw}
	if len(newPath) > 0 {
		f["newPath"] = newPath[0]
	}
	return map[string]any{"branch": "main", "dataFiles": []map[string]string{f}, "assets": []any{}}
}

// Every request that would write, rename or delete what the CMS does not own is refused with a
// Dutch message, and changes nothing.
func TestTheDoorRefusesWhatTheCMSDoesNotOwn(t *testing.T) {
	raw := "+++\ntitel = \"Overschreven\"\n+++\n"
	img := map[string]string{"content": base64.StdEncoding.EncodeToString([]byte("PNG")), "encoding": "base64"}
	asset := func(p string) map[string]any {
		return map[string]any{"branch": "main", "asset": map[string]string{"path": p, "content": img["content"], "encoding": "base64"}}
	}
	upload := func(p, text string) map[string]any {
		return map[string]any{"asset": map[string]string{"path": p, "content": base64.StdEncoding.EncodeToString([]byte(text)), "encoding": "base64"}}
	}
	cases := []struct {
		name, action string
		params       map[string]any
		want         string
	}{
		{"site.toml through newPath", "persistEntry", save("content/strategieen/x.md", raw, "content/site.toml"), "hoort daar niet bij"},
		{"site.toml as an entry", "persistEntry", save("content/site.toml", raw), "hoort daar niet bij"},
		{"delete site.toml", "deleteFile", map[string]any{"path": "content/site.toml"}, "hoort daar niet bij"},
		{"delete site.toml among others", "deleteFiles", map[string]any{"paths": []string{"content/strategieen/x.md", "content/site.toml"}}, "hoort daar niet bij"},
		{"an .html entry", "persistEntry", save("content/strategieen/x.html", raw), "hoort daar niet bij"},
		{"an .html page beside a bundle", "persistEntry", save("content/nieuws/2024-02-01-b/pagina.html", raw), "hoort daar niet bij"},
		{"a collection folder renamed", "persistEntry", save("content/strategieen/x.md", raw, "content/nieuws"), "hoort daar niet bij"},
		{"a collection folder deleted", "deleteFile", map[string]any{"path": "content/nieuws"}, "hoort daar niet bij"},
		{"a bundle folder deleted as a file", "deleteFile", map[string]any{"path": "content/nieuws/2024-02-01-b"}, "hoort daar niet bij"},
		{"a folder the model does not know", "persistEntry", save("content/blog/x.md", raw), "hoort daar niet bij"},
		{"too deep", "persistEntry", save("content/nieuws/2024-02-01-b/a/index.md", raw), "hoort daar niet bij"},
		{"media too deep", "persistMedia", asset("content/nieuws/2024-02-01-b/bijlage/y.png"), "hoort bij een bericht of factsheet"},
		{"a hidden file", "persistEntry", save("content/strategieen/.x.md", raw), "hoort daar niet bij"},
		{"a name the build skips", "persistEntry", save("content/strategieen/_x.md", raw), "hoort daar niet bij"},
		{"a name too long", "persistEntry", save("content/strategieen/"+strings.Repeat("a", 120)+".md", raw), "te lang"},
		{"a name against the kind's rule", "persistEntry", save("content/nieuws/zonder-datum.md", raw), "begint met een datum"},
		{"upper case", "persistEntry", save("content/strategieen/Hoofdletter.md", raw), "kleine letters"},
		{"a new determinant", "persistEntry", save("content/determinanten/30-nieuw.md", raw), "liggen vast"},
		{"a determinant renamed", "persistEntry", save("content/determinanten/01-een.md", raw, "content/determinanten/01-anders.md"), "liggen vast"},
		{"a determinant deleted", "deleteFile", map[string]any{"path": "content/determinanten/01-een.md"}, "liggen vast"},
		{"an entry to another kind", "persistEntry", save("content/strategieen/x.md", raw, "content/paginas/x.md"), "andere soort"},
		{"an entry onto another", "persistEntry", save("content/nieuws/2024-01-30-a.md", raw, "content/nieuws/2024-02-01-b/index.md"), "bestaat al"},
		{"a bundle leaving its media", "persistEntry", save("content/nieuws/2024-02-01-b/index.md", raw, "content/nieuws/2024-02-01-c.md"), "eigen map"},
		{"media into a folder without index.md", "persistMedia", asset("content/nieuws/2024-03-03-leeg/x.png"), "hoort bij een bericht of factsheet"},
		{"an SVG with a script", "persistMedia", upload("content/nieuws/2024-02-01-b/x.svg", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "x.svg kan niet op de site"},
		{"an SVG with onload", "persistMedia", upload("content/nieuws/2024-02-01-b/x.svg", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`), "x.svg kan niet op de site"},
		{"HTML named .png", "persistMedia", upload("content/nieuws/2024-02-01-b/x.png", `<html><script>alert(1)</script></html>`), "x.png kan niet op de site"},
		{"an HTML file", "persistMedia", upload("content/nieuws/2024-02-01-b/x.html", `<html></html>`), "x.html kan niet op de site"},
		{"a script with a new entry", "persistEntry", map[string]any{
			"dataFiles": []map[string]string{{"path": "content/nieuws/2024-04-01-e/index.md", "raw": raw}},
			"assets":    []map[string]string{{"path": "content/nieuws/2024-04-01-e/x.js", "content": base64.StdEncoding.EncodeToString([]byte("alert(1)")), "encoding": "base64"}}}, "x.js kan niet op de site"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := newBackend(t)
			before := b.tree()
			c.params["branch"] = "main"
			var out map[string]string
			status := b.call(c.action, c.params, &out)
			if status == http.StatusOK || !strings.Contains(out["error"], c.want) {
				t.Errorf("%d %q, want a refusal that says %q", status, out["error"], c.want)
			}
			if after := b.tree(); fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("a refused request changed the files:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

// What Decap does when an editor deletes a news item with an image: it deletes index.md. The
// whole bundle goes, so no folder is left that breaks the build.
func TestDeletingABundleDeletesItsMedia(t *testing.T) {
	b := newBackend(t)
	var out map[string]string
	if status := b.call("deleteFiles", map[string]any{"branch": "main", "paths": []string{"content/nieuws/2024-02-01-b/index.md"}}, &out); status != 200 {
		t.Fatalf("%d %v", status, out)
	}
	if _, err := os.Stat(filepath.Join(b.root, "content", "nieuws", "2024-02-01-b")); !os.IsNotExist(err) {
		t.Errorf("the bundle's folder is still there: %v", err)
	}
	if _, err := os.Stat(filepath.Join(b.root, "content", "nieuws", "2024-01-30-a.md")); err != nil {
		t.Errorf("another entry went too: %v", err)
	}
	// A bundle renamed takes its media along.
	raw := "+++\ntitel = \"C\"\n+++\n"
	b.call("persistEntry", map[string]any{"branch": "main",
		"dataFiles": []map[string]string{{"path": "content/nieuws/2024-03-01-c/index.md", "raw": raw}},
		"assets":    []map[string]string{{"path": "content/nieuws/2024-03-01-c/f.png", "content": base64.StdEncoding.EncodeToString(tinyPNG), "encoding": "base64"}}}, &out)
	if status := b.call("persistEntry", save("content/nieuws/2024-03-01-c/index.md", raw, "content/nieuws/2024-03-02-d/index.md"), &out); status != 200 {
		t.Fatalf("rename: %d %v", status, out)
	}
	if b.read("content/nieuws/2024-03-02-d/f.png") != string(tinyPNG) || b.read("content/nieuws/2024-03-02-d/index.md") != raw {
		t.Errorf("after the rename: %v", b.tree())
	}
	if _, err := os.Stat(filepath.Join(b.root, "content", "nieuws", "2024-03-01-c")); !os.IsNotExist(err) {
		t.Errorf("the old folder is still there: %v", err)
	}
}

// Twenty editors' tabs save the same entry at once, round after round: every round ends with a
// file that is exactly one of the twenty, never a mix, and no temporary file is left.
func TestSimultaneousSavesNeverMix(t *testing.T) {
	b := newBackend(t)
	const saves = 20
	rounds := 40
	if testing.Short() {
		rounds = 4 // the race lane (./test race) runs all forty, under the detector
	}
	path := "content/strategieen/x.md"
	for round := range rounds {
		bodies := map[string]bool{}
		var wg sync.WaitGroup
		for i := range saves {
			// Bodies of different lengths, so a mix of two shows as a length or a byte that fits neither.
			body := fmt.Sprintf("+++\ntitel = \"Versie %d-%d\"\n+++\n%s\n", round, i, strings.Repeat(string(rune('a'+i)), 1000*(i+1)))
			bodies[body] = true
			wg.Add(1)
			go func() {
				defer wg.Done()
				if status := b.call("persistEntry", save(path, body), nil); status != 200 {
					t.Errorf("save %d: %d", i, status)
				}
			}()
		}
		wg.Wait()
		if got := b.read(path); !bodies[got] {
			t.Fatalf("round %d: the file is none of the %d saves (%d bytes)", round, saves, len(got))
		}
	}
	entries, _ := os.ReadDir(filepath.Join(b.root, "content", "strategieen"))
	if len(entries) != 1 {
		t.Errorf("files left beside the entry: %v", entries)
	}
}

// Every file of the hostile corpus (generator/bundlefile/testdata/hostile) is refused by the
// media upload, with the rule's Dutch message, and nothing is written; every inert one is taken.
func TestTheMediaUploadRefusesTheHostileCorpus(t *testing.T) {
	b := newBackend(t)
	for _, dir := range []string{"hostile", "inert"} {
		files, err := os.ReadDir(filepath.Join("..", "bundlefile", "testdata", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if f.IsDir() || f.Name() == "LEESMIJ" || strings.HasPrefix(f.Name(), ".") {
				continue
			}
			data, err := os.ReadFile(filepath.Join("..", "bundlefile", "testdata", dir, f.Name()))
			if err != nil {
				t.Fatal(err)
			}
			p := "content/nieuws/2024-02-01-b/" + f.Name()
			var out map[string]string
			status := b.call("persistMedia", map[string]any{"branch": "main",
				"asset": map[string]string{"path": p, "content": base64.StdEncoding.EncodeToString(data), "encoding": "base64"}}, &out)
			switch {
			case dir == "hostile" && (status == http.StatusOK || !strings.Contains(out["error"], "kan niet op de site") && !strings.Contains(out["error"], "hoort bij een bericht")):
				t.Errorf("hostile %s: %d %q", f.Name(), status, out["error"])
			case dir == "hostile" && b.read(p) != "":
				t.Errorf("hostile %s was written", f.Name())
			case dir == "inert" && (status != http.StatusOK || b.read(p) != string(data)):
				t.Errorf("inert %s: %d %q", f.Name(), status, out["error"])
			}
		}
	}
}
