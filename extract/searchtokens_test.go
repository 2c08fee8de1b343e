package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// searchTokenLines writes the tokens that the index keeps (those with a
// letter or digit), one per line.
func searchTokenLines(toks []Token) []string {
	var out []string
	for _, t := range toks {
		if strings.IndexFunc(t.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			continue
		}
		out = append(out, fmt.Sprintf("%d-%d %s %s", t.Start, t.End, t.Text, t.Pos))
	}
	return out
}

// TestSearchTokensAsGse checks that the search tokens of the extraction's
// own segmentation are the words and sub-words of gse's Segment on the
// sample archive, the seed when present and edge cases.
func TestSearchTokensAsGse(t *testing.T) {
	seg, err := LoadSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"", "消费者协会", "中华人民共和国消费者权益保护法", "GB2760标准 iPhone 12315热线", "区消协 联合\t工商局", "〇二四"}
	for _, d := range sampleDocs(t) {
		texts = append(texts, d.Text)
	}
	if b, err := os.ReadFile("../../shared/seeds/000_086669ac4238d0d5.txt"); err == nil {
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		want := searchTokenLines(seg.gseSearchTokens(text))
		got := searchTokenLines(seg.trieSearchTokens(text))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%.30q: tokens differ from gse's (-gse +own):\n%s", text, diff)
		}
	}
}

// FuzzSearchTokens checks the same on any text.
func FuzzSearchTokens(f *testing.F) {
	for _, s := range []string{"消费者协会", "ABC消费 者", "\xff消费", "中华人民共和国"} {
		f.Add(s)
	}
	seg, err := LoadSegmenter()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !validUTF8(text, []rune(text)) { // not utf8.ValidString: see validUTF8
			return // SearchTokens gives such text to gse
		}
		want := searchTokenLines(seg.gseSearchTokens(text))
		got := searchTokenLines(seg.trieSearchTokens(text))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%q: tokens differ from gse's (-gse +own):\n%s", text, diff)
		}
	})
}
