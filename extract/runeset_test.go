package extract

import (
	"strings"
	"testing"
	"unicode"
)

// startRuneByParts is startRune as the number reader defines it, rune by
// rune, to check the table.
func startRuneByParts(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9' || r == '.' || r == '-'
	}
	if r >= '０' && r <= '９' || numeralRune(r) {
		return true
	}
	switch r {
	case '．', '－', '−', '负', '負':
		return true
	}
	return strings.ContainsRune(hedgeStarts, r)
}

func TestRuneTables(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := startRune(r), startRuneByParts(r); got != want {
			t.Errorf("startRune(%q) = %v, want %v", r, got, want)
		}
		if got, want := isHan(r), unicode.Is(unicode.Han, r); got != want {
			t.Errorf("isHan(%q) = %v, want %v", r, got, want)
		}
		if got, want := isClauseBreak(r), strings.ContainsRune(clauseBreaks, r); got != want {
			t.Errorf("isClauseBreak(%q) = %v, want %v", r, got, want)
		}
		if got, want := hedgeFirsts.has(r), strings.ContainsRune(hedgeStarts, r); got != want {
			t.Errorf("hedgeFirsts.has(%q) = %v, want %v", r, got, want)
		}
	}
}

func TestPatternSuffixFirst(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		_, want := patternSuffixes[r]
		if got := patternSuffixFirst(r); got != want {
			t.Errorf("patternSuffixFirst(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestTrieRootTable checks that the roots' hash tables find the same
// children as binary search, for every rune of the BMP.
func TestTrieRootTable(t *testing.T) {
	e := newTestExtractor(t)
	for name, c := range e.classes {
		for _, root := range []*trieNode{c.root, c.suffixes} {
			plain := &trieNode{keys: root.keys, kids: root.kids}
			for r := rune(0); r < 1<<16; r++ {
				if got, want := root.child(r), plain.child(r); got != want {
					t.Fatalf("%s: child(%q) differs with the hash table", name, r)
				}
			}
		}
	}
}
