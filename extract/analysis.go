package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// analysis is what the rules match against: one document's text as runes,
// its words, and where each sub-parser found something. It is built once
// per document and read by every rule.
type analysis struct {
	text  []rune
	valid bool     // the text is valid UTF-8
	src   string   // the text as a string
	off   []int32  // byte offset in src of each rune of text, and len(src) at the end
	shown []rune   // the text as written (traditional characters), one for one with text
	toks  []span   // words, in rune offsets
	pos   []uint16 // their parts of speech, by number in posNames
	// posNames names the parts of speech (the segmenter's wordTrie.posNames)
	posNames []string
	tokAt    []int32 // rune index → index of the word starting there, or -1
	// marks holds the positions of the runes that may start a number or
	// a date (numberDateStarts)
	marks  []int32
	nums   []Number
	numAt  []int32 // rune index → index+1 of the number starting there, 0 if none
	dates  []DateMention
	dateAt []int32
	places []PlaceMention
	plAt   []int32
	// covered marks runes inside a number, date or place mention.
	covered []bool
	// numEnd marks the positions where a number ends.
	numEnd []bool
	// clause holds, for each position, where its clause starts: just after
	// the last clause break before it; wide, where its wide clause starts:
	// just after the last clause break but 、.
	clause, wide []int32
	// words, wordPos, wordWork and cut are scratch space for segment:
	// gse's words and their parts of speech.
	words    []span
	wordPos  []uint16
	wordWork wordScratch
	cut      []bool
	// trie is the segmenter's dictionary, which segmented the words.
	trie *wordTrie
	// ruleWords, rulePos and runOnWork are scratch space for unitRunOns:
	// the words the rules read, where they differ from words.
	ruleWords []span
	rulePos   []uint16
	runOnWork wordScratch
}

// afterNumber reports whether a number ends just before i.
func (a *analysis) afterNumber(i int) bool { return i > 0 && a.numEnd[i] }

// clauseStart returns where the clause holding position i starts.
func (a *analysis) clauseStart(i int) int { return int(a.clause[i]) }

// wideClauseStart returns where the wide clause holding position i
// starts.
func (a *analysis) wideClauseStart(i int) int { return int(a.wide[i]) }

func (a *analysis) findClauses() {
	a.clause = resized(a.clause, len(a.text)+1)
	a.wide = resized(a.wide, len(a.text)+1)
	start, wide := int32(0), int32(0)
	for i, r := range a.text {
		a.clause[i], a.wide[i] = start, wide
		if isClauseBreak(r) {
			start = int32(i + 1)
			if r != '、' {
				wide = start
			}
		}
	}
	a.clause[len(a.text)], a.wide[len(a.text)] = start, wide
}

type span struct{ start, end int }

func (a *analysis) numberAt(i int) (Number, bool) {
	if i < len(a.numAt) && a.numAt[i] > 0 {
		return a.nums[a.numAt[i]-1], true
	}
	return Number{}, false
}

func (a *analysis) dateAtPos(i int) (DateMention, bool) {
	if i < len(a.dateAt) && a.dateAt[i] > 0 {
		return a.dates[a.dateAt[i]-1], true
	}
	return DateMention{}, false
}

func (a *analysis) placeAt(i int) (PlaceMention, bool) {
	if i < len(a.plAt) && a.plAt[i] > 0 {
		return a.places[a.plAt[i]-1], true
	}
	return PlaceMention{}, false
}

// sub returns the text of the runes [i, j) as a substring of src, valid
// only when the text is valid UTF-8.
func (a *analysis) sub(i, j int) string { return a.src[a.off[i]:a.off[j]] }

// shownIsText reports whether the text shown is the text itself (no
// traditional form was given), so that its strings are substrings of
// src.
func (a *analysis) shownIsText() bool {
	return a.valid && len(a.shown) == len(a.text) && (len(a.text) == 0 || &a.shown[0] == &a.text[0])
}

