package extract

import (
	"reflect"
	"testing"

	"zongjie/corpus"
)

// TestExtractWithWords checks that the words given with the facts are the
// words SearchTokens gives, and the facts those of Extract, for the sample
// archive, a short text and a text that is not valid UTF-8.
func TestExtractWithWords(t *testing.T) {
	e := newTestExtractor(t)
	seg, err := LoadSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	docs := append(sampleDocs(t),
		corpus.Document{ID: "short", Text: "区消协发放宣传资料1000余份。"},
		corpus.Document{ID: "invalid", Text: "区消协发放宣传资料\xff1000余份，出动执法人员50人次。" + string(make([]byte, 300))},
	)
	trie := 0
	for _, d := range docs {
		rec, words := e.ExtractWithWords(d)
		if want := e.Extract(d); !reflect.DeepEqual(rec, want) {
			t.Errorf("%s: the facts differ from Extract's", d.ID)
		}
		if want := seg.SearchTokens(d.Text); !reflect.DeepEqual(words, want) {
			t.Errorf("%s: %d words, SearchTokens gives %d", d.ID, len(words), len(want))
			for i := range words {
				if i < len(want) && words[i] != want[i] {
					t.Errorf("word %d: %+v, want %+v", i, words[i], want[i])
					break
				}
			}
		}
		if len(d.Text) >= searchTrieMin {
			trie++
		}
	}
	if trie < 10 {
		t.Errorf("only %d documents long enough for the trie's words", trie)
	}
}
