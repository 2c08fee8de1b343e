package web

import (
	"context"
	"time"

	"zongjie/index"
)

// facet is a facet the pages and the API show: its key (the name in the
// API's answer and the URL parameter that filters by it), its index field
// and its label.
type facet struct {
	Key, Field, Label string
}

// facets are the facets of a search, in display order: the
// index.Dimensions that count.
var facets = func() []facet {
	var out []facet
	for _, d := range index.Dimensions {
		if d.Facet != "" {
			out = append(out, facet{d.Name, d.Facet, d.Label})
		}
	}
	return out
}()

// searchResult is a search's answer with the facets keyed by facet key.
type searchResult struct {
	Total  uint64
	TookMS int64
	Hits   []index.Hit
	Facets map[string][]index.FacetValue // facet key → values
}

// search runs a search. A facet whose own parameter filters the search is
// counted without that filter (a second, smaller search), so that its
// other values stay visible and can be added: ticking 2012 and then 2013
// asks for documents of either year.
func search(ctx context.Context, ix *index.Index, p searchParams) (*searchResult, error) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, index.SearchTime)
	defer cancel()
	req := p.request("")
	req.Sort, req.Size, req.From = p.Sort, p.Size, p.from()
	for _, f := range facets {
		req.Facets = append(req.Facets, f.Field)
	}
	res, err := ix.Search(ctx, req)
	if err != nil {
		return nil, err
	}
	out := &searchResult{Total: res.Total, Hits: res.Hits, Facets: map[string][]index.FacetValue{}}
	for _, f := range facets {
		out.Facets[f.Key] = nonNil(res.Facets[f.Field])
	}
	for _, f := range facets {
		if len(p.Filters[f.Key]) == 0 {
			continue
		}
		sub := p.request(f.Key)
		sub.Facets, sub.Size = []string{f.Field}, 1
		r, err := ix.Search(ctx, sub)
		if err != nil {
			return nil, err
		}
		out.Facets[f.Key] = nonNil(r.Facets[f.Field])
	}
	out.TookMS = time.Since(start).Milliseconds()
	return out, nil
}

func nonNil(v []index.FacetValue) []index.FacetValue {
	if v == nil {
		return []index.FacetValue{}
	}
	return v
}
