package cms

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

// Prefix is the part of the development server's URL space that Local answers.
const Prefix = "/" + reserved.Dev + "/cms/"

// ProblemsPath is where the admin page asks for the problems of the last save.
const ProblemsPath = Prefix + "problems"

// maxRequest bounds a request: an entry with its images, base64-encoded (decap-server's limit).
const maxRequest = 50 << 20

// Build is what the development server tells about its last finished build.
type Build struct {
	Started  time.Time    // when it started: it saw every file written before
	Problems problem.List // what it found; none when it succeeded
}

// Local answers Decap CMS's proxy backend for `kennisbank serve`, as decap-server's local_fs mode
// does: it lists, reads, writes and deletes files under the project's content/ folder, and
// nowhere else. It answers only requests from this computer to this computer.
type Local struct {
	project   string
	lastBuild func() Build

	writing sync.Mutex // held by every request that writes, renames or deletes: one at a time

	mu    sync.Mutex
	saved []string  // the files of the last saved entry, from the project root
	at    time.Time // when they were written
}

// NewLocal returns the local backend for the project folder; lastBuild reports the development
// server's last finished build.
func NewLocal(project string, lastBuild func() Build) *Local {
	return &Local{project: project, lastBuild: lastBuild}
}

// request is what Decap's proxy backend sends: an action and its parameters.
type request struct {
	Action string          `json:"action"`
	Params json.RawMessage `json:"params"`
}

// apiError is an answer other than 200, with the message Decap shows the editor.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &apiError{http.StatusUnprocessableEntity, fmt.Sprintf(format, args...)}
}

// ServeHTTP answers the local backend's API and the admin page's question for problems.
func (l *Local) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := local(r); err != nil {
		http.Error(w, err.Error(), http.StatusForbidden)
		return
	}
	switch {
	case r.URL.Path == APIPath && r.Method == http.MethodPost:
		l.api(w, r)
	case r.URL.Path == ProblemsPath && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, l.problems())
	default:
		http.Error(w, "not found", http.StatusNotFound)
	}
}

// local refuses what does not come from this computer to this computer through its own pages:
// another machine (serve --addr 0.0.0.0), another site in the editor's browser (a cross-site
// request, or DNS rebinding under a foreign host name).
func local(r *http.Request) error {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return errors.New("het CMS op deze computer antwoordt alleen deze computer")
	}
	if !loopbackName(r.Host) {
		return fmt.Errorf("het CMS op deze computer antwoordt alleen op 127.0.0.1 of localhost, niet op %q", r.Host)
	}
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		return fmt.Errorf("verzoek van %q: het CMS op deze computer antwoordt alleen zijn eigen beheerpagina", o)
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return fmt.Errorf("een %s-verzoek: het CMS op deze computer antwoordt alleen zijn eigen beheerpagina", site)
	}
	if r.Method == http.MethodPost && !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		return errors.New("verwacht een JSON-verzoek")
	}
	return nil
}

func loopbackName(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

func (l *Local) api(w http.ResponseWriter, r *http.Request) {
	var req request
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxRequest))
	if err := dec.Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "geen geldig JSON-verzoek: " + err.Error()})
		return
	}
	root, err := os.OpenRoot(filepath.Join(l.project, content.Dir))
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	defer root.Close()
	out, err := l.do(root, req)
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		writeJSON(w, ae.status, map[string]string{"error": ae.msg})
	case err != nil:
		// A disk that is full or read-only: the editor's change was not kept, and should hear so.
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "Opslaan is niet gelukt, je wijziging is niet bewaard: " + err.Error()})
	default:
		writeJSON(w, http.StatusOK, out)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// The parameters of the actions, as decap-server's types name them. Paths are decoded by the
