package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// patternSuffixes end places that the data may lack: a name part of two
// to four Han characters and one of these (青石巷社区, 大寨村, 茂源街道),
// indexed by first character.
var patternSuffixes = map[rune]struct {
	s     string
	n     int // length in runes
	level string
}{
	'社': {"社区", 2, LevelCommunity}, '街': {"街道", 2, LevelTownship},
	'村': {"村", 1, LevelVillage}, '镇': {"镇", 1, LevelTownship}, '乡': {"乡", 1, LevelTownship},
}

// patternSuffixFirsts holds the keys of patternSuffixes, for a test
// without a map lookup.
var patternSuffixFirsts = func() *bmpSet {
	s := new(bmpSet)
	for r := range patternSuffixes {
		s.add(r)
	}
	return s
}()

// patternSuffixFirst reports a key of patternSuffixes.
func patternSuffixFirst(r rune) bool { return patternSuffixFirsts.has(r) }

// maxNamePart is the longest name part of a pattern place, in characters.
const maxNamePart = 4

// nameInitial are one-character left words that also start many place
// names (和平村, 向阳社区, 于家村): when cutting at one leaves a name part of
// a single character, the name part takes it back.
const nameInitial = "和于向与及由对从到"

// nameFinal are names of two characters that end in a one-character left
// word and name many villages and communities (前进村, 跃进社区, 将军村):
// when the left word leaves a name part of less than two characters, the
// name part is the whole word.
var nameFinal = []string{"前进", "跃进", "奋进", "东进", "共进", "将军", "全胜"}

// addPatterns adds the pattern places outside the chosen matches. It
// looks for their suffixes at the marks of nameHits.
func (sc *scan) addPatterns(ms []match) []match {
	covered := resized(sc.buf.covered, len(sc.text))
	sc.buf.covered = covered
	for _, m := range ms {
		for i := m.start; i < m.end; i++ {
			covered[i] = true
		}
	}
	n := len(ms)
	for _, m := range sc.buf.marks { // the pattern suffixes are among them
		j, r := int(m), sc.text[m]
		if !patternSuffixFirst(r) {
			continue
		}
		suf, ok := patternSuffixes[r]
		e := j + suf.n
		if !ok || !sc.hasAt(j, suf.s) || slices.Contains(covered[j:e], true) {
			continue
		}
		p, ok := sc.nameStart(j, covered)
		if !ok || sc.generic(p, j, e) {
			continue
		}
		ms = append(ms, match{start: p, end: e, level: suf.level, div: -1})
		for i := p; i < e; i++ {
			covered[i] = true
		}
	}
	if len(ms) > n {
		slices.SortFunc(ms, func(a, b match) int { return cmp.Compare(a.start, b.start) })
	}
	return ms
}

// nameRune reports whether the character at i may be part of a name part.
func (sc *scan) nameRune(i int, covered []bool) bool {
	r := sc.text[i]
	return isHan(r) && !covered[i] && !sc.g.boundary[r] && !isAnon(r)
}

// nameStart finds where the name part before the suffix at j starts. It
// takes up to maxNamePart name characters, then starts after the last left
// word ending inside them (组织|青石巷社区). When the characters run on past
// maxNamePart with no left word, it takes two.
func (sc *scan) nameStart(j int, covered []bool) (int, bool) {
	k := j
	for k > 0 && j-k < maxNamePart && sc.nameRune(k-1, covered) {
		k--
	}
	p, found := k, !(k > 0 && sc.nameRune(k-1, covered))
	for q := k; q <= j; q++ {
		if sc.leftWordEndsAt(q) {
			p, found = q, true
		}
	}
	if !found {
		p = j - 2
	}
	if j-p == 1 && sc.takesInitial(p, covered) {
		p--
	}
	if j-p < 2 {
		if n := sc.nameFinalBefore(j, covered); n > 0 {
			p = j - n
		}
	}
	return p, j-p >= 2
}

// takesInitial reports whether the name part starting at p should take
// back the name-initial left word before it: 在向阳社区, 、和平村.
func (sc *scan) takesInitial(p int, covered []bool) bool {
	if p < 1 || !strings.ContainsRune(nameInitial, sc.text[p-1]) {
		return false
	}
	q := p - 1
	return q == 0 || !sc.nameRune(q-1, covered) || sc.leftWordEndsAt(q)
}

// nameFinalBefore returns the length of a word of nameFinal that ends at
// j and starts a name (after a left word, a non-name character or the
// start of the text), or 0.
func (sc *scan) nameFinalBefore(j int, covered []bool) int {
	for _, w := range nameFinal {
		n := utf8.RuneCountInString(w)
		if j < n || sc.sub(j-n, j) != w || slices.Contains(covered[j-n:j], true) {
			continue
		}
		q := j - n
		if q == 0 || !sc.nameRune(q-1, covered) || sc.leftWordEndsAt(q) {
			return n
		}
	}
	return 0
}

// leftWordEndsAt reports whether a left word of two or more characters
// ends at rune offset q.
func (sc *scan) leftWordEndsAt(q int) bool {
	for l := 2; l <= sc.g.left.max && l <= q; l++ {
		if sc.g.left.words[sc.sub(q-l, q)] {
			return true
		}
	}
	return false
}

// generic reports a pattern place that is a common phrase: its name part
// ends with a generic modifier (示范社区), or a stop word covers its suffix
// (美丽乡村, 城乡, 社区矫正, 村民).
func (sc *scan) generic(p, j, e int) bool {
	part := sc.sub(p, j)
	if slices.ContainsFunc(sc.g.mods, func(m string) bool { return strings.HasSuffix(part, m) }) {
		return true
	}
	for l := e - j + 1; l <= sc.g.stop.max; l++ {
		for q := max(e-l, 0); q <= j && q+l <= len(sc.text); q++ {
			if sc.g.stop.words[sc.sub(q, q+l)] {
				return true
			}
		}
	}
	return false
}
