package extract

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"zongjie/rules"
)

// subKind is a sub-parser of the pattern language (<num>, <np> …).
type subKind uint8

const (
	subNone subKind = iota
	subNum
	subPct
	subDigit
	subDate
	subPlace
	subAnon
	subQuoted
	subTitled
	subNP
	subNoun
	subName
	subHan
	subTok
)

var subKinds = map[string]subKind{
	"num": subNum, "pct": subPct, "digit": subDigit, "date": subDate, "place": subPlace,
	"anon": subAnon, "quoted": subQuoted, "titled": subTitled, "np": subNP, "noun": subNoun, "name": subName,
	"han": subHan, "tok": subTok,
}

// node is a pattern element compiled for matching: classes and
// sub-parsers are resolved, and widths known.
type node struct {
	op       rules.Op
	text     string // capture name, part of speech
	lit      []rune
	cls      *class
	sub      subKind
	min, max int
	kids     []*node
	lits     *litAlt // an OpAlt of literals only, matched in one loop
	minW     int     // the fewest characters it matches
	maxW     int     // the most characters it matches; -1 unbounded
	breaks   bool
	isEager  bool // eager: its ends can be listed at once (ends)
}

// The limits of the open-ended sub-parsers.
const (
	npMaxWords  = 8
	npMaxRunes  = 24
	quotedMax   = 64
	titledMax   = 80
	anyWordRune = 12 // the widest word assumed when bounding a rule's reach
)

// clauseBreaks are the characters that end a clause.
const clauseBreaks = "，,。；;！!？?：:、\n"

// wideBreaks are the clause breaks but the enumeration comma 、: they end
// a wide clause, which may hold a list (甲、乙和丙).
const wideBreaks = "，,。；;！!？?：:\n"

func isClauseBreak(r rune) bool {
	switch r {
	case '，', ',', '。', '；', ';', '！', '!', '？', '?', '：', ':', '、', '\n':
		return true
	}
	return false
}

func compileNode(r *rules.Node, classes map[string]*class) *node {
	n := &node{op: r.Op, text: r.Text, min: r.Min, max: r.Max}
	for _, k := range r.Kids {
		n.kids = append(n.kids, compileNode(k, classes))
	}
	switch r.Op {
	case rules.OpLit:
		n.lit = []rune(r.Text)
	case rules.OpClass, rules.OpTokClass:
		n.cls = classes[r.Text] // the loader has checked that it exists
	case rules.OpSub:
		n.sub = subKinds[r.Text]
	case rules.OpAlt:
		n.lits = newLitAlt(n.kids)
	}
	n.minW, n.maxW, n.breaks = n.widths()
	n.isEager = n.eager()
	return n
}

// widths bounds the characters n matches, and tells whether it can match
// a clause break. A noun phrase is taken to stay within its clause, though
// a quoted phrase inside it may hold a comma.
func (n *node) widths() (least, most int, breaks bool) {
	switch n.op {
	case rules.OpSeq:
		for _, k := range n.kids {
			least += k.minW
			most = addWidth(most, k.maxW)
			breaks = breaks || k.breaks
		}
		return least, most, breaks
	case rules.OpAlt:
		least = -1
		for _, k := range n.kids {
			if least < 0 || k.minW < least {
				least = k.minW
			}
			if most >= 0 && (k.maxW < 0 || k.maxW > most) {
				most = k.maxW
			}
			breaks = breaks || k.breaks
		}
		return max(least, 0), most, breaks
	case rules.OpCapture:
		k := n.kids[0]
		return k.minW, k.maxW, k.breaks
	case rules.OpNot, rules.OpAnd:
		return 0, 0, false
	case rules.OpRepeat:
		k := n.kids[0]
		most = -1
		if n.max >= 0 && k.maxW >= 0 {
			most = n.max * k.maxW
		}
		return n.min * k.minW, most, k.breaks
	case rules.OpLit:
		return len(n.lit), len(n.lit), strings.ContainsAny(string(n.lit), clauseBreaks)
	case rules.OpClass:
		return 1, n.cls.maxLen, n.cls.breaks
	case rules.OpTokClass, rules.OpPOS:
		return 1, anyWordRune, false
	}
	switch n.sub {
	case subNum, subPct:
		return 1, 24, false
	case subDate:
		return 1, 32, true
	case subPlace, subAnon:
		return 1, 24, false
	case subQuoted:
		return 3, quotedMax + 2, true
	case subTitled:
		return 3, titledMax + 2, true
	case subNP, subNoun, subName:
		return 1, npMaxRunes, false
	case subHan, subDigit:
		return 1, 1, false
	}
	return 1, anyWordRune, true // <tok>
}

