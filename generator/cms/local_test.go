package cms

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/internal/testfiles"

	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
)

// project makes a project folder with a few content files, and a file outside content/ that the
// backend must never touch.
func project(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"content/site.toml":                         "titel = \"Proef\"\n",
		"content/nieuws/2024-01-30-a.md":            "+++\ntitel = \"A\"\ndatum = 2024-01-30\n+++\nTekst A.\n",
		"content/nieuws/2024-02-01-b/index.md":      "+++\ntitel = \"B\"\ndatum = 2024-02-01\n+++\n![Foto](foto.png)\n",
		"content/nieuws/2024-02-01-b/foto.png":      "PNG",
		"content/nieuws/2024-02-01-b/bijlage/x.pdf": "PDF",
		"content/strategieen/x.md":                  "+++\ntitel = \"X\"\n+++\n",
		"content/determinanten/01-een.md":           "+++\nnummer = 1\ntitel = \"Een\"\n+++\n",
		"geheim.txt":                                "niet voor de CMS",
	}
	testfiles.Write(t, root, files)
	return root
}

type backend struct {
	t    *testing.T
	url  string
	root string
	last Build
}

func newBackend(t *testing.T) *backend {
	b := &backend{t: t, root: project(t)}
	srv := httptest.NewServer(NewLocal(b.root, func() Build { return b.last }))
	t.Cleanup(srv.Close)
	b.url = srv.URL
	return b
}

// call sends one action as Decap's proxy backend does and decodes the answer into out.
func (b *backend) call(action string, params any, out any) int {
	b.t.Helper()
	body, _ := json.Marshal(map[string]any{"action": action, "params": params})
	resp, err := http.Post(b.url+APIPath, "application/json; charset=utf-8", bytes.NewReader(body))
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			b.t.Fatalf("%s: %s: %v", action, data, err)
		}
	}
	return resp.StatusCode
}

// problems asks the backend what the banner shows: the problems of the last save.
func (b *backend) problems(t *testing.T) problemsJSON {
	t.Helper()
	resp, err := http.Get(b.url + ProblemsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var a problemsJSON
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		t.Fatal(err)
	}
	return a
}

func (b *backend) read(name string) string {
	data, err := os.ReadFile(filepath.Join(b.root, filepath.FromSlash(name)))
	if err != nil {
		return ""
	}
	return string(data)
}

func TestLocalBackendListsAndReadsEntries(t *testing.T) {
	b := newBackend(t)
	var info map[string]any
	if b.call("info", nil, &info) != 200 || info["type"] != "local_fs" || info["repo"] != filepath.Base(b.root) {
		t.Errorf("info: %v", info)
	}
	var list []entry
	b.call("entriesByFolder", map[string]any{"branch": "main", "folder": "content/nieuws", "extension": "md", "depth": 2}, &list)
	var paths []string
	for _, e := range list {
		paths = append(paths, e.File.Path)
		if e.Data == nil || e.File.ID == nil || !strings.HasPrefix(*e.Data, "+++") {
			t.Errorf("%s: no data or id", e.File.Path)
		}
	}
	// Both forms of an entry (name.md and a bundle's index.md), and no media.
	if want := []string{"content/nieuws/2024-01-30-a.md", "content/nieuws/2024-02-01-b/index.md"}; !slices.Equal(paths, want) {
		t.Errorf("entries %v, want %v", paths, want)
	}
	b.call("entriesByFolder", map[string]any{"branch": "main", "folder": "content/nieuws", "extension": "md", "depth": 1}, &list)
	if len(list) != 1 {
		t.Errorf("depth 1 lists %d entries, want only the single file", len(list))
	}
	var one entry
	b.call("getEntry", map[string]any{"branch": "main", "path": "content/strategieen/x.md"}, &one)
	if one.Data == nil || *one.Data != "+++\ntitel = \"X\"\n+++\n" {
		t.Errorf("getEntry: %+v", one)
	}
	b.call("getEntry", map[string]any{"branch": "main", "path": "content/strategieen/nee.md"}, &one)
	if one.Data != nil || one.File.ID != nil {
		t.Errorf("a missing file has data %v", one.Data)
	}
	var media []mediaFileJSON
	b.call("getMedia", map[string]any{"branch": "main", "mediaFolder": "content/nieuws/2024-02-01-b"}, &media)
	if len(media) != 1 || media[0].Name != "foto.png" || media[0].Content != base64.StdEncoding.EncodeToString([]byte("PNG")) {
		t.Errorf("media of the bundle: %+v (want foto.png, not index.md)", media)
	}
	if b.call("getMedia", map[string]any{"branch": "main", "mediaFolder": "content/.media"}, &media) != 200 || len(media) != 0 {
		t.Errorf("the unused site-wide media folder: %+v", media)
	}
}

