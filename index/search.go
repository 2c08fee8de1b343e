package index

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"

	"zongjie/extract"
)

// Limits that keep one search from taking the machine.
const (
	MaxQueryLen = 200 // characters
	MaxPageSize = 100
	MaxFrom     = 10000
	SearchTime  = 10 * time.Second
)

// FacetFields are the facets a search can count, in display order.
var FacetFields = []string{FieldYearKW, FieldProvince, FieldCity, FieldDistrict, FieldPlace, FieldOrg, FieldTheme, FieldGenre, FieldLaw}

// Request is a search: words, filters (AND across fields, OR within one),
// the facets to count and the page.
type Request struct {
	Text    string
	Filters map[string][]string // field → values
	Facets  []string
	Size    int
	From    int
}

// Hit is one matching document.
type Hit struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Source  string   `json:"source"`
	Year    int      `json:"year,omitempty"`
	Places  []string `json:"places,omitempty"`
	Score   float64  `json:"score"`
	Snippet string   `json:"snippet"` // HTML: escaped text with <mark> around matches
}

// FacetValue is one value of a facet with its document count.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Result is the answer to a search.
type Result struct {
	Total  uint64                  `json:"total"`
	TookMS int64                   `json:"took_ms"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetValue `json:"facets"`
}

// Search runs a request under a timeout.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	if n := len([]rune(req.Text)); n > MaxQueryLen {
		return nil, fmt.Errorf("query too long: %d characters (at most %d)", n, MaxQueryLen)
	}
	size := req.Size
	if size <= 0 {
		size = 10
	}
	size = min(size, MaxPageSize)
	if req.From < 0 || req.From > MaxFrom {
		return nil, fmt.Errorf("page offset %d out of range (0 to %d)", req.From, MaxFrom)
	}
	ctx, cancel := context.WithTimeout(ctx, SearchTime)
	defer cancel()

	sr := bleve.NewSearchRequestOptions(buildQuery(req), size, req.From, false)
	sr.Fields = []string{FieldDoc, FieldSource, FieldYear, FieldPlace}
	if strings.TrimSpace(req.Text) != "" {
		sr.Highlight = bleve.NewHighlightWithStyle(html.Name)
		sr.Highlight.AddField(FieldBody)
	}
	for _, f := range req.Facets {
		sr.AddFacet(f, bleve.NewFacetRequest(f, 20))
	}
	res, err := ix.b.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search %s: %w", ix.path, err)
	}
	return toResult(res), nil
}

func buildQuery(req Request) query.Query {
	var must []query.Query
	if t := strings.TrimSpace(req.Text); t != "" {
		must = append(must, textQuery(t))
	}
	for field, vals := range req.Filters {
		if len(vals) == 0 {
			continue
		}
		var any []query.Query
		for _, v := range vals {
			any = append(any, fieldQuery(field, v))
		}
		must = append(must, bleve.NewDisjunctionQuery(any...))
	}
	if len(must) == 0 {
		return bleve.NewMatchAllQuery()
	}
	return bleve.NewConjunctionQuery(must...)
}

// textQuery finds documents holding every space-separated part of the
// text, each as a phrase (its segmented words in order), in the title or
// the body.
func textQuery(text string) query.Query {
	var words []query.Query
	for _, w := range strings.Fields(text) {
		body := bleve.NewMatchPhraseQuery(w)
		body.SetField(FieldBody)
		title := bleve.NewMatchPhraseQuery(w)
		title.SetField(FieldTitle)
		title.SetBoost(2)
		words = append(words, bleve.NewDisjunctionQuery(body, title))
	}
	return bleve.NewConjunctionQuery(words...)
}

func fieldQuery(field, value string) query.Query {
	if field == FieldYear {
		field = FieldYearKW
	}
	q := bleve.NewTermQuery(value)
	q.SetField(field)
	return q
}

func toResult(res *bleve.SearchResult) *Result {
	out := &Result{Total: res.Total, TookMS: res.Took.Milliseconds(), Facets: map[string][]FacetValue{}}
	for _, h := range res.Hits {
		hit := Hit{ID: h.ID, Score: h.Score}
		if s, err := storedOf(h.ID, h.Fields); err == nil {
			hit.Title = s.Title
		}
		hit.Source, _ = h.Fields[FieldSource].(string)
		if y, ok := h.Fields[FieldYear].(float64); ok {
			hit.Year = int(y)
		}
		hit.Places = stringList(h.Fields[FieldPlace])
		if frags := h.Fragments[FieldBody]; len(frags) > 0 {
			hit.Snippet = strings.Join(frags, " … ")
		}
		out.Hits = append(out.Hits, hit)
	}
	for name, f := range res.Facets {
		var vals []FacetValue
		for _, t := range f.Terms.Terms() {
			vals = append(vals, FacetValue{Value: t.Term, Count: t.Count})
		}
		out.Facets[name] = vals
	}
	return out
}

func stringList(v interface{}) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []interface{}:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// Stored is a document's metadata and facts as kept in the index.
type Stored struct {
	ID, Source, Title, Format, Encoding string
	Record                              extract.Record
}

// Each calls fn for every document matching the filters, ordered by
// source and id, reading them page by page.
func (ix *Index) Each(ctx context.Context, filters map[string][]string, fn func(Stored) error) error {
	const page = 500
	q := buildQuery(Request{Filters: filters})
	for from := 0; ; from += page {
		sr := bleve.NewSearchRequestOptions(q, page, from, false)
		sr.Fields = []string{FieldRecord, FieldDoc}
		sr.SortBy([]string{FieldSource, "_id"})
		res, err := ix.b.SearchInContext(ctx, sr)
		if err != nil {
			return fmt.Errorf("read %s: %w", ix.path, err)
		}
		for _, h := range res.Hits {
			s, err := storedOf(h.ID, h.Fields)
			if err != nil {
				return err
			}
			if err := fn(s); err != nil {
				return err
			}
		}
		if len(res.Hits) < page {
			return nil
		}
	}
}

func storedOf(id string, f map[string]interface{}) (Stored, error) {
	s := Stored{ID: id}
	var d storedDoc
	if raw, ok := f[FieldDoc].(string); ok {
		if err := json.Unmarshal([]byte(raw), &d); err != nil {
			return s, fmt.Errorf("document %s: bad stored metadata: %w", id, err)
		}
	}
	s.Source, s.Title, s.Format, s.Encoding = d.Source, d.Title, d.Format, d.Encoding
	if raw, ok := f[FieldRecord].(string); ok {
		if err := json.Unmarshal([]byte(raw), &s.Record); err != nil {
			return s, fmt.Errorf("document %s: bad stored facts: %w", id, err)
		}
	}
	return s, nil
}

// YearString formats a year for display, "" for unknown.
func YearString(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}
