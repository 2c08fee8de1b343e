package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Normalize cleans decoded text and returns it with a map from each of its
// runes to the byte offset in s of the rune it came from. It applies, in
// order:
//
//   - Unicode NFC, segment by segment so that offsets survive;
//   - per-rune folding: CRLF and CR to LF; zero-width and other invisible
//     characters removed; NBSP and other spaces to a plain space; full-width
//     digits, Latin letters and ASCII punctuation to half-width (（ → (,
//     ， → ",", ５ → 5) while CJK punctuation (。、“”《》) stays; Kangxi
//     radicals and small, vertical and compatibility forms to their
//     ordinary characters; look-alikes (巿 → 市, ― → —, ‧ → ·, 〜 → ~);
//   - scraping noise in context: a stray ` ' or ’ between two Han characters
//     (or a Han character and CJK punctuation) is removed unless it is one of
//     a pair of quotes; a stray '.' between two Han characters is removed
//     (3.15 keeps its dot); l or I inside a run of digits reads as 1 and O as
//     0 (123l5 → 12315); ○, O or 0 between Chinese numerals reads as 〇
//     (二○一○年 → 二〇一〇年);
//   - a letter-spaced line of Han characters closed up (工 作 简 报 →
//     工作简报);
//   - line tidying: spaces and tabs trimmed at both ends of every line, runs
//     of blank lines collapsed to one, blank lines at the start and end
//     dropped.
//
// A removed rune has no entry; a replaced rune keeps the offset of the rune
// it replaces, so len(origin) == utf8.RuneCountInString(text) and the
// offsets never decrease.
func Normalize(s string) (text string, origin []int) {
	return normalize(s, false)
}

// normalize is Normalize, with the lines of PDF text reflowed (see
// reflowPDF) when pdf is set.
func normalize(s string, pdf bool) (text string, origin []int) {
	cells := composeNFC(s)
	cells = foldRunes(cells)
	cells = fixNoise(cells)
	if pdf {
		cells = reflowPDF(s, cells)
	}
	cells = closeSpacedLines(cells)
	cells = tidyLines(cells)
	var b strings.Builder
	b.Grow(len(s))
	origin = make([]int, len(cells))
	for i, c := range cells {
		b.WriteRune(c.r)
		origin[i] = c.off
	}
	return b.String(), origin
}

// cell is one rune of text being normalised and the byte offset of the
// rune it came from in the input.
type cell struct {
	r   rune
	off int
}

// composeNFC converts s to cells in NFC. Each normalisation segment that is
// already in NFC keeps its runes' offsets; the runes of a segment that
// changes take the offsets of the segment's runes pairwise when the rune
// count is unchanged, else the segment's start.
func composeNFC(s string) []cell {
	cells := make([]cell, 0, len(s)/2)
	if norm.NFC.IsNormalString(s) {
		for i, r := range s {
			cells = append(cells, cell{r, i})
		}
		return cells
	}
	for i := 0; i < len(s); {
		n := norm.NFC.NextBoundaryInString(s[i:], true)
		if n <= 0 {
			n = len(s) - i
		}
		seg := s[i : i+n]
		if norm.NFC.IsNormalString(seg) {
			for j, r := range seg {
				cells = append(cells, cell{r, i + j})
			}
			i += n
			continue
		}
		out := norm.NFC.String(seg)
		var offs []int
		for j := range seg {
			offs = append(offs, i+j)
		}
		k := 0
		same := utf8.RuneCountInString(out) == len(offs)
		for _, r := range out {
			off := i
			if same {
				off = offs[k]
			}
			cells = append(cells, cell{r, off})
			k++
		}
		i += n
	}
	return cells
}

// foldRunes applies the context-free, rune-by-rune changes.
func foldRunes(in []cell) []cell {
	out := in[:0:0]
	for i, c := range in {
		r := c.r
		switch {
		case r == '\r':
			if i+1 < len(in) && in[i+1].r == '\n' {
				continue
			}
			r = '\n'
		case r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			r = '\n'
		case invisible(r):
			continue
		case r == 0xA0 || r == 0x3000 || r == 0x202F || r == 0x205F || (r >= 0x2000 && r <= 0x200A):
			r = ' '
		default:
			r = foldRune(r)
		}
		out = append(out, cell{r, c.off})
	}
	return out
}

// invisible reports whether r is a zero-width, formatting or control
// character that carries no text.
func invisible(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x2060, r == 0xFEFF, r == 0x00AD, r == 0x180E:
		return true
	case r >= 0x200E && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2061 && r <= 0x206F:
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF: // variation selectors
		return true
	case r < 0x20 || (r >= 0x7F && r < 0xA0):
		return true
	}
	return false
}

