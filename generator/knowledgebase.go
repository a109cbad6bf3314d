package generator

import (
	"github.com/werkplaats-jeugd/kennisbank/generator/data"
	"github.com/werkplaats-jeugd/kennisbank/generator/graph"
)

// KnowledgeBaseJSON loads, checks and links the project at opts.Root, as a build does, and returns
// the document a build writes to data/kennisbank.json, without rendering or writing anything.
// The command line's scan reads it. Content problems come back as a problem.List; warnings, which
// do not stop a build, do not stop it either.
func KnowledgeBaseJSON(opts Options) ([]byte, error) {
	all, built, loaded := load(opts)
	if _, err := checkContent(opts.Root, all, built, loaded); err != nil {
		return nil, err
	}
	return data.JSON(graph.New(built))
}
