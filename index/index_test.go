package index

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"zongjie/corpus"
	"zongjie/extract"
)

func entry(id, title, text string, year int, org string) Entry {
	rec := extract.Record{ID: id, Title: title, Year: year}
	if org != "" {
		rec.Orgs = []extract.Org{{Name: org, Kind: extract.OrgAssoc}}
	}
	return Entry{Doc: corpus.Document{ID: id, Source: id + ".txt", Title: title, Text: text}, Record: rec}
}

func testIndex(t *testing.T) (*Index, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ix.bleve")
	ix, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	err = ix.Add([]Entry{
		entry("a", "区消协3·15活动总结", "区消费者协会联合市场监督管理局开展消费维权宣传，发放宣传资料1000余份。", 2023, "区消费者协会"),
		entry("b", "安全生产月活动总结", "应急管理局组织企业开展安全生产培训，出动检查人员50人次。", 2023, ""),
		entry("c", "禁毒宣传总结", "公安分局在社区开展禁毒宣传，发放宣传资料500份。", 2024, ""),
	})
	if err != nil {
		t.Fatal(err)
	}
	return ix, path
}

func TestSearch(t *testing.T) {
	ix, _ := testIndex(t)
	defer ix.Close()
	ctx := context.Background()
	for _, tc := range []struct {
		text    string
		filters map[string][]string
		want    string
	}{
		{"宣传资料", nil, "a c"},
		{"消费者协会", nil, "a"},
		{"协会", nil, "a"},
		{"安全生产", nil, "b"},
		{"宣传资料", map[string][]string{FieldYearKW: {"2024"}}, "c"},
		{"", map[string][]string{FieldYearKW: {"2023"}}, "a b"},
		{"", map[string][]string{FieldYearKW: {"2023", "2024"}, FieldOrg: {"区消费者协会"}}, "a"},
		{"宣传 禁毒", nil, "c"},
		{"消防", nil, ""},
	} {
		res, err := ix.Search(ctx, Request{Text: tc.text, Filters: tc.filters, Facets: []string{FieldYearKW}})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if got := strings.Join(sorted(ids), " "); got != tc.want {
			t.Errorf("search %q %v = %q, want %q", tc.text, tc.filters, got, tc.want)
		}
	}
	res, _ := ix.Search(ctx, Request{Facets: []string{FieldYearKW}})
	if f := res.Facets[FieldYearKW]; len(f) != 2 || f[0] != (FacetValue{"2023", 2}) || f[1] != (FacetValue{"2024", 1}) {
		t.Errorf("year facet = %v", f)
	}
	res, _ = ix.Search(ctx, Request{Text: "禁毒"})
	if len(res.Hits) != 1 || !strings.Contains(res.Hits[0].Snippet, "<mark>禁毒</mark>") {
		t.Errorf("snippet does not mark the match: %+v", res.Hits)
	}
}

func sorted(s []string) []string {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

// TestOpenWithBleve checks that a program that only imports this package
// (for its registrations) can open and search the index with bleve.
func TestOpenWithBleve(t *testing.T) {
	ix, path := testIndex(t)
	ix.Close()
	b, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	q := bleve.NewMatchQuery("禁毒")
	q.SetField(FieldBody)
	res, err := b.Search(bleve.NewSearchRequest(q))
	if err != nil || res.Total != 1 {
		t.Errorf("bleve search: %v, %v hits", err, res)
	}
}

func TestLocked(t *testing.T) {
	ix, path := testIndex(t)
	defer ix.Close()
	_, err := Open(path, false)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("second open of a held index: %v", err)
	}
}

func TestLimits(t *testing.T) {
	ix, _ := testIndex(t)
	defer ix.Close()
	if _, err := ix.Search(context.Background(), Request{Text: strings.Repeat("消", MaxQueryLen+1)}); err == nil {
		t.Errorf("an over-long query was run")
	}
	if _, err := ix.Search(context.Background(), Request{From: MaxFrom + 1}); err == nil {
		t.Errorf("a page beyond the limit was run")
	}
}

func TestEach(t *testing.T) {
	ix, _ := testIndex(t)
	defer ix.Close()
	var ids []string
	err := ix.Each(context.Background(), map[string][]string{FieldYearKW: {"2023"}}, func(s Stored) error {
		ids = append(ids, s.ID+":"+s.Record.Title)
		return nil
	})
	if err != nil || strings.Join(ids, ",") != "a:区消协3·15活动总结,b:安全生产月活动总结" {
		t.Errorf("Each = %v, %v", ids, err)
	}
}
