package index

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
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
