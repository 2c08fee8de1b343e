package extract

import (
	"strings"

	"zongjie/rules"
)

// The limits of the open-ended sub-parsers.
const (
	npMaxWords  = 8
	npMaxRunes  = 24
	quotedMax   = 40
	titledMax   = 80
	anyWordRune = 12 // the widest word assumed when bounding a rule's reach
)

// capture is a field captured by a rule: text[start:end].
type capture struct {
	name       string
	start, end int
}

// matcher runs one compiled rule over one analysed document.
type matcher struct {
	a       *analysis
	classes map[string]*class
	npStop  *class // words that end a noun phrase (np_stop.dict), may be nil
	action  *class // action verbs, never inside a noun phrase, may be nil
	orgStop *class // words that make a name generic (org_stop.dict), may be nil
	link    *class // words between a statistic's name and its number, may be nil
	npHead  *class // words that make an action before them part of a noun, may be nil
	caps    []capture
}

// match tries node at rune i and calls k with each possible end, in order
// of preference, until k returns true.
func (m *matcher) match(n *rules.Node, i int, k func(int) bool) bool {
	switch n.Op {
	case rules.OpSeq:
		return m.seq(n.Kids, i, k)
	case rules.OpAlt:
		for _, alt := range n.Kids {
			if m.match(alt, i, k) {
				return true
			}
		}
		return false
	case rules.OpLit:
		j, ok := m.literal(n.Text, i)
		return ok && k(j)
	case rules.OpClass:
		return m.class(n.Text, i, k)
	case rules.OpTokClass:
		return m.tokClass(n.Text, i, k)
	case rules.OpPOS:
		s, pos, ok := m.a.token(i)
		return ok && strings.HasPrefix(pos, n.Text) && k(s.end)
	case rules.OpSub:
		return m.sub(n.Text, i, k)
	case rules.OpCapture:
		return m.capture(n, i, k)
	case rules.OpNot:
		saved := len(m.caps)
		found := m.match(n.Kids[0], i, func(int) bool { return true })
		m.caps = m.caps[:saved]
		return !found && k(i)
	case rules.OpAnd:
		saved := len(m.caps)
		found := m.match(n.Kids[0], i, func(int) bool { return true })
		m.caps = m.caps[:saved]
		return found && k(i)
	case rules.OpRepeat:
		return m.repeat(n, i, 0, k)
	}
	return false
}

// seq matches the kids in order. Spaces between two elements are skipped,
// as PDF-extracted text puts them anywhere (受理投诉 12 件).
func (m *matcher) seq(kids []*rules.Node, i int, k func(int) bool) bool {
	if len(kids) == 0 {
		return k(i)
	}
	if len(kids) == 1 {
		return m.match(kids[0], i, k)
	}
	return m.match(kids[0], i, func(j int) bool { return m.seq(kids[1:], m.skipSpaces(j), k) })
}

// skipSpaces returns the first position at or after i that holds no space
// (a line break is not skipped).
func (m *matcher) skipSpaces(i int) int {
	t := m.a.text
	for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '\u3000') {
		i++
	}
	return i
}

func (m *matcher) repeat(n *rules.Node, i, count int, k func(int) bool) bool {
	if n.Max < 0 || count < n.Max {
		more := m.match(n.Kids[0], i, func(j int) bool {
			return j > i && m.repeat(n, j, count+1, k)
		})
		if more {
			return true
		}
	}
	return count >= n.Min && k(i)
}

func (m *matcher) capture(n *rules.Node, i int, k func(int) bool) bool {
	return m.match(n.Kids[0], i, func(j int) bool {
		m.caps = append(m.caps, capture{n.Text, i, j})
		if k(j) {
			return true
		}
		m.caps = m.caps[:len(m.caps)-1]
		return false
	})
}

func (m *matcher) literal(lit string, i int) (int, bool) {
	t := m.a.text
	for _, r := range lit {
		if i >= len(t) || t[i] != r {
			return 0, false
		}
		i++
	}
	return i, true
}

func (m *matcher) class(name string, i int, k func(int) bool) bool {
	var buf [16]int
	ends := m.classes[name].matchEnds(m.a.text, i, buf[:0])
	for _, j := range ends {
		if k(j) {
			return true
		}
	}
	return false
}

func (m *matcher) tokClass(name string, i int, k func(int) bool) bool {
	s, pos, ok := m.a.token(i)
	if !ok || !namePOS(pos) {
		return false
	}
	_, n, found := m.classes[name].suffixOf(m.a.text, s.start, s.end)
	return found && n < s.end-s.start && k(s.end)
}

