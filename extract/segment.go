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
	seg   gse.Segmenter
	words *wordTrie // seg's dictionary, for the analysis's segmentation
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
	s.words = newWordTrie(s.seg.Dict)
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

// SearchTokens splits text into words for indexing and queries: the words
// of Segment, and for each longer word its dictionary sub-words, which
// start where they stand inside it (so 消费者协会 also gives 消费者 and 协会).
func (s *Segmenter) SearchTokens(text string) []Token {
	segs := s.seg.Segment([]byte(text))
	toks := make([]Token, 0, len(segs)*5/4)
	for _, g := range segs {
		t := Token{Text: text[g.Start():g.End()], Start: g.Start(), End: g.End(), Pos: g.Token().Pos()}
		toks = append(toks, t)
		if utf8.RuneCountInString(t.Text) < 3 {
			continue
		}
		for _, sub := range g.Token().Segments() {
			start := g.Start() + sub.Start()
			end := g.Start() + sub.End()
			if end-start == len(t.Text) || end > len(text) {
				continue
			}
			toks = append(toks, Token{Text: text[start:end], Start: start, End: end, Pos: sub.Token().Pos()})
		}
	}
	return toks
}
