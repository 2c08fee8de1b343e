package corpus

import (
	"strings"
	"unicode/utf8"
)

// needleIndex finds, in one pass over a line, the boilerplate rules whose
// required strings the line holds, instead of one strings.Contains per
// string and rule: the strings are indexed by their first rune.
type needleIndex struct {
	byFirst map[rune][]needle
	rules   int // the number of rules; candidates marks them in a bit set
}

// needle is one required string of the rule numbered rule.
type needle struct {
	s       string
	rule    int
	atStart bool
}

func newNeedleIndex(rules []boilerRule) *needleIndex {
	ix := &needleIndex{byFirst: map[rune][]needle{}, rules: len(rules)}
	for k, r := range rules {
		for _, s := range r.needs {
			first, _ := utf8.DecodeRuneInString(s)
			ix.byFirst[first] = append(ix.byFirst[first], needle{s: s, rule: k, atStart: r.atStart})
		}
	}
	return ix
}

// candidates returns the set of rules whose required strings occur in
// line (at its start for an anchored rule), as bits of words: rule k is
// bit k%64 of word k/64.
func (ix *needleIndex) candidates(line string, words []uint64) []uint64 {
	words = append(words[:0], make([]uint64, (ix.rules+63)/64)...)
	for i, r := range line {
		for _, n := range ix.byFirst[r] {
			if n.atStart && i > 0 || words[n.rule/64]&(1<<(n.rule%64)) != 0 {
				continue
			}
			if strings.HasPrefix(line[i:], n.s) {
				words[n.rule/64] |= 1 << (n.rule % 64)
			}
		}
	}
	return words
}
