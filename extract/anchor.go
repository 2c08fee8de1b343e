package extract

import (
	"math/bits"
	"slices"
	"strings"

	"zongjie/rules"
)

// anchorIndex holds the distinct anchors of a rule set, so that one pass
// over a document finds where each of them occurs, for all the rules at
// once.
type anchorIndex struct {
	nodes []*node // by anchor id
	// lex finds the literal anchors and those of classes with a bit.
	lex *lexicon
	// slot maps a rune of the Basic Multilingual Plane to 1 + the index in
	// lists of the other literal and class anchors (empty literals, classes
	// without a bit) that can start with it, 0 for none; astral does the
	// same for the other runes.
	slot   []uint16
	lists  [][]int32
	astral map[rune][]int32
	toks   []int32 // ids of the ~@class (word class) anchors
	// tokLasts holds the last runes of the words of those classes; nil when
	// one of them has no such set (a word beyond the BMP)
	tokLasts *bmpSet
	subs     []int32 // ids of the sub-parser anchors
	// followed holds the anchors that count only where an element follows
	// them (anchor.follow), found among the occurrences of the anchor
	// alone.
	followed    []followedAnchor
	followedIDs map[followedKey]int
	ids         map[anchorKey]int
	// lits and byBit gather the anchors for the lexicon.
	lits  []litAnchor
	byBit [64]int32
}

// newAnchorIndex gives each distinct anchor of the rules an id (rules that
// look for the same thing share it) and indexes the anchors in the
// lexicon, or by first rune.
func newAnchorIndex(rs []*compiledRule, classes map[string]*class) *anchorIndex {
	x := &anchorIndex{slot: make([]uint16, 1<<16), astral: map[rune][]int32{}, ids: map[anchorKey]int{}, followedIDs: map[followedKey]int{}}
	for _, r := range rs {
		for i := range r.anchors {
			a := &r.anchors[i]
			a.id = x.id(a.node)
			if a.follow != nil {
				a.id = x.followedID(a.id, a.follow)
			}
		}
		for i := range r.needs {
			for _, n := range r.needs[i].nodes {
				id := x.id(n)
				if f := r.needs[i].follow; f != nil {
					id = x.followedID(id, f)
				}
				r.needs[i].ids = append(r.needs[i].ids, id)
			}
			r.needIDs += len(r.needs[i].ids)
		}
	}
	x.lex = newLexicon(classes, x.lits, x.byBit)
	x.tokLasts = new(bmpSet)
	for _, id := range x.toks {
		c := x.nodes[id].cls
		if c.lasts == nil {
			x.tokLasts = nil
			break
		}
		for i := range x.tokLasts {
			x.tokLasts[i] |= c.lasts[i]
		}
	}
	return x
}

// id returns the id of the anchor n, numbering and indexing it if it is
// new.
func (x *anchorIndex) id(n *node) int {
	key := anchorKey{op: n.op, cls: n.cls, sub: n.sub, lit: string(n.lit)}
	id, ok := x.ids[key]
	if !ok {
		id = len(x.nodes)
		x.ids[key] = id
		x.nodes = append(x.nodes, n)
		x.add(n, int32(id))
	}
	return id
}

// followedAnchor is an anchor that counts only where an element can start
// after it: its occurrences are those of the anchor base where one of the
// element's start tests passes.
type followedAnchor struct {
	id, base int
	tests    []startTest
}

// followedID returns the id of the anchor base (an id) followed by
// follow, numbering it if it is new. Only whether follow can start
// matters, so rules whose follows start alike share it (the count rules'
// measure words).
func (x *anchorIndex) followedID(base int, follow *node) int {
	tests, key := distinctStartTests(follow)
	fk := followedKey{base, key}
	if id, ok := x.followedIDs[fk]; ok {
		return id
	}
	id := len(x.nodes)
	x.nodes = append(x.nodes, x.nodes[base])
	x.followed = append(x.followed, followedAnchor{id, base, tests})
	x.followedIDs[fk] = id
	return id
}

// distinctStartTests returns the start tests of n without repeats, and a
// key that is the same for elements whose tests are.
func distinctStartTests(n *node) ([]startTest, string) {
	var tests []startTest
	var keys []string
	for _, t := range startTests(n) {
		k := t.first.key()
		for _, g := range t.guards {
			k = g.key() + " " + k
		}
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
			tests = append(tests, t)
		}
	}
	slices.Sort(keys)
	return tests, strings.Join(keys, "|")
}

// followedKey identifies a followed anchor: its base's id and the start
// tests of what follows, written out.
type followedKey struct {
	base   int
	follow string
}

// anchorKey identifies what an anchor looks for, so rules share the scan.
type anchorKey struct {
	op  rules.Op
	cls *class
	sub subKind
	lit string
}

