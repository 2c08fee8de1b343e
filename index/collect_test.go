package index

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/google/go-cmp/cmp"

	"zongjie/extract"
)

// TestSearchByColumns checks that the one-walk search answers as bleve's
// own search does: the same total, the same hits in the same order with
// the same scores, the same facets, on pages of several queries.
func TestSearchByColumns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ix.bleve")
	ix, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(3))
	words := []string{"消费", "维权", "宣传", "资料", "安全", "生产", "禁毒", "培训", "检查", "社区"}
	orgs := []string{"区消费者协会", "市场监督管理局", "公安分局", "司法所", ""}
	var entries []Entry
	for i := range 300 {
		var b strings.Builder
		for range 5 + rng.Intn(30) {
			b.WriteString(words[rng.Intn(len(words))])
			b.WriteString("，")
		}
		e := entry(fmt.Sprintf("d%03d", i), "总结"+words[i%len(words)], b.String(), 2010+i%7, orgs[i%len(orgs)],
			count(float64(rng.Intn(5000)), "份", "宣传资料", false))
		if i%3 == 0 {
			e.Record.Themes = []extract.Theme{{Text: []string{"消费与安全", "品质消费"}[i%2]}}
		}
		entries = append(entries, e)
	}
	for i := 0; i < len(entries); i += 100 { // several segments
		if err := ix.Add(entries[i : i+100]); err != nil {
			t.Fatal(err)
		}
	}
	// read as the query commands do: a reader's snapshot stays (no merges)
	ix.Close()
	if ix, err = Open(path, false); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	facets := []string{FieldYearKW, FieldOrg, FieldTheme, FieldProvince}
	for _, text := range []string{"消费 维权", "禁毒", "安全 -培训", "count:宣传资料>=2500", "", "year:2012..2014 社区"} {
		for _, page := range [][2]int{{10, 0}, {7, 14}, {50, 280}} {
			q, err := ParseQuery(text)
			if err != nil {
				t.Fatal(err)
			}
			sr := bleve.NewSearchRequestOptions(ix.query(q), page[0], page[1], false)
			sr.Fields = []string{FieldSource, FieldYear}
			for _, f := range facets {
				sr.AddFacet(f, bleve.NewFacetRequest(f, 3))
			}
			want, err := ix.b.SearchInContext(ctx, sr)
			if err != nil {
				t.Fatal(err)
			}
			var got *bleve.SearchResult
			for range 2 { // the facet columns are read at the second search
				got, _, err = ix.searchByColumns(ctx, sr.Query, sr, facets)
				if err != nil {
					t.Fatal(err)
				}
			}
			if got == nil {
				t.Fatalf("%q: no answer from the columns", text)
			}
			if got.Total != want.Total {
				t.Errorf("%q %v: total %d, bleve %d", text, page, got.Total, want.Total)
			}
			if diff := cmp.Diff(hitLines(want), hitLines(got)); diff != "" {
				t.Errorf("%q %v: hits differ from bleve's (-bleve +columns):\n%s", text, page, diff)
			}
			for _, f := range facets {
				if diff := cmp.Diff(facetLines(want, f), facetLines(got, f)); diff != "" {
					t.Errorf("%q %v: facet %s differs (-bleve +columns):\n%s", text, page, f, diff)
				}
			}
		}
	}
}

func hitLines(r *bleve.SearchResult) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, fmt.Sprintf("%s %.6f %v %v", h.ID, h.Score, h.Fields[FieldSource], h.Fields[FieldYear]))
	}
	return out
}

func facetLines(r *bleve.SearchResult, field string) []string {
	f := r.Facets[field]
	if f == nil || f.Terms == nil {
		return nil
	}
	out := []string{fmt.Sprintf("total %d other %d", f.Total, f.Other)}
	for _, t := range f.Terms.Terms() {
		out = append(out, fmt.Sprintf("%s %d", t.Term, t.Count))
	}
	return out
}
