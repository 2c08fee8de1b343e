package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scan is the state of one Find call.
type scan struct {
	g    *Gazetteer
	text []rune
	s    string  // text as a string
	off  []int32 // off[i] is the byte offset of rune i in s; off[len(text)] == len(s)
	// afterEnd is 1 + the end suffixAfter was last asked about, 0 for
	// none; after is its answer.
	afterEnd int
	after    bool
	ev       evidence // space for resolve
	buf      scanBuffers
}

// scanBuffers is space that a scan reuses from one text to the next.
type scanBuffers struct {
	hits          []nameHit
	first, chosen []match // the two rounds of choose
	covered       []bool  // for addPatterns
	// marks holds the positions of the runes of placeMarks, in order, for
	// the scans after nameHits
	marks []int32
	ctx   divSet // the divisions named by the first round
	// cands holds the candidates of the matches, which are slices of it
	cands, other []cand
}

// nameHit is a name found in the text, before the choice between overlapping ones.
type nameHit struct {
	start, end int
	e          *entry // nil for an anonymised name
	level      string // level of an anonymised name
}

// match is a chosen place.
type match struct {
	start, end int
	cands      []cand // divisions it may name; none for pattern and anonymised places
	level      string // level of a pattern or anonymised place
	anon       bool
	div        int32 // resolved division, -1 if none
}

// newScan readies a scan of text, whose string form is s and rune
// offsets off, reusing the buffers of sc when it is not nil.
func newScan(g *Gazetteer, text []rune, s string, off []int32, sc *scan) *scan {
	if sc == nil {
		sc = &scan{}
	}
	*sc = scan{g: g, text: text, s: s, off: off, ev: sc.ev, buf: sc.buf}
	return sc
}

func (sc *scan) sub(i, j int) string { return sc.s[sc.off[i]:sc.off[j]] }

// hasAt reports whether the text at rune offset i starts with w.
func (sc *scan) hasAt(i int, w string) bool {
	return i <= len(sc.text) && strings.HasPrefix(sc.s[sc.off[i]:], w)
}

// hits finds every indexed name and anonymised name, ordered by start and
// then longest first.
func (sc *scan) nameHits() []nameHit {
	hs := sc.buf.hits[:0]
	n := len(sc.text)
	g, t := sc.g, sc.text
	marks := sc.buf.marks[:0]
	for i := 0; i < n; i++ {
		a := t[i]
		if placeMarks.has(a) {
			marks = append(marks, int32(i))
		}
		if i+1 == n || !g.firsts.has(a) || !g.seconds.has(t[i+1]) || !g.pairs.has(a, t[i+1]) { // mayStart, inlined
			continue
		}
		from := len(hs)
		sc.walkNames(i, func(end int, e *entry) bool {
			hs = append(hs, nameHit{start: i, end: end, e: e})
			return false
		})
		slices.Reverse(hs[from:]) // longest first
	}
	sc.buf.marks = marks
	names := len(hs)
	hs = sc.appendAnonHits(hs)
	if len(hs) > names { // the names are in order already
		slices.SortStableFunc(hs, func(a, b nameHit) int {
			return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
		})
	}
	sc.buf.hits = hs
	return hs
}

// walkNames calls f with the end and entry of each indexed name starting
// at i, shortest first, until f returns true.
func (sc *scan) walkNames(i int, f func(end int, e *entry) bool) {
	t := sc.g.names
	node := t.start(sc.text[i])
	for j := i + 1; node != nil && j < len(sc.text); j++ {
		node = t.child(node, sc.text[j])
		if node != nil && node.has && f(j+1, node.val) {
			return
		}
	}
}

// choose picks, left to right, the longest acceptable nameHit. A stop word
// that is the longest nameHit blocks the names inside it. With ctx nil only
// names that need no confirmation are accepted; ctx is the set of
// divisions those named. The matches are appended to ms.
func (sc *scan) choose(hits []nameHit, ctx divSet, ms []match) []match {
	pos := 0
	for k, h := range hits {
		if h.start < pos {
			continue
		}
		if h.e != nil && sc.overtaken(h, hits[k+1:]) {
			continue
		}
		if h.e == nil {
			ms = append(ms, match{start: h.start, end: h.end, level: h.level, anon: true, div: -1})
			pos = h.end
			continue
		}
		var prev []cand
		if len(ms) > 0 && ms[len(ms)-1].end == h.start {
			prev = ms[len(ms)-1].cands
		}
		if cands := sc.accept(h, prev, ctx); len(cands) > 0 {
			ms = append(ms, match{start: h.start, end: h.end, cands: cands, div: -1})
			pos = h.end
		} else if h.e.stop {
			pos = h.end
		}
	}
	return ms
}

