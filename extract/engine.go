package extract

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"zongjie/rules"
)

// compiledRule is a rule ready to run. Its anchors are elements that
// every match must contain and that can be found quickly (a literal, a
// class word, a number …); the rule is only tried at starts within the
// anchor's reach before one of its occurrences. A rule without anchors is
// tried everywhere.
type compiledRule struct {
	rules.Rule
	pat     *node
	order   int // position in the rule set: earlier rules win conflicts
	kind    int // index of the rule's kind in Kinds
	anchors []anchor
	// needs are elements every match holds, to turn starts away (meets);
	// needIDs counts their anchor ids.
	needs   []need
	needIDs int
	// top holds the elements of the pattern when it is a sequence of two or
	// more, matched with failures remembered (topSeq); nil otherwise.
	top []*node
	// firsts are the ways the pattern can start, cheapest first: canStart
	// flattened.
	firsts []startTest
	// startsAtAnchors tells that every anchor is where a match starts
	// (reach 0) and is one of the firsts, unguarded: a start found at an
	// occurrence can start the pattern, no need to test it (anchorsStart).
	startsAtAnchors bool
	// confidence is the rule's field confidence=, else defaultConfidence.
	confidence float64
	// counts tells a count rule that is no veto: its hits claim their
	// numbers (matcher.claimed).
	counts bool
	// valueAnchored tells a count rule whose anchors are what its value
	// captures: it need not be tried at a number an earlier rule claimed.
	valueAnchored bool
}

const defaultConfidence = 0.8

// hit is one match of a rule.
type hit struct {
	rule       *compiledRule
	start, end int
	caps       []capture
}

// field returns the span of the named capture, if it captured any text.
func (h hit) field(name string) (span, bool) {
	for i := len(h.caps) - 1; i >= 0; i-- {
		if h.caps[i].name == name && h.caps[i].end > h.caps[i].start {
			return span{h.caps[i].start, h.caps[i].end}, true
		}
	}
	return span{}, false
}

func compileRule(r rules.Rule, order int, classes map[string]*class) (*compiledRule, error) {
	pat := compileNode(r.Pattern, classes)
	c := &compiledRule{Rule: r, pat: pat, order: order, anchors: pat.anchors(), confidence: defaultConfidence}
	kind, ok := kindIndex[Kind(r.Kind)]
	if !ok {
		return nil, fmt.Errorf("%s: unknown kind %q", r.Source, r.Kind)
	}
	c.kind = kind
	c.counts = Kind(r.Kind) == KindCount && !r.Veto
	c.valueAnchored = c.counts && valueAnchored(pat, c.anchors)
	if pat.op == rules.OpSeq && len(pat.kids) > 1 {
		c.top = pat.kids
	}
	c.firsts = startTests(pat)
	c.startsAtAnchors = c.anchorsStart()
	c.needs = slices.DeleteFunc(pat.needs(), c.anchored)
	if v, ok := r.Fields["confidence"]; ok {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > 1 {
			return nil, fmt.Errorf("%s: confidence %q is not a number from 0 to 1", r.Source, v)
		}
		c.confidence = f
	}
	return c, nil
}

// valueAnchored reports whether each of the anchors is the element that
// the capture value= of the top-level sequence holds, or one of the
// alternatives it holds: then every match's value starts at an
// occurrence of an anchor.
func valueAnchored(pat *node, anchors []anchor) bool {
	if pat.op != rules.OpSeq || len(anchors) == 0 {
		return false
	}
	for _, k := range pat.kids {
		if k.op != rules.OpCapture || k.text != "value" {
			continue
		}
		v := k.kids[0]
		for _, a := range anchors {
			if a.node != v && !(v.op == rules.OpAlt && slices.Contains(v.kids, a.node)) {
				return false
			}
		}
		return true
	}
	return false
}

// interval is a range [lo, hi] of start positions.
type interval struct{ lo, hi int }

// starts calls try with the positions where the rule is worth trying,
// ascending. They lie in the spans before the anchors' occurrences
// (anchorSpan), taken in the order of their first starts, and the needs
// allow them. try returns the first position after its start worth trying
// again: past the match it found, so that the positions inside a match
// are not even tested.
func (c *compiledRule) starts(m *matcher, try func(int) int) {
	n := len(m.a.text)
	at := resized(m.needAt, c.needIDs)
	m.needAt = at
	m.needsUntil = -1
	if len(c.needs) == 0 {
		m.needsUntil = n // no need rules a start out
	}
	if c.anchors == nil {
		c.startsFrom(m, 0, n-1, at, try)
		return
	}
	cur := resized(m.anchorAt, len(c.anchors))
	m.anchorAt = cur
	next := 0 // the starts before it are done
	for {
		s, ok := c.nextSpan(m, cur, next)
		if !ok {
			return
		}
		next = max(next, c.startsFrom(m, max(s.lo, next), s.hi, at, try))
	}
}