// door's types (paths.go), so that an action only ever sees a path that passed its rules.
type (
	folderParams struct {
		Folder    folderPath `json:"folder"`
		Extension string     `json:"extension"`
		Depth     int        `json:"depth"`
	}
	fileRef struct {
		Path  entryPath `json:"path"`
		Label string    `json:"label,omitempty"`
	}
	filesParams struct {
		Files []fileRef `json:"files"`
	}
	entryParams struct {
		Path entryPath `json:"path"`
	}
	mediaParams struct {
		Path mediaPath `json:"path"`
	}
	deleteParams struct {
		Path deletablePath `json:"path"`
	}
	deletesParams struct {
		Paths []deletablePath `json:"paths"`
	}
	mediaFolderParams struct {
		MediaFolder folderPath `json:"mediaFolder"`
	}
	dataFile struct {
		Path    entryPath       `json:"path"`
		Raw     string          `json:"raw"`
		NewPath json.RawMessage `json:"newPath"` // "" or absent when the entry keeps its path
	}
	asset struct {
		Path     mediaPath `json:"path"`
		Content  string    `json:"content"`
		Encoding string    `json:"encoding"`
	}
	persistEntryParams struct {
		Entry     *dataFile  `json:"entry"`
		DataFiles []dataFile `json:"dataFiles"`
		Assets    []asset    `json:"assets"`
	}
	persistMediaParams struct {
		Asset asset `json:"asset"`
	}
)

// handler runs one action.
type handler func(l *Local, root *os.Root, req request) (any, error)

// with decodes an action's parameters into P before running it; a path the door refuses stops
// the action with the door's message.
func with[P any](run func(l *Local, root *os.Root, p P) (any, error)) handler {
	return func(l *Local, root *os.Root, req request) (any, error) {
		var p P
		if len(req.Params) == 0 {
			return nil, badRequest("verzoek %s zonder gegevens", req.Action)
		}
		if err := json.Unmarshal(req.Params, &p); err != nil {
			var refused *apiError
			if errors.As(err, &refused) {
				return nil, refused
			}
			return nil, badRequest("verzoek %s: %v", req.Action, err)
		}
		return run(l, root, p)
	}
}

// actions are the actions of decap-server's local_fs mode, by name.
var actions = map[string]handler{
	"info": func(l *Local, _ *os.Root, _ request) (any, error) {
		return map[string]any{"repo": filepath.Base(l.absProject()), "publish_modes": []string{"simple"}, "type": "local_fs"}, nil
	},
	"entriesByFolder": with(func(_ *Local, root *os.Root, p folderParams) (any, error) { return entriesByFolder(root, p) }),
	"entriesByFiles":  with(func(_ *Local, root *os.Root, p filesParams) (any, error) { return entries(root, p.Files), nil }),
	"getEntry": with(func(_ *Local, root *os.Root, p entryParams) (any, error) {
		return entries(root, []fileRef{{Path: p.Path}})[0], nil
	}),
	"persistEntry": with((*Local).persistEntry),
	"getMedia": with(func(_ *Local, root *os.Root, p mediaFolderParams) (any, error) {
		return media(root, p.MediaFolder), nil
	}),
	"getMediaFile": with(func(_ *Local, root *os.Root, p mediaParams) (any, error) { return mediaFile(root, p.Path.place) }),
	"persistMedia": with(func(l *Local, root *os.Root, p persistMediaParams) (any, error) {
		l.writing.Lock()
		defer l.writing.Unlock()
		if err := writeAsset(root, p.Asset, nil); err != nil {
			return nil, err
		}
		return mediaFile(root, p.Asset.Path.place)
	}),
	"deleteFile": with(func(l *Local, root *os.Root, p deleteParams) (any, error) {
		return message("deleted file %s", p.Path.path), l.deleteFiles(root, []deletablePath{p.Path})
	}),
	"deleteFiles": with(func(l *Local, root *os.Root, p deletesParams) (any, error) {
		return message("deleted %d files", len(p.Paths)), l.deleteFiles(root, p.Paths)
	}),
	"getDeployPreview": func(*Local, *os.Root, request) (any, error) { return nil, nil },
}

// withoutWorkflow are the actions of the editorial workflow, which the site does not use.
var withoutWorkflow = []string{"unpublishedEntries", "unpublishedEntry", "unpublishedEntryDataFile",
	"unpublishedEntryMediaFile", "deleteUnpublishedEntry", "updateUnpublishedEntryStatus", "publishUnpublishedEntry"}