// lookalikes maps characters that scraped or converted Chinese text uses in
// place of the ordinary ones.
var lookalikes = map[rune]rune{
	0x5DFF: '市', // 巿 (the radical-like fu) for 市
	0x2015: '—', // horizontal bar, GB2312's dash in some mappings
	0x2027: '·', // hyphenation point, Big5's middle dot
	0x30FB: '·', // katakana middle dot
	0x2219: '·', // bullet operator
	0x22C5: '·', // dot operator
	0x301C: '~', // wave dash
	0x223C: '~', // tilde operator
}

// foldRune maps one rune: look-alikes, compatibility forms, then width.
func foldRune(r rune) rune {
	if m, ok := lookalikes[r]; ok {
		return m
	}
	if compatForm(r) {
		s := norm.NFKC.String(string(r))
		if m, n := utf8.DecodeRuneInString(s); n == len(s) && m != utf8.RuneError {
			r = m
			if mm, ok := lookalikes[r]; ok {
				r = mm
			}
		}
	}
	if f := width.LookupRune(r).Folded(); f != 0 && f != r && fullwidthASCII(r) {
		return f
	}
	if r == 0xFF61 || r == 0xFF64 || r == 0xFF62 || r == 0xFF63 || r == 0xFF65 {
		// half-width CJK punctuation to its ordinary form
		if f := width.LookupRune(r).Folded(); f != 0 {
			if m, ok := lookalikes[f]; ok {
				return m
			}
			return f
		}
	}
	return r
}

// fullwidthASCII reports whether r is a full-width form of an ASCII
// character (digits, letters, punctuation) or of ¢ £ ¬ ¯ ¦ ¥ ₩.
func fullwidthASCII(r rune) bool {
	return (r >= 0xFF01 && r <= 0xFF5E) || (r >= 0xFFE0 && r <= 0xFFE6)
}

// compatForm reports whether r belongs to a block whose characters are
// presentation variants of ordinary ones: Kangxi radicals, CJK radicals,
// vertical forms, compatibility forms and small form variants.
func compatForm(r rune) bool {
	return (r >= 0x2E80 && r <= 0x2FDF) || (r >= 0xFE10 && r <= 0xFE1F) || (r >= 0xFE30 && r <= 0xFE6F)
}

// isHan reports whether r is a Han character (〇 included).
func isHan(r rune) bool {
	return r == '〇' || unicode.Is(unicode.Han, r)
}

// isCJKPunct reports whether r is punctuation used in Chinese text,
// including the half-width forms that width folding produces.
func isCJKPunct(r rune) bool {
	switch {
	case r >= 0x3001 && r <= 0x303F && r != 0x3007:
		return true
	case strings.ContainsRune("“”‘’—…·,.;:!?()", r):
		return true
	}
	return false
}

// chineseNumeral reports whether r is a Chinese digit.
func chineseNumeral(r rune) bool {
	return strings.ContainsRune("〇零一二三四五六七八九十", r)
}

// fixNoise removes or repairs scraping noise that depends on the
// neighbouring characters. Decisions look at the already repaired left
// neighbour and the raw right neighbour; all look-ahead is precomputed so
// the pass stays linear.
func fixNoise(in []cell) []cell {
	quotes := pairedQuotes(in)
	next, afterZeros := lookahead(in)
	digitish := digitRuns(in)
	out := in[:0:0]
	prev := func() rune {
		if len(out) == 0 {
			return 0
		}
		return out[len(out)-1].r
	}
	for i, c := range in {
		r := c.r
		switch r {
		case '`', '\'', '’':
			if !quotes[i] && strayBetween(prev(), next[i]) {
				continue
			}
		case '.':
			if isHan(prev()) && isHan(next[i]) {
				continue
			}
		case 'l', 'I', 'O', 'o':
			if digitish[i] && isDigit(prev()) && i+1 < len(in) && isDigit(in[i+1].r) {
				if r == 'l' || r == 'I' {
					r = '1'
				} else {
					r = '0'
				}
			} else if (r == 'O' || r == 'o') && numeralZero(prev(), afterZeros[i]) {
				r = '〇'
			}
		case '○', '◯', '0':
			if numeralZero(prev(), afterZeros[i]) {
				r = '〇'
			}
		}
		out = append(out, cell{r, c.off})
	}
	return out
}

// lookahead returns, for every position, the next rune that is not a
// stray-mark candidate (` ' ’) and the next rune that is not a zero mark
// (○ ◯ 0 O o); 0 at the end of the text.
func lookahead(in []cell) (next, afterZeros []rune) {
	next = make([]rune, len(in))
	afterZeros = make([]rune, len(in))
	var nq, nz rune
	for i := len(in) - 1; i >= 0; i-- {
		next[i], afterZeros[i] = nq, nz
		r := in[i].r
		if r != '`' && r != '\'' && r != '’' {
			nq = r
		}
		if !zeroMark(r) {
			nz = r
		}
	}
	return next, afterZeros
}

// zeroMark reports whether r can stand for 〇 among Chinese numerals.
func zeroMark(r rune) bool {
	return r == '○' || r == '◯' || r == '0' || r == 'O' || r == 'o'
}

