package index

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"zongjie/extract"
)

// A count is kept as one keyword "object\x1funit\x1fvalue\x1fmax\x1fapprox\x1fk",
// so that statistics read the counts of every matching document from doc
// values, without loading the stored documents. k is empty but for a
// count equal to an earlier one of the same document (2 for the second),
// which keeps equal counts apart while the index holds one term for the
// same count in many documents. The object comes first: the terms of one
// object share their prefix in the term dictionary, which makes it a
// third smaller than with the value first.
const countSep = "\x1f"

func encodeCount(c extract.Count) string {
	approx := "0"
	if c.Approx {
		approx = "1"
	}
	return strings.Join([]string{normObject(c.Object), normUnit(c.Unit),
		extract.FormatValue(c.Value), extract.FormatValue(c.Max), approx, ""}, countSep)
}

func decodeCount(term string) (extract.Count, bool) {
	p := strings.SplitN(term, countSep, 6)
	if len(p) != 6 {
		return extract.Count{}, false
	}
	v, err1 := strconv.ParseFloat(p[2], 64)
	m, err2 := strconv.ParseFloat(p[3], 64)
	if err1 != nil || err2 != nil {
		return extract.Count{}, false
	}
	return extract.Count{Value: v, Max: m, Approx: p[4] == "1", Unit: p[1], Object: p[0]}, true
}

// scanDocValues calls fn, for every document matching q, with the values
// of the given keyword fields read from doc values.
func (ix *Index) scanDocValues(ctx context.Context, q query.Query, fields []string, fn func(vals map[string][]string)) error {
	adv, err := ix.b.Advanced()
	if err != nil {
		return err
	}
	reader, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("read %s: %w", ix.path, err)
	}
	defer reader.Close()
	s, err := q.Searcher(ctx, reader, ix.b.Mapping(), search.SearcherOptions{})
	if err != nil {
		return fmt.Errorf("search %s: %w", ix.path, err)
	}
	defer s.Close()
	vals := map[string][]string{}
	return visitDocValues(ctx, reader, s, fields,
		func(_ bindex.IndexInternalID, field string, term []byte) {
			vals[field] = append(vals[field], string(term))
		},
		func(bindex.IndexInternalID) {
			fn(vals)
			vals = map[string][]string{}
		})
}

// visitDocValues walks the documents that s finds in the snapshot r: for
// each, visit is called with every doc value of the fields, then done.
func visitDocValues(ctx context.Context, r bindex.IndexReader, s search.Searcher, fields []string,
	visit func(doc bindex.IndexInternalID, field string, term []byte), done func(doc bindex.IndexInternalID)) error {
	dvr, err := r.DocValueReader(fields)
	if err != nil {
		return err
	}
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		dm, err := s.Next(sctx)
		if err != nil || dm == nil {
			return err
		}
		doc := dm.IndexInternalID
		err = dvr.VisitDocValues(doc, func(field string, term []byte) { visit(doc, field, term) })
		if err != nil {
			return err
		}
		done(doc)
		sctx.DocumentMatchPool.Put(dm)
	}
}
