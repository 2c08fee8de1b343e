package extract

import (
	"cmp"
	"slices"
	"strings"

	"zongjie/rules"
)

// need is an element that every match of a rule holds at least minOff
// runes after its start: one of the anchors nodes (found in the anchor
// index under ids). When no element before it can hold a clause break,
// it stands in the clause where the match starts; when none can hold a
// clause break but 、, in the start's wide clause (wideClauseStart). A
// start where no occurrence of the need fits is not worth trying.
type need struct {
	nodes  []*node
	ids    []int
	minOff int
	scope  scope
	// follow, when not nil, is the element that every match holds right
	// after the need (its only node): only the occurrences where it can
	// start count, as for a followed anchor.
	follow *node
}

// scope is where a need may stand, from the start of a match: in its
// clause, in its wide clause, or anywhere.
type scope uint8

const (
	inClause scope = iota
	inWideClause
	anywhere
)

// scopeAfter returns where an element after n may stand, from the start
// of n: how far the clause breaks that n may hold reach.
func scopeAfter(n *node) scope {
	switch {
	case !mayHold(n, clauseBreaks):
		return inClause
	case !mayHold(n, wideBreaks):
		return inWideClause
	}
	return anywhere
}

// needs returns the elements that every match of n holds, as far as they
// can be told: atoms that anchors can find (literals, classes, sub-parsers
// with occurrences), or alternations of them, in sequences, captures,
// lookaheads and repeats of at least one.
//
// The needs bound to the start's clause come first, as they rule out the
// most, then those bound to its wide clause, then those with the fewest
// anchors: nextStart stops at the first that rules a start out.
func (n *node) needs() []need {
	var out []need
	n.appendNeeds(0, inClause, &out)
	slices.SortStableFunc(out, func(a, b need) int {
		return cmp.Or(cmp.Compare(a.scope, b.scope), cmp.Compare(len(a.nodes), len(b.nodes)))
	})
	return out
}

func (n *node) appendNeeds(off int, sc scope, out *[]need) {
	switch n.op {
	case rules.OpSeq:
		for i, k := range n.kids {
			before := len(*out)
			k.appendNeeds(off, sc, out)
			if len(*out) == before+1 {
				if nd := &(*out)[before]; len(nd.nodes) == 1 && nd.nodes[0] == k.uncaptured() && k.uncaptured().oneEnd() {
					nd.follow = followOf(n.kids[i+1:])
				}
			}
			off += k.minW
			sc = max(sc, scopeAfter(k))
		}
	case rules.OpCapture, rules.OpAnd:
		n.kids[0].appendNeeds(off, sc, out)
	case rules.OpRepeat:
		if n.min > 0 {
			n.kids[0].appendNeeds(off, sc, out)
		}
	case rules.OpAlt:
		for _, k := range n.kids {
			if !k.findable() {
				return
			}
		}
		*out = append(*out, need{nodes: n.kids, minOff: off, scope: sc})
	default:
		if n.findable() {
			*out = append(*out, need{nodes: []*node{n}, minOff: off, scope: sc})
		}
	}
}

// anchored reports whether the rule's starts meet nd already: nd is at
// the start and is the rule's anchors, and those cannot hold a clause
// break before them, so that every start lies before an occurrence, in
// its clause.
func (c *compiledRule) anchored(nd need) bool {
	if nd.minOff > 0 || len(nd.nodes) != len(c.anchors) {
		return false
	}
	for i, a := range c.anchors {
		if a.breaks || a.node != nd.nodes[i] || a.follow != nd.follow {
			return false
		}
	}
	return true
}

// findable reports whether the anchor index can find where n matches: a
// superset of the positions, at least.
func (n *node) findable() bool {
	switch n.op {
	case rules.OpLit:
		return len(n.lit) > 0
	case rules.OpClass, rules.OpTokClass:
		return true
	case rules.OpSub:
		switch n.sub {
		case subNum, subPct, subDate, subPlace, subAnon, subQuoted, subTitled:
			return true
		}
	}
	return false
}

// mayHold reports whether n may match text holding one of the breaks (a
// string of clause breaks). It errs towards yes: a number may be written
// 1,000, a noun phrase may hold a quoted phrase with a comma, a word may
// be punctuation.
func mayHold(n *node, breaks string) bool {
	switch n.op {
	case rules.OpSeq, rules.OpAlt, rules.OpCapture, rules.OpRepeat:
		for _, k := range n.kids {
			if mayHold(k, breaks) {
				return true
			}
		}
		return false
	case rules.OpNot, rules.OpAnd:
		return false // consumes nothing
	case rules.OpLit:
		return strings.ContainsAny(string(n.lit), breaks)
	case rules.OpClass:
		return n.cls.holdsAny(breaks)
	case rules.OpSub:
		switch n.sub {
		case subPlace, subAnon, subHan, subDigit:
			return false
		}
	}
	return true
}

// nextStart returns the first start at or after i that the needs do not
// rule out (len(text) when they rule out all), and, when that is i, the
// last start up to which they rule out none: every need has an
// occurrence at least its offset after the start, in the start's clause
// unless a clause break may come between. at holds, for each id of each
// need in turn, the index of its first occurrence not before the last
// start asked about (zero before the first); the starts asked about must
// ascend.
func (c *compiledRule) nextStart(m *matcher, i int, at []int) (next, until int) {
	until, x := len(m.a.text), 0
	for k := range c.needs {
		nd := &c.needs[k]
		first := len(m.a.text) // the first start this need allows
		last := -1             // the last start from i on it allows, if i
		for _, id := range nd.ids {
			occ := m.occ[id]
			j := at[x]
			for j < len(occ) && occ[j] < i+nd.minOff {
				j++
			}
			at[x] = j
			x++
			if j == len(occ) {
				continue
			}
			// a start before the clause of occ[j] finds no later
			// occurrence in its clause either
			s := i
			switch nd.scope {
			case inClause:
				s = max(s, m.a.clauseStart(occ[j]))
			case inWideClause:
				s = max(s, m.a.wideClauseStart(occ[j]))
			}
			first = min(first, s)
			if s == i {
				last = max(last, occ[j]-nd.minOff)
			}
		}
		if first > i {
			return first, first - 1 // this need rules out the starts before first
		}
		until = min(until, last)
	}
	return i, until
}

// startsFrom calls try with the starts from lo to hi that the needs do
// not rule out and where the pattern can start (canStartAny), going on
// from the position each call returns. It returns the first position after
// hi that the needs may allow and no match holds: the starts before it are
// done. m.needsUntil is the last start up to which the needs are known to
// allow all, from earlier calls for the same rule with lower positions.
func (c *compiledRule) startsFrom(m *matcher, lo, hi int, at []int, try func(int) int) int {
	i := lo
	for i <= hi {
		if i > m.needsUntil {
			next, u := c.nextStart(m, i, at)
			if next > i {
				i = next
				continue
			}
			m.needsUntil = u
		}
		if c.startsAtAnchors || m.canStartAny(c.firsts, i) {
			i = try(i)
		} else {
			i++
		}
	}
	return i
}
