package extract

import (
	"slices"
	"unicode/utf8"
)

// breakerIndex holds the breakers (rules.PlaceWords.Break) by first rune,
// so that suffixAfter tries only those that may stand at a position.
type breakerIndex struct {
	byFirst map[rune][]string
	firsts  runeSet // the keys of byFirst, a test before the map
	empty   bool    // an empty word, which stands everywhere
}

func newBreakerIndex(words []string) breakerIndex {
	x := breakerIndex{byFirst: map[rune][]string{}}
	for _, w := range words {
		if w == "" {
			x.empty = true
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		x.byFirst[r] = append(x.byFirst[r], w)
		x.firsts.add(r)
	}
	return x
}

// at reports whether a breaker starts at rune offset i of the scan's text.
func (x *breakerIndex) at(sc *scan, i int) bool {
	if i > len(sc.text) {
		return false
	}
	if x.empty {
		return true
	}
	if i == len(sc.text) || !x.firsts.has(sc.text[i]) {
		return false
	}
	return slices.ContainsFunc(x.byFirst[sc.text[i]], func(w string) bool { return sc.hasAt(i, w) })
}