// nextSpan returns, of the spans of the anchors' occurrences that reach
// next or beyond, the one that starts first, and moves past it. cur holds
// each anchor's index in its occurrences: the spans of one anchor come in
// order, as the occurrences do.
func (c *compiledRule) nextSpan(m *matcher, cur []int, next int) (interval, bool) {
	best, bestAt := interval{}, -1
	for x, a := range c.anchors {
		occ := m.occ[a.id]
		j := cur[x]
		for j < len(occ) && (occ[j] < next || c.valueAnchored && m.claimed[occ[j]]) {
			j++
		}
		cur[x] = j
		if j == len(occ) {
			continue
		}
		if s := c.anchorSpan(m, a, occ[j]); bestAt < 0 || s.lo < best.lo {
			best, bestAt = s, x
		}
	}
	if bestAt < 0 {
		return interval{}, false
	}
	cur[bestAt]++
	return best, true
}

// anchorSpan returns the starts from which a match may reach the
// occurrence o of the anchor a.
// When the elements before the anchor take a known number of whole
// words and the occurrence starts a word, the one start that many words
// before it is the span.
func (c *compiledRule) anchorSpan(m *matcher, a anchor, o int) interval {
	lo := max(o-a.reach, 0)
	if !a.breaks {
		lo = max(lo, m.a.clauseStart(o))
	}
	if a.tokens > 0 && o < len(m.a.tokAt) && m.a.tokAt[o] >= 0 {
		if t := int(m.a.tokAt[o]) - a.tokens; t >= 0 && m.a.toks[t].start >= lo {
			return interval{m.a.toks[t].start, m.a.toks[t].start}
		}
		return interval{o, o - 1} // no start: too few words before it
	}
	return interval{lo, min(o, len(m.a.text)-1)}
}

// anchorsStart reports whether every anchor has reach 0 and is one of the
// start tests without guards: then each start found at an anchor's
// occurrence passes canStartAny.
func (c *compiledRule) anchorsStart() bool {
	if len(c.anchors) == 0 {
		return false
	}
	for _, a := range c.anchors {
		if a.reach != 0 || a.node.op == rules.OpLit && len(a.node.lit) == 0 || !slices.ContainsFunc(c.firsts, func(t startTest) bool {
			return t.first == a.node && len(t.guards) == 0
		}) {
			return false
		}
	}
	return true
}

// canStart is a quick, conservative test of whether n can match at i with
// at least one character: false only when its first element cannot match
// there.
func (m *matcher) canStart(n *node, i int) bool {
	a := m.a
	switch n.op {
	case rules.OpSeq:
		for _, k := range n.kids {
			if m.lookaheadFails(k, i) {
				return false
			}
			if m.canStart(k, i) {
				return true
			}
			if k.minW > 0 {
				return false
			}
		}
		return false
	case rules.OpAlt:
		for _, k := range n.kids {
			if m.canStart(k, i) {
				return true
			}
		}
		return false
	case rules.OpCapture, rules.OpRepeat:
		return m.canStart(n.kids[0], i)
	case rules.OpNot, rules.OpAnd:
		return false // consumes nothing
	case rules.OpLit:
		_, ok := m.literal(n.lit, i)
		return ok && len(n.lit) > 0
	case rules.OpClass:
		return m.classStarts(n.cls, i)
	case rules.OpTokClass:
		return m.tokClassAt(n.cls, i)
	case rules.OpPOS:
		_, pos, ok := a.token(i)
		return ok && strings.HasPrefix(pos, n.text)
	}
	switch n.sub {
	case subNP, subNoun:
		return a.tokAt[i] >= 0 && m.npStarts(i, m.cachedWord(&m.contentEnds, m.contentWord))
	case subName:
		return a.tokAt[i] >= 0 && m.npStarts(i, m.cachedWord(&m.nameEnds, m.nameWord))
	case subTok:
		return a.tokAt[i] >= 0
	case subNum, subPct:
		return a.numAt[i] > 0
	case subDate:
		return a.dateAt[i] > 0
	case subPlace, subAnon:
		return a.plAt[i] > 0
	}
	return true
}

// startTest is one way a pattern can start: its first element can start
// at the position, and none of the lookaheads before it surely fails
// there (lookaheadFails).
type startTest struct {
	guards []*node
	first  *node
}

// startTests flattens canStart for n: n can start at a position when one
// of the tests passes there. They come cheapest first.
func startTests(n *node) []startTest {
	tests := appendStartTests(nil, n, nil)
	slices.SortStableFunc(tests, func(a, b startTest) int {
		return cmp.Compare(startCost(a.first), startCost(b.first))
	})
	return tests
}

// appendStartTests appends the tests of n, each after the guards.
func appendStartTests(tests []startTest, n *node, guards []*node) []startTest {
	switch n.op {
	case rules.OpSeq:
		for _, k := range n.kids {
			if canFailAhead(k) {
				guards = append(slices.Clip(guards), k)
			}
			tests = appendStartTests(tests, k, guards)
			if k.minW > 0 {
				break
			}
		}
		return tests
	case rules.OpAlt:
		for _, k := range n.kids {
			tests = appendStartTests(tests, k, guards)
		}
		return tests
	case rules.OpCapture, rules.OpRepeat:
		return appendStartTests(tests, n.kids[0], guards)
	case rules.OpNot, rules.OpAnd:
		return tests // consumes nothing
	}
	return append(tests, startTest{guards: slices.Clip(guards), first: n})
}

