package corpus

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/liuzl/gocc"
)

// Traditional-character text is converted to simplified characters, one
// character for one, so that rules and simplified queries read it; the
// text as written is kept beside it (Document.Written) for display and for
// the facts' names.

// traditionalShare is the share of Han characters that must be
// traditional-only for a text to count as written in traditional script:
// such texts run at 20% and more; a simplified text quoting a name or two
// stays far below.
const traditionalShare = 0.03

// toSimplifiedConv is OpenCC's traditional-to-simplified converter that also
// knows Hong Kong's variant characters (衞 → 卫), which t2s lacks.
var toSimplifiedConv = sync.OnceValues(func() (*gocc.OpenCC, error) { return gocc.New("hk2s") })

// traditionalOnly holds common characters that exist only in traditional
// script (們, 這, 國 …): the traditional half of hanzi.txt, as the
// converter maps them to something else.
var traditionalOnly = sync.OnceValue(func() map[rune]bool {
	set := map[rune]bool{}
	conv, err := toSimplifiedConv()
	if err != nil {
		return set
	}
	for r := range commonHan() {
		if s, err := conv.Convert(string(r)); err == nil && s != string(r) {
			set[r] = true
		}
	}
	return set
})

// isTraditional reports whether text is written in traditional script.
func isTraditional(text string) bool {
	trad := traditionalOnly()
	han, t := 0, 0
	for _, r := range text {
		if unicode.Is(unicode.Han, r) {
			han++
			if trad[r] {
				t++
			}
		}
	}
	return han > 0 && float64(t) >= traditionalShare*float64(han)
}

// toSimplified converts text in traditional script to simplified
// characters, keeping the number of characters (and so every offset). It
// reports false, and returns text unchanged, when the text is not
// traditional or the converter is not available.
func toSimplified(text string) (string, bool) {
	if !isTraditional(text) {
		return text, false
	}
	conv, err := toSimplifiedConv()
	if err != nil {
		return text, false
	}
	var b strings.Builder
	b.Grow(len(text))
	for _, line := range strings.SplitAfter(text, "\n") {
		b.WriteString(convertLine(conv, line))
	}
	return b.String(), true
}

// convertLine converts one line with the phrase tables, falling back to
// character by character where a phrase changed the length.
func convertLine(conv *gocc.OpenCC, line string) string {
	out, err := conv.Convert(line)
	if err == nil && utf8.RuneCountInString(out) == utf8.RuneCountInString(line) {
		return out
	}
	var b strings.Builder
	for _, r := range line {
		s, err := conv.Convert(string(r))
		if err != nil || utf8.RuneCountInString(s) != 1 {
			s = string(r)
		}
		b.WriteString(s)
	}
	return b.String()
}

// Simplified returns s in simplified characters when it is written in
// traditional script, else s itself. The index uses it for titles, so
// that simplified queries find traditional documents.
func Simplified(s string) string {
	out, _ := toSimplified(s)
	return out
}