// overtaken reports a name with no full reading whose last characters
// start a full name running past it: 和田 in 和田东县 (…局和田东县禁毒办),
// where the full 田东县 stands and 和 is a conjunction. rest holds the hits
// after h, ordered by start.
func (sc *scan) overtaken(h nameHit, rest []nameHit) bool {
	if h.e.stop || hasKind(h.e.cands, kindFull) { // a stop word blocks what it holds (当天全县)
		return false
	}
	for _, o := range rest {
		if o.start >= h.end {
			return false
		}
		if o.start > h.start && o.end > h.end && o.e != nil && !o.e.stop && hasKind(o.e.cands, kindFull) && !sc.brokenFull(o) {
			return true
		}
	}
	return false
}

// hasKind reports whether one of the candidates is of kind k.
func hasKind(cands []cand, k nameKind) bool {
	return slices.ContainsFunc(cands, func(c cand) bool { return c.kind == k })
}

// accept returns the candidates of h that stand. A name right after one of
// its ancestors (聊城市东昌府区, 湖州织里) stands, and only the candidates
// under that ancestor are kept. A stop word stands only right after its
// parent (晋城市城区, but not 四川南部).
func (sc *scan) accept(h nameHit, prev []cand, ctx divSet) []cand {
	// chained grows at the end of sc.buf.cands, other in sc.buf.other
	from := len(sc.buf.cands)
	chained, other := sc.buf.cands, sc.buf.other[:0]
	for _, c := range h.e.cands {
		switch {
		case sc.g.underAny(c.div, prev, h.e.stop) && !sc.shortBroken(h, c):
			chained = append(chained, c)
		case !h.e.stop && sc.confirmed(h, c, ctx):
			other = append(other, c)
		}
	}
	if len(chained) == from && len(other) == 0 && (len(prev) > 0 || ctx != nil) {
		// An ambiguous short name stands right after its parent (南京市鼓楼), or
		// where the document names its division in full (鼓楼区 … 美丽鼓楼); a
		// short name that is also a common word (城关) only before an
		// organisation word (城关区 … 城关公安分局). With no name before it
		// and no context, none can stand.
		for _, c := range h.e.ambig {
			switch {
			case sc.shortBroken(h, c):
			case sc.g.underAny(c.div, prev, false):
				chained = append(chained, c)
			case ctx != nil && ctx.has(c.div) && (!h.e.stop || sc.followed(h.end)):
				other = append(other, c)
			}
		}
	}
	sc.buf.other = other
	if len(chained) == from {
		chained = append(chained, other...)
	}
	sc.buf.cands = chained
	return chained[from:len(chained):len(chained)]
}

// confirmed applies the rules of c's name kind to a name that does not
// follow one of its ancestors (accept takes those).
func (sc *scan) confirmed(h nameHit, c cand, ctx divSet) bool {
	if sc.shortBroken(h, c) {
		return false
	}
	switch c.kind {
	case kindFull:
		return !sc.brokenFull(h)
	case kindShort:
		return true
	}
	if ctx == nil {
		return false
	}
	switch c.kind {
	case kindFullWeak:
		if sc.joinedLeft(h) {
			return sc.g.ancestorIn(c.div, ctx, levelRank[LevelCity])
		}
		return sc.followed(h.end) || sc.g.ancestorIn(c.div, ctx, levelRank[LevelCity])
	case kindShortCounty:
		return sc.followed(h.end) || sc.g.ancestorIn(c.div, ctx, levelRank[LevelProvince])
	case kindShortTownship:
		return sc.followed(h.end) && sc.g.ancestorIn(c.div, ctx, levelRank[LevelCity])
	case kindFullVerb:
		return sc.g.ancestorIn(c.div, ctx, levelRank[LevelCity])
	}
	return false
}

// joinedLeft reports a name whose first character is a one-character left
// word (和, 与, 随) right after another Han character: in 市教育局和县公安局
// the 和 joins two bodies, and 和县 is no place unless the document names
// its city or province.
func (sc *scan) joinedLeft(h nameHit) bool {
	return h.start > 0 && sc.g.boundary[sc.text[h.start]] && unicode.Is(unicode.Han, sc.text[h.start-1])
}

// brokenFull reports a full name whose suffix starts a longer word:
// 河北区 in 河北区域, 东兴市 in 东兴市场.
func (sc *scan) brokenFull(h nameHit) bool { return sc.brokenSuffix(h.end) }

// brokenSuffix reports a division suffix ending at end that starts a longer
// word: 区域, 市场.
func (sc *scan) brokenSuffix(end int) bool {
	if end >= len(sc.text) {
		return false
	}
	last, next := sc.text[end-1], sc.text[end]
	return (last == '区' && next == '域') || (last == '市' && next == '场')
}

