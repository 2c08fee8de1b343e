package extract

import (
	"slices"
	"testing"

	"zongjie/rules"
)

// TestLexiconAsClasses checks that the lexicon finds, on the sample
// texts, the words that each class's own trie finds: the same starts, the
// same ends, the same exact words, the same words ending a span; and the
// literal and class anchors where they match.
func TestLexiconAsClasses(t *testing.T) {
	e := newTestExtractor(t)
	texts := [][]rune{[]rune(""), []rune("局"), []rune("市场监督管理局和消费者协会发放宣传资料1000余份")}
	for _, d := range sampleDocs(t) {
		texts = append(texts, []rune(d.Text))
	}
	var m matcher
	w := &m.words
	for _, text := range texts {
		occ := make([][]int, len(e.anchors.nodes))
		e.anchors.lex.find(text, w, occ)
		m.a = &analysis{text: text}
		for id, n := range e.anchors.nodes {
			if slices.ContainsFunc(e.anchors.followed, func(f followedAnchor) bool { return f.id == id }) {
				continue // found by anchorIndex.find among its base's occurrences
			}
			var want []int
			for i := range text {
				if _, ok := m.literal(n.lit, i); ok && n.op == rules.OpLit && len(n.lit) > 0 ||
					n.op == rules.OpClass && n.cls.bit != 0 && n.cls.anyAt(text, i) {
					want = append(want, i)
				}
			}
			if !slices.Equal(occ[id], want) {
				t.Fatalf("anchor %d (%q, %s): occurrences %v, want %v", id, string(n.lit), n.text, occ[id], want)
			}
		}
		for name, c := range e.classes {
			if c.bit == 0 {
				continue
			}
			for i := range text {
				want := c.matchEnds(text, i, nil)
				var got []int
				ws := w.wordsAt(i)
				for x := len(ws) - 1; x >= 0; x-- {
					if ws[x].mask&c.bit != 0 {
						got = append(got, int(ws[x].end))
					}
				}
				if !slices.Equal(got, want) {
					t.Fatalf("%s at %d of %q: ends %v, want %v", name, i, string(text[i:min(i+8, len(text))]), got, want)
				}
				if start := w.at[i]&c.bit != 0; start != c.anyAt(text, i) {
					t.Fatalf("%s at %d: start %v, want %v", name, i, start, !start)
				}
				for e := i + 1; e <= min(i+c.maxLen+1, len(text)); e++ {
					if got, want := w.has(c.bit, i, e), c.has(text, i, e); got != want {
						t.Fatalf("%s has %q: %v, want %v", name, string(text[i:e]), got, want)
					}
					_, n, found := c.suffixOf(text, i, e)
					if got, want := m.endsWithShorter(c, span{i, e}), found && n < e-i; got != want {
						t.Fatalf("%s ends %q with a shorter word: %v, want %v", name, string(text[i:e]), got, want)
					}
				}
			}
		}
	}
}
