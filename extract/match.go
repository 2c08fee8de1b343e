package extract

import (
	"strings"

	"zongjie/rules"
)

// capture is a field captured by a rule: text[start:end].
type capture struct {
	name       string
	start, end int
}

// matcher runs one compiled rule over one analysed document.
type matcher struct {
	a       *analysis
	npStop  *class // words that end a noun phrase (np_stop.dict), may be nil
	npTrail *class // words that never end a noun phrase (np_trail.dict), may be nil
	orgWord *class // words that stand inside names (org_word.dict), may be nil
	level   *class // levels of government (level.dict), may be nil
	action  *class // action verbs, never inside a noun phrase, may be nil
	orgStop *class // words that make a name generic (org_stop.dict), may be nil
	link    *class // words between a statistic's name and its number, may be nil
	npHead  *class // words that make an action before them part of a noun, may be nil
	orgAnd  *class // words before 和 inside one official name, may be nil
	caps    []capture
	// occ holds the occurrences of each anchor in the document, by id.
	occ [][]int
	// anchorAt is scratch for compiledRule.starts: each anchor's index in
	// its occurrences.
	anchorAt []int
	needAt   []int // scratch for compiledRule.nextStart
	// needsUntil is scratch for compiledRule.startsFrom: the needs allow
	// every start up to it.
	needsUntil int
	capBuf     []capture // the captures of the document's hits
	// contentEnds and nameEnds cache contentWord and nameWord by position:
	// 0 not yet known, -1 no word, else the word's end + 1.
	contentEnds, nameEnds []int32
	// words holds the class words of the document by position.
	words classWords
	// failed holds the rests of the rule's top-level sequence that were
	// found not to match, by element and position (topSeq).
	failed failSet
	// claimed marks the numbers that an earlier count rule has read, by
	// start: a later rule's count of them would lose (resolve).
	claimed []bool
}

// match tries n at rune i and calls k with each possible end, in order
// of preference, until k returns true.
func (m *matcher) match(n *node, i int, k func(int) bool) bool {
	if n.isEager {
		var buf [16]int
		for _, j := range m.ends(n, i, buf[:0]) {
			if k(j) {
				return true
			}
		}
		return false
	}
	switch n.op {
	case rules.OpSeq:
		return m.seq(n.kids, i, k)
	case rules.OpNot, rules.OpAnd:
		return m.lookahead(n, i) && k(i)
	case rules.OpAlt:
		for _, alt := range n.kids {
			if m.match(alt, i, k) {
				return true
			}
		}
		return false
	case rules.OpCapture:
		return m.capture(n, i, k)
	case rules.OpRepeat:
		return m.repeat(n, i, 0, k)
	}
	return false
}

