package index

import (
	"container/heap"
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// searchByColumns answers a search in relevance order with facets in one
// walk over its matches: the best hits kept in a heap, the facets counted
// from the snapshot's facet columns, the stored fields loaded for the page
// only. It answers as bleve's own search does (the same total, hits,
// scores and facets); ok is false when the snapshot's facet columns are
// not read yet, and the caller asks bleve instead.
func (ix *Index) searchByColumns(ctx context.Context, bq query.Query, sr *bleve.SearchRequest, facets []string) (res *bleve.SearchResult, ok bool, err error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, false, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, false, fmt.Errorf("read %s: %w", ix.path, err)
	}
	defer r.Close()
	cols, err := ix.facetColumns(ctx, r)
	if err != nil || cols == nil {
		return nil, false, err
	}
	s, err := bq.Searcher(ctx, r, ix.b.Mapping(), search.SearcherOptions{})
	if err != nil {
		return nil, false, fmt.Errorf("search %s: %w", ix.path, err)
	}
	defer s.Close()
	best := &hitHeap{}
	want := sr.From + sr.Size
	counts := make([][]int, len(facets))
	for i, f := range facets {
		counts[i] = make([]int, len(cols[f].terms))
	}
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	var total uint64
	for {
		if total%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, false, err
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, false, err
		}
		if dm == nil {
			break
		}
		total++
		n := dm.IndexInternalID.Value()
		for i, f := range facets {
			for _, v := range cols[f].of(n) {
				counts[i][v]++
			}
		}
		if x := (scored{dm.Score, n}); best.Len() < want || !best.worse(x, (*best)[0]) {
			heap.Push(best, x)
			if best.Len() > want {
				heap.Pop(best)
			}
		}
		sctx.DocumentMatchPool.Put(dm)
	}
	res = &bleve.SearchResult{Total: total, Facets: search.FacetResults{}}
	for i, f := range facets {
		res.Facets[f] = facetResult(f, cols[f].terms, counts[i], sr.Facets[f].Size)
	}
	res.Hits, err = pageHits(r, sr, best.sorted())
	return res, err == nil, err
}

// pageHits loads the stored fields of the page's hits.
func pageHits(r bindex.IndexReader, sr *bleve.SearchRequest, ranked []scored) (search.DocumentMatchCollection, error) {
	var hits search.DocumentMatchCollection
	for i := sr.From; i < len(ranked); i++ {
		internal := bindex.NewIndexInternalID(nil, ranked[i].doc)
		id, err := r.ExternalID(internal)
		if err != nil {
			return nil, err
		}
		h := &search.DocumentMatch{ID: id, Score: ranked[i].score, IndexInternalID: internal}
		if err, _ := bleve.LoadAndHighlightFields(h, sr, "", r, nil); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, nil
}

// facetResult orders a facet's values as bleve does: by count, then by
// value, the first size of them. The best are kept in a short sorted list,
// so that a facet of thousands of values (organisations) is not sorted.
func facetResult(field string, terms []string, counts []int, size int) *search.FacetResult {
	out := &search.FacetResult{Field: field, Terms: &search.TermFacets{}}
	before := func(a, b int) bool { // a ranks before b
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		return terms[a] < terms[b]
	}
	top := make([]int, 0, size+1)
	for id, n := range counts {
		if n == 0 {
			continue
		}
		out.Total += n
		if len(top) == size && (size == 0 || !before(id, top[size-1])) {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return before(id, top[i]) })
		top = slices.Insert(top, i, id)
		if len(top) > size {
			top = top[:size]
		}
	}
	kept := 0
	for _, id := range top {
		out.Terms.Add(&search.TermFacet{Term: terms[id], Count: counts[id]})
		kept += counts[id]
	}
	out.Other = out.Total - kept
	return out
}

// scored is a match: its score and internal document number.
type scored struct {
	score float64
	doc   uint64
}

// hitHeap keeps the best matches with the worst on top: a lower score, or
// on equal scores the later document (bleve keeps the earlier one).
type hitHeap []scored

func (h hitHeap) worse(a, b scored) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	return a.doc > b.doc
}
func (h hitHeap) Len() int           { return len(h) }
func (h hitHeap) Less(i, j int) bool { return h.worse(h[i], h[j]) }
func (h hitHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *hitHeap) Push(x any)        { *h = append(*h, x.(scored)) }
func (h *hitHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// sorted returns the matches best first.
func (h *hitHeap) sorted() []scored {
	out := make([]scored, h.Len())
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(scored)
	}
	return out
}