// strayBetween reports whether a mark between a and b is noise: both sides
// are Han or CJK punctuation, and at least one is Han.
func strayBetween(a, b rune) bool {
	ha, hb := isHan(a), isHan(b)
	return (ha || hb) && (ha || isCJKPunct(a)) && (hb || isCJKPunct(b))
}

// pairedQuotes marks the ' and ’ that are quotation marks: two ' on one line
// at most 20 runes apart with no 。 between, and a ’ that closes a ‘ at most
// 30 runes before it on the same line.
func pairedQuotes(in []cell) map[int]bool {
	paired := map[int]bool{}
	lastASCII, lastOpen := -1, -1
	for i, c := range in {
		switch c.r {
		case '\n', '。':
			lastASCII, lastOpen = -1, -1
		case '\'':
			if lastASCII >= 0 && i-lastASCII <= 21 {
				paired[lastASCII], paired[i] = true, true
				lastASCII = -1
			} else {
				lastASCII = i
			}
		case '‘':
			lastOpen = i
		case '’':
			if lastOpen >= 0 && i-lastOpen <= 31 {
				paired[i] = true
				lastOpen = -1
			}
		}
	}
	return paired
}

// digitRuns marks the positions inside runs of ASCII letters and digits
// that hold no letters but l, I, O and o: where a letter may stand for a
// digit (123l5, but not A1l5).
func digitRuns(in []cell) []bool {
	marks := make([]bool, len(in))
	for i := 0; i < len(in); {
		if !isAlnum(in[i].r) {
			i++
			continue
		}
		j, ok := i, true
		for ; j < len(in) && isAlnum(in[j].r); j++ {
			if r := in[j].r; !isDigit(r) && r != 'l' && r != 'I' && r != 'O' && r != 'o' {
				ok = false
			}
		}
		for k := i; k < j; k++ {
			marks[k] = ok
		}
		i = j
	}
	return marks
}

// numeralZero reports whether a zero mark (○, O or 0) stands for 〇: it
// follows a Chinese numeral (prev) and the run of zero marks it starts
// ends in a Chinese numeral or 年 (after).
func numeralZero(prev, after rune) bool {
	return chineseNumeral(prev) && (chineseNumeral(after) || after == '年')
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isAlnum(r rune) bool {
	return isDigit(r) || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// closeSpacedLines removes the spaces of a letter-spaced line: three Han
// characters or more, each one space from the next and nothing else on the
// line (a signature or heading set out wide: 万 安 县 应 急 管 理 局,
// 工 作 简 报).
func closeSpacedLines(in []cell) []cell {
	out := in[:0:0]
	for start := 0; start < len(in); {
		end := start
		for end < len(in) && in[end].r != '\n' {
			end++
		}
		line := in[start:end]
		lo, hi := 0, len(line)
		for lo < hi && (line[lo].r == ' ' || line[lo].r == '\t') {
			lo++
		}
		for hi > lo && (line[hi-1].r == ' ' || line[hi-1].r == '\t') {
			hi--
		}
		if letterSpaced(line[lo:hi]) {
			out = append(out, line[:lo]...)
			for _, c := range line[lo:hi] {
				if c.r != ' ' {
					out = append(out, c)
				}
			}
			out = append(out, line[hi:]...)
		} else {
			out = append(out, line...)
		}
		if end < len(in) {
			out = append(out, in[end])
		}
		start = end + 1
	}
	return out
}

// letterSpaced reports a run of three Han characters or more that
// alternate with single spaces: 工 作 简 报.
func letterSpaced(cells []cell) bool {
	if len(cells) < 5 || len(cells)%2 == 0 {
		return false
	}
	for i, c := range cells {
		if i%2 == 0 && !isHan(c.r) || i%2 == 1 && c.r != ' ' {
			return false
		}
	}
	return true
}

// tidyLines trims spaces and tabs at both ends of each line, collapses runs
// of blank lines to one and drops blank lines at both ends of the text. The
// newlines kept are those that ended the lines before them.
func tidyLines(in []cell) []cell {
	out := in[:0:0]
	var sep []cell // newlines to write before the next non-blank line
	for start := 0; ; {
		end := start
		for end < len(in) && in[end].r != '\n' {
			end++
		}
		lo, hi := start, end
		for lo < hi && (in[lo].r == ' ' || in[lo].r == '\t') {
			lo++
		}
		for hi > lo && (in[hi-1].r == ' ' || in[hi-1].r == '\t') {
			hi--
		}
		if lo < hi {
			if len(out) > 0 {
				out = append(out, sep...)
			}
			out = append(out, in[lo:hi]...)
			sep = sep[:0]
		}
		if end >= len(in) {
			return out
		}
		if len(out) > 0 && len(sep) < 2 {
			sep = append(sep, in[end])
		}
		start = end + 1
	}
}
