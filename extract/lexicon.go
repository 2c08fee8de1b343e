package extract

import "math/bits"

// lexicon holds the words of all the word classes that have a bit
// (class.bit) in one trie, each word with the bits of the classes that
// hold it, so that one walk at a position finds the words of every class
// that start there.
type lexicon struct {
	words *runeTrie[uint64]
}

// newLexicon builds the lexicon of the classes with a bit.
func newLexicon(classes map[string]*class) *lexicon {
	masks := map[string]uint64{}
	for _, c := range classes {
		if c.bit == 0 {
			continue
		}
		for _, e := range c.src.Entries {
			if e.Word != "" {
				masks[e.Word] |= c.bit
			}
		}
	}
	keys := make([]trieKey[uint64], 0, len(masks))
	for w, m := range masks {
		keys = append(keys, trieKey[uint64]{[]rune(w), m})
	}
	return &lexicon{words: newRuneTrie(keys)}
}

// classEnd is a class word found in a document: where it ends, and the
// bits of the classes that hold it.
type classEnd struct {
	end  int32
	mask uint64
}

// classWords holds, for each position of a document, the class words
// that start there, shortest first: ends[first[i]:first[i+1]], and the
// union of their masks in at[i].
type classWords struct {
	first []int32
	ends  []classEnd
	at    []uint64
}

// find fills w with the class words of text.
func (x *lexicon) find(text []rune, w *classWords) {
	w.first = resized(w.first, len(text)+2)
	w.at = resized(w.at, len(text)+1)
	w.ends = w.ends[:0]
	for i := range text {
		w.first[i] = int32(len(w.ends))
		var any uint64
		n := x.words.start(text[i])
		for j := i + 1; n != nil; j++ {
			if n.has {
				w.ends = append(w.ends, classEnd{int32(j), n.val})
				any |= n.val
			}
			if j == len(text) {
				break
			}
			n = x.words.child(n, text[j])
		}
		w.at[i] = any
	}
	w.first[len(text)] = int32(len(w.ends))
	w.first[len(text)+1] = int32(len(w.ends))
}

// wordsAt returns the class words starting at i, shortest first.
func (w *classWords) wordsAt(i int) []classEnd {
	return w.ends[w.first[i]:w.first[i+1]]
}

// has reports whether text[s:e] is a word of the class with bit b.
func (w *classWords) has(b uint64, s, e int) bool {
	if w.at[s]&b == 0 {
		return false
	}
	for _, x := range w.wordsAt(s) {
		if int(x.end) == e {
			return x.mask&b != 0
		}
	}
	return false
}

// bitIndex returns the index of the single bit b.
func bitIndex(b uint64) int { return bits.TrailingZeros64(b) }
