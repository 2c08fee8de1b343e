package extract

import (
	"strings"

	"zongjie/rules"
)

// eager reports whether the ends of n at a position can be listed before
// any of them is tried (ends): n captures nothing, takes no continuation
// and holds no other element, so that a sequence, a repeat or a capture
// can loop over its ends instead of handing it a closure. Such elements
// are the leaves of a pattern, alternations of them and optional ones
// (x?). (ends calls no matching, so that the buffers handed to it stay on
// the stack.)
func (n *node) eager() bool {
	switch n.op {
	case rules.OpLit, rules.OpClass, rules.OpTokClass, rules.OpPOS, rules.OpSub:
		return true
	case rules.OpAlt:
		for _, k := range n.kids {
			if !k.eager() {
				return false
			}
		}
		return true
	case rules.OpRepeat:
		return n.max == 1 && n.kids[0].eager()
	}
	return false
}

// ends appends to buf the ends of the eager element n at i, in the order
// match gives them to its continuation.
func (m *matcher) ends(n *node, i int, buf []int) []int {
	a := m.a
	switch n.op {
	case rules.OpLit:
		if j, ok := m.literal(n.lit, i); ok {
			buf = append(buf, j)
		}
	case rules.OpAlt:
		if n.lits != nil {
			return n.lits.appendEnds(a.text, i, buf)
		}
		for _, k := range n.kids {
			buf = m.ends(k, i, buf)
		}
	case rules.OpRepeat: // x? or x{1}: the ends of x past i, then i for x?
		from := len(buf)
		buf = m.ends(n.kids[0], i, buf)
		w := from
		for _, j := range buf[from:] {
			if j > i {
				buf[w] = j
				w++
			}
		}
		buf = buf[:w]
		if n.min == 0 {
			buf = append(buf, i)
		}
	case rules.OpClass:
		buf = m.classEnds(n.cls, i, buf)
	case rules.OpTokClass:
		if m.tokClassAt(n.cls, i) {
			s, _, _ := a.token(i)
			buf = append(buf, s.end)
		}
	case rules.OpPOS:
		if s, pos, ok := a.token(i); ok && strings.HasPrefix(pos, n.text) {
			buf = append(buf, s.end)
		}
	case rules.OpSub:
		buf = m.subEnds(n.sub, i, buf)
	}
	return buf
}

// lookahead reports whether the lookahead n (!x or &x) lets a match go on
// at i.
func (m *matcher) lookahead(n *node, i int) bool {
	saved := len(m.caps)
	found := m.match(n.kids[0], i, func(int) bool { return true })
	m.caps = m.caps[:saved]
	return found == (n.op == rules.OpAnd)
}

// isLookahead reports whether n is a lookahead, which consumes nothing.
func (n *node) isLookahead() bool { return n.op == rules.OpNot || n.op == rules.OpAnd }

// classEnds appends the ends of the words of c at i, longest first.
func (m *matcher) classEnds(c *class, i int, buf []int) []int {
	if !m.classMayStart(c, i) {
		return buf
	}
	if c.bit == 0 {
		return c.matchEnds(m.a.text, i, buf)
	}
	ws := m.words.wordsAt(i)
	for x := len(ws) - 1; x >= 0; x-- {
		if ws[x].mask&c.bit != 0 {
			buf = append(buf, int(ws[x].end))
		}
	}
	return buf
}

// subEnds appends the ends of the sub-parser kind at i, in the order sub
// gives them.
func (m *matcher) subEnds(kind subKind, i int, buf []int) []int {
	a := m.a
	switch kind {
	case subNum, subPct:
		if i < len(a.numAt) && a.numAt[i] > 0 {
			if n := &a.nums[a.numAt[i]-1]; n.Percent == (kind == subPct) {
				buf = append(buf, n.End)
			}
		}
	case subDigit:
		if i < len(a.text) && isDigit(a.text[i]) {
			buf = append(buf, i+1)
		}
	case subDate:
		if d, ok := a.dateAtPos(i); ok {
			buf = append(buf, d.End)
		}
	case subPlace, subAnon:
		if i < len(a.plAt) && a.plAt[i] > 0 {
			if p := &a.places[a.plAt[i]-1]; p.Anonymised == (kind == subAnon) {
				buf = append(buf, p.End)
			}
		}
	case subQuoted:
		if j, ok := quotedAt(a.text, i); ok {
			buf = append(buf, j)
		}
	case subTitled:
		if j, ok := titledAt(a.text, i); ok {
			buf = append(buf, j)
		}
	case subNP:
		buf = m.npEnds(i, m.cachedWord(&m.contentEnds, m.contentWord), m.npTrail, false, buf)
	case subNoun:
		buf = m.npEnds(i, m.cachedWord(&m.contentEnds, m.contentWord), m.npTrail, true, buf)
	case subName:
		buf = m.npEnds(i, m.cachedWord(&m.nameEnds, m.nameWord), nil, false, buf)
	case subHan:
		if i < len(a.text) && isHan(a.text[i]) {
			buf = append(buf, i+1)
		}
	case subTok:
		if s, _, ok := a.token(i); ok {
			buf = append(buf, s.end)
		}
	}
	return buf
}
