package search_test

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kennisbank/generator"
	"kennisbank/internal/tsrun"
)

func TestDebugEval(t *testing.T) {
	if os.Getenv("KB_EVAL") == "" {
		t.Skip()
	}
	site := t.TempDir()
	if _, err := generator.Build(generator.Options{Root: "../..", Out: site + "/public"}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(site + "/public/data/zoekindex.json")
	m, err := tsrun.Load("../..", "assets/search/rank.ts")
	if err != nil {
		t.Fatal(err)
	}
	vm := m.Runtime()
	if _, err := m.Eval(`var IDX = TSRunModule.prepare(JSON.parse(` + strconv.Quote(string(raw)) + `));
	function q(s) { const r = TSRunModule.search(IDX, s); return {urls: r.hits.slice(0, 10).map(h => IDX.raw.docs[h.doc].u), complete: r.complete, suggestion: r.suggestion, n: r.hits.length}; }`); err != nil {
		t.Fatal(err)
	}
	_ = vm
	data, _ := os.ReadFile("../../bench/zoeken/queries.txt")
	hits, n := 0, 0
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, rel, _ := strings.Cut(line, "\t")
		v, err := m.Eval("JSON.stringify(q(" + strconv.Quote(q) + "))")
		if err != nil {
			t.Fatal(err)
		}
		var r struct {
			URLs       []string
			Complete   bool
			Suggestion string
			N          int
		}
		json.Unmarshal([]byte(v.String()), &r)
		rank := 0
		for i, u := range r.URLs {
			if slices.Contains(strings.Fields(rel), u) {
				rank = i + 1
				break
			}
		}
		n++
		if rank > 0 && rank <= 5 {
			hits++
		}
		top := r.URLs
		if len(top) > 3 {
			top = top[:3]
		}
		fmt.Printf("%-38s %2d  n=%-3d complete=%v sugg=%q %v\n", q, rank, r.N, r.Complete, r.Suggestion, top)
	}
	fmt.Printf("hit@5 %d/%d\n", hits, n)
}
