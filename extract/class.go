package extract

import (
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
}

type trieNode struct {
	next  map[rune]*trieNode
	entry int // index+1 of the entry ending here, 0 if none
}

func (n *trieNode) child(r rune) *trieNode {
	if n.next == nil {
		return nil
	}
	return n.next[r]
}

func (n *trieNode) add(word []rune, entry int) {
	for _, r := range word {
		c := n.child(r)
		if c == nil {
			if n.next == nil {
				n.next = map[rune]*trieNode{}
			}
			c = &trieNode{}
			n.next[r] = c
		}
		n = c
	}
	n.entry = entry + 1
}

func compileClass(c *rules.Class) *class {
	k := &class{name: c.Name, root: &trieNode{}, suffixes: &trieNode{}, src: c}
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
	}
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

// longestAt returns the end of the longest class word at text[i].
func (k *class) longestAt(text []rune, i int) (end int, ok bool) {
	n := k.root
	for j := i; j < len(text); j++ {
		n = n.child(text[j])
		if n == nil {
			break
		}
		if n.entry > 0 {
			end, ok = j+1, true
		}
	}
	return end, ok
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