// Saving a new bundle writes index.md and its image; saving again replaces it; deleting removes
// the files and the folder they leave empty.
func TestLocalBackendSavesAndDeletes(t *testing.T) {
	b := newBackend(t)
	raw := "+++\ntitel = \"C\"\ndatum = \"2024-03-01\"\n+++\n![Figuur](figuur.png)\n"
	img := base64.StdEncoding.EncodeToString(tinyPNG)
	var msg map[string]string
	status := b.call("persistEntry", map[string]any{"branch": "main",
		"dataFiles": []map[string]string{{"slug": "2024-03-01-c/index", "path": "content/nieuws/2024-03-01-c/index.md", "raw": raw}},
		"assets":    []map[string]string{{"path": "content/nieuws/2024-03-01-c/figuur.png", "content": img, "encoding": "base64"}},
		"options":   map[string]any{"commitMessage": "Nieuw", "useWorkflow": false, "status": ""}}, &msg)
	if status != 200 || b.read("content/nieuws/2024-03-01-c/index.md") != raw || b.read("content/nieuws/2024-03-01-c/figuur.png") != string(tinyPNG) {
		t.Fatalf("persistEntry %d %v: files %q %q", status, msg, b.read("content/nieuws/2024-03-01-c/index.md"), b.read("content/nieuws/2024-03-01-c/figuur.png"))
	}
	// The older form of the call: one entry.
	b.call("persistEntry", map[string]any{"branch": "main", "entry": map[string]string{"slug": "x", "path": "content/strategieen/x.md", "raw": "+++\ntitel = \"Y\"\n+++\n"},
		"assets": []any{}, "options": map[string]any{"commitMessage": "m", "useWorkflow": false, "status": ""}}, &msg)
	if b.read("content/strategieen/x.md") != "+++\ntitel = \"Y\"\n+++\n" {
		t.Errorf("entry not replaced: %q", b.read("content/strategieen/x.md"))
	}
	var file mediaFileJSON
	if b.call("persistMedia", map[string]any{"branch": "main", "asset": map[string]string{"path": "content/nieuws/2024-02-01-b/tweede.png", "content": img, "encoding": "base64"},
		"options": map[string]any{"commitMessage": "m"}}, &file) != 200 || file.Name != "tweede.png" || b.read("content/nieuws/2024-02-01-b/tweede.png") != string(tinyPNG) {
		t.Errorf("persistMedia into a bundle: %+v", file)
	}
	b.call("deleteFiles", map[string]any{"branch": "main", "paths": []string{"content/nieuws/2024-03-01-c/index.md", "content/nieuws/2024-03-01-c/figuur.png"},
		"options": map[string]any{"commitMessage": "weg"}}, &msg)
	if _, err := os.Stat(filepath.Join(b.root, "content", "nieuws", "2024-03-01-c")); !os.IsNotExist(err) {
		t.Errorf("the deleted bundle's folder is still there: %v", err)
	}
	b.call("deleteFile", map[string]any{"branch": "main", "path": "content/strategieen/x.md", "options": map[string]any{"commitMessage": "weg"}}, &msg)
	if _, err := os.Stat(filepath.Join(b.root, "content", "strategieen")); err != nil {
		t.Errorf("the kind's folder must stay when its last file goes: %v", err)
	}
}

// An image goes beside a bundle's index.md or nowhere: the site has no other place for files.
func TestLocalBackendRefusesMediaOutsideBundles(t *testing.T) {
	b := newBackend(t)
	img := base64.StdEncoding.EncodeToString([]byte("PNG"))
	for _, p := range []string{"content/.media/x.png", "content/nieuws/x.png", "content/strategieen/x.png", "content/nieuws/nieuw/x.png", "content/nieuws/2024-02-01-b/x.md"} {
		var out map[string]string
		status := b.call("persistMedia", map[string]any{"branch": "main", "asset": map[string]string{"path": p, "content": img, "encoding": "base64"},
			"options": map[string]any{"commitMessage": "m"}}, &out)
		if status != http.StatusUnprocessableEntity || !strings.Contains(out["error"], "hoort bij een bericht of factsheet") {
			t.Errorf("%s: %d %v", p, status, out)
		}
		if b.read(p) != "" {
			t.Errorf("%s was written", p)
		}
	}
}

