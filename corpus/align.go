package corpus

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// sourceText returns the characters of the text of an HTML source in
// document order, each with its byte offset in src: the text between tags
// (script and style contents included), with character references decoded
// to the offset of their '&'.
func sourceText(src string) []cell {
	var out []cell
	z := html.NewTokenizerFragment(strings.NewReader(src), "")
	pos := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		raw := string(z.Raw())
		if tt == html.TextToken {
			out = appendUnescaped(out, raw, pos)
		}
		pos += len(raw)
	}
}

// appendUnescaped appends the characters of raw text at offset base,
// decoding character references.
func appendUnescaped(out []cell, raw string, base int) []cell {
	for i := 0; i < len(raw); {
		if raw[i] == '&' {
			if j := strings.IndexByte(raw[i:min(len(raw), i+12)], ';'); j > 0 {
				ref := raw[i : i+j+1]
				if u := html.UnescapeString(ref); u != ref {
					for _, r := range u {
						out = append(out, cell{r, base + i})
					}
					i += j + 1
					continue
				}
			}
		}
		r, n := utf8.DecodeRuneInString(raw[i:])
		out = append(out, cell{r, base + i})
		i += n
	}
	return out
}

// alignWindow is how far (in source characters) the alignment looks for
// the next character of a line before it gives the character an
// approximate offset.
const alignWindow = 64

// anchorLength is how many leading characters of a line locate it in the
// source, and anchorWindow how far (in source characters) to look for them.
const (
	anchorLength = 6
	anchorWindow = 20000
)

// alignText maps each byte offset of text (extracted from an HTML page,
// lines separated by "\n") that starts a rune to a byte offset in the
// page source whose characters are src. Each line is first anchored at
// the next place in the source where its first characters appear; then
// each character takes the offset of its next occurrence within a short
// window. Characters the renderer inserted (line breaks, tabs, collapsed
// spaces) and characters not found take the previous offset, so the
// offsets never decrease.
func alignText(text string, src []cell) []int {
	offs := make([]int, len(text)+1)
	cursor, last := 0, 0
	start := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if j := findAnchor(line, src, cursor); j >= 0 {
			cursor = j
		}
		for i, r := range line {
			if !isSpaceRune(r) {
				if k := findRune(r, src, cursor); k >= 0 {
					last, cursor = max(last, src[k].off), k+1
				}
			}
			offs[start+i] = last
		}
		start += len(line)
	}
	offs[len(text)] = last
	return offs
}

// isSpaceRune reports the white space that rendering may insert or collapse.
func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0xA0 || r == 0x3000
}

// findRune returns the index of the next r in src from cursor within the
// window, or -1.
func findRune(r rune, src []cell, cursor int) int {
	for k := cursor; k < len(src) && k < cursor+alignWindow; k++ {
		if src[k].r == r {
			return k
		}
	}
	return -1
}

// findAnchor returns the index in src, from cursor on and within the
// anchor window, where the first non-space characters of line appear in
// order with only white space between them, or -1.
func findAnchor(line string, src []cell, cursor int) int {
	var anchor []rune
	for _, r := range line {
		if !isSpaceRune(r) {
			anchor = append(anchor, r)
			if len(anchor) == anchorLength {
				break
			}
		}
	}
	if len(anchor) == 0 {
		return -1
	}
outer:
	for j := cursor; j < len(src) && j < cursor+anchorWindow; j++ {
		if src[j].r != anchor[0] {
			continue
		}
		k := j + 1
		for _, r := range anchor[1:] {
			for k < len(src) && isSpaceRune(src[k].r) {
				k++
			}
			if k >= len(src) || src[k].r != r {
				continue outer
			}
			k++
		}
		return j
	}
	return -1
}
