package extract

import (
	"testing"
	"unicode"
)

// TestIsWhiteSpace checks isWhiteSpace against unicode.IsSpace over the
// Basic Multilingual Plane and beyond.
func TestIsWhiteSpace(t *testing.T) {
	for r := rune(0); r < 0x20000; r++ {
		if isWhiteSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("isWhiteSpace(%U) = %v", r, isWhiteSpace(r))
		}
	}
}
