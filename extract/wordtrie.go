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
	*runeTrie[wordInfo]
	posNames []string // parts of speech by number, "x" first
	posIDs   map[string]uint16
}

// xPos numbers the part of speech "x", of a character that is no word.
const xPos = 0

// wordInfo is a word of a wordTrie: its distance (gse's
// log2(total/freq)) and its part of speech, posNames[pos] ("x" when it has
// none).
type wordInfo struct {
	dist float32
	pos  uint16
	tok  int32 // the word's index in the dictionary's Tokens
}

// pseudoDist is gse's distance of a character that is no word.
const pseudoDist = 32

// newWordTrie builds the trie of the words of d, each under the key that
// d's own trie maps to it.
func newWordTrie(d *gse.Dictionary) *wordTrie {
	t := &wordTrie{posIDs: map[string]uint16{}}
	t.posID("x")
	for i := range d.Tokens {
		t.posID(d.Tokens[i].Pos())
	}
	logTotal := float32(math.Log2(d.TotalFreq()))
	var keys []trieKey[wordInfo]
	for i := range d.Tokens {
		tok := &d.Tokens[i]
		k := tok.Text()
		if v, _, err := d.Value([]byte(k)); err != nil || v != i || k == "" {
			continue // not what the dictionary finds under k
		}
		info := wordInfo{logTotal - float32(math.Log2(tok.Freq())), t.posID(tok.Pos()), int32(i)}
		keys = append(keys, trieKey[wordInfo]{[]rune(k), info})
	}
	t.runeTrie = newRuneTrie(keys)
	return t
}

// posID returns the number of the part of speech pos ("" counts as "x"),
// numbering it if it is new; only newWordTrie adds numbers.
func (t *wordTrie) posID(pos string) uint16 {
	if pos == "" {
		pos = "x"
	}
	id, ok := t.posIDs[pos]
	if !ok {
		id = uint16(len(t.posNames))
		t.posIDs[pos] = id
		t.posNames = append(t.posNames, pos)
	}
	return id
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
	pos  uint16
	tok  int32 // the word's index in the dictionary's Tokens, -1 for none
}

// wordScratch is reusable space for segmentation.
type wordScratch struct {
	units []int32 // rune offset of each unit, then len(text)
	steps []wordStep
	toks  []int32 // after segment: the dictionary token of each word found, -1 for none
}

// segment appends to words and pos the words of text, as gse's Segment
// finds them, in rune offsets, and the numbers of their parts of speech
// (posNames).
func (t *wordTrie) segment(text []rune, s *wordScratch, words []span, pos []uint16) ([]span, []uint16) {
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
	s.toks = s.toks[:0]
	for end := nu - 1; end >= 0; end -= int(steps[end].n) {
		st := steps[end]
		words = append(words, span{int(units[end+1-int(st.n)]), int(units[end+1])})
		pos = append(pos, st.pos)
		s.toks = append(s.toks, st.tok)
	}
	slices.Reverse(words[from:])
	slices.Reverse(pos[from:])
	slices.Reverse(s.toks)
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
	for k := cur; node != nil; {
		i++
		if i == int(units[k+1]) {
			if node.has {
				n := int32(k - cur + 1)
				if first == 0 {
					first = n
				}
				steps[k].offer(base+node.val.dist, n, node.val.pos, node.val.tok)
			}
			k++
		}
		if i == len(text) {
			break
		}
		node = t.child(node, lowered(text[i]))
	}
	if first != 1 {
		steps[cur].offer(base+pseudoDist, 1, xPos, -1)
	}
}

// offer takes the path if it is the first or shorter, as gse's
// updateJumper does.
func (s *wordStep) offer(dist float32, n int32, pos uint16, tok int32) {
	if s.dist == 0 || s.dist > dist {
		*s = wordStep{dist, n, pos, tok}
	}
}
