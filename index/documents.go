package index

import (
	"context"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"zongjie/corpus"
)

// Known is a stored document's identity: its id, source and fingerprint.
type Known struct {
	ID, Source  string
	Fingerprint uint64
}

// Known calls fn for every stored document's identity, reading only the
// small stored fields; an import uses it to tell new, unchanged, changed
// and repeated documents apart.
func (ix *Index) Known(ctx context.Context, fn func(Known) error) error {
	fields := []string{FieldSource, FieldPrint}
	return ix.eachHit(ctx, bleve.NewMatchAllQuery(), fields, []string{"_id"}, 2000, func(h *search.DocumentMatch) error {
		k := Known{ID: h.ID}
		k.Source, _ = h.Fields[FieldSource].(string)
		if p, ok := h.Fields[FieldPrint].(string); ok {
			k.Fingerprint, _ = strconv.ParseUint(p, 16, 64)
		}
		return fn(k)
	})
}

// eachHit calls fn with every hit of q, reading page hits at a time in the
// given order (which must end in a unique key, such as _id).
func (ix *Index) eachHit(ctx context.Context, q query.Query, fields, order []string, page int, fn func(*search.DocumentMatch) error) error {
	var after []string
	for {
		sr := bleve.NewSearchRequestOptions(q, page, 0, false)
		sr.Fields = fields
		sr.SortBy(order)
		if after != nil {
			sr.SearchAfter = after
		}
		res, err := ix.b.SearchInContext(ctx, sr)
		if err != nil {
			return fmt.Errorf("read %s: %w", ix.path, err)
		}
		for _, h := range res.Hits {
			if err := fn(h); err != nil {
				return err
			}
		}
		if len(res.Hits) < page {
			return nil
		}
		after = res.Hits[len(res.Hits)-1].Sort
	}
}

// Documents calls fn with every stored document as a corpus.Document (its
// text and metadata, without the offsets into the original file), so that
// its facts can be extracted again with changed rules.
func (ix *Index) Documents(ctx context.Context, fn func(corpus.Document) error) error {
	return ix.Each(ctx, Request{LoadText: true}, func(s Stored) error {
		return fn(s.Document())
	})
}

// Document rebuilds the corpus.Document of a stored document.
func (s Stored) Document() corpus.Document {
	return corpus.Document{
		ID: s.ID, Source: s.Source, Format: s.Format, Encoding: s.Encoding,
		Title: s.Title, Text: s.Text, Written: s.Written, Date: s.Date, Part: s.Part,
	}
}

// Get returns the stored document with this id, with its text, or false
// when there is none.
func (ix *Index) Get(ctx context.Context, id string) (Stored, bool, error) {
	q := bleve.NewDocIDQuery([]string{id})
	sr := bleve.NewSearchRequestOptions(q, 1, 0, false)
	sr.Fields = []string{FieldStored}
	res, err := ix.b.SearchInContext(ctx, sr)
	if err != nil {
		return Stored{}, false, fmt.Errorf("read %s: %w", ix.path, err)
	}
	if len(res.Hits) == 0 {
		return Stored{}, false, nil
	}
	s, err := ix.storedOf(res.Hits[0].ID, res.Hits[0].Fields, true)
	return s, err == nil, err
}
