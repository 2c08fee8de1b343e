package extract

import "math/bits"

// lexicon holds the words of all the word classes that have a bit
// (class.bit), each with the bits of the classes that hold it, and the
// literal anchors of the rules, in one trie, so that one walk at a
// position finds the words of every class and the literal anchors that
// start there.
type lexicon struct {
	words *runeTrie[lexWord]
	// firsts holds the first runes of the words of the BMP: a small table
	// that turns most positions away before the trie's larger one.
	firsts bmpSet
	wide   bool    // some word starts beyond the BMP
	lits   []int32 // the anchor ids of the literals, by lexWord
	// byBit holds, by the index of a class's bit, 1 + the id of the anchor
	// of that class, 0 for none.
	byBit [64]int32
}

// lexWord is a word of the lexicon: the bits of the classes that hold it,
// and the ids of the literal anchors that are it, lits[first:end].
type lexWord struct {
	mask       uint64
	first, end int32
}

// litAnchor is a literal anchor of at least one rune, and its id.
type litAnchor struct {
	lit []rune
	id  int32
}

// newLexicon builds the lexicon of the classes with a bit and of the
// literal anchors; byBit gives the anchor of each class bit.
func newLexicon(classes map[string]*class, lits []litAnchor, byBit [64]int32) *lexicon {
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
	ids := map[string][]int32{}
	for _, l := range lits {
		w := string(l.lit)
		ids[w] = append(ids[w], l.id)
		masks[w] |= 0 // a key of its own
	}
	x := &lexicon{byBit: byBit}
	keys := make([]trieKey[lexWord], 0, len(masks))
	for w, m := range masks {
		first := int32(len(x.lits))
		x.lits = append(x.lits, ids[w]...)
		keys = append(keys, trieKey[lexWord]{[]rune(w), lexWord{m, first, int32(len(x.lits))}})
		if r := keys[len(keys)-1].key[0]; r < 1<<16 {
			x.firsts.add(r)
		} else {
			x.wide = true
		}
	}
	x.words = newRuneTrie(keys)
	return x
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

// find fills w with the class words of text, and appends to occ, by
// anchor id, the positions of the class and literal anchors.
func (x *lexicon) find(text []rune, w *classWords, occ [][]int) {
	w.first = resized(w.first, len(text)+2)
	w.at = resized(w.at, len(text)+1)
	w.ends = w.ends[:0]
	for i := range text {
		w.first[i] = int32(len(w.ends))
		if !x.firsts.has(text[i]) && (!x.wide || text[i] < 1<<16) {
			continue // w.at[i] is 0
		}
		var any uint64
		n := x.words.start(text[i])
		for j := i + 1; n != nil; j++ {
			if n.has {
				v := n.val
				if v.mask != 0 {
					w.ends = append(w.ends, classEnd{int32(j), v.mask})
					any |= v.mask
				}
				if v.first < v.end {
					for _, id := range x.lits[v.first:v.end] {
						occ[id] = append(occ[id], i)
					}
				}
			}
			if j == len(text) {
				break
			}
			n = x.words.child(n, text[j])
		}
		w.at[i] = any
		for ; any != 0; any &= any - 1 {
			if id := x.byBit[bits.TrailingZeros64(any)]; id != 0 {
				occ[id-1] = append(occ[id-1], i)
			}
		}
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
