// Package serve is the development server: it builds the site in memory, serves it, watches
// content/, templates/ and assets/, rebuilds on change and reloads open browser tabs. When a
// rebuild fails it keeps serving the last good site and shows the problems in the terminal and
// in the browser.
package serve

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/werkplaats-jeugd/kennisbank/generator"
	"github.com/werkplaats-jeugd/kennisbank/generator/cms"
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/output"
	"github.com/werkplaats-jeugd/kennisbank/generator/problem"
	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
	"github.com/werkplaats-jeugd/kennisbank/theme"
)

// Options configures the server.
type Options struct {
	Build generator.Options
	Addr  string
	Log   io.Writer // problems and rebuild notes
	Out   io.Writer // the address to open
}

// Server holds the current site and the build state.
//
// Builds run one at a time (building is held for the whole of one), so the cache is never used
// by two builds at once and the site installed is always that of the newest build that started.
// The watcher never builds itself: it asks the one rebuild goroutine, and asks that are made while
// a build runs fold into exactly one more build, of the files as they are then.
//
// After a failed build the last good site keeps being served, every file of it, and its HTML
// pages carry a notice with the problems (never written to disk: build has no notice). admin/
// is made apart from the site (generator.Dev.Admin), so that the CMS opens whatever the content
// build did.
type Server struct {
	opts Options
	dev  *generator.Dev

	building sync.Mutex

	mu       sync.RWMutex
	site     *output.Memory    // the last good site; empty before the first good build
	good     bool              // a build has succeeded
	problems problem.List      // the last build's problems; nil when it succeeded
	admin    map[string][]byte // admin/ and its two asset files, by site path; nil when never made
	adminErr error             // why admin/ could not be made, when admin is nil
	version  int               // raised after every build, good or bad
	last     cms.Build
	cms      *cms.Local

	changed *sync.Cond
}

// New returns a server; call Rebuild before serving.
func New(opts Options) *Server {
	s := &Server{opts: opts, dev: generator.NewDev(), site: output.NewMemory()}
	s.changed = sync.NewCond(&s.mu)
	s.cms = cms.NewLocal(opts.Build.Root, s.lastBuild)
	return s
}

// Rebuild builds the site and admin/ into memory. On failure the last good site stays in place.
func (s *Server) Rebuild() error {
	s.building.Lock()
	defer s.building.Unlock()
	mem := output.NewMemory()
	started := time.Now()
	res, err := s.dev.Generate(s.opts.Build, mem)
	admin, adminErr := s.dev.Admin(s.opts.Build)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.version++
	s.changed.Broadcast()
	s.last = cms.Build{Started: started, Problems: append(problem.AsList(err), res.Warnings...)}
	if adminErr == nil || s.admin == nil { // a broken site.toml keeps the last admin/ that worked
		s.admin, s.adminErr = admin, adminErr
	}
	if err != nil {
		errs, _ := problem.AsList(err).Split() // warnings do not keep a build off the site
		s.problems = errs.Sorted()
		return err
	}
	s.problems = nil
	s.site, s.good = mem, true
	fmt.Fprintf(s.opts.Log, "kennisbank: built %d pages in %d ms\n", res.Pages, res.Duration.Milliseconds())
	return nil
}

// Run builds, listens and watches until the process ends.
func Run(opts Options) error {
	s := New(opts)
	if err := s.Rebuild(); err != nil {
		fmt.Fprintf(opts.Log, "%v\nkennisbank: fix the problems above; the page shows them until then\n", err)
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.Out, "kennisbank: serving on http://%s/ (Ctrl+C to stop)\n", ln.Addr())
	fmt.Fprintf(opts.Out, "kennisbank: edit the content in the CMS at http://%s/%s/\n", ln.Addr(), reserved.Admin)
	go func() {
		if err := s.Watch(context.Background()); err != nil {
			fmt.Fprintf(opts.Log, "kennisbank: watching stopped: %v\n", err)
		}
	}()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(ln)
}

// watched are the folders of a project whose changes lead to a rebuild: the content, and the
// site's own templates and assets, which take the place of the theme's.
var watched = append([]string{content.Dir}, theme.Folders...)

// Watch rebuilds when anything under content/, templates/ or assets/ changes, until ctx ends.
// The project folder itself is watched too, so that a templates/ or assets/ made while the
// server runs (kennisbank theme copy) is watched from then on.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	project := filepath.Clean(s.opts.Build.Root)
	if err := w.Add(project); err != nil {
		return err
	}
	for _, dir := range watched {
		watchTree(w, filepath.Join(project, dir))
	}
	r := newRebuilder()
	go r.run(ctx, func() {
		if err := s.Rebuild(); err != nil {
			fmt.Fprintf(s.opts.Log, "%v\nkennisbank: still serving the last good site\n", err)
		}
	})
	// Editors write a file in several steps: a rebuild is asked for once the folders have been
	// quiet for a moment.
	quiet := time.AfterFunc(time.Hour, r.ask)
	quiet.Stop()
	defer quiet.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			inProject := filepath.Dir(ev.Name) == project
			if inProject && !slices.Contains(watched, filepath.Base(ev.Name)) {
				continue // another file of the project, such as public/ or an editor's swap file
			}
			if ev.Has(fsnotify.Create) {
				watchTree(w, ev.Name)
			}
			quiet.Reset(100 * time.Millisecond)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(s.opts.Log, "kennisbank: watch: %v\n", err)
		}
	}
}

