package index

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"zongjie/extract"
)

// A count is kept as one keyword "i\x1fvalue\x1fmax\x1fapprox\x1funit\x1fobject"
// (i, its position, keeps two equal counts of one document apart), so that
// statistics read the counts of every matching document from doc values,
// without loading the stored documents.
const countSep = "\x1f"

func encodeCount(i int, c extract.Count) string {
	approx := "0"
	if c.Approx {
		approx = "1"
	}
	return strings.Join([]string{strconv.Itoa(i), extract.FormatValue(c.Value), extract.FormatValue(c.Max), approx,
		normUnit(c.Unit), normObject(c.Object)}, countSep)
}

func decodeCount(term string) (extract.Count, bool) {
	p := strings.Split(term, countSep)
	if len(p) != 6 {
		return extract.Count{}, false
	}
	v, err1 := strconv.ParseFloat(p[1], 64)
	m, err2 := strconv.ParseFloat(p[2], 64)
	if err1 != nil || err2 != nil {
		return extract.Count{}, false
	}
	return extract.Count{Value: v, Max: m, Approx: p[3] == "1", Unit: p[4], Object: p[5]}, true
}

// scanDocValues calls fn, for every document matching q, with its id and
// the values of the given keyword fields read from doc values. It skips
// the nested count documents that indexes written by earlier versions
// hold (they have no source).
func (ix *Index) scanDocValues(ctx context.Context, q query.Query, fields []string, fn func(id string, vals map[string][]string)) error {
	adv, err := ix.b.Advanced()
	if err != nil {
		return err
	}
	reader, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("read %s: %w", ix.path, err)
	}
	defer reader.Close()
	searcher, err := q.Searcher(ctx, reader, ix.b.Mapping(), search.SearcherOptions{})
	if err != nil {
		return fmt.Errorf("search %s: %w", ix.path, err)
	}
	defer searcher.Close()
	dvr, err := reader.DocValueReader(append([]string{FieldSource}, fields...))
	if err != nil {
		return err
	}
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(searcher.DocumentMatchPoolSize(), 0), IndexReader: reader}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		dm, err := searcher.Next(sctx)
		if err != nil {
			return err
		}
		if dm == nil {
			return nil
		}
		vals := map[string][]string{}
		err = dvr.VisitDocValues(dm.IndexInternalID, func(field string, term []byte) {
			vals[field] = append(vals[field], string(term))
		})
		if err != nil {
			return err
		}
		id, err := reader.ExternalID(dm.IndexInternalID)
		sctx.DocumentMatchPool.Put(dm)
		if err != nil {
			return err
		}
		if len(vals[FieldSource]) > 0 { // a nested count document has none
			fn(id, vals)
		}
	}
}
