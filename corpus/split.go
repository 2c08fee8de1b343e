package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// line is one line of normalised text with the origins of its runes.
type line struct {
	text    string
	written string // the line as written, when text was converted to simplified characters
	origin  []int  // one offset per rune of text
	nl      int    // origin of the newline that ends the line; -1 for the last line
}

// converted reports whether the part's lines were converted to simplified
// characters (and so carry their text as written).
func (p part) converted() bool {
	for _, l := range p.lines {
		if l.written != "" {
			return true
		}
	}
	return false
}

// shown returns the line as written.
func (l line) shown() string {
	if l.written != "" {
		return l.written
	}
	return l.text
}

// splitLines cuts normalised text into lines, keeping each rune's origin.
func splitLines(text string, origin []int) []line {
	var lines []line
	k := 0 // rune index
	for text != "" {
		i := strings.IndexByte(text, '\n')
		seg := text
		if i >= 0 {
			seg = text[:i]
		}
		n := utf8.RuneCountInString(seg)
		l := line{text: seg, origin: origin[k : k+n : k+n], nl: -1}
		k += n
		if i < 0 {
			lines = append(lines, l)
			break
		}
		l.nl = origin[k]
		k++
		lines = append(lines, l)
		text = text[i+1:]
	}
	return lines
}

// part is one document's lines: a summary of a compilation (title = its
// heading) or a whole file (title = "").
type part struct {
	title string
	lines []line
}

// text joins the part's lines with the newlines that ended them, with at
// most one blank line in a row and none at either end.
func (p part) text() (text, written string, origin []int) {
	var (
		b, w strings.Builder
		sep  []int // newline origins waiting for the next non-blank line
	)
	for i, l := range p.lines {
		if l.text != "" {
			if b.Len() > 0 {
				for range sep {
					b.WriteByte('\n')
					w.WriteByte('\n')
				}
				origin = append(origin, sep...)
			}
			sep = sep[:0]
			b.WriteString(l.text)
			w.WriteString(l.written)
			origin = append(origin, l.origin...)
		}
		if b.Len() > 0 && len(sep) < 2 && i+1 < len(p.lines) && l.nl >= 0 {
			sep = append(sep, l.nl)
		}
	}
	if !p.converted() {
		return b.String(), "", origin
	}
	return b.String(), w.String(), origin
}

// split divides a file's lines into documents. A compilation — at least two
// heading lines with one numbering scheme whose numbers run 1, 2, 3… in
// order — becomes one part per heading, the heading line first; the lines
// before the first heading (the page title and the site blurb) are dropped.
// Any other file is one part. Boilerplate lines are dropped everywhere.
func split(lines []line, bp *Boilerplate) []part {
	keep := func(ls []line) []line {
		var out []line
		list := false // in a list of other articles' titles
		for _, l := range ls {
			if _, ok := bp.Match(l.text); ok {
				list = list || listHeader.MatchString(l.text)
				continue
			}
			if list && listItem(l.text) {
				continue
			}
			list = false
			out = append(out, l)
		}
		return out
	}
	heads := headings(lines)
	if len(heads) < 2 {
		return []part{{lines: keep(lines)}}
	}
	parts := make([]part, len(heads))
	for k, h := range heads {
		end := len(lines)
		if k+1 < len(heads) {
			end = heads[k+1]
		}
		parts[k] = part{
			title: lines[h].shown(),
			lines: append([]line{lines[h]}, keep(lines[h+1:end])...),
		}
	}
	return parts
}

// listHeader matches the heading of a list of other articles that a page
// copied to text keeps after the report (往期推荐, 相关阅读, 猜你喜欢).
var listHeader = regexp.MustCompile(`^(往期(推荐|回顾|精选)|相关(推荐|阅读|文章|链接|新闻|信息)|推荐阅读|延伸阅读|猜你喜欢|精彩(推荐|回顾)|热门(推荐|文章|阅读)|热点(推荐|新闻|排行)|最新(文章|推荐|更新)|为你推荐|大家都在看)`)

// listItem reports a line that reads as an item of such a list: an
// article's title, short and without a sentence's final punctuation.
func listItem(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if utf8.RuneCountInString(s) > 40 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune("。!?;!?;", r)
}

// A heading scheme: pattern's first group is the number; marker, when set,
// must match the rest of the line (group 2). Schemes with a stem (the text
// before the number) only group headings with the same stem.
type headingScheme struct {
	name   string
	re     *regexp.Regexp
	stem   bool // group 1 is a stem shared by all headings; group 2 the number
	marker *regexp.Regexp
}