// token returns the word starting at rune i.
func (a *analysis) token(i int) (span, string, bool) {
	if i >= len(a.tokAt) || a.tokAt[i] < 0 {
		return span{}, "", false
	}
	t := a.tokAt[i]
	return a.toks[t], a.posNames[a.pos[t]], true
}

// analyse fills a with the analysis of text, reusing a's buffers.
func (e *Extractor) analyse(a *analysis, text string) {
	a.segmentText(e.seg, text)
	e.analyseSegmented(a, text)
}

// segmentText fills a with text as runes (and the byte offset of each)
// and its words as gse's Segment finds them: the segmentation, which the
// rest of the analysis (analyseSegmented) builds on.
func (a *analysis) segmentText(seg *Segmenter, text string) {
	a.text, a.off, a.valid = appendRunesAt(a.text, a.off, text)
	a.src = text
	a.segmentWords(seg, text)
}

// analyseSegmented fills a with the rest of the analysis of text, once
// segmentText has segmented it.
func (e *Extractor) analyseSegmented(a *analysis, text string) {
	n := len(a.text)
	a.marks = markRunes(a.marks[:0], a.text, numberDateStarts)
	a.nums = appendNumbers(a.nums[:0], a.text, a.marks)
	a.dates = findDates(a.text, a.marks, a.dates)
	a.places = nil
	if e.gaz != nil {
		s, off := text, a.off
		if !a.valid {
			s = string(a.text)
			_, off, _ = appendRunesAt(nil, nil, s)
		}
		a.places = e.gaz.find(a.text, s, off)
	}
	a.covered = resized(a.covered, n+1)
	a.dateAt = indexSpans(a.dateAt, n, len(a.dates), func(i int) span { return span{a.dates[i].Start, a.dates[i].End} }, a.covered)
	a.plAt = indexSpans(a.plAt, n, len(a.places), func(i int) span { return span{a.places[i].Start, a.places[i].End} }, nil)
	a.segment(e.classes["unit"])
	a.findClauses()
}

// appendRunes appends the runes of s to rs, as []rune(s) gives them.
func appendRunes(rs []rune, s string) []rune {
	for _, r := range s {
		rs = append(rs, r)
	}
	return rs
}

// appendRunesAt sets rs to the runes of s, as []rune(s) gives them, and
// off to the byte offset of each, then len(s), reusing their arrays;
// valid reports whether s is valid UTF-8.
func appendRunesAt(rs []rune, off []int32, s string) (_ []rune, _ []int32, valid bool) {
	rs = slices.Grow(rs[:0], len(s))[:len(s)]
	off = slices.Grow(off[:0], len(s)+1)[:len(s)+1]
	valid = true
	n := 0
	for i := 0; i < len(s); n++ {
		off[n] = int32(i)
		// the three-byte runes of Chinese text, inline: a first byte
		// E1–EF but ED (no overlong form, no surrogate), then two
		// continuation bytes
		if c := s[i]; c-0xE1 <= 0xEF-0xE1 && c != 0xED && i+2 < len(s) {
			if c1, c2 := s[i+1], s[i+2]; (c1^0x80)|(c2^0x80) < 0x40 {
				rs[n] = rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
				i += 3
				continue
			}
		}
		r, size := decodeRune(s, i)
		valid = valid && (r != utf8.RuneError || size > 1)
		rs[n] = r
		i += size
	}
	off[n] = int32(len(s))
	return rs[:n], off[:n+1], valid
}

// decodeRune decodes the rune at byte i of s as a range loop does: an
// invalid byte is utf8.RuneError of size 1.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// numberDateStarts holds the runes that may start a number or a date.
var numberDateStarts = func() *bmpSet {
	s := new(bmpSet)
	for i := range s {
		s[i] = numberStarts[i] | dateStarts[i]
	}
	return s
}()

// markRunes appends to marks the positions of the runes of text in set,
// in order: one scan for the scans that start at few runes.
func markRunes(marks []int32, text []rune, set *bmpSet) []int32 {
	for i, r := range text {
		if set.has(r) {
			marks = append(marks, int32(i))
		}
	}
	return marks
}

