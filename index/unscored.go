package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// unscoredQuery matches what its query matches and adds nothing to the
// score. The bigram fields keep no frequencies or norms, which bleve's
// scorer would turn into NaN; they decide what matches and the word
// fields score it.
type unscoredQuery struct{ query.Query }

// Searcher implements query.Query: the inner searcher with scoring off.
func (q unscoredQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	opts.Score = "none"
	opts.Explain = false
	return q.Query.Searcher(ctx, r, m, opts)
}
