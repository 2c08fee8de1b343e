package extract

import (
	"math"
	"slices"
	"unicode"

	"github.com/go-ego/gse"
)

// wordTrie is gse's segmentation dictionary as a trie over runes, for the
// analysis's own shortest-path segmentation: the words of gse's Segment,
// found without its allocations and given in rune offsets.
//
// gse cuts text into units (a run of Latin letters and digits, ASCII
// lowered, or any other single character), looks up the dictionary words
// that start at each unit and end at a unit's end, and keeps the path of
// least distance. Walking runes instead of UTF-8 bytes finds the same
// words, since a word's key is the concatenation of its units.
type wordTrie struct {
	root     []int32 // BMP rune → child of the root, 0 for none
	rootWide map[rune]int32
	nodes    []wordNode
	kids     []wordKid
	posNames []string // parts of speech, by wordNode.pos
}

// wordNode is a node of a wordTrie: its children are kids[first:end],
// sorted by rune; when a word ends here, dist is its distance (gse's
// log2(total/freq)) and posNames[pos] its part of speech, "x" when it has
// none; dist is negative when no word ends here.
type wordNode struct {
	first, end int32
	dist       float32
	pos        int32
}

// wordKid is a child of a wordNode.
type wordKid struct {
	r    rune
	node int32
}

// pseudoDist is gse's distance of a character that is no word.
const pseudoDist = 32

type trieKey struct {
	key  []rune
	dist float32
	pos  int32
}

// newWordTrie builds the trie of the words of d, each under the key that
// d's own trie maps to it.
func newWordTrie(d *gse.Dictionary) *wordTrie {
	t := &wordTrie{rootWide: map[rune]int32{}}
	posIDs := map[string]int32{}
	logTotal := float32(math.Log2(d.TotalFreq()))
	var keys []trieKey
	for i := range d.Tokens {
		tok := &d.Tokens[i]
		k := tok.Text()
		if v, _, err := d.Value([]byte(k)); err != nil || v != i || k == "" {
			continue // not what the dictionary finds under k
		}
		pos := tok.Pos()
		if pos == "" {
			pos = "x"
		}
		id, ok := posIDs[pos]
		if !ok {
			id = int32(len(t.posNames))
			posIDs[pos] = id
			t.posNames = append(t.posNames, pos)
		}
		keys = append(keys, trieKey{[]rune(k), logTotal - float32(math.Log2(tok.Freq())), id})
	}
	slices.SortFunc(keys, func(a, b trieKey) int { return slices.Compare(a.key, b.key) })
	t.build(keys)
	return t
}

// build lays out the trie of the sorted keys breadth first, so that the
// children of each node are contiguous.
func (t *wordTrie) build(keys []trieKey) {
	type group struct{ lo, hi, depth int }
	queue := []group{{0, len(keys), 0}}
	for n := 0; n < len(queue); n++ {
		g := queue[n]
		node := wordNode{dist: -1}
		if g.lo < g.hi && len(keys[g.lo].key) == g.depth {
			// keys are unique: only one ends here
			node.dist, node.pos = keys[g.lo].dist, keys[g.lo].pos
			g.lo++
		}
		node.first = int32(len(t.kids))
		for lo := g.lo; lo < g.hi; {
			r := keys[lo].key[g.depth]
			hi := lo + 1
			for hi < g.hi && keys[hi].key[g.depth] == r {
				hi++
			}
			t.kids = append(t.kids, wordKid{r, int32(len(queue))})
			queue = append(queue, group{lo, hi, g.depth + 1})
			lo = hi
		}
		node.end = int32(len(t.kids))
		t.nodes = append(t.nodes, node)
	}
	t.root = make([]int32, 0x10000)
	for _, k := range t.kids[t.nodes[0].first:t.nodes[0].end] {
		if k.r < 0x10000 {
			t.root[k.r] = k.node
		} else {
			t.rootWide[k.r] = k.node
		}
	}
}

// start returns the node of the one-rune key r, 0 for none.
func (t *wordTrie) start(r rune) int32 {
	if r < 0x10000 {
		return t.root[r]
	}
	return t.rootWide[r]
}

// child returns the child of node n under r, 0 for none.
func (t *wordTrie) child(n int32, r rune) int32 {
	kids := t.kids[t.nodes[n].first:t.nodes[n].end]
	if len(kids) <= 8 {
		for _, k := range kids {
			if k.r == r {
				return k.node
			}
		}
		return 0
	}
	lo, hi := 0, len(kids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := kids[m].r; {
		case c == r:
			return kids[m].node
		case c < r:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0
}

// lowered is r as gse looks it up: ASCII letters in lower case.
func lowered(r rune) rune {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// isUnitLetter reports whether gse joins r with its neighbours of the same
// kind into one unit: a letter or digit of one or two UTF-8 bytes.
func isUnitLetter(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r < 0x800 && (unicode.IsLetter(r) || unicode.IsNumber(r))
}

// wordStep is the best path found to the end of a unit: its distance and
// the part of speech of its last word, n units long (pos -1: a character
// that is no word).
type wordStep struct {
	dist float32
	n    int32
	pos  int32
}

// wordScratch is reusable space for segmentation.
type wordScratch struct {
	units []int32 // rune offset of each unit, then len(text)
	steps []wordStep
}

// segment appends to words and pos the words of text, as gse's Segment
// finds them, in rune offsets.
func (t *wordTrie) segment(text []rune, s *wordScratch, words []span, pos []string) ([]span, []string) {
	units := s.units[:0]
	for i := 0; i < len(text); {
		units = append(units, int32(i))
		if isUnitLetter(text[i]) {
			for i++; i < len(text) && isUnitLetter(text[i]); i++ {
			}
		} else {
			i++
		}
	}
	units = append(units, int32(len(text)))
	s.units = units
	nu := len(units) - 1
	steps := resized(s.steps, nu)
	s.steps = steps
	for cur := 0; cur < nu; cur++ {
		t.stepFrom(text, units, steps, cur)
	}
	// read the path back to front, then turn it around
	from := len(words)
	for end := nu - 1; end >= 0; end -= int(steps[end].n) {
		st := steps[end]
		words = append(words, span{int(units[end+1-int(st.n)]), int(units[end+1])})
		p := "x"
		if st.pos >= 0 {
			p = t.posNames[st.pos]
		}
		pos = append(pos, p)
	}
	slices.Reverse(words[from:])
	slices.Reverse(pos[from:])
	return words, pos
}

// stepFrom offers the words starting at unit cur to the paths ending at
// their last units, as gse's segmentWords does.
func (t *wordTrie) stepFrom(text []rune, units []int32, steps []wordStep, cur int) {
	var base float32
	if cur > 0 {
		base = steps[cur-1].dist
	}
	first := int32(0) // units of the shortest word found
	i := int(units[cur])
	node := t.start(lowered(text[i]))
	for k := cur; node != 0; {
		i++
		if i == int(units[k+1]) {
			if w := &t.nodes[node]; w.dist >= 0 {
				n := int32(k - cur + 1)
				if first == 0 {
					first = n
				}
				steps[k].offer(base+w.dist, n, w.pos)
			}
			k++
		}
		if i == len(text) {
			break
		}
		node = t.child(node, lowered(text[i]))
	}
	if first != 1 {
		steps[cur].offer(base+pseudoDist, 1, -1)
	}
}

// offer takes the path if it is the first or shorter, as gse's
// updateJumper does.
func (s *wordStep) offer(dist float32, n, pos int32) {
	if s.dist == 0 || s.dist > dist {
		*s = wordStep{dist, n, pos}
	}
}
