package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// snapshotColumns are values of every document of one index snapshot,
// read from doc values and kept while bleve hands out that snapshot
// (until the index changes): the counts, for count conditions, and the
// facet fields' terms, which count facets faster than bleve's facet
// builder (an array increment per value instead of a map update after a
// doc-value lookup).
type snapshotColumns struct {
	reader bindex.IndexReader // the snapshot
	counts *countColumn
	facets map[string]*facetColumn // nil until read
	// faceted counts the searches with facets on this snapshot: the facet
	// columns are read at the second, so that a one-shot `zongjie search`
	// does not pay for them.
	faceted int
}

// snapshot returns the columns of the snapshot r, new ones when r is not
// the snapshot of the columns held. The caller holds ix.mu.
func (ix *Index) snapshot(r bindex.IndexReader) *snapshotColumns {
	if ix.snap == nil || ix.snap.reader != r {
		ix.snap = &snapshotColumns{reader: r}
	}
	return ix.snap
}

// facetColumn holds one keyword field's values of every document, as
// numbers into terms.
type facetColumn struct {
	terms []string
	off   []uint32 // off[n] is where document n's values start in vals
	vals  []uint32
}

// of returns the values of document n.
func (c *facetColumn) of(n uint64) []uint32 {
	if n >= uint64(len(c.off)) {
		return nil
	}
	end := uint32(len(c.vals))
	if n+1 < uint64(len(c.off)) {
		end = c.off[n+1]
	}
	return c.vals[c.off[n]:end]
}

// add appends document n's values; documents come in ascending order.
func (c *facetColumn) add(n uint64, vals []uint32) {
	for uint64(len(c.off)) <= n {
		c.off = append(c.off, uint32(len(c.vals)))
	}
	c.vals = append(c.vals, vals...)
}

// facetColumns returns the facet columns of the snapshot r when they are
// worth having: read at the second search with facets on the snapshot,
// nil before.
func (ix *Index) facetColumns(ctx context.Context, r bindex.IndexReader) (map[string]*facetColumn, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	snap := ix.snapshot(r)
	if snap.facets != nil {
		return snap.facets, nil
	}
	if snap.faceted++; snap.faceted < 2 {
		return nil, nil
	}
	cols := map[string]*facetColumn{}
	ids := map[string]map[string]uint32{}
	doc := map[string][]uint32{}
	for _, f := range FacetFields {
		cols[f], ids[f] = &facetColumn{}, map[string]uint32{}
	}
	err := visitAll(ctx, r, FacetFields, func(_ bindex.IndexInternalID, field string, term []byte) {
		c := cols[field]
		id, ok := ids[field][string(term)]
		if !ok {
			id = uint32(len(c.terms))
			ids[field][string(term)] = id
			c.terms = append(c.terms, string(term))
		}
		doc[field] = append(doc[field], id)
	}, func(d bindex.IndexInternalID) {
		n := d.Value()
		for f, c := range cols {
			c.add(n, doc[f])
			doc[f] = doc[f][:0]
		}
	})
	if err != nil {
		return nil, err
	}
	snap.facets = cols
	return cols, nil
}

// visitAll walks every document of the snapshot r with visitDocValues.
func visitAll(ctx context.Context, r bindex.IndexReader, fields []string,
	visit func(doc bindex.IndexInternalID, field string, term []byte), done func(doc bindex.IndexInternalID)) error {
	all, err := searcher.NewMatchAllSearcher(ctx, r, 1, search.SearcherOptions{})
	if err != nil {
		return err
	}
	defer all.Close()
	return visitDocValues(ctx, r, all, fields, visit, done)
}