// do runs one action.
func (l *Local) do(root *os.Root, req request) (any, error) {
	if run, ok := actions[req.Action]; ok {
		return run(l, root, req)
	}
	if slices.Contains(withoutWorkflow, req.Action) {
		return nil, badRequest("%s: dat kan hier niet; de site bewaart direct, zonder redactionele workflow", req.Action)
	}
	return nil, badRequest("onbekend verzoek %s", req.Action)
}

func message(format string, args ...any) map[string]string {
	return map[string]string{"message": fmt.Sprintf(format, args...)}
}

func (l *Local) absProject() string {
	abs, err := filepath.Abs(l.project)
	if err != nil {
		return l.project
	}
	return abs
}

// entry is one file as Decap expects it: its text and its path with a content hash as id; a
// missing file has null for both.
type entry struct {
	Data *string   `json:"data"`
	File entryFile `json:"file"`
}

type entryFile struct {
	Path  string  `json:"path"`
	Label string  `json:"label,omitempty"`
	ID    *string `json:"id"`
}

func entries(root *os.Root, files []fileRef) []entry {
	out := make([]entry, 0, len(files))
	for _, f := range files {
		e := entry{File: entryFile{Path: f.Path.path, Label: f.Label}}
		if data, err := root.ReadFile(f.Path.rel); err == nil {
			text, id := string(data), hash(data)
			e.Data, e.File.ID = &text, &id
		}
		out = append(out, e)
	}
	return out
}

func hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// entriesByFolder reads the entries of a collection's folder, to the given depth: both name.md
// and name/index.md, and nothing the door would refuse.
func entriesByFolder(root *os.Root, p folderParams) ([]entry, error) {
	if p.Folder.spec == nil || p.Folder.id != "" {
		return nil, refuse("%s is geen map met berichten of pagina's.", p.Folder.path)
	}
	var refs []fileRef
	for _, name := range listFiles(root, p.Folder.rel, p.Depth) {
		if !strings.HasSuffix(name, "."+p.Extension) {
			continue
		}
		if pl, err := parsePlace(path.Join(content.Dir, name), entryShape); err == nil {
			refs = append(refs, fileRef{Path: entryPath{pl}})
		}
	}
	return entries(root, refs), nil
}

// listFiles lists the files under dir (inside content/) to depth levels, leaving out names that
// start with a dot; a folder that does not exist has none.
func listFiles(root *os.Root, dir string, depth int) []string {
	if depth <= 0 {
		return nil
	}
	list, err := fs.ReadDir(root.FS(), dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range list {
		name := path.Join(dir, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case e.IsDir():
			out = append(out, listFiles(root, name, depth-1)...)
		case e.Type().IsRegular():
			out = append(out, name)
		}
	}
	return out
}

// mediaFileJSON is a media file as Decap expects it: base64 content and a content hash as id.
type mediaFileJSON struct {
	ID       string `json:"id"`
	Content  string `json:"content"`
	Encoding string `json:"encoding"`
	Path     string `json:"path"`
	Name     string `json:"name"`
}

func mediaFile(root *os.Root, p place) (mediaFileJSON, error) {
	data, err := root.ReadFile(p.rel)
	if err != nil {
		return mediaFileJSON{}, &apiError{http.StatusNotFound, fmt.Sprintf("%s: %v", p.path, err)}
	}
	return mediaFileJSON{ID: hash(data), Content: base64.StdEncoding.EncodeToString(data), Encoding: "base64", Path: p.path, Name: path.Base(p.path)}, nil
}

// media lists the media of a bundle folder: the files beside its index.md that the door lets
// through. The site-wide media folder and a collection's folder have none.
func media(root *os.Root, folder folderPath) []mediaFileJSON {
	out := []mediaFileJSON{}
	if folder.id == "" {
		return out
	}
	for _, name := range listFiles(root, folder.rel, 1) {
		pl, err := parsePlace(path.Join(content.Dir, name), mediaShape)
		if err != nil {
			continue
		}
		if f, err := mediaFile(root, pl); err == nil {
			out = append(out, f)
		}
	}
	return out
}
