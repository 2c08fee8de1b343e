package index

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"zongjie/corpus"
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
var FacetFields = []string{FieldYearKW, FieldProvince, FieldCity, FieldDistrict, FieldOrg, FieldOrgKind, FieldTheme, FieldGenre, FieldLaw, FieldPlace}

// Sorts are the orders a search can return hits in, besides relevance.
var Sorts = map[string][]string{
	"":      {"-_score"},
	"year":  {"year", "-_score", "_id"},
	"-year": {"-year", "-_score", "_id"},
	"date":  {"date", "-_score", "_id"},
	"-date": {"-date", "-_score", "_id"},
}

// Request is a search: a query in the syntax of ParseQuery, filters from
// elsewhere (command-line flags, URL parameters: AND across fields, OR
// within one), count conditions, the facets to count, the order and the
// page.
type Request struct {
	Query   string
	Filters map[string][]string
	Counts  []CountFilter
	Facets  []string
	Sort    string // "", year, -year, date, -date
	Size    int
	From    int
	// LoadText makes Each read the documents' text too (Stored.Text).
	LoadText bool
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
	q, err := req.parse()
	if err != nil {
		return nil, err
	}
	size := req.Size
	if size <= 0 {
		size = 10
	}
	if size > MaxPageSize || req.From < 0 || req.From > MaxFrom {
		return nil, fmt.Errorf("分页超出范围：每页至多 %d 条，起点 0 到 %d", MaxPageSize, MaxFrom)
	}
	order, ok := Sorts[req.Sort]
	if !ok {
		return nil, fmt.Errorf("未知的排序 %q（可用 year、-year、date、-date）", req.Sort)
	}
	ctx, cancel := context.WithTimeout(ctx, SearchTime)
	defer cancel()

	sr := bleve.NewSearchRequestOptions(ix.query(q), size, req.From, false)
	sr.Fields = []string{FieldStored, FieldSource, FieldYear, FieldPlace}
	sr.SortBy(order)
	for _, f := range req.Facets {
		sr.AddFacet(f, bleve.NewFacetRequest(f, 20))
	}
	start := time.Now()
	var res *bleve.SearchResult
	ok = false
	if req.Sort == "" && len(req.Facets) > 0 && allFacetFields(req.Facets) {
		res, ok, err = ix.searchByColumns(ctx, sr.Query, sr, req.Facets)
		if err != nil {
			return nil, fmt.Errorf("search %s: %w", ix.path, err)
		}
	}
	if !ok {
		if res, err = ix.b.SearchInContext(ctx, sr); err != nil {
			return nil, fmt.Errorf("search %s: %w", ix.path, err)
		}
	}
	out, err := ix.toResult(res, q)
	if err != nil {
		return nil, fmt.Errorf("search %s: %w", ix.path, err)
	}
	out.TookMS = time.Since(start).Milliseconds()
	return out, nil
}

// parse reads the request's query and adds its filters and counts.
func (req Request) parse() (Query, error) {
	q, err := ParseQuery(req.Query)
	if err != nil {
		return q, err
	}
	q.Merge(req.Filters)
	q.Counts = append(q.Counts, req.Counts...)
	if n := len(q.Words) + len(q.Exclude) + len(q.Counts) + len(q.Filters); n > MaxClauses {
		return q, fmt.Errorf("检索条件过多：%d 个（最多 %d 个）", n, MaxClauses)
	}
	return q, nil
}

// bleve builds the bleve query: every word in the title or the body (as
// segmented words or as CJK bigrams), no excluded word, every filter.
// Count conditions are added by Index.query.
func (q Query) bleve() query.Query {
	var must, mustNot []query.Query
	for _, w := range q.Words {
		must = append(must, wordQuery(w))
	}
	for _, w := range q.Exclude {
		mustNot = append(mustNot, wordQuery(w))
	}
	for field, vals := range q.Filters {
		var any []query.Query
		for _, v := range vals {
			any = append(any, filterQuery(field, v))
		}
		must = append(must, bleve.NewDisjunctionQuery(any...))
	}
	if q.YearFrom != 0 || q.YearTo != 0 {
		must = append(must, yearRange(q.YearFrom, q.YearTo))
	}
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(must...)
	if len(mustNot) > 0 {
		b.AddMustNot(mustNot...)
	}
	return b
}

