package extract

import (
	"unicode/utf8"

	"zongjie/rules"
)

// compiledRule is a rule ready to run: its anchor is a required element
// that can be found quickly (a literal, a class word, a number …); the rule
// is only tried at starts within reach characters before an occurrence of
// the anchor. Rules without an anchor are tried everywhere.
type compiledRule struct {
	rules.Rule
	order  int // position in the rule set: earlier rules win conflicts
	anchor *rules.Node
	reach  int
}

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

func compileRule(r rules.Rule, order int) *compiledRule {
	c := &compiledRule{Rule: r, order: order, reach: -1}
	kids := []*rules.Node{r.Pattern}
	if r.Pattern.Op == rules.OpSeq {
		kids = r.Pattern.Kids
	}
	before := 0
	for _, k := range kids {
		if a := indexable(k); a != nil {
			c.anchor, c.reach = a, before
			return c
		}
		w := maxWidth(k)
		if w < 0 {
			return c
		}
		before += w
	}
	return c
}

// indexable returns the node to look for when n is a required element that
// can be found by a scan of the document.
func indexable(n *rules.Node) *rules.Node {
	for n.Op == rules.OpCapture {
		n = n.Kids[0]
	}
	switch n.Op {
	case rules.OpLit, rules.OpClass:
		return n
	case rules.OpSub:
		switch n.Text {
		case "num", "pct", "date", "place", "anon", "quoted", "titled":
			return n
		}
	}
	return nil
}

// maxWidth bounds the characters n can match; -1 when unbounded.
func maxWidth(n *rules.Node) int {
	switch n.Op {
	case rules.OpSeq:
		w := 0
		for _, k := range n.Kids {
			kw := maxWidth(k)
			if kw < 0 {
				return -1
			}
			w += kw
		}
		return w
	case rules.OpAlt:
		w := 0
		for _, k := range n.Kids {
			kw := maxWidth(k)
			if kw < 0 {
				return -1
			}
			w = max(w, kw)
		}
		return w
	case rules.OpLit:
		return utf8.RuneCountInString(n.Text)
	case rules.OpClass:
		return 16 // refined by the caller's class table when known
	case rules.OpCapture:
		return maxWidth(n.Kids[0])
	case rules.OpNot, rules.OpAnd:
		return 0
	case rules.OpRepeat:
		kw := maxWidth(n.Kids[0])
		if n.Max < 0 || kw < 0 {
			return -1
		}
		return n.Max * kw
	case rules.OpSub:
		switch n.Text {
		case "num", "pct":
			return 24
		case "date":
			return 32
		case "place", "anon":
			return 24
		case "quoted":
			return quotedMax + 2
		case "titled":
			return titledMax + 2
		case "np", "name":
			return npMaxRunes
		case "han", "digit":
			return 1
		}
	}
	return anyWordRune
}

// starts returns the positions where the rule is worth trying, ascending.
func (c *compiledRule) starts(m *matcher, out []int) []int {
	a := m.a
	n := len(a.text)
	if c.anchor == nil {
		for i := 0; i < n; i++ {
			out = append(out, i)
		}
		return out
	}
	next := 0 // first position not yet added
	add := func(o int) {
		lo := max(o-c.reach, next)
		for i := lo; i <= o && i < n; i++ {
			out = append(out, i)
		}
		next = max(next, o+1)
	}
	forEachOccurrence(c.anchor, m, add)
	return out
}

// forEachOccurrence calls fn, in ascending order, with every position where
// the anchor node matches.
func forEachOccurrence(anchor *rules.Node, m *matcher, fn func(int)) {
	a := m.a
	switch anchor.Op {
	case rules.OpLit:
		first, _ := utf8.DecodeRuneInString(anchor.Text)
		for i, r := range a.text {
			if r == first {
				if _, ok := m.literal(anchor.Text, i); ok {
					fn(i)
				}
			}
		}
	case rules.OpClass:
		c := m.classes[anchor.Text]
		for i, r := range a.text {
			if c.root.child(r) != nil {
				if _, ok := c.longestAt(a.text, i); ok {
					fn(i)
				}
			}
		}
	case rules.OpSub:
		forEachSubOccurrence(anchor.Text, a, fn)
	}
}

func forEachSubOccurrence(name string, a *analysis, fn func(int)) {
	switch name {
	case "num", "pct":
		for _, x := range a.nums {
			if x.Percent == (name == "pct") {
				fn(x.Start)
			}
		}
	case "date":
		for _, x := range a.dates {
			fn(x.Start)
		}
	case "place", "anon":
		for _, x := range a.places {
			if x.Anonymised == (name == "anon") {
				fn(x.Start)
			}
		}
	case "quoted":
		for i, r := range a.text {
			if _, ok := quotePairs[r]; ok {
				fn(i)
			}
		}
	case "titled":
		for i, r := range a.text {
			if r == '《' {
				fn(i)
			}
		}
	}
}

// run finds the rule's matches, leftmost first and not overlapping each
// other.
func (c *compiledRule) run(m *matcher, scratch []int) ([]hit, []int) {
	var hits []hit
	scratch = c.starts(m, scratch[:0])
	next := 0
	for _, i := range scratch {
		if i < next {
			continue
		}
		m.caps = m.caps[:0]
		end := -1
		m.match(c.Pattern, i, func(j int) bool {
			if j <= i {
				return false
			}
			end = j
			return true
		})
		if end < 0 {
			continue
		}
		hits = append(hits, hit{rule: c, start: i, end: end, caps: append([]capture(nil), m.caps...)})
		next = end
	}
	return hits, scratch
}
