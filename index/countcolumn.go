package index

import (
	"bytes"
	"context"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/scorer"
	bindex "github.com/blevesearch/bleve_index_api"

	"zongjie/extract"
)

// A count condition (宣传资料>=10000份) must hold within one count: its
// object, unit and value together. Rather than a nested document per count
// (hundreds of thousands of them in a large archive, which made the index
// larger and imports and queries slower), each count is one keyword
// (encodeCount), and the counts of every document of an index snapshot are
// read from doc values into a column once. A condition is checked on the
// column, and the documents that satisfy it are searched by their internal
// numbers, so bleve combines them with the other clauses, facets and sorts
// as it does any query.

// countColumn holds the counts of every document of one index snapshot.
type countColumn struct {
	docs   []bindex.IndexInternalID // internal numbers, ascending
	counts [][]extract.Count        // counts[i] are the counts of docs[i]
}

// countColumn returns the counts column of the snapshot r, reading it
// when it is not yet read.
func (ix *Index) countColumn(ctx context.Context, r bindex.IndexReader) (*countColumn, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	snap := ix.snapshot(r)
	if snap.counts != nil {
		return snap.counts, nil
	}
	col := &countColumn{}
	var counts []extract.Count
	err := visitAll(ctx, r, []string{FieldCountTerms}, func(doc bindex.IndexInternalID, field string, term []byte) {
		if c, ok := decodeCount(string(term)); ok {
			counts = append(counts, c)
		}
	}, func(doc bindex.IndexInternalID) {
		if len(counts) > 0 {
			col.docs = append(col.docs, append(bindex.IndexInternalID(nil), doc...))
			col.counts = append(col.counts, counts)
			counts = nil
		}
	})
	if err != nil {
		return nil, fmt.Errorf("read counts of %s: %w", ix.path, err)
	}
	snap.counts = col
	return col, nil
}

// matching returns the internal numbers, ascending, of the documents that
// have, for every filter, a count that satisfies it.
func (col *countColumn) matching(filters []CountFilter) []bindex.IndexInternalID {
	norm := make([]CountFilter, len(filters))
	for i, f := range filters {
		norm[i] = f.normalized()
	}
	filters = norm
	var docs []bindex.IndexInternalID
	for i, counts := range col.counts {
		if satisfiesAll(counts, filters) {
			docs = append(docs, col.docs[i])
		}
	}
	return docs
}

func satisfiesAll(counts []extract.Count, filters []CountFilter) bool {
	for _, f := range filters {
		ok := false
		for _, c := range counts {
			if f.matchesNormalized(c) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// countQuery is a bleve query for the documents that satisfy count
// conditions.
type countQuery struct {
	ix      *Index
	filters []CountFilter
}

// Searcher implements query.Query.
func (q countQuery) Searcher(ctx context.Context, r bindex.IndexReader, _ mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	col, err := q.ix.countColumn(ctx, r)
	if err != nil {
		return nil, err
	}
	docs := col.matching(q.filters)
	return &docSearcher{docs: docs, scorer: scorer.NewConstantScorer(1, 1, opts)}, nil
}

// query turns a query into a bleve query, with its count conditions.
func (ix *Index) query(q Query) query.Query {
	b := q.bleve()
	if len(q.Counts) == 0 {
		return b
	}
	return &query.ConjunctionQuery{Conjuncts: []query.Query{b, countQuery{ix: ix, filters: q.Counts}}}
}

// docSearcher returns a fixed, ascending list of documents.
type docSearcher struct {
	docs   []bindex.IndexInternalID
	next   int
	scorer *scorer.ConstantScorer
}

func (s *docSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.next >= len(s.docs) {
		return nil, nil
	}
	s.next++
	return s.scorer.Score(ctx, s.docs[s.next-1]), nil
}

func (s *docSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	s.next += sort.Search(len(s.docs)-s.next, func(i int) bool { return bytes.Compare(s.docs[s.next+i], id) >= 0 })
	return s.Next(ctx)
}

func (s *docSearcher) Close() error               { return nil }
func (s *docSearcher) Weight() float64            { return s.scorer.Weight() }
func (s *docSearcher) SetQueryNorm(n float64)     { s.scorer.SetQueryNorm(n) }
func (s *docSearcher) Count() uint64              { return uint64(len(s.docs)) }
func (s *docSearcher) Min() int                   { return 0 }
func (s *docSearcher) Size() int                  { return 64 + 32*len(s.docs) }
func (s *docSearcher) DocumentMatchPoolSize() int { return 1 }