// Nothing outside content/ can be read, listed, written or deleted: not by "..", not by an
// absolute path, a backslash or a symbolic link.
func TestLocalBackendStaysInContent(t *testing.T) {
	b := newBackend(t)
	if err := os.Symlink(filepath.Join(b.root, "geheim.txt"), filepath.Join(b.root, "content", "nieuws", "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(b.root, filepath.Join(b.root, "content", "omhoog")); err != nil {
		t.Fatal(err)
	}
	bad := []string{"geheim.txt", "content/../geheim.txt", "content/nieuws/../../geheim.txt", "/etc/passwd",
		b.root + "/geheim.txt", "content\\..\\geheim.txt", "content/nieuws/..%2F..%2Fgeheim.txt/../../../geheim.txt", "content/omhoog/geheim.txt"}
	raw := "overschreven"
	for _, p := range bad {
		var out any
		for _, call := range []struct {
			action string
			params map[string]any
		}{
			{"getEntry", map[string]any{"path": p}},
			{"getMediaFile", map[string]any{"path": p}},
			{"entriesByFolder", map[string]any{"folder": p, "extension": "txt", "depth": 2}},
			{"getMedia", map[string]any{"mediaFolder": p}},
			{"persistEntry", map[string]any{"dataFiles": []map[string]string{{"path": p, "raw": raw}}, "assets": []any{}}},
			{"persistMedia", map[string]any{"asset": map[string]string{"path": p, "content": "eA==", "encoding": "base64"}}},
			{"deleteFile", map[string]any{"path": p}},
		} {
			call.params["branch"] = "main"
			status := b.call(call.action, call.params, &out)
			if status == 200 && (call.action != "getEntry" && call.action != "entriesByFolder" && call.action != "getMedia") {
				t.Errorf("%s %q: answered 200: %v", call.action, p, out)
			}
			if strings.Contains(string(mustJSON(out)), "niet voor de CMS") {
				t.Errorf("%s %q: read the file outside content/", call.action, p)
			}
		}
	}
	// Through the symbolic link inside content/: not read, not written.
	var one entry
	b.call("getEntry", map[string]any{"branch": "main", "path": "content/nieuws/link.md"}, &one)
	b.call("persistEntry", map[string]any{"branch": "main", "dataFiles": []map[string]string{{"path": "content/nieuws/link.md", "raw": raw}}, "assets": []any{}}, nil)
	if one.Data != nil || b.read("geheim.txt") != "niet voor de CMS" {
		t.Errorf("followed a link out of content/: read %v, file now %q", one.Data, b.read("geheim.txt"))
	}
}

func mustJSON(v any) []byte {
	data, _ := json.Marshal(v)
	return data
}

// Only this computer's browser, on the admin page of this server, may use the backend.
func TestLocalBackendAnswersOnlyLocalSameOriginRequests(t *testing.T) {
	l := NewLocal(project(t), func() Build { return Build{} })
	body := `{"action":"info"}`
	cases := []struct {
		name   string
		modify func(*http.Request)
		want   int
	}{
		{"same origin", func(r *http.Request) { r.Header.Set("Origin", "http://127.0.0.1:1313") }, 200},
		{"localhost", func(r *http.Request) { r.Host = "localhost:1313" }, 200},
		{"another computer", func(r *http.Request) { r.RemoteAddr = "192.0.2.7:50000" }, 403},
		{"DNS rebinding", func(r *http.Request) { r.Host = "evil.example:1313" }, 403},
		{"another site", func(r *http.Request) { r.Header.Set("Origin", "https://evil.example") }, 403},
		{"cross-site fetch", func(r *http.Request) { r.Header.Set("Sec-Fetch-Site", "cross-site") }, 403},
		{"form post", func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") }, 403},
	}
	for _, c := range cases {
		r := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:1313"+APIPath, strings.NewReader(body))
		r.RemoteAddr = "127.0.0.1:50000"
		r.Header.Set("Content-Type", "application/json")
		c.modify(r)
		w := httptest.NewRecorder()
		l.ServeHTTP(w, r)
		if w.Code != c.want {
			t.Errorf("%s: %d, want %d (%s)", c.name, w.Code, c.want, w.Body.String())
		}
	}
}

func TestLocalBackendRefusesWhatItDoesNotDo(t *testing.T) {
	b := newBackend(t)
	var out map[string]string
	for _, action := range []string{"unpublishedEntries", "publishUnpublishedEntry", "rm -rf"} {
		if status := b.call(action, map[string]any{"branch": "main"}, &out); status != http.StatusUnprocessableEntity || out["error"] == "" {
			t.Errorf("%s: %d %v", action, status, out)
		}
	}
	var preview any
	if status := b.call("getDeployPreview", map[string]any{"branch": "main", "collection": "nieuws", "slug": "x"}, &preview); status != 200 || preview != nil {
		t.Errorf("getDeployPreview: %d %v", status, preview)
	}
}

// The admin page learns the problems of the file just saved once a build that started after the
// save has finished, and only then.
func TestProblemsOfTheLastSave(t *testing.T) {
	b := newBackend(t)
	b.last = Build{Started: time.Now()}
	if a := b.problems(t); !a.Ready || len(a.Saved) != 0 {
		t.Errorf("before any save: %+v", a)
	}
	const saved = "content/strategieen/x.md"
	b.call("persistEntry", map[string]any{"branch": "main", "dataFiles": []map[string]string{{"path": saved, "raw": "+++\n+++\n"}}, "assets": []any{}}, nil)
	if a := b.problems(t); a.Ready || !slices.Equal(a.Saved, []string{saved}) {
		t.Errorf("before the next build: %+v", a)
	}
	b.last = Build{Started: time.Now(), Problems: problem.List{
		{File: saved, Line: 1, Field: "titel", Message: "verplicht veld \"titel\" ontbreekt"},
		{File: "content/nieuws/2024-01-30-a.md", Line: 3, Field: "datum", Message: "elders"},
		{File: "content/determinanten/01-een.md", Line: 9, Field: "strategie.toelichting", Message: "toelichting ontbreekt"},
		{File: "templates/base.html", Line: 4, Message: "kapot"},
	}}
	a := b.problems(t)
	if !a.Ready || len(a.Problems) != 1 || a.Problems[0].Line != 1 || a.Problems[0].Field != "Titel" || a.Problems[0].Entry != "x" {
		t.Errorf("after the build: %+v", a)
	}
	// The problems elsewhere keep the change off the site too: the banner names them as the
	// editor knows them.
	want := []problemJSON{
		{File: "content/determinanten/01-een.md", Line: 9, Message: "toelichting ontbreekt", Entry: "Een", Field: "Gekoppelde strategieën: Toelichting"},
		{File: "content/nieuws/2024-01-30-a.md", Line: 3, Message: "elders", Entry: "A", Field: "Datum"},
		{File: "templates/base.html", Line: 4, Message: "kapot"},
	}
	if !slices.Equal(a.Others, want) {
		t.Errorf("others:\n got %+v\nwant %+v", a.Others, want)
	}
}

// tinyPNG is a real 1×1 image: the backend accepts only files whose bytes fit their extension.
var tinyPNG = func() []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		panic(err)
	}
	return b.Bytes()
}()

// After saving a real factsheet the banner shows how easy its text is to read, against the
// target for texts that are for everyone.
func TestBannerShowsReadabilityOfTheSavedText(t *testing.T) {
	b := newBackend(t)
	real, err := os.ReadFile(filepath.Join("..", "..", "content", "factsheets", "implementatietool.md"))
	if err != nil {
		t.Fatal(err)
	}
	const saved = "content/factsheets/implementatietool.md"
	b.call("persistEntry", save(saved, string(real)), nil)
	b.last = Build{Started: time.Now()}
	a := b.problems(t)
	if len(a.Notes) == 0 || !strings.Contains(a.Notes[0].Message, "leesbaarheid") || !strings.Contains(a.Notes[0].Message, "het doel is 60") {
		t.Errorf("notes for a real factsheet: %+v", a.Notes)
	}
}