func (m *matcher) sub(name string, i int, k func(int) bool) bool {
	a := m.a
	switch name {
	case "num":
		n, ok := a.numberAt(i)
		return ok && !n.Percent && k(n.End)
	case "pct":
		n, ok := a.numberAt(i)
		return ok && n.Percent && k(n.End)
	case "digit":
		return i < len(a.text) && isDigit(a.text[i]) && k(i+1)
	case "date":
		d, ok := a.dateAtPos(i)
		return ok && k(d.End)
	case "place":
		p, ok := a.placeAt(i)
		return ok && !p.Anonymised && k(p.End)
	case "anon":
		p, ok := a.placeAt(i)
		return ok && p.Anonymised && k(p.End)
	case "quoted":
		j, ok := quotedAt(a.text, i)
		return ok && k(j)
	case "titled":
		j, ok := titledAt(a.text, i)
		return ok && k(j)
	case "np":
		return m.np(i, k, m.contentWord)
	case "name":
		return m.np(i, k, m.nameWord)
	case "han":
		return i < len(a.text) && isHan(a.text[i]) && k(i+1)
	case "tok":
		s, _, ok := a.token(i)
		return ok && k(s.end)
	}
	return false
}

// np matches a noun phrase: 1 to npMaxWords content words (or quoted
// phrases) in a row, longest first.
func (m *matcher) np(i int, k func(int) bool, word func(int) (int, bool)) bool {
	var ends [npMaxWords]int
	n := 0
	j := i
	for n < npMaxWords && j-i < npMaxRunes {
		if q, ok := quotedAt(m.a.text, j); ok {
			j = q
		} else if e, ok := word(j); ok {
			j = e
		} else {
			break
		}
		if j-i > npMaxRunes {
			break
		}
		ends[n] = j
		n++
	}
	for n--; n >= 0; n-- {
		if k(ends[n]) {
			return true
		}
	}
	return false
}

// contentWord reports whether a noun, verb or adjective-like word starts at
// i, and where it ends.
func (m *matcher) contentWord(i int) (int, bool) {
	a := m.a
	s, pos, ok := a.token(i)
	if !ok || a.covered[i] {
		return 0, false
	}
	if !contentPOS(pos) {
		return 0, false
	}
	if pos == "x" && !isHan(a.text[i]) {
		return 0, false
	}
	if m.npStop != nil && m.npStop.has(a.text, s.start, s.end) {
		return 0, false
	}
	if m.action != nil && m.action.has(a.text, s.start, s.end) && !m.nounHeadAt(s.end) {
		return 0, false
	}
	if m.link != nil && m.link.has(a.text, s.start, s.end) {
		return 0, false
	}
	return s.end, true
}

// nounHeadAt reports whether a word of np_head starts at i: an action verb
// before it is part of a noun (回收率).
func (m *matcher) nounHeadAt(i int) bool {
	s, _, ok := m.a.token(i)
	return ok && m.npHead != nil && m.npHead.has(m.a.text, s.start, s.end)
}

// nameWord reports whether a nominal word (a noun, short form, place name
// or unknown Han character, not a verb) starts at i, and where it ends.
func (m *matcher) nameWord(i int) (int, bool) {
	a := m.a
	s, pos, ok := a.token(i)
	if !ok || i < len(a.numAt) && a.numAt[i] > 0 {
		return 0, false
	}
	ordinal := strings.HasPrefix(pos, "m") && a.text[i] == '第' // 第四人民医院
	if !namePOS(pos) && !ordinal || pos == "x" && !isHan(a.text[i]) {
		return 0, false
	}
	for _, c := range []*class{m.npStop, m.orgStop, m.action} {
		if c != nil && c.has(a.text, s.start, s.end) {
			return 0, false
		}
	}
	return s.end, true
}

func namePOS(pos string) bool {
	if pos == "" {
		return false
	}
	switch pos[0] {
	case 'n', 'j', 'b', 'x', 'l', 'a', 's', 'f':
		return true
	}
	return pos == "vn"
}

func contentPOS(pos string) bool {
	if pos == "" {
		return false
	}
	switch pos[0] {
	case 'n', 'v', 'a', 'b', 'j', 'l', 'i', 'z', 's', 'f', 'g', 'x':
		return true
	}
	return false
}

// Quote pairs accepted by <quoted>.
var quotePairs = map[rune]rune{
	'“': '”', '‘': '’', '「': '」', '『': '』', '"': '"', '\'': '\'', '〝': '〞', '＂': '＂', '«': '»',
}

// quotedAt returns the end of a quoted phrase opening at text[i].
func quotedAt(text []rune, i int) (int, bool) {
	if i >= len(text) {
		return 0, false
	}
	closer, ok := quotePairs[text[i]]
	if !ok {
		return 0, false
	}
	for j := i + 1; j < len(text) && j-i-1 <= quotedMax; j++ {
		switch text[j] {
		case closer:
			if j == i+1 {
				return 0, false
			}
			return j + 1, true
		case '\n', '“', '「', '『':
			return 0, false
		}
	}
	return 0, false
}

// titledAt returns the end of a 《…》 title opening at text[i].
func titledAt(text []rune, i int) (int, bool) {
	if i >= len(text) || text[i] != '《' {
		return 0, false
	}
	for j := i + 1; j < len(text) && j-i-1 <= titledMax; j++ {
		switch text[j] {
		case '》':
			if j == i+1 {
				return 0, false
			}
			return j + 1, true
		case '\n', '《':
			return 0, false
		}
	}
	return 0, false
}