// resized returns s with length n and every element zero, reusing its
// array when it is large enough.
func resized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// indexSpans fills idx (resized to n+1) with, for each rune index, 1 + the
// index of the first span starting there, and marks the spans' runes in
// covered when it is not nil.
func indexSpans(idx []int32, n, count int, at func(int) span, covered []bool) []int32 {
	idx = resized(idx, n+1)
	for i := 0; i < count; i++ {
		s := at(i)
		if s.start < 0 || s.start >= n || s.end <= s.start {
			continue
		}
		if idx[s.start] == 0 {
			idx[s.start] = int32(i + 1)
		}
		if covered != nil {
			for j := s.start; j < s.end && j < n; j++ {
				covered[j] = true
			}
		}
	}
	return idx
}

// isWhiteSpace is unicode.IsSpace, quick for the Han characters of the
// text: no white space comes after U+3000.
func isWhiteSpace(r rune) bool {
	if r > '\u3000' {
		return false
	}
	return unicode.IsSpace(r)
}

// segment takes the words of the text (segmentWords), drops the Chinese
// numerals that are part of a word (一 in 统一, 四 in 第四), segments again
// the words that run on past a measure word after a number (unitRunOns),
// then cuts the words at the edges of the remaining numbers and of dates
// and places, so that a word never straddles one (gse joins 多人 in
// 300多人次).
func (a *analysis) segment(units *class) {
	n := len(a.text)
	a.dropWordNumerals(units)
	words, wordPos := a.unitRunOns(units)
	cut := resized(a.cut, n+1)
	a.cut = cut
	mark := func(s, e int) {
		if s >= 0 && s <= n {
			cut[s] = true
		}
		if e >= 0 && e <= n {
			cut[e] = true
		}
	}
	for _, m := range a.nums {
		mark(m.Start, m.End)
	}
	for _, m := range a.dates {
		mark(m.Start, m.End)
	}
	for _, m := range a.places {
		mark(m.Start, m.End)
	}
	a.tokAt = resized(a.tokAt, n+1)
	for i := range a.tokAt {
		a.tokAt[i] = -1
	}
	a.toks, a.pos = a.toks[:0], a.pos[:0]
	for i, w := range words {
		for s := w.start; s < w.end; {
			j := s + 1
			for j < w.end && !cut[j] {
				j++
			}
			pos := wordPos[i]
			if s != w.start || j != w.end {
				pos = xPos // a piece of a word cut at a number, date or place
			}
			if !isWhiteSpace(a.text[s]) {
				a.tokAt[s] = int32(len(a.toks))
				a.toks = append(a.toks, span{s, j})
				a.pos = append(a.pos, pos)
			}
			s = j
		}
	}
	a.numAt = indexSpans(a.numAt, n, len(a.nums), func(i int) span { return span{a.nums[i].Start, a.nums[i].End} }, a.covered)
	a.numEnd = resized(a.numEnd, n+1)
	for _, m := range a.nums {
		a.numEnd[m.End] = true
	}
}

// segmentWords fills a.words and a.wordPos with the words of the text, as
// gse's Segment finds them, in rune offsets.
func (a *analysis) segmentWords(seg *Segmenter, text string) {
	a.words, a.wordPos = a.words[:0], a.wordPos[:0]
	trie := seg.words()
	a.trie = trie
	a.posNames = trie.posNames
	if a.valid {
		a.words, a.wordPos = trie.segment(a.text, &a.wordWork, a.words, a.wordPos)
		return
	}
	// gse cuts invalid UTF-8 by bytes: ask it
	cur := runeCursor{s: text}
	for _, t := range seg.Segment(text) {
		a.words = append(a.words, span{cur.at(t.Start), cur.at(t.End)})
		a.wordPos = append(a.wordPos, trie.posIDs[t.Pos]) // all numbered by newWordTrie
	}
}