// wordQuery matches a word or phrase in the title or body: every CJK
// bigram of it must occur (which finds it inside longer words too, and
// for Chinese text comes close to a phrase); the segmented words in the
// title and the body give the score (the bigrams keep no frequencies).
func wordQuery(w string) query.Query {
	w = corpus.Simplified(w) // the index holds traditional documents in simplified characters
	if term, ok := oneBigram(w); ok {
		return bigramWordQuery(term)
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(unscoredQuery{bigramQuery(w)})
	b.AddShould(matchAll(w, FieldTitle, AnalyzerName, 3), matchAll(w, FieldBody, AnalyzerName, 1))
	return b
}

// oneBigram returns the word when it is two Han characters: one bigram.
func oneBigram(w string) (string, bool) {
	toks := bigramAnalyzer{}.Analyze([]byte(w))
	if len(toks) != 1 || toks[0].Type != analysis.Double || len(toks[0].Term) != len(w) {
		return "", false
	}
	return w, true
}

// bigramWordQuery matches a two-character word (宣传): in the text it is a
// word of the body, a word of the title, or else a bigram. One pass over
// the three terms finds and scores it, where the general query reads the
// body's term twice (for matching and for the score).
func bigramWordQuery(term string) query.Query {
	in := func(field string, boost float64) *query.TermQuery {
		q := bleve.NewTermQuery(term)
		q.SetField(field)
		q.SetBoost(boost)
		return q
	}
	return bleve.NewDisjunctionQuery(unscoredQuery{in(FieldBodyCJK, 1)}, in(FieldTitle, 3), in(FieldBody, 1))
}

// bigramQuery matches a text whose bigrams all occur in the title or body.
// A bigram that is a word of the body is indexed as that word only
// (bodyanalysis.go): each two-character bigram is looked for in both
// fields.
func bigramQuery(text string) query.Query {
	tokens := bigramAnalyzer{}.Analyze([]byte(text))
	if len(tokens) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	seen := map[string]bool{}
	var all []query.Query
	for _, t := range tokens {
		term := string(t.Term)
		if seen[term] {
			continue
		}
		seen[term] = true
		q := bleve.NewTermQuery(term)
		q.SetField(FieldBodyCJK)
		if t.Type != analysis.Double {
			all = append(all, q)
			continue
		}
		word := bleve.NewTermQuery(term)
		word.SetField(FieldBody)
		all = append(all, bleve.NewDisjunctionQuery(q, word))
	}
	return bleve.NewConjunctionQuery(all...)
}

// matchAll matches a text whose analysed terms all occur in the field.
func matchAll(text, field, analyzer string, boost float64) query.Query {
	q := bleve.NewMatchQuery(text)
	q.SetField(field)
	q.Analyzer = analyzer
	q.SetOperator(query.MatchQueryOperatorAnd)
	q.SetBoost(boost)
	return q
}

func filterQuery(field, value string) query.Query {
	if field == FieldYear {
		field = FieldYearKW
	}
	switch field {
	case FieldOrgName:
		// an organisation filter matches a name or canonical name that
		// holds the value: org:司法所 finds 大学东路司法所
		return nameQuery(value, FieldOrgName, FieldOrgText)
	case FieldPlace:
		return nameQuery(value, FieldPlace, FieldPlaceText)
	}
	q := bleve.NewTermQuery(value)
	q.SetField(field)
	return q
}

// nameQuery matches a keyword exactly, or a name that holds the value.
func nameQuery(value, keywordField, textField string) query.Query {
	exact := bleve.NewTermQuery(value)
	exact.SetField(keywordField)
	return bleve.NewDisjunctionQuery(exact, unscoredQuery{matchAll(corpus.Simplified(value), textField, BigramAnalyzerName, 1)})
}

func yearRange(from, to int) query.Query {
	var lo, hi *float64
	if from != 0 {
		f := float64(from)
		lo = &f
	}
	if to != 0 {
		t := float64(to)
		hi = &t
	}
	incl := true
	q := bleve.NewNumericRangeInclusiveQuery(lo, hi, &incl, &incl)
	q.SetField(FieldYear)
	return q
}

func (ix *Index) toResult(res *bleve.SearchResult, q Query) (*Result, error) {
	out := &Result{Total: res.Total, Facets: map[string][]FacetValue{}, Hits: []Hit{}}
	for _, h := range res.Hits {
		hit := Hit{ID: h.ID, Score: h.Score}
		s, err := ix.storedOf(h.ID, h.Fields, false)
		if err != nil {
			return nil, err
		}
		hit.Title = s.Title
		hit.Source, _ = h.Fields[FieldSource].(string)
		if y, ok := h.Fields[FieldYear].(float64); ok {
			hit.Year = int(y)
		}
		hit.Places = stringList(h.Fields[FieldPlace])
		hit.Snippet = snippet(s.Text, nil, q.Words)
		out.Hits = append(out.Hits, hit)
	}
	for name, f := range res.Facets {
		vals := []FacetValue{}
		for _, t := range f.Terms.Terms() {
			vals = append(vals, FacetValue{Value: t.Term, Count: t.Count})
		}
		out.Facets[name] = vals
	}
	return out, nil
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
	Date, Written                       string
	Part                                int
	Record                              extract.Record
	Text                                string // with Request.LoadText
}

// Each calls fn for every document matching the request's query, filters
// and counts, ordered by source and id, reading them page by page.
func (ix *Index) Each(ctx context.Context, req Request, fn func(Stored) error) error {
	q, err := req.parse()
	if err != nil {
		return err
	}
	fields := []string{FieldStored}
	return ix.eachHit(ctx, ix.query(q), fields, []string{FieldSource, "_id"}, 500, func(h *search.DocumentMatch) error {
		s, err := ix.storedOf(h.ID, h.Fields, true)
		if err != nil {
			return err
		}
		if !req.LoadText {
			s.Text = ""
		}
		return fn(s)
	})
}

// storedOf reads a hit's stored value: metadata and text, and the facts
// when withFacts is set.
func (ix *Index) storedOf(id string, f map[string]interface{}, withFacts bool) (Stored, error) {
	s := Stored{ID: id}
	raw, ok := f[FieldStored].(string)
	if !ok {
		return s, fmt.Errorf("document %s: %w: nothing stored", id, errFactsCorrupt)
	}
	codec, err := ix.storedCodec()
	if err != nil {
		return s, err
	}
	v, err := codec.decode([]byte(raw))
	if err != nil {
		return s, fmt.Errorf("document %s: %w", id, err)
	}
	d := v.doc
	s.Source, s.Title, s.Format, s.Encoding = d.Source, d.Title, d.Format, d.Encoding
	s.Date, s.Written, s.Part, s.Text = d.Date, d.Written, d.Part, v.text
	if withFacts {
		if s.Record, err = v.record(); err != nil {
			return s, fmt.Errorf("document %s: %w", id, err)
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

// allFacetFields reports whether every field is one of FacetFields.
func allFacetFields(fields []string) bool {
	for _, f := range fields {
		if !slices.Contains(FacetFields, f) {
			return false
		}
	}
	return true
}