// watchTree watches dir and every folder in it, when it is a folder. A folder made with others
// inside at once (mkdir -p, a copied tree) is watched whole.
func watchTree(w *fsnotify.Watcher, dir string) {
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}

// rebuilder runs one rebuild at a time, in one goroutine. Asks that come while a rebuild runs
// fold into exactly one more rebuild, which reads the files as they are when it starts.
type rebuilder struct {
	asks chan struct{}
}

func newRebuilder() *rebuilder { return &rebuilder{asks: make(chan struct{}, 1)} }

// ask asks for a rebuild; it never blocks.
func (r *rebuilder) ask() {
	select {
	case r.asks <- struct{}{}:
	default: // one is asked for already and has not started
	}
}

// run calls rebuild once per ask until ctx ends.
func (r *rebuilder) run(ctx context.Context, rebuild func()) {
	for {
		select {
		case <-r.asks:
			rebuild()
		case <-ctx.Done():
			return
		}
	}
}

// reloadScript long-polls the version endpoint and reloads the page when a build finished.
const reloadScript = `(function () {
  var me = document.querySelector('script[src$="` + reserved.ReloadScript + `"]');
  var url = me.getAttribute("src").replace(/reload\.js$/, "version");
  var seen = null;
  function check() {
    fetch(url + "?v=" + (seen === null ? "" : seen), { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (seen !== null && v !== seen) { location.reload(); return; }
        seen = v;
        setTimeout(check, 50);
      })
      .catch(function () { setTimeout(check, 1000); });
  }
  check();
})();
`

// lastBuild tells the CMS's local backend about the last finished build.
func (s *Server) lastBuild() cms.Build {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.last
}

// ServeHTTP serves the site, the reload script and the long-poll version endpoint, and hands
// the CMS's requests to its local backend.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, cms.Prefix) {
		s.cms.ServeHTTP(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := cleanPath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	switch name {
	case reserved.ReloadScript:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, reloadScript)
		return
	case noticePath:
		serveFile(w, name, []byte(noticeCSS))
		return
	case reserved.Dev + "/version":
		s.waitForChange(w, r)
		return
	}
	s.mu.RLock()
	site, good, probs, admin, adminErr := s.site, s.good, s.problems, s.admin, s.adminErr
	s.mu.RUnlock()
	file := name
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	if data, ok := admin[file]; ok {
		serveFile(w, file, data)
		return
	}
	if name == reserved.Admin || strings.HasPrefix(name, reserved.Admin+"/") {
		if admin == nil {
			errorPage(w, "Het CMS kan niet starten", "Het CMS leest de instellingen van de site, en die hebben een probleem:", problem.AsList(adminErr))
			return
		}
	}
	if !good && isPage(file) {
		errorPage(w, "De site kon niet worden gebouwd", "Los deze problemen op; de pagina laadt daarna vanzelf opnieuw.", probs)
		return
	}
	data, found := site.File(file)
	if !found {
		if _, isDir := site.File(file + "/index.html"); isDir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		data, _ = site.File("404.html")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(withNotice(data, probs))
		return
	}
	if isPage(file) {
		data = withNotice(data, probs)
	}
	serveFile(w, file, data)
}

func isPage(file string) bool { return strings.HasSuffix(file, ".html") }

func serveFile(w http.ResponseWriter, file string, data []byte) {
	if ct := mime.TypeByExtension(path.Ext(file)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Write(data)
}

// waitForChange answers with the build version as soon as it differs from the one the page has.
func (s *Server) waitForChange(w http.ResponseWriter, r *http.Request) {
	have := r.URL.Query().Get("v")
	deadline := time.Now().Add(25 * time.Second)
	done := make(chan struct{})
	go func() {
		select {
		case <-r.Context().Done():
		case <-time.After(time.Until(deadline)):
		}
		s.mu.Lock()
		close(done)
		s.changed.Broadcast()
		s.mu.Unlock()
	}()
	s.mu.Lock()
	for fmt.Sprint(s.version) == have {
		select {
		case <-done:
			s.mu.Unlock()
			w.Header().Set("Content-Type", "text/plain")
			io.WriteString(w, have)
			return
		default:
		}
		s.changed.Wait()
	}
	v := s.version
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, v)
}

// cleanPath turns a request path into a site path, refusing anything that climbs out of the
// site (.., also percent-encoded, and backslashes).
func cleanPath(p string) (string, bool) {
	if strings.Contains(p, "\\") || strings.Contains(p, "\x00") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return "", false
		}
	}
	trailing := strings.HasSuffix(p, "/")
	clean := strings.TrimPrefix(path.Clean("/"+p), "/")
	if trailing && clean != "" {
		clean += "/"
	}
	return clean, true
}
