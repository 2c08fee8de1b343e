package extract

import (
	"sort"

	"zongjie/rules"
)

// topic is a genre known by its words (genres.tsv), for reports that name
// no observance: a 反诈 campaign has no day of its own.
type topic struct {
	genre  string
	words  []string
	lo, hi int // the words' indices in topicWords.words
}

// topicWords indexes the words of all topics, to count them in one pass
// over a text.
type topicWords struct {
	words   [][]rune         // topic after topic; none is empty (splitList)
	first   runeSet          // their first runes, a test before the map
	byFirst map[rune][]int32 // indices in words, by first rune
}

func (t *tables) loadTopics(tb *rules.Table) {
	x := &t.topicWords
	for _, r := range tb.Rows {
		tp := topic{genre: tb.Cell(r, "genre"), words: splitList(tb.Cell(r, "words"))}
		if tp.genre == "" || len(tp.words) == 0 {
			continue
		}
		tp.lo = len(x.words)
		for _, w := range tp.words {
			x.add(w)
		}
		tp.hi = len(x.words)
		t.topics = append(t.topics, tp)
	}
}

// add indexes the word w.
func (x *topicWords) add(w string) {
	if x.byFirst == nil {
		x.byFirst = map[rune][]int32{}
	}
	r, _ := decodeRune(w, 0)
	x.first.add(r)
	x.byFirst[r] = append(x.byFirst[r], int32(len(x.words)))
	x.words = append(x.words, []rune(w))
}

// count adds to counts[w], times k, the number of times words[w] is in
// the part p, as strings.Count counts it: leftmost first, not
// overlapping. next is scratch space of len(words).
func (x *topicWords) count(p textPart, k int, counts, next []int) {
	clear(next)
	rs := p.rs[:p.starts()]
	for i, r := range rs {
		if !x.first.has(r) {
			continue
		}
		for _, w := range x.byFirst[r] {
			if i >= next[w] && p.hasAt(i, x.words[w]) {
				counts[w] += k
				next[w] = i + len(x.words[w])
			}
		}
	}
}

// topicGenre returns the genre whose words the title and the start of the
// text (the parts read for the genre) name most (the title counts triple), or "" when no genre is named
// in the title or twice in the text.
func (t *tables) topicGenre(title, text textPart) string {
	x := &t.topicWords
	scratch := make([]int, 2*len(x.words))
	counts, next := scratch[:len(x.words)], scratch[len(x.words):]
	x.count(title, 3, counts, next)
	x.count(text, 1, counts, next)
	best, most := "", 1
	for _, tp := range t.topics {
		n := 0
		for _, c := range counts[tp.lo:tp.hi] {
			n += c
		}
		if n > most {
			best, most = tp.genre, n
		}
	}
	return best
}

// textPart is the first reach bytes of a text, as its runes and the byte
// offset of each, then the text's length (analysis.text and analysis.off).
// A word is in the part when all its bytes are.
type textPart struct {
	rs    []rune
	off   []int32
	reach int
}

// newTextPart returns the first reach bytes of s.
func newTextPart(s string, reach int) textPart {
	rs, off, _ := appendRunesAt(nil, nil, s)
	return textPart{rs, off, reach}
}

// starts returns the number of runes that start in the part.
func (p textPart) starts() int {
	return sort.Search(len(p.rs), func(i int) bool { return int(p.off[i]) >= p.reach })
}

// hasAt reports whether the runes w are at rune i, all in the part.
func (p textPart) hasAt(i int, w []rune) bool {
	e := i + len(w)
	return e <= len(p.rs) && int(p.off[e]) <= p.reach && hasAt(p.rs, i, w)
}
