package index

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/scorer"
	bindex "github.com/blevesearch/bleve_index_api"
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

// countColumn holds the counts of every document of one index snapshot,
// their objects and units interned, so that a condition on an object is
// tested once per distinct object rather than once per count.
type countColumn struct {
	docs    []bindex.IndexInternalID // internal numbers, ascending
	start   []int                    // docs[i]'s counts are counts[start[i]:start[i+1]]
	counts  []columnCount
	objects []string
	units   []string
}

// columnCount is one count of the column.
type columnCount struct {
	value, max float64
	object     int32 // index into objects
	unit       int32 // index into units
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
	objects, units := map[string]int32{}, map[string]int32{}
	intern := func(m map[string]int32, list *[]string, s string) int32 {
		id, ok := m[s]
		if !ok {
			id = int32(len(*list))
			m[s] = id
			*list = append(*list, s)
		}
		return id
	}
	n := 0
	err := visitAll(ctx, r, []string{FieldCountTerms}, func(doc bindex.IndexInternalID, field string, term []byte) {
		if c, ok := decodeCount(string(term)); ok {
			col.counts = append(col.counts, columnCount{value: c.Value, max: c.Max,
				object: intern(objects, &col.objects, c.Object), unit: intern(units, &col.units, c.Unit)})
		}
	}, func(doc bindex.IndexInternalID) {
		if len(col.counts) > n {
			col.docs = append(col.docs, append(bindex.IndexInternalID(nil), doc...))
			col.start = append(col.start, n)
			n = len(col.counts)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("read counts of %s: %w", ix.path, err)
	}
	col.start = append(col.start, n)
	snap.counts = col
	return col, nil
}

// matching returns the internal numbers, ascending, of the documents that
// have, for every filter, a count that satisfies it.
func (col *countColumn) matching(filters []CountFilter) []bindex.IndexInternalID {
	tests := make([]columnTest, len(filters))
	for i, f := range filters {
		tests[i] = col.test(f.normalized())
	}
	var docs []bindex.IndexInternalID
	for i, doc := range col.docs {
		counts := col.counts[col.start[i]:col.start[i+1]]
		if satisfiesAll(counts, tests) {
			docs = append(docs, doc)
		}
	}
	return docs
}

// columnTest is a normalized filter with the objects it accepts.
type columnTest struct {
	f      CountFilter
	object []bool // by object index
	unit   int32  // the unit's index, -1 for any unit
}

func (col *countColumn) test(f CountFilter) columnTest {
	t := columnTest{f: f, object: make([]bool, len(col.objects)), unit: -1}
	for i, o := range col.objects {
		t.object[i] = strings.Contains(o, f.Object)
	}
	if f.Unit != "" {
		t.unit = int32(len(col.units)) // no count has it unless found
		for i, u := range col.units {
			if u == f.Unit {
				t.unit = int32(i)
			}
		}
	}
	return t
}

func satisfiesAll(counts []columnCount, tests []columnTest) bool {
	for _, t := range tests {
		ok := false
		for _, c := range counts {
			if t.object[c.object] && (t.unit < 0 || c.unit == t.unit) && t.f.valueOK(c.value, max(c.max, c.value)) {
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