// startCost ranks the first elements by the cost of canStart.
func startCost(n *node) int {
	switch n.op {
	case rules.OpLit, rules.OpPOS:
		return 1
	case rules.OpClass, rules.OpTokClass:
		return 2
	}
	switch n.sub {
	case subNP, subNoun, subName:
		return 3
	case subQuoted, subTitled:
		return 1
	}
	return 0
}

// canStartAny reports whether one of the tests passes at i.
func (m *matcher) canStartAny(tests []startTest, i int) bool {
next:
	for _, t := range tests {
		for _, g := range t.guards {
			if m.lookaheadFails(g, i) {
				continue next
			}
		}
		if m.canStart(t.first, i) {
			return true
		}
	}
	return false
}

// canFailAhead reports whether n is a lookahead that lookaheadFails can
// find failing.
func canFailAhead(n *node) bool {
	if n.op != rules.OpAnd {
		return false
	}
	switch x := n.kids[0]; x.op {
	case rules.OpLit, rules.OpClass, rules.OpTokClass, rules.OpPOS, rules.OpSub:
		return x.minW > 0
	}
	return false
}

// lookaheadFails reports whether n is a lookahead (&x) that surely fails
// at i: x is one element that takes at least one character and cannot
// start there. At a space, where a sequence skips ahead, it says nothing.
func (m *matcher) lookaheadFails(n *node, i int) bool {
	if n.op != rules.OpAnd || m.skipSpaces(i) != i {
		return false
	}
	switch x := n.kids[0]; x.op {
	case rules.OpLit, rules.OpClass, rules.OpTokClass, rules.OpPOS, rules.OpSub:
		return x.minW > 0 && !m.canStart(x, i)
	}
	return false
}

// run appends the rule's matches to hits, leftmost first and not
// overlapping each other.
func (c *compiledRule) run(m *matcher, hits []hit) []hit {
	m.failed.reset(len(c.top), len(m.a.text))
	c.starts(m, func(i int) int {
		m.caps = m.caps[:0]
		end := -1
		accept := func(j int) bool {
			if j <= i {
				return false
			}
			end = j
			return true
		}
		if c.top != nil {
			m.topSeq(c.top, 0, i, i, accept)
		} else {
			m.match(c.pat, i, accept)
		}
		if end < 0 {
			return i + 1
		}
		h := hit{rule: c, start: i, end: end, caps: m.keepCaps()}
		if c.counts {
			if v, ok := h.field("value"); ok {
				m.claimed[v.start] = true
			}
		}
		hits = append(hits, h)
		return end
	})
	return hits
}

// topSeq matches kids[t:], the rest of a rule's top-level sequence, at p
// for a match starting at start, as seq does. Whether the rest matches at
// a position after the start does not depend on the start (any end is
// past it), so a failure there is remembered for the later starts.
func (m *matcher) topSeq(kids []*node, t, p, start int, k func(int) bool) bool {
	if t == len(kids)-1 {
		return m.match(kids[t], p, k)
	}
	known := p > start
	if known && m.failed.has(t, p) {
		return false
	}
	ok := false
	if kids[t].isLookahead() {
		ok = m.lookahead(kids[t], p) && m.topSeq(kids, t+1, m.skipSpaces(p), start, k)
	} else if kids[t].isEager {
		var buf [16]int
		for _, j := range m.ends(kids[t], p, buf[:0]) {
			if ok = m.topSeq(kids, t+1, m.skipSpaces(j), start, k); ok {
				break
			}
		}
	} else {
		ok = m.match(kids[t], p, func(j int) bool { return m.topSeq(kids, t+1, m.skipSpaces(j), start, k) })
	}
	if !ok && known {
		m.failed.add(t, p)
	}
	return ok
}

// failSet is a set of (element, position) pairs, a bit each: small
// enough to stay in the cache, and cleared for each rule.
type failSet struct {
	width int
	bits  []uint64
}

// reset empties the set and readies it for elements below kids and
// positions up to n.
func (f *failSet) reset(kids, n int) {
	f.width = n + 1
	words := (kids*f.width + 63) / 64
	if cap(f.bits) < words {
		f.bits = make([]uint64, words)
	}
	f.bits = f.bits[:words]
	clear(f.bits)
}

func (f *failSet) has(t, p int) bool {
	b := t*f.width + p
	return f.bits[b/64]&(1<<(b%64)) != 0
}

func (f *failSet) add(t, p int) {
	b := t*f.width + p
	f.bits[b/64] |= 1 << (b % 64)
}

// keepCaps returns a copy of the captures, from a buffer the matcher
// keeps for the document.
func (m *matcher) keepCaps() []capture {
	if len(m.caps) == 0 {
		return nil
	}
	n := len(m.capBuf)
	m.capBuf = append(m.capBuf, m.caps...)
	return m.capBuf[n:len(m.capBuf):len(m.capBuf)]
}
