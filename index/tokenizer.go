package index

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"

	"zongjie/extract"
)

// Names under which the Chinese analysis is registered in bleve's registry.
// Any program that imports this package can open a zongjie index.
const (
	TokenizerName = "zongjie_gse"
	AnalyzerName  = "zongjie_zh"
)

func init() {
	if err := registry.RegisterTokenizer(TokenizerName, tokenizerConstructor); err != nil {
		panic(err)
	}
	if err := registry.RegisterAnalyzer(AnalyzerName, analyzerConstructor); err != nil {
		panic(err)
	}
}

// tokenizer splits text into gse search-mode words: each word, and the
// dictionary sub-words of longer words at the same position, so that both
// 消费者协会 and 协会 find the text and phrase queries still line up.
type tokenizer struct {
	seg *extract.Segmenter
}

func tokenizerConstructor(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
	seg, err := extract.LoadSegmenter()
	if err != nil {
		return nil, fmt.Errorf("zongjie tokenizer: %w", err)
	}
	return &tokenizer{seg: seg}, nil
}

func analyzerConstructor(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
	tok, err := cache.TokenizerNamed(TokenizerName)
	if err != nil {
		return nil, err
	}
	lower, err := cache.TokenFilterNamed(lowercase.Name)
	if err != nil {
		return nil, err
	}
	return &analysis.DefaultAnalyzer{Tokenizer: tok, TokenFilters: []analysis.TokenFilter{lower}}, nil
}

// Tokenize implements analysis.Tokenizer.
func (t *tokenizer) Tokenize(input []byte) analysis.TokenStream {
	return tokenStream(t.seg.SearchTokens(string(input)))
}

// tokenStream turns search-mode words into bleve tokens: a word and its
// sub-words share a position; words of punctuation and space only are left
// out.
func tokenStream(toks []extract.Token) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(toks))
	pos := 0
	wordEnd := -1
	for _, tk := range toks {
		if !indexable(tk.Text) {
			continue
		}
		if tk.Start >= wordEnd { // a new word; its sub-words share its position
			pos++
			wordEnd = tk.End
		}
		out = append(out, &analysis.Token{
			Term:     []byte(tk.Text),
			Start:    tk.Start,
			End:      tk.End,
			Position: pos,
			Type:     tokenType(tk.Text),
		})
	}
	return out
}

// indexable reports whether a word is worth indexing: not space or
// punctuation only.
func indexable(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func tokenType(s string) analysis.TokenType {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case unicode.Is(unicode.Han, r):
		return analysis.Ideographic
	case unicode.IsDigit(r):
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}