// add indexes anchor n under the runes it can start with.
func (x *anchorIndex) add(n *node, id int32) {
	switch n.op {
	case rules.OpLit:
		if len(n.lit) > 0 {
			x.lits = append(x.lits, litAnchor{n.lit, id})
			return
		}
		x.addRune(n.firstRune(), id)
	case rules.OpClass:
		if n.cls.bit != 0 {
			x.byBit[bits.TrailingZeros64(n.cls.bit)] = id + 1
			return
		}
		for _, r := range n.cls.root.keys {
			x.addRune(r, id)
		}
	case rules.OpTokClass:
		x.toks = append(x.toks, id)
	case rules.OpSub:
		x.subs = append(x.subs, id)
	}
}

func (x *anchorIndex) addRune(r rune, id int32) {
	if r >= 1<<16 || r < 0 {
		x.astral[r] = append(x.astral[r], id)
		return
	}
	s := x.slotOf(r)
	x.lists[s] = append(x.lists[s], id)
}

// slotOf returns the index in lists of the BMP rune r, adding one if it
// has none.
func (x *anchorIndex) slotOf(r rune) int {
	if x.slot[r] == 0 {
		x.lists = append(x.lists, nil)
		x.slot[r] = uint16(len(x.lists))
	}
	return int(x.slot[r]) - 1
}

// find fills occ, by anchor id, with the positions where each anchor
// matches in the matcher's document, ascending, and m.words with the
// class words that start at each position.
func (x *anchorIndex) find(m *matcher, occ [][]int) [][]int {
	if cap(occ) < len(x.nodes) {
		occ = make([][]int, len(x.nodes))
	}
	occ = occ[:len(x.nodes)]
	for i := range occ {
		occ[i] = occ[i][:0]
	}
	a := m.a
	x.lex.find(a.text, &m.words, occ)
	if len(x.lists) > 0 || len(x.astral) > 0 {
		x.findListed(m, occ)
	}
	if len(x.toks) > 0 {
		for _, t := range a.toks {
			if x.tokLasts != nil && !x.tokLasts.has(a.text[t.end-1]) {
				continue // no word of those classes ends the word
			}
			for _, id := range x.toks {
				if m.tokClassAt(x.nodes[id].cls, t.start) {
					occ[id] = append(occ[id], t.start)
				}
			}
		}
	}
	for _, id := range x.subs {
		occ[id] = appendSubOccurrences(occ[id], x.nodes[id].sub, a)
	}
	for _, f := range x.followed {
		for _, o := range occ[f.base] {
			if m.followedAt(x.nodes[f.base], o, f.tests) {
				occ[f.id] = append(occ[f.id], o)
			}
		}
	}
	return occ
}

// followedAt reports whether an element with the start tests can start
// after the anchor n where it occurs at o (n.oneEnd), spaces aside.
func (m *matcher) followedAt(n *node, o int, tests []startTest) bool {
	var ends [1]int
	e := m.ends(n, o, ends[:0])
	if len(e) == 0 {
		return false
	}
	p := m.skipSpaces(e[0])
	return p < len(m.a.text) && m.canStartAny(tests, p)
}

// findListed appends to occ the positions of the anchors that the
// lexicon does not find.
func (x *anchorIndex) findListed(m *matcher, occ [][]int) {
	for i, r := range m.a.text {
		var ids []int32
		if r >= 0 && r < 1<<16 {
			if s := x.slot[r]; s != 0 {
				ids = x.lists[s-1]
			}
		} else {
			ids = x.astral[r]
		}
		for _, id := range ids {
			n := x.nodes[id]
			var ok bool
			if n.op == rules.OpLit {
				_, ok = m.literal(n.lit, i)
			} else {
				ok = n.cls.anyAt(m.a.text, i)
			}
			if ok {
				occ[id] = append(occ[id], i)
			}
		}
	}
}

// appendSubOccurrences appends the positions where a sub-parser anchor
// matches, ascending.
func appendSubOccurrences(out []int, kind subKind, a *analysis) []int {
	switch kind {
	case subNum, subPct:
		for _, x := range a.nums {
			if x.Percent == (kind == subPct) {
				out = append(out, x.Start)
			}
		}
	case subDate:
		for _, x := range a.dates {
			out = append(out, x.Start)
		}
	case subPlace, subAnon:
		for _, x := range a.places {
			if x.Anonymised == (kind == subAnon) {
				out = append(out, x.Start)
			}
		}
	case subQuoted:
		for i, r := range a.text {
			if _, ok := quoteCloser(r); ok {
				out = append(out, i)
			}
		}
	case subTitled:
		for i, r := range a.text {
			if r == '《' {
				out = append(out, i)
			}
		}
	}
	return out
}
