package index

import (
	"context"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"zongjie/extract"
)

// A count condition (宣传资料>=10000份) must hold within one count: its
// object, unit and value together. Rather than a nested document per count
// (hundreds of thousands of them in a large archive, which made the index
// larger and imports and queries slower), each count is one keyword
// (encodeCount), and the counts of every document are read from doc values
// into a column once per state of the index. A condition is checked on the
// column and becomes a query for the ids of the documents that satisfy it.

// countColumn holds the counts of every document of one state of the index.
type countColumn struct {
	ids    []string          // document ids
	counts [][]extract.Count // counts[i] are the counts of ids[i]
}

// countColumn returns the column for the index as it is now, reading it
// when the index changed since it was last read.
func (ix *Index) countColumn(ctx context.Context) (*countColumn, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.col != nil && ix.colGen == ix.gen {
		return ix.col, nil
	}
	col := &countColumn{}
	err := ix.scanDocValues(ctx, bleve.NewMatchAllQuery(), []string{FieldCountTerms}, func(id string, vals map[string][]string) {
		terms := vals[FieldCountTerms]
		if len(terms) == 0 {
			return
		}
		counts := make([]extract.Count, 0, len(terms))
		for _, t := range terms {
			if c, ok := decodeCount(t); ok {
				counts = append(counts, c)
			}
		}
		col.ids = append(col.ids, id)
		col.counts = append(col.counts, counts)
	})
	if err != nil {
		return nil, err
	}
	ix.col, ix.colGen = col, ix.gen
	return col, nil
}

// matching returns, sorted, the ids of the documents that have, for every
// filter, a count that satisfies it.
func (col *countColumn) matching(filters []CountFilter) []string {
	var ids []string
	for i, counts := range col.counts {
		if satisfiesAll(counts, filters) {
			ids = append(ids, col.ids[i])
		}
	}
	sort.Strings(ids)
	return ids
}

func satisfiesAll(counts []extract.Count, filters []CountFilter) bool {
	for _, f := range filters {
		ok := false
		for _, c := range counts {
			if f.Matches(c) {
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

// query turns a query into a bleve query, its count conditions into the
// ids of the documents that satisfy them.
func (ix *Index) query(ctx context.Context, q Query) (query.Query, error) {
	b := q.bleve()
	if len(q.Counts) == 0 {
		return b, nil
	}
	col, err := ix.countColumn(ctx)
	if err != nil {
		return nil, err
	}
	ids := col.matching(q.Counts)
	var byCount query.Query = bleve.NewMatchNoneQuery()
	if len(ids) > 0 {
		byCount = bleve.NewDocIDQuery(ids)
	}
	return bleve.NewConjunctionQuery(b, byCount), nil
}
