package index

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"zongjie/extract"
)

// TestBigramsLeaveOutBodyWords checks that the bigram field holds the
// bigrams that are not words of the body, and that a word query still
// finds a bigram either way: as a word, inside a longer word, across two
// words and in the title.
func TestBigramsLeaveOutBodyWords(t *testing.T) {
	ix, _ := testIndex(t)
	defer ix.Close()
	ctx := context.Background()
	inField := func(field, term string) uint64 {
		q := bleve.NewTermQuery(term)
		q.SetField(field)
		res, err := ix.b.SearchInContext(ctx, bleve.NewSearchRequest(q))
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	// 禁毒 is a word of document c's body: a body term, no bigram
	if inField(FieldBody, "禁毒") != 1 || inField(FieldBodyCJK, "禁毒") != 0 {
		t.Errorf("禁毒: %d in the body's words, %d in the bigrams; want 1 and 0",
			inField(FieldBody, "禁毒"), inField(FieldBodyCJK, "禁毒"))
	}
	// 农业 inside 中国农业发展银行 is a bigram, whatever the segmentation
	// makes of the name
	if inField(FieldBody, "农业")+inField(FieldBodyCJK, "农业") == 0 {
		t.Errorf("农业 is neither a word nor a bigram of document a")
	}
	for _, tc := range []struct{ query, want string }{
		{"禁毒", "c"},
		{"农业发展", "a"},
		{"业开", "b"},    // across two words: 企业 开展
		{"生产月活", "b"},  // in the title only: 安全生产月活动总结
		{"区消费者协", "a"}, // across words
	} {
		res, err := ix.Search(ctx, Request{Query: tc.query})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, h := range res.Hits {
			got += h.ID
		}
		if got != tc.want {
			t.Errorf("search %q = %q, want %q", tc.query, got, tc.want)
		}
	}
}

// TestGivenWords checks that an entry's words, when the extraction gives
// them, are the body's words in the index, and that the words
// SearchTokens gives make the same index as the analyzer.
func TestGivenWords(t *testing.T) {
	seg, err := extract.LoadSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	sample := sampleEntries(t)
	withWords := make([]Entry, len(sample))
	for i, e := range sample {
		e.Words = seg.SearchTokens(e.Doc.Text)
		withWords[i] = e
	}
	// words that are not in the text show that the given words are used
	odd := sample[0]
	odd.Doc.ID += "-odd"
	odd.Words = []extract.Token{{Text: "无此词语", Start: 0, End: 12}}
	withWords = append(withWords, odd)

	open := func(entries []Entry) *Index {
		ix, err := Open(filepath.Join(t.TempDir(), "ix.bleve"), true)
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.Add(entries); err != nil {
			t.Fatal(err)
		}
		return ix
	}
	search := func(entries []Entry, q string) string {
		ix := open(entries)
		defer ix.Close()
		res, err := ix.Search(context.Background(), Request{Query: q, Size: 100})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(res.Total, sortedIDs(res))
	}
	for _, q := range []string{"宣传资料", "消费者 权益", "农业", "\"安全 生产\"", "市场监督管理局"} {
		if a, b := search(sample, q), search(withWords[:len(sample)], q); a != b {
			t.Errorf("%s: %s with the analyzer's words, %s with the given words", q, a, b)
		}
	}
	ix := open(withWords)
	defer ix.Close()
	q := bleve.NewTermQuery("无此词语")
	q.SetField(FieldBody)
	res, err := ix.b.Search(bleve.NewSearchRequest(q))
	if err != nil || res.Total != 1 || res.Hits[0].ID != odd.Doc.ID {
		t.Errorf("the given words are not the body's words: %v %v", err, res)
	}
}

// TestTwoCharacterWordQuery checks the query of a two-character word: it
// finds the word as a body word, a title word and a bigram, and a title
// match ranks first.
func TestTwoCharacterWordQuery(t *testing.T) {
	if _, ok := oneBigram("宣传"); !ok {
		t.Fatal("宣传 is one bigram")
	}
	for _, w := range []string{"宣传资料", "宣", "ab", "宣a"} {
		if _, ok := oneBigram(w); ok {
			t.Errorf("%q is not one bigram", w)
		}
	}
	ix, _ := testIndex(t)
	defer ix.Close()
	for _, tc := range []struct{ query, want string }{
		{"禁毒", "c"}, // title and body word
		{"生产", "b"}, // a word inside 安全生产 (a sub-word, or a bigram)
		{"业开", "b"}, // a bigram across words only
		{"总结", "abc"},
	} {
		res, err := ix.Search(context.Background(), Request{Query: tc.query})
		if err != nil {
			t.Fatal(err)
		}
		got := sortedIDs(res)
		if strings.Join(got, "") != tc.want {
			t.Errorf("search %q = %v, want %q", tc.query, got, tc.want)
		}
	}
	// 宣传 is in c's title and body, twice in a's body only
	res, err := ix.Search(context.Background(), Request{Query: "宣传"})
	if err != nil || len(res.Hits) != 2 || res.Hits[0].ID != "c" {
		t.Errorf("宣传 is in c's title and ranks it first: %v %+v", err, res)
	}
}

// sortedIDs returns the ids of a result's hits, sorted.
func sortedIDs(res *Result) []string {
	ids := []string{}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	sort.Strings(ids)
	return ids
}