// seq matches the kids in order. Spaces between two elements are skipped,
// as PDF-extracted text puts them anywhere (受理投诉 12 件).
func (m *matcher) seq(kids []*node, i int, k func(int) bool) bool {
	if len(kids) == 0 {
		return k(i)
	}
	if len(kids) == 1 {
		return m.match(kids[0], i, k)
	}
	if kids[0].isLookahead() {
		return m.lookahead(kids[0], i) && m.seq(kids[1:], m.skipSpaces(i), k)
	}
	if kids[0].isEager {
		var buf [16]int
		for _, j := range m.ends(kids[0], i, buf[:0]) {
			if m.seq(kids[1:], m.skipSpaces(j), k) {
				return true
			}
		}
		return false
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

func (m *matcher) repeat(n *node, i, count int, k func(int) bool) bool {
	if n.max < 0 || count < n.max {
		if m.repeatOnce(n, i, count, k) {
			return true
		}
	}
	return count >= n.min && k(i)
}

// repeatOnce matches the repeated element once more at i, and the rest of
// the repeat after it.
func (m *matcher) repeatOnce(n *node, i, count int, k func(int) bool) bool {
	kid := n.kids[0]
	if !kid.isEager {
		return m.match(kid, i, func(j int) bool {
			return j > i && m.repeat(n, j, count+1, k)
		})
	}
	var buf [16]int
	for _, j := range m.ends(kid, i, buf[:0]) {
		if j > i && m.repeat(n, j, count+1, k) {
			return true
		}
	}
	return false
}

func (m *matcher) capture(n *node, i int, k func(int) bool) bool {
	kid := n.kids[0]
	if !kid.isEager {
		return m.match(kid, i, func(j int) bool { return m.captureEnd(n, i, j, k) })
	}
	var buf [16]int
	for _, j := range m.ends(kid, i, buf[:0]) {
		if m.captureEnd(n, i, j, k) {
			return true
		}
	}
	return false
}

// captureEnd records the capture of n from i to j and continues with k;
// it takes the capture back when k fails.
func (m *matcher) captureEnd(n *node, i, j int, k func(int) bool) bool {
	end := j
	for end > i && isSpace(m.a.text[end-1]) {
		end-- // spaces skipped after the last element are not captured
	}
	m.caps = append(m.caps, capture{n.text, i, end})
	if k(j) {
		return true
	}
	m.caps = m.caps[:len(m.caps)-1]
	return false
}

func (m *matcher) literal(lit []rune, i int) (int, bool) {
	t := m.a.text
	for _, r := range lit {
		if i >= len(t) || t[i] != r {
			return 0, false
		}
		i++
	}
	return i, true
}

// tokClassAt reports whether a nominal word starting at i ends with a
// longer-than-itself word of the class.
func (m *matcher) tokClassAt(c *class, i int) bool {
	if i >= len(m.a.tokAt) || m.a.tokAt[i] < 0 {
		return false
	}
	s := m.a.toks[m.a.tokAt[i]]
	if c.lasts != nil && !c.lasts.has(m.a.text[s.end-1]) {
		return false // no word of the class ends the word
	}
	if _, pos, _ := m.a.token(i); !namePOS(pos) {
		return false
	}
	if c.bit != 0 {
		return m.endsWithShorter(c, s)
	}
	_, n, found := c.suffixOf(m.a.text, s.start, s.end)
	return found && n < s.end-s.start
}

// npEnds appends the ends of a noun phrase at i, longest first: 1 to
// npMaxWords content words (or quoted phrases, or 《》 titles) in a row;
// a word of trail (when not nil) may start the phrase, and ends it
// anywhere else (企业当场签订 holds the phrase 企业); so does a verb
// when verbEnds (endsPhrase: 313家经营者作出… counts 经营者).
func (m *matcher) npEnds(i int, word func(int) (int, bool), trail *class, verbEnds bool, buf []int) []int {
	var ends [npMaxWords]int
	n := 0
	j := i
	for n < npMaxWords && j-i < npMaxRunes {
		if q, ok := quotedAt(m.a.text, j); ok {
			j = q
		} else if q, ok := titledAt(m.a.text, j); ok && q-i <= npMaxRunes {
			j = q
		} else if e, ok := word(j); ok && (n > 0 || !m.measureWordAt(j, e)) && (n == 0 || !m.endsPhrase(j, e, trail, verbEnds)) {
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
		buf = append(buf, ends[n])
	}
	return buf
}

// endsPhrase reports whether the word text[j:e], after the first word of
// a noun phrase, ends it: a word of trail, or when verbEnds a verb of two
// or more characters that is no noun, before a word of the phrase that is
// no noun either (经营者作出线下…, 志愿者发起“…”倡议).
func (m *matcher) endsPhrase(j, e int, trail *class, verbEnds bool) bool {
	if m.classHas(trail, span{j, e}) {
		return true
	}
	if !verbEnds {
		return false
	}
	if _, pos, _ := m.a.token(j); pos != "v" || e-j < 2 {
		return false // one character, or a verb that is also a noun
	}
	// a verb before a noun makes a compound noun (重点排污单位, 寄递企业);
	// one before no more of the phrase is its last word (gse's 选手/v in
	// 参赛选手进入决赛)
	k := m.skipSpaces(e)
	if _, ok := quotedAt(m.a.text, k); ok {
		return true
	}
	_, next, ok := m.a.token(k)
	if !ok || strings.HasPrefix(next, "n") {
		return false
	}
	_, more := m.cachedWord(&m.contentEnds, m.contentWord)(k)
	return more
}

// npStarts reports whether np matches at i: whether its first step, as np
// takes it, succeeds within npMaxRunes.
func (m *matcher) npStarts(i int, word func(int) (int, bool)) bool {
	if q, ok := quotedAt(m.a.text, i); ok {
		return q-i <= npMaxRunes
	}
	if q, ok := titledAt(m.a.text, i); ok && q-i <= npMaxRunes {
		return true
	}
	e, ok := word(i)
	return ok && !m.measureWordAt(i, e) && e-i <= npMaxRunes
}

// measureWordAt reports whether the word text[i:e] is a lone measure word
// (次 in 20家次), which does not start a noun phrase.
func (m *matcher) measureWordAt(i, e int) bool {
	if e-i != 1 {
		return false
	}
	_, pos, _ := m.a.token(i)
	return strings.HasPrefix(pos, "q") || strings.HasPrefix(pos, "m")
}

// cachedWord wraps a word test with a per-document cache: rules try the
// same positions again and again.
func (m *matcher) cachedWord(cache *[]int32, word func(int) (int, bool)) func(int) (int, bool) {
	c := *cache
	return func(i int) (int, bool) {
		switch v := c[i]; {
		case v > 0:
			return int(v) - 1, true
		case v < 0:
			return 0, false
		}
		e, ok := word(i)
		if ok {
			c[i] = int32(e) + 1
		} else {
			c[i] = -1
		}
		return e, ok
	}
}

// contentWord reports whether a noun, verb or adjective-like word starts at
// i, and where it ends.
func (m *matcher) contentWord(i int) (int, bool) {
	a := m.a
	s, pos, ok := a.token(i)
	if !ok || a.covered[i] || a.afterNumber(i) {
		return 0, false
	}
	if !contentPOS(pos) {
		return 0, false
	}
	if pos == "x" && !isHan(a.text[i]) {
		return a.latinCodeAt(i)
	}
	if m.classHas(m.npStop, s) {
		return 0, false
	}
	if m.classHas(m.action, s) && !m.nounHeadAt(s.end) {
		return 0, false
	}
	if m.classHas(m.link, s) {
		return 0, false
	}
	return s.end, true
}

// nounHeadAt reports whether the word at i is a word of np_head: an action
// verb before it is part of a noun (回收率, 检查人员).
func (m *matcher) nounHeadAt(i int) bool {
	s, _, ok := m.a.token(i)
	return ok && m.classHas(m.npHead, s)
}

// nameStartsAt reports whether a name of its own may start at i: a
// level or a place (区教育局和区公安局 are two names).
func (m *matcher) nameStartsAt(i int) bool {
	if i < len(m.a.plAt) && m.a.plAt[i] > 0 {
		return true
	}
	s, _, ok := m.a.token(i)
	return ok && m.classHas(m.level, s)
}

// orgAndBefore reports whether a word of org_and ends just before i.
func (m *matcher) orgAndBefore(i int) bool {
	if m.orgAnd == nil {
		return false
	}
	_, n, ok := m.orgAnd.suffixOf(m.a.text, max(0, i-m.orgAnd.maxLen), i)
	return ok && m.a.tokAt[i-n] >= 0 // the word starts where a segmented word does
}

// nameWord reports whether a nominal word (a noun, short form, place name
// or unknown Han character, not a verb) starts at i, and where it ends.
func (m *matcher) nameWord(i int) (int, bool) {
	a := m.a
	s, pos, ok := a.token(i)
	if !ok || a.numAt[i] > 0 || a.afterNumber(i) {
		return 0, false // a number, or the measure word after one (四家医院)
	}
	if a.text[i] == '和' && s.end == i+1 && !a.covered[s.end] && m.orgAndBefore(i) {
		// 和 joins two parts of one name (住房和城乡建设局) after a word of
		// org_and and before a name word; elsewhere it joins two names
		if _, ok := m.nameWord(s.end); ok && !m.nameStartsAt(s.end) {
			return s.end, true
		}
	}
	if a.text[i] == '和' && i > 0 && isHan(a.text[i-1]) && m.classHas(m.level, span{i + 1, s.end}) {
		return 0, false // gse's 和县 in 检测中心和县医疗保障局: 和 and a level join two names
	}
	if m.classHas(m.orgWord, s) {
		return s.end, true // a word of an agency's name (退役军人事务局)
	}
	ordinal := strings.HasPrefix(pos, "m") && a.text[i] == '第' // 第四人民医院
	if !namePOS(pos) && !ordinal || pos == "x" && !isHan(a.text[i]) {
		return 0, false
	}
	for _, c := range []*class{m.npStop, m.orgStop, m.action} {
		if m.classHas(c, s) {
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
	case 'n', 'j', 'b', 'x', 'l', 's', 'f':
		return true
	case 'a':
		return pos != "ad" // 明确 in 明确市公安局… is how, not whose
	}
	return pos == "vn"
}

// contentPOS reports whether a part of speech can stand in a noun phrase:
// anything but prepositions, conjunctions, particles, adverbs, pronouns and
// interjections (gse's small dictionary tags some nouns oddly: 青年 t, 户 q).
func contentPOS(pos string) bool {
	if pos == "" {
		return false
	}
	switch pos[0] {
	case 'p', 'c', 'u', 'd', 'r', 'e', 'y', 'o', 'w':
		return false
	}
	return true
}

// quoteCloser returns the closing quote of an opening quote accepted by
// <quoted>.
func quoteCloser(r rune) (rune, bool) {
	switch r {
	case '“':
		return '”', true
	case '‘':
		return '’', true
	case '「':
		return '」', true
	case '『':
		return '』', true
	case '"', '\'', '＂':
		return r, true
	case '〝':
		return '〞', true
	case '«':
		return '»', true
	}
	return 0, false
}

// quotedAt returns the end of a quoted phrase opening at text[i].
func quotedAt(text []rune, i int) (int, bool) {
	if i >= len(text) {
		return 0, false
	}
	closer, ok := quoteCloser(text[i])
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
