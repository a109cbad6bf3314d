package generator

import (
	"kennisbank/generator/check"
	"kennisbank/generator/cms"
	"kennisbank/generator/content"
	"kennisbank/generator/data"
	"kennisbank/generator/graph"
)

// KnowledgeBaseJSON loads, checks and links the project at opts.Root and returns the document a
// build writes to data/kennisbank.json, without rendering or writing anything. The command line's
// scan reads it. Content problems come back as a problem.List.
func KnowledgeBaseJSON(opts Options) ([]byte, error) {
	all, probs := content.Load(opts.Root)
	built := withoutDrafts(all, opts.Drafts)
	probs = append(probs, check.Check(all, built)...)
	probs = append(probs, cms.Check(&all.Site)...)
	if len(probs) > 0 {
		return nil, probs.Sorted()
	}
	return data.JSON(graph.New(built))
}
