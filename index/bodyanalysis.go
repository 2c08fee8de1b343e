package index

import (
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/document"

	"zongjie/extract"
)

// A body's CJK bigrams leave out those that are words of the body: a word
// query looks for each of its bigrams in the bigram field or in the body's
// words (bigramQuery), so the bigram field needs to hold only the bigrams
// that the segmentation did not make words, inside longer words and
// across word boundaries. That is some 40% fewer bigrams per document.
// The body is segmented once, by whichever of its two fields bleve
// analyses first.

// bodyAnalysis analyses one document's body for its word and bigram
// fields.
type bodyAnalysis struct {
	words analysis.Analyzer // the Chinese analyzer
	given []extract.Token   // the body's search-mode words when the extraction made them
	title string
	body  []byte

	once   sync.Once
	tokens analysis.TokenStream
	used   int // fields served; the tokens are dropped after both
	mu     sync.Mutex
}

// segment analyses the body into words, once: the words the extraction
// made, else the analyzer's.
func (a *bodyAnalysis) segment() analysis.TokenStream {
	a.once.Do(func() {
		if a.given != nil {
			a.tokens = lowercase.NewLowerCaseFilter().Filter(tokenStream(a.given))
			a.given = nil
			return
		}
		a.tokens = a.words.Analyze(a.body)
	})
	return a.tokens
}

// served drops the words once both fields have them.
func (a *bodyAnalysis) served() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.used++; a.used == 2 {
		a.tokens, a.body = nil, nil
	}
}

type analyzerFunc func([]byte) analysis.TokenStream

func (f analyzerFunc) Analyze(b []byte) analysis.TokenStream { return f(b) }

// wordField is the body's field of words.
func (a *bodyAnalysis) wordField(f document.Field) document.Field {
	return document.NewTextFieldCustom(f.Name(), nil, f.Value(), f.Options(), analyzerFunc(func([]byte) analysis.TokenStream {
		defer a.served()
		return a.segment()
	}))
}

// bigramField is the title and body's field of the bigrams that are not
// words of the body.
func (a *bodyAnalysis) bigramField(f document.Field) document.Field {
	return document.NewTextFieldCustom(f.Name(), nil, f.Value(), f.Options(), analyzerFunc(func([]byte) analysis.TokenStream {
		defer a.served()
		words := map[string]struct{}{}
		for _, t := range a.segment() {
			if utf8.RuneCount(t.Term) == 2 {
				words[string(t.Term)] = struct{}{}
			}
		}
		all := bigramAnalyzer{}.Analyze(append([]byte(a.title+"\n"), a.body...))
		kept := all[:0]
		for _, t := range all {
			if _, ok := words[string(t.Term)]; !ok || t.Type != analysis.Double {
				kept = append(kept, t)
			}
		}
		return kept
	}))
}

// analyseBody replaces the body's word and bigram fields of a mapped
// document by fields that share one segmentation: given, the body's
// search-mode words, or when it is nil the analyzer's words. The bigram
// field's own value is not read: its bigrams are those of the title and
// the body.
func analyseBody(doc *document.Document, words analysis.Analyzer, title string, given []extract.Token) {
	a := &bodyAnalysis{words: words, title: title, given: given}
	for i, f := range doc.Fields {
		switch f.Name() {
		case FieldBody:
			a.body = f.Value()
			doc.Fields[i] = a.wordField(f)
		case FieldBodyCJK:
			doc.Fields[i] = a.bigramField(f)
		}
	}
}
