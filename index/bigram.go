package index

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// BigramAnalyzerName is the analyzer of the bigram fields (the body with
// the title, organisation and place names): each pair of adjacent Han
// characters is a term (a lone one is a term by itself), and each run of
// letters and digits is a lowercased term. A word inside a longer word is
// found through its bigrams whatever the segmentation (农业 in
// 中国农业发展银行). It gives the terms of bleve's cjk analyzer on Chinese
// text, in one pass over the bytes, each term a slice of the input.
const BigramAnalyzerName = "zongjie_bigram"

func init() {
	err := registry.RegisterAnalyzer(BigramAnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return bigramAnalyzer{}, nil
	})
	if err != nil {
		panic(err)
	}
}

type bigramAnalyzer struct{}

// Analyze implements analysis.Analyzer.
func (bigramAnalyzer) Analyze(input []byte) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input)/3)
	pos := 0
	emit := func(term []byte, start, end int, typ analysis.TokenType) {
		pos++
		out = append(out, &analysis.Token{Term: term, Start: start, End: end, Position: pos, Type: typ})
	}
	prevHan := -1 // start of the previous Han character when it ends at i
	for i := 0; i < len(input); {
		r, n := utf8.DecodeRune(input[i:])
		switch {
		case unicode.Is(unicode.Han, r):
			if prevHan >= 0 {
				emit(input[prevHan:i+n], prevHan, i+n, analysis.Double)
			} else if !hanAt(input, i+n) {
				emit(input[i:i+n], i, i+n, analysis.Ideographic) // a lone Han character
			}
			prevHan = i
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			prevHan = -1
			j := i
			for j < len(input) {
				r2, n2 := utf8.DecodeRune(input[j:])
				if unicode.Is(unicode.Han, r2) || !(unicode.IsLetter(r2) || unicode.IsDigit(r2)) {
					break
				}
				j += n2
			}
			emit(lowerWord(input[i:j]), i, j, analysis.AlphaNumeric)
			i = j
		default:
			prevHan = -1
			i += n
		}
	}
	return out
}

// hanAt reports whether a Han character starts at i.
func hanAt(b []byte, i int) bool {
	if i >= len(b) {
		return false
	}
	r, _ := utf8.DecodeRune(b[i:])
	return unicode.Is(unicode.Han, r)
}

// lowerWord returns the word in lower case, the input itself when it has
// no upper-case letter.
func lowerWord(w []byte) []byte {
	for _, c := range w {
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return []byte(string(bytesToLower(w)))
		}
	}
	return w
}

func bytesToLower(w []byte) []rune {
	rs := []rune(string(w))
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
	}
	return rs
}