func addWidth(a, b int) int {
	if a < 0 || b < 0 {
		return -1
	}
	return a + b
}

// anchor is an element every match contains that can be found quickly,
// and how far before it a match can start. When the elements before it can
// match no clause break, a match starts after the last one.
type anchor struct {
	node   *node
	id     int // index in the rule set's anchorIndex
	reach  int
	breaks bool
	// tokens is, when the elements before the anchor take whole words
	// only, how many (a part of speech, <tok>): then a match starts that
	// many words before an anchor that starts a word. -1 otherwise.
	tokens int
	// follow, when not nil, is the element that every match holds right
	// after the anchor (spaces aside): an occurrence of the anchor counts
	// only where it can start (<num> then @unit).
	follow *node
}

// anchors returns the elements one of which every match of n contains,
// with their reach, or nil when there are none.
func (n *node) anchors() []anchor {
	switch n.op {
	case rules.OpLit, rules.OpClass, rules.OpTokClass:
		return []anchor{{node: n}}
	case rules.OpSub:
		switch n.sub {
		case subNum, subPct, subDate, subPlace, subAnon, subQuoted, subTitled:
			return []anchor{{node: n}}
		}
	case rules.OpCapture:
		return n.kids[0].anchors()
	case rules.OpRepeat:
		if n.min > 0 {
			return n.kids[0].anchors()
		}
	case rules.OpAlt:
		var all []anchor
		for _, k := range n.kids {
			a := k.anchors()
			if a == nil {
				return nil
			}
			all = append(all, a...)
		}
		return all
	case rules.OpSeq:
		before, breaks, toks := 0, false, 0
		for at, k := range n.kids {
			if a := k.anchors(); a != nil {
				for i := range a {
					a[i].reach += before
					a[i].breaks = a[i].breaks || breaks
					a[i].tokens = addWidth(a[i].tokens, toks)
				}
				if len(a) == 1 && a[0].follow == nil && a[0].node == k.uncaptured() && a[0].node.oneEnd() {
					a[0].follow = followOf(n.kids[at+1:])
				}
				return a
			}
			if k.maxW < 0 {
				return nil
			}
			before += k.maxW
			breaks = breaks || k.breaks
			toks = addWidth(toks, k.wholeWords())
		}
	}
	return nil
}

// key writes n out, so that elements written alike have the same key.
func (n *node) key() string {
	var b strings.Builder
	n.writeKey(&b)
	return b.String()
}

func (n *node) writeKey(b *strings.Builder) {
	fmt.Fprintf(b, "(%d %q %q %d %d %d", n.op, n.text, string(n.lit), n.sub, n.min, n.max)
	if n.cls != nil {
		b.WriteString(" @" + n.cls.name)
	}
	for _, k := range n.kids {
		b.WriteByte(' ')
		k.writeKey(b)
	}
	b.WriteByte(')')
}

// uncaptured returns the element a capture holds, and n itself when it is
// no capture.
func (n *node) uncaptured() *node {
	for n.op == rules.OpCapture {
		n = n.kids[0]
	}
	return n
}

// oneEnd reports whether an anchor element matches with one end only where
// it occurs, which followedAt can find: a number, a percentage or a
// literal.
func (n *node) oneEnd() bool {
	switch n.op {
	case rules.OpLit:
		return len(n.lit) > 0
	case rules.OpSub:
		return n.sub == subNum || n.sub == subPct
	}
	return false
}

// followOf returns the first of kids that is no lookahead, when it takes
// at least one character: every match of a sequence holds it right after
// the elements before kids. Else nil.
func followOf(kids []*node) *node {
	for _, k := range kids {
		if k.isLookahead() {
			continue
		}
		if k.minW > 0 {
			return k
		}
		return nil
	}
	return nil
}

// wholeWords returns how many whole words n takes, when it takes whole
// words only and always as many: 1 for a part of speech or <tok>, 0 for
// a lookahead; -1 otherwise.
func (n *node) wholeWords() int {
	switch n.op {
	case rules.OpPOS:
		return 1
	case rules.OpNot, rules.OpAnd:
		return 0
	case rules.OpSub:
		if n.sub == subTok {
			return 1
		}
	case rules.OpCapture:
		return n.kids[0].wholeWords()
	case rules.OpSeq:
		w := 0
		for _, k := range n.kids {
			w = addWidth(w, k.wholeWords())
		}
		return w
	}
	return -1
}

// firstRune returns the first rune of a literal.
func (n *node) firstRune() rune {
	r, _ := utf8.DecodeRuneInString(string(n.lit))
	return r
}