// runeCursor converts ascending byte offsets of s to rune offsets: the
// index of the rune holding the byte, or the number of runes at len(s).
type runeCursor struct {
	s    string
	b, r int // byte offset of rune r
}

func (c *runeCursor) at(b int) int {
	if b < c.b {
		c.b, c.r = 0, 0
	}
	for c.b < b {
		_, size := utf8.DecodeRuneInString(c.s[c.b:])
		if c.b+size > b {
			break // b is inside rune c.r
		}
		c.b += size
		c.r++
	}
	return c.r
}

// dropWordNumerals removes the numbers written in Chinese numerals that
// are part of a word: one starting before the numeral (统一, 进一步), an
// ordinal (第四), or one whose rest is no measure word and which is no
// numeral word itself (一致); and those inside the name of a place
// (四台子街道). 两场, 四家 and 一些 keep their numbers.
func (a *analysis) dropWordNumerals(units *class) {
	words := a.words
	kept := a.nums[:0]
	w := 0
	for _, m := range a.nums {
		for w < len(words) && words[w].end <= m.Start {
			w++
		}
		if !isDigit(a.text[m.Start]) && (w < len(words) && a.wordHoldsNumeral(words[w], a.posNames[a.wordPos[w]], m, units) || a.placeHolds(m)) {
			continue
		}
		if isDigit(a.text[m.Start]) && a.inLatinCode(m) {
			continue
		}
		kept = append(kept, m)
	}
	a.nums = kept
}

// inLatinCode reports whether the digits m start a code written with
// Latin letters (4A级景区, 3C认证, 5G基站): a letter follows them. (A
// number after letters counts: 下载反诈APP2241人次.)
func (a *analysis) inLatinCode(m Number) bool {
	return m.End < len(a.text) && isLatinLetter(a.text[m.End])
}

// latinCodeAt returns the end of the code of Latin letters and digits
// at i, holding a letter, that stands before a Han word it qualifies
// (4A级景区, 4S店, APP推广) or, ending in a letter, before a number
// (反诈APP2300人次): a word of a noun phrase.
func (a *analysis) latinCodeAt(i int) (int, bool) {
	j, letter := i, false
	for j < len(a.text) && isLatinOrDigit(a.text[j]) && (j == i || a.numAt[j] == 0) { // a number ends the code
		// x and X stand for anonymised names (xx区), no code
		letter = letter || isLatinLetter(a.text[j]) && a.text[j] != 'x' && a.text[j] != 'X'
		j++
	}
	if !letter || j == len(a.text) || j >= len(a.tokAt) || a.tokAt[j] < 0 {
		return 0, false
	}
	if !isHan(a.text[j]) && !(isDigit(a.text[j]) && !isDigit(a.text[j-1])) {
		return 0, false
	}
	return j, true
}

func isLatinLetter(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

// placeHolds reports whether the numeral m is part of the name of a place
// (四台子街道, 五台县, 三门峡市): the place starts at or before it and ends
// after it.
func (a *analysis) placeHolds(m Number) bool {
	for i := m.Start; i >= 0 && i >= m.Start-placeNumeralReach; i-- {
		if i < len(a.plAt) && a.plAt[i] > 0 {
			p := a.places[a.plAt[i]-1]
			if !p.Anonymised && p.End > m.End && p.Start <= m.Start {
				return true
			}
		}
	}
	return false
}

// placeNumeralReach is how far before a numeral placeHolds looks for the
// start of a place name holding it, in runes.
const placeNumeralReach = 8

func (a *analysis) wordHoldsNumeral(w span, pos string, m Number, units *class) bool {
	switch {
	case w.start > m.Start || w.end <= m.Start:
		return false // the numeral does not start inside this word
	case a.text[w.start] == '第' || w.start < m.Start:
		return true
	case w.end <= m.End:
		return false // the word is the numeral, or part of it
	case units != nil && units.has(a.text, m.End, w.end):
		return false // 两期: numeral and measure word
	}
	return !strings.HasPrefix(pos, "m") && !strings.HasPrefix(pos, "q")
}