const (
	numberPattern = `([0-9]{1,2}|[一二三四五六七八九十]{1,3})`
	docWords      = `(总结|汇报|报告|简报|方案|计划|心得|体会|范文|材料|讲话|发言|致辞|通讯|稿)`
)

var headingSchemes = []headingScheme{
	// 篇1, 篇一, 篇一:…, 【篇一】…
	{name: "篇", re: regexp.MustCompile(`^[【\[]?篇\s*` + numberPattern + `\s*([】\]].*|[:、.\s].*)?$`)},
	// …总结 篇一, …【篇一】
	{name: "篇尾", re: regexp.MustCompile(`^.+?[\s【\[(:]篇\s*` + numberPattern + `[】\])]?$`)},
	// 第一篇…, 【第一篇】…
	{name: "第篇", re: regexp.MustCompile(`^[【\[]?第\s*` + numberPattern + `\s*篇`)},
	// 范文1, 范文一:…, …范文1, 【范文一】
	{name: "范文", re: regexp.MustCompile(`^[【\[]?(?:.*[^0-9])?范文\s*` + numberPattern + `\s*([】\]].*|[:、.\s].*)?$`)},
	// (一)…总结, 【一】…总结
	{name: "括号", re: regexp.MustCompile(`^[(【\[]` + numberPattern + `[)】\]]\s*(.+)$`),
		marker: regexp.MustCompile(docWords + `(\s*[(【\[]?[0-9一二三四五六七八九十]{1,3}[)】\]]?)?$`)},
	// …总结1, …总结(一), …报告 2
	{name: "尾号", stem: true, re: regexp.MustCompile(`^(.*` + docWords + `)\s*[(【\[]?` + numberPattern + `[)】\]]?$`)},
}

// headings returns the line indexes of the document headings of a
// compilation, or nil. For every scheme (and stem) it takes, in line order,
// the headings numbered 1, 2, 3…; the scheme with the most wins, ties going
// to the earliest first heading.
func headings(lines []line) []int {
	type run struct {
		next  int
		lines []int
	}
	runs := map[string]*run{}
	var order []string
	for i, l := range lines {
		if !headingShape(l.text) {
			continue
		}
		for _, s := range headingSchemes {
			m := s.re.FindStringSubmatch(l.text)
			if m == nil {
				continue
			}
			key, num := s.name, m[1]
			if s.stem {
				key, num = s.name+":"+strings.TrimSpace(m[1]), m[3]
			}
			if s.marker != nil && !s.marker.MatchString(m[2]) {
				continue
			}
			n := chineseNumber(num)
			r := runs[key]
			if r == nil {
				r = &run{next: 1}
				runs[key] = r
				order = append(order, key)
			}
			if n == r.next {
				r.lines = append(r.lines, i)
				r.next++
			}
		}
	}
	var best []int
	for _, key := range order {
		r := runs[key]
		if len(r.lines) < 2 {
			continue
		}
		if len(r.lines) > len(best) || (len(r.lines) == len(best) && r.lines[0] < best[0]) {
			best = r.lines
		}
	}
	return best
}

// headingShape reports whether s is short enough and unpunctuated enough
// to be a heading: at most 40 runes, no 。 and no clause-ending mark at the end.
func headingShape(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 40 || strings.Contains(s, "。") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(",;!?、", last)
}

// looksLikeTitle reports whether a first line can serve as a title: short,
// with no 。 and not ending like a clause or a salutation.
func looksLikeTitle(s string) bool {
	if !headingShape(s) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return last != ':'
}

// chineseNumber parses 1–99 written in Arabic digits or Chinese numerals
// (一 … 九十九); it returns 0 for anything else.
func chineseNumber(s string) int {
	if s == "" {
		return 0
	}
	if s[0] >= '0' && s[0] <= '9' {
		n := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return hanDigit(rs[0])
	case len(rs) == 2 && rs[0] == '十' && hanDigit(rs[1]) > 0:
		return 10 + hanDigit(rs[1])
	case len(rs) == 2 && rs[1] == '十' && hanDigit(rs[0]) > 1:
		return 10 * hanDigit(rs[0])
	case len(rs) == 3 && rs[1] == '十' && hanDigit(rs[0]) > 1 && hanDigit(rs[2]) > 0:
		return 10*hanDigit(rs[0]) + hanDigit(rs[2])
	}
	return 0
}

// hanDigit is the value of 一 … 九, or 0.
func hanDigit(r rune) int {
	for i, d := range []rune("一二三四五六七八九") {
		if r == d {
			return i + 1
		}
	}
	return 0
}
