package extract

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

//go:generate go run ./internal/gendict -o dict/zh_s.txt.gz

//go:embed dict/zh_s.txt.gz
var dictGzip []byte

//go:embed dict/domain.txt
var domainDict string

// Token is one segmented word. Start and End are byte offsets into the
// segmented text.
type Token struct {
	Text       string
	Start, End int
	Pos        string // gse part of speech (n, v, ns, …); "x" when unknown
}

// Segmenter splits Chinese text into words with gse, using the dictionary
// embedded in the binary. It is safe for concurrent use; load it once per
// process with LoadSegmenter.
type Segmenter struct {
	seg gse.Segmenter
	// words is seg's dictionary as a rune trie, for the analysis's own
	// segmentation; built at its first use (a one-shot search, which
	// segments only its query, does without it).
	words func() *wordTrie
}

var loadSegmenter = sync.OnceValues(newSegmenter)

// LoadSegmenter returns the process's segmenter, loading the embedded
// dictionary on the first call. A dictionary that fails to load is an error.
func LoadSegmenter() (*Segmenter, error) { return loadSegmenter() }

func newSegmenter() (*Segmenter, error) {
	zr, err := gzip.NewReader(bytes.NewReader(dictGzip))
	if err != nil {
		return nil, fmt.Errorf("load segmentation dictionary: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("load segmentation dictionary: %w", err)
	}
	// The genre's words come first: gse keeps the first entry of a word, so
	// they override the general dictionary's frequency and part of speech.
	dict := stripComments(domainDict) + stripComments(string(raw))
	s := &Segmenter{}
	s.seg.SkipLog = true
	s.seg.NotLoadHMM = true // Segment does not use the HMM model
	if err := s.seg.LoadDictStr(dict); err != nil {
		return nil, fmt.Errorf("load segmentation dictionary: %w", err)
	}
	if s.seg.Dict == nil || s.seg.Dict.NumTokens() < 1000 {
		return nil, fmt.Errorf("load segmentation dictionary: only %d words loaded", numTokens(&s.seg))
	}
	s.words = sync.OnceValue(func() *wordTrie { return newWordTrie(s.seg.Dict) })
	return s, nil
}

func numTokens(seg *gse.Segmenter) int {
	if seg.Dict == nil {
		return 0
	}
	return seg.Dict.NumTokens()
}

func stripComments(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, line := range strings.SplitAfter(s, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// Segment splits text into words, in order, covering every non-space
// character of the text.
func (s *Segmenter) Segment(text string) []Token {
	segs := s.seg.Segment([]byte(text))
	toks := make([]Token, 0, len(segs))
	for _, g := range segs {
		t := Token{Text: text[g.Start():g.End()], Start: g.Start(), End: g.End(), Pos: g.Token().Pos()}
		if t.Pos == "" {
			t.Pos = "x"
		}
		toks = append(toks, t)
	}
	return toks
}

// searchTrieMin is the length in bytes from which SearchTokens segments a
// text with the rune trie.
const searchTrieMin = 256

// SearchTokens splits text into words for indexing and queries: the words
// of Segment, and for each longer word its dictionary sub-words, which
// start where they stand inside it (so 消费者协会 also gives 消费者 and 协会).
// The words of a document are found with the extraction's own
// segmentation (the words of gse's Segment, faster); short texts
// (queries) and text that is not valid UTF-8 go to gse.
func (s *Segmenter) SearchTokens(text string) []Token {
	if !utf8.ValidString(text) || len(text) < searchTrieMin {
		return s.gseSearchTokens(text) // a query: not worth building the trie for
	}
	return s.trieSearchTokens(text)
}

// trieSearchTokens is SearchTokens with the extraction's segmentation, for
// valid UTF-8.
func (s *Segmenter) trieSearchTokens(text string) []Token {
	runes := []rune(text)
	var scratch wordScratch
	words, pos := s.words().segment(runes, &scratch, nil, nil)
	return s.searchTokensOf(text, runes, words, pos, &scratch)
}

// searchTokensOf gives the search-mode words of text from its words as the
// rune trie segmented them (words, pos and scratch from wordTrie.segment
// over runes, the runes of text): each word, and after a word of three or
// more characters its dictionary sub-words.
func (s *Segmenter) searchTokensOf(text string, runes []rune, words []span, pos []uint16, scratch *wordScratch) []Token {
	at := make([]int, len(runes)+1) // byte offset of each rune
	for i, b := 0, 0; i < len(runes); i++ {
		at[i] = b
		b += utf8.RuneLen(runes[i])
	}
	at[len(runes)] = len(text)
	trie := s.words()
	dict := s.seg.Dict.Tokens
	toks := make([]Token, 0, len(words)*5/4)
	for i, w := range words {
		start, end := at[w.start], at[w.end]
		toks = append(toks, Token{Text: text[start:end], Start: start, End: end, Pos: trie.posNames[pos[i]]})
		if w.end-w.start < 3 || scratch.toks[i] < 0 {
			continue
		}
		toks = appendSubTokens(toks, text, start, end, &dict[scratch.toks[i]])
	}
	return toks
}

// gseSearchTokens is SearchTokens with gse's own segmentation.
func (s *Segmenter) gseSearchTokens(text string) []Token {
	segs := s.seg.Segment([]byte(text))
	toks := make([]Token, 0, len(segs)*5/4)
	for _, g := range segs {
		pos := g.Token().Pos()
		if pos == "" {
			pos = "x"
		}
		toks = append(toks, Token{Text: text[g.Start():g.End()], Start: g.Start(), End: g.End(), Pos: pos})
		if utf8.RuneCountInString(text[g.Start():g.End()]) >= 3 {
			toks = appendSubTokens(toks, text, g.Start(), g.End(), g.Token())
		}
	}
	return toks
}

// appendSubTokens appends the dictionary sub-words of the word
// text[start:end], whose dictionary token is tok.
func appendSubTokens(toks []Token, text string, start, end int, tok *gse.Token) []Token {
	for _, sub := range tok.Segments() {
		s, e := start+sub.Start(), start+sub.End()
		if e-s == end-start || e > end {
			continue
		}
		toks = append(toks, Token{Text: text[s:e], Start: s, End: e, Pos: sub.Token().Pos()})
	}
	return toks
}
