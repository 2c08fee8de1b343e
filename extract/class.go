package extract

import (
	"strings"
	"unicode/utf8"

	"zongjie/rules"
)

// class is a word class compiled to a trie, for matching at a position and
// for finding which class word ends a string.
type class struct {
	name   string
	root   *trieNode
	maxLen int
	src    *rules.Class
	// suffixes holds the words reversed, for "ends with a word of the class".
	suffixes *trieNode
	breaks   bool // some word holds a clause break
	// bit is the class's bit in the lexicon's masks, 0 for a class
	// without one (there are 64 bits).
	bit uint64
	// lasts holds the last runes of the words, to turn a word away that no
	// word of the class ends (~@class); nil when a word ends beyond the
	// BMP.
	lasts *bmpSet
}

// trieNode is a node of a rune trie. Its children are kept sorted by rune
// (a binary search beats a map for these small fan-outs), and the root
// keeps a hash table of its many children, which turns a rune away in
// about one probe.
type trieNode struct {
	keys  []rune
	kids  []*trieNode
	entry int // index+1 of the entry ending here, 0 if none
	root  bool
	// table holds, by hash of the rune, 1 + the index of a child in keys,
	// 0 for an empty slot; nil where binary search serves.
	table []int32
	shift uint8
}

func (n *trieNode) child(r rune) *trieNode {
	if n.table != nil {
		return n.lookup(r)
	}
	lo, hi := 0, len(n.keys)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch k := n.keys[mid]; {
		case k == r:
			return n.kids[mid]
		case k < r:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return nil
}

// minTable is the fewest children for which a root gets a hash table.
const minTable = 16

func runeHash(r rune, shift uint8) uint32 { return uint32(r) * 0x9E3779B1 >> shift }

// lookup finds a child in the hash table, probing linearly.
func (n *trieNode) lookup(r rune) *trieNode {
	mask := uint32(len(n.table) - 1)
	for h := runeHash(r, n.shift); ; h = (h + 1) & mask {
		switch k := n.table[h]; {
		case k == 0:
			return nil
		case n.keys[k-1] == r:
			return n.kids[k-1]
		}
	}
}

// finish builds the root's hash table once every word is added.
func (n *trieNode) finish() {
	if !n.root || len(n.keys) < minTable {
		return
	}
	bits := uint8(1)
	for 1<<bits < 2*len(n.keys) {
		bits++
	}
	n.table, n.shift = make([]int32, 1<<bits), 32-bits
	mask := uint32(len(n.table) - 1)
	for i, r := range n.keys {
		h := runeHash(r, n.shift)
		for n.table[h] != 0 {
			h = (h + 1) & mask
		}
		n.table[h] = int32(i + 1)
	}
}

func (n *trieNode) add(word []rune, entry int) {
	n.table = nil // finish builds it again
	for _, r := range word {
		c := n.child(r)
		if c == nil {
			c = &trieNode{}
			i := 0
			for i < len(n.keys) && n.keys[i] < r {
				i++
			}
			n.keys = append(n.keys[:i], append([]rune{r}, n.keys[i:]...)...)
			n.kids = append(n.kids[:i], append([]*trieNode{c}, n.kids[i:]...)...)
		}
		n = c
	}
	n.entry = entry + 1
}

func newRoot() *trieNode { return &trieNode{root: true} }

func compileClass(c *rules.Class) *class {
	k := &class{name: c.Name, root: newRoot(), suffixes: newRoot(), src: c}
	for i, e := range c.Entries {
		w := []rune(e.Word)
		k.root.add(w, i)
		rev := make([]rune, len(w))
		for j, r := range w {
			rev[len(w)-1-j] = r
		}
		k.suffixes.add(rev, i)
		if len(w) > k.maxLen {
			k.maxLen = len(w)
		}
		k.breaks = k.breaks || strings.ContainsAny(e.Word, clauseBreaks)
	}
	k.root.finish()
	k.suffixes.finish()
	k.lasts = lastRunes(c.Entries)
	return k
}

// matchEnds appends to ends the end positions of the class words that
// start at text[i], longest first.
func (k *class) matchEnds(text []rune, i int, ends []int) []int {
	start := len(ends)
	n := k.root
	for j := i; j < len(text); j++ {
		n = n.child(text[j])
		if n == nil {
			break
		}
		if n.entry > 0 {
			ends = append(ends, j+1)
		}
	}
	// reverse the appended part: longest first
	for a, b := start, len(ends)-1; a < b; a, b = a+1, b-1 {
		ends[a], ends[b] = ends[b], ends[a]
	}
	return ends
}

// anyAt reports whether a class word starts at text[i].
func (k *class) anyAt(text []rune, i int) bool {
	n := k.root
	for j := i; j < len(text); j++ {
		if n = n.child(text[j]); n == nil {
			return false
		}
		if n.entry > 0 {
			return true
		}
	}
	return false
}

// suffixOf returns the entry of the longest class word that ends text[s:e].
func (k *class) suffixOf(text []rune, s, e int) (rules.Entry, int, bool) {
	n := k.suffixes
	best, bestLen := 0, 0
	for j := e - 1; j >= s; j-- {
		n = n.child(text[j])
		if n == nil {
			break
		}
		if n.entry > 0 {
			best, bestLen = n.entry, e-j
		}
	}
	if best == 0 {
		return rules.Entry{}, 0, false
	}
	return k.src.Entries[best-1], bestLen, true
}

// has reports whether text[s:e] is exactly a word of the class.
func (k *class) has(text []rune, s, e int) bool {
	n := k.root
	for j := s; j < e; j++ {
		if n = n.child(text[j]); n == nil {
			return false
		}
	}
	return n.entry > 0
}

// entry returns the entry for text[s:e].
func (k *class) entry(text []rune, s, e int) (rules.Entry, bool) {
	n := k.root
	for j := s; j < e; j++ {
		if n = n.child(text[j]); n == nil {
			return rules.Entry{}, false
		}
	}
	if n.entry == 0 {
		return rules.Entry{}, false
	}
	return k.src.Entries[n.entry-1], true
}

// holdsAny reports whether a word of the class holds one of the runes of
// chars.
func (k *class) holdsAny(chars string) bool {
	for _, e := range k.src.Entries {
		if strings.ContainsAny(e.Word, chars) {
			return true
		}
	}
	return false
}

// lastRunes returns the set of the last runes of the words, nil when one
// lies beyond the BMP.
func lastRunes(entries []rules.Entry) *bmpSet {
	s := new(bmpSet)
	for _, e := range entries {
		r, _ := utf8.DecodeLastRuneInString(e.Word)
		if r >= 1<<16 {
			return nil
		}
		if e.Word != "" {
			s.add(r)
		}
	}
	return s
}