// shortBroken reports a short name followed by a breaker.
func (sc *scan) shortBroken(h nameHit, c cand) bool {
	switch c.kind {
	case kindShort, kindShortCounty, kindShortTownship:
		return sc.suffixAfter(h.end)
	}
	return false
}

// suffixAfter reports a breaker at end that does not start a place name of
// its own (台州路桥区 is 台州 and 路桥区).
func (sc *scan) suffixAfter(end int) bool {
	if sc.afterEnd != end+1 { // accept asks again for each candidate of a name
		sc.afterEnd, sc.after = end+1, sc.g.breakers.at(sc, end) && !sc.fullNameAt(end)
	}
	return sc.after
}

// fullNameAt reports whether a full division name starts at i.
func (sc *scan) fullNameAt(i int) bool {
	if i+1 >= len(sc.text) || !sc.g.mayStart(sc.text[i], sc.text[i+1]) {
		return false
	}
	found := false
	sc.walkNames(i, func(_ int, e *entry) bool {
		found = slices.ContainsFunc(e.cands, func(c cand) bool { return c.kind == kindFull })
		return found
	})
	return found
}

// followed reports whether an organisation or facility word comes at end.
func (sc *scan) followed(end int) bool {
	if end >= len(sc.text) || !sc.g.followFirsts.has(sc.text[end]) {
		return false
	}
	return slices.ContainsFunc(sc.g.follow[sc.text[end]], func(w string) bool { return sc.hasAt(end, w) })
}

// underAny reports whether div lies under one of the candidates, or, if
// direct is set, is a child of one.
func (g *Gazetteer) underAny(div int32, cands []cand, direct bool) bool {
	for _, c := range cands {
		if (direct && g.divs[div].parent == c.div) || (!direct && g.isAncestor(c.div, div)) {
			return true
		}
	}
	return false
}

// isAncestor reports whether a is a proper ancestor of d.
func (g *Gazetteer) isAncestor(a, d int32) bool {
	for p := g.divs[d].parent; p >= 0; p = g.divs[p].parent {
		if p == a {
			return true
		}
	}
	return false
}

// ancestorIn reports whether a proper ancestor of div at rank minRank or
// below (1: city, 2: county) is in ctx.
func (g *Gazetteer) ancestorIn(div int32, ctx divSet, minRank int) bool {
	for p := g.divs[div].parent; p >= 0; p = g.divs[p].parent {
		if ctx.has(p) && g.divs[p].rank >= minRank {
			return true
		}
	}
	return false
}

// anonSuffixes are the division suffixes recognised after an anonymising
// run, longest first.
var anonSuffixes = []struct{ s, level string }{
	{"特别行政区", LevelProvince}, {"自治区", LevelProvince}, {"自治州", LevelCity}, {"自治县", LevelCounty},
	{"街道", LevelTownship}, {"社区", LevelCommunity},
	{"省", LevelProvince}, {"市", LevelCity}, {"州", LevelCity}, {"盟", LevelCity},
	{"区", LevelCounty}, {"县", LevelCounty}, {"旗", LevelCounty},
	{"镇", LevelTownship}, {"乡", LevelTownship}, {"村", LevelVillage},
}

func isLatinOrDigit(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// placeMarks holds the runes whose positions nameHits records: the
// anonymising characters (appendAnonHits) and the first characters of the
// pattern suffixes (addPatterns).
var placeMarks = func() *bmpSet {
	s := new(bmpSet)
	s.addString(anonRunes)
	for r := range patternSuffixes {
		s.add(r)
	}
	return s
}()

// appendAnonHits appends to hs the runs of anonymising characters before
// a division suffix, with spaces allowed between: ××区, xx镇, ×× 街道. A
// run of x after a Latin letter or digit is part of a word, not a name,
// and so is a suffix that starts a longer word (XX市场监管局). The runs
// start at marks of nameHits.
func (sc *scan) appendAnonHits(hs []nameHit) []nameHit {
	t := sc.text
	for _, m := range sc.buf.marks {
		i := int(m)
		if !isAnon(t[i]) || (i > 0 && isAnon(t[i-1])) {
			continue
		}
		if i > 0 && isLatinOrDigit(t[i-1]) && t[i] < 0x80 {
			continue
		}
		j := i
		for j < len(t) && isAnon(t[j]) {
			j++
		}
		for j < len(t) && (t[j] == ' ' || t[j] == '\u3000') {
			j++
		}
		for _, suf := range anonSuffixes {
			if end := j + utf8.RuneCountInString(suf.s); sc.hasAt(j, suf.s) {
				if !sc.brokenSuffix(end) {
					hs = append(hs, nameHit{start: i, end: end, level: suf.level})
				}
				break
			}
		}
	}
	return hs
}
