package scan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/werkplaats-jeugd/kennisbank/generator"
)

// Source says where the knowledge base comes from: a Kennisbank project (its content/ is loaded
// and checked as a build would), or File, a published site's data/kennisbank.json as a path or an
// http(s) URL. A folder or a URL ending in "/" is taken as the site: data/kennisbank.json in it.
type Source struct {
	Project string
	File    string
}

// ErrNoKnowledgeBase means the project folder has no content/ and no file was given.
var ErrNoKnowledgeBase = errors.New("no knowledge base")

// maxKnowledgeBase bounds what is read from a file or URL.
const maxKnowledgeBase = 64 << 20

// KnowledgeBase returns the knowledge base as data/kennisbank.json holds it.
func KnowledgeBase(s Source) ([]byte, error) {
	if s.File == "" {
		if _, err := os.Stat(filepath.Join(s.Project, "content")); err != nil {
			return nil, fmt.Errorf("%w: %s is not a Kennisbank project (it has no content/ folder); run the command in one, or give --src DIR or --kennisbank FILE|URL (a published site's data/kennisbank.json)", ErrNoKnowledgeBase, s.Project)
		}
		return generator.KnowledgeBaseJSON(generator.Options{Root: s.Project})
	}
	var data []byte
	var err error
	if strings.HasPrefix(s.File, "http://") || strings.HasPrefix(s.File, "https://") {
		data, err = download(s.File)
	} else {
		data, err = readFile(s.File)
	}
	if err != nil {
		return nil, err
	}
	var probe struct {
		Determinants []json.RawMessage `json:"determinants"`
	}
	if err := json.Unmarshal(data, &probe); err != nil || len(probe.Determinants) == 0 {
		return nil, fmt.Errorf("%s: not a Kennisbank's data/kennisbank.json (expected JSON with determinants)", s.File)
	}
	return data, nil
}

func readFile(p string) ([]byte, error) {
	if fi, err := os.Stat(p); err == nil && fi.IsDir() {
		p = filepath.Join(p, "data", "kennisbank.json")
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxKnowledgeBase))
}

func download(raw string) ([]byte, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("--kennisbank %s: %w", raw, err)
	}
	if strings.HasSuffix(u.Path, "/") || u.Path == "" {
		u.Path = strings.TrimSuffix(u.Path, "/") + "/data/kennisbank.json"
	}
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Get(u.String())
	if err != nil {
		return nil, fmt.Errorf("knowledge base: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("knowledge base: %s: %s", u, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxKnowledgeBase))
	if err != nil {
		return nil, fmt.Errorf("knowledge base: %s: %w", u, err)
	}
	return data, nil
}
