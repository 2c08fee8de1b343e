package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// A PDF is read through pdftotext (poppler-utils) when it is on PATH:
// `pdftotext -layout -enc UTF-8 FILE -` prints the text of each page in
// its layout, every page ended by a form feed. A PDF of scanned pages
// has no text, and one whose fonts do not map their glyphs to Unicode
// gives garbage, so the text is checked (see checkPDFText) before it is
// used. Its lines are then rejoined where the page width broke a sentence
// (see reflowPDF).

// Reasons a PDF cannot be used.
var (
	// ErrNeedsOCR is a PDF whose text is missing (scanned pages) or
	// garbled (fonts without a Unicode map).
	ErrNeedsOCR = errors.New("需要 OCR（scanned or garbled PDF）")
	// ErrNeedsPdftotext is a PDF met where pdftotext is not installed.
	ErrNeedsPdftotext = errors.New("PDF 需要 pdftotext（poppler-utils）")
)

const (
	// pdfTimeout bounds one run of pdftotext.
	pdfTimeout = time.Minute
	// maxPDFText is the most text taken from one PDF.
	maxPDFText = 64 << 20
	// minHanPerPage is the fewest Han characters a page of a report has
	// on average; a report page holds hundreds.
	minHanPerPage = 20
	// maxBadShare is the largest share of replacement, private-use and
	// control characters among the non-ASCII and control characters.
	maxBadShare = 0.05
	// minCommonShare is the smallest share of the Han characters that are
	// common ones (hanzi.txt): about 0.7 in Chinese prose, a few percent
	// in characters picked at random by a broken font map.
	minCommonShare = 0.3
)

// readPDF extracts the text of a PDF with pdftotext.
func readPDF(data []byte) (page, error) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return page{}, ErrNeedsPdftotext
	}
	text, err := pdfToText(bin, data)
	if err != nil {
		return page{}, err
	}
	if err := checkPDFText(text); err != nil {
		return page{}, err
	}
	return page{text: text, encoding: "utf-8", confidence: 1}, nil
}

// pdfToText runs pdftotext on the bytes of a PDF, through a temporary
// file.
func pdfToText(bin string, data []byte) (string, error) {
	tmp, err := os.CreateTemp("", "zongjie-*.pdf")
	if err != nil {
		return "", fmt.Errorf("pdftotext: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if e := tmp.Close(); err == nil {
		err = e
	}
	if err != nil {
		return "", fmt.Errorf("pdftotext: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-layout", "-enc", "UTF-8", tmp.Name(), "-")
	out := &cappedBuffer{max: maxPDFText}
	errOut := &cappedBuffer{max: 4096}
	cmd.Stdout, cmd.Stderr = out, errOut
	cmd.WaitDelay = 5 * time.Second
	err = cmd.Run()
	switch {
	case ctx.Err() != nil:
		return "", reasonError{fmt.Sprintf("PDF 转换超时（pdftotext 超过 %s；timeout）", pdfTimeout), nil}
	case err != nil && strings.Contains(strings.ToLower(errOut.String()), "password"):
		return "", ErrEncrypted
	case err != nil:
		return "", brokenError("pdf", fmt.Errorf("pdftotext: %v: %s", err, firstLine(errOut.String())))
	case out.cut:
		return "", fmt.Errorf("%w（PDF 文本超过 %s；too large）", ErrTooLarge, mib(maxPDFText))
	}
	return strings.ToValidUTF8(out.String(), "\uFFFD"), nil
}

// cappedBuffer keeps the first max bytes written to it and drops the
// rest, so that a program writing to it is never blocked.
type cappedBuffer struct {
	bytes.Buffer
	max int
	cut bool // bytes were dropped
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); len(p) > room {
		b.cut = true
		b.Buffer.Write(p[:max(room, 0)])
		return len(p), nil
	}
	return b.Buffer.Write(p)
}

// firstLine returns the first non-blank line of s.
func firstLine(s string) string {
	for l := range strings.Lines(s) {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// checkPDFText reports ErrNeedsOCR for the text of a PDF that is not
// worth indexing: fewer than minHanPerPage Han characters per page, a
// share of bad characters over maxBadShare, or Han characters that are
// too rarely common ones.
func checkPDFText(text string) error {
	pages := max(strings.Count(strings.TrimRight(text, "\f\n "), "\f")+1, 1)
	var han, common, bad, other int
	for _, r := range text {
		switch {
		case isHan(r):
			han++
			if commonHan()[r] {
				common++
			}
		case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		case wrongRune(r) || r < 0x20 || r == 0x7f:
			bad++
		case r >= 0x80:
			other++
		}
	}
	switch {
	case han < minHanPerPage*pages:
		return fmt.Errorf("%w（%d 页，汉字 %d 个）", ErrNeedsOCR, pages, han)
	case float64(bad) > maxBadShare*float64(han+bad+other):
		return fmt.Errorf("%w（乱码 %d 个）", ErrNeedsOCR, bad)
	case han >= 50 && float64(common) < minCommonShare*float64(han):
		return fmt.Errorf("%w（常用字仅占 %d%%）", ErrNeedsOCR, 100*common/han)
	}
	return nil
}

// pdfLine is a line of PDF text being reflowed.
type pdfLine struct {
	cells []cell // the line without its newline
	nl    *cell  // the newline that ends it, nil for the last line
	page  bool   // the newline was a page break (form feed)
	drop  bool   // a page number, dropped
}

// text returns the line's runes, without leading and trailing spaces.
func (l pdfLine) text() string {
	var b strings.Builder
	for _, c := range l.cells {
		b.WriteRune(c.r)
	}
	return strings.TrimSpace(b.String())
}

// indent counts the line's leading spaces.
func (l pdfLine) indent() int {
	n := 0
	for n < len(l.cells) && l.cells[n].r == ' ' {
		n++
	}
	return n
}

// reflowPDF undoes the layout of PDF text in normalised cells: it drops
// page numbers next to page breaks, joins a line to the next when the
// page width broke a sentence there, and removes single spaces between
// Han characters (and between a Han character and a Latin letter or a
// digit: pdftotext marks font changes and Word's spacing with them). A
// line laid out in columns (two spaces or more inside it, as in a table
// row) keeps its single spaces, has each wider gap made a tab and is
// never joined. src
// is the text the cells' offsets point into, where a page break is a
// form feed.
//
// A line is joined to the next non-blank one when it does not end a
// sentence (。!?;:… before any closing quotes) and either it ends with a
// comma or 、 or it reaches the usual full width of the text; the next
// line must not be indented more (a paragraph's first line) nor start a
// numbered heading, and only blank lines that hold a page break may lie
// between.
func reflowPDF(src string, in []cell) []cell {
	lines := pdfLines(src, in)
	dropPageNumbers(lines)
	full := fullWidth(lines)
	var out []cell
	prev := -1 // the last non-blank line written
	for i, l := range lines {
		if l.drop {
			continue
		}
		if l.text() == "" {
			out = appendNL(out, l)
			continue
		}
		body := l.cells
		if prev >= 0 && joinableGap(lines[prev+1:i]) && joins(lines[prev], l, full) {
			out = trimNewlines(out)
			body = body[l.indent():]
			if (isAlnum(lastRune(lines[prev])) || spacedDot(lines[prev])) && isAlnum(body[0].r) {
				out = append(out, cell{' ', lines[prev].nl.off})
			}
		}
		if columns(l) {
			out = append(out, tabColumns(body)...)
		} else {
			out = append(out, squeezeSpaces(body)...)
		}
		out = appendNL(out, l)
		prev = i
	}
	return out
}

// columns reports whether a line is laid out in columns (a table row):
// two spaces or more inside it.
func columns(l pdfLine) bool {
	in := l.cells[l.indent():]
	for i := 1; i < len(in); i++ {
		if in[i].r == ' ' && in[i-1].r == ' ' {
			return slices.ContainsFunc(in[i:], func(c cell) bool { return c.r != ' ' })
		}
	}
	return false
}

// tabColumns turns the runs of two spaces or more inside a line into a
// tab, as between the cells of a docx table row.
func tabColumns(cells []cell) []cell {
	out := make([]cell, 0, len(cells))
	for i := 0; i < len(cells); i++ {
		c := cells[i]
		if c.r == ' ' && i+1 < len(cells) && cells[i+1].r == ' ' && len(out) > 0 {
			for i+1 < len(cells) && cells[i+1].r == ' ' {
				i++
			}
			c.r = '\t'
		}
		out = append(out, c)
	}
	return out
}

// joinableGap reports whether the lines between two lines of text let
// them join: none, or blank lines and page numbers around a page break.
func joinableGap(gap []pdfLine) bool {
	blank, page := false, false
	for _, l := range gap {
		blank = blank || !l.drop
		page = page || l.page
	}
	return !blank || page
}

// pdfLines cuts cells into lines, marking page breaks by the source.
func pdfLines(src string, in []cell) []pdfLine {
	var lines []pdfLine
	start := 0
	for i := range in {
		if in[i].r != '\n' {
			continue
		}
		nl := &in[i]
		lines = append(lines, pdfLine{cells: in[start:i], nl: nl, page: nl.off < len(src) && src[nl.off] == '\f'})
		start = i + 1
	}
	return append(lines, pdfLine{cells: in[start:]})
}

// appendNL appends the newline that ends a line, if it has one.
func appendNL(out []cell, l pdfLine) []cell {
	if l.nl == nil {
		return out
	}
	return append(out, *l.nl)
}

// trimNewlines drops the newlines (and blank lines) at the end of out.
func trimNewlines(out []cell) []cell {
	for len(out) > 0 && (out[len(out)-1].r == '\n' || out[len(out)-1].r == ' ') {
		out = out[:len(out)-1]
	}
	return out
}

// spacedDot reports whether a line ends in the spaced decimal point of a
// letter-spaced number (罚款 1 8 .), whose fraction the next line holds.
func spacedDot(l pdfLine) bool {
	n := len(l.cells)
	for n > 0 && l.cells[n-1].r == ' ' {
		n--
	}
	return n >= 3 && l.cells[n-1].r == '.' && l.cells[n-2].r == ' ' && isDigit(l.cells[n-3].r)
}

// lastRune returns the last non-space rune of a line.
func lastRune(l pdfLine) rune {
	for i := len(l.cells) - 1; i >= 0; i-- {
		if l.cells[i].r != ' ' {
			return l.cells[i].r
		}
	}
	return 0
}

// pageNumber matches a line that is only a page number: 3, -3-, — 3 —,
// 第3页, 第3页 共8页, 3/8.
var pageNumber = regexp.MustCompile(`^(?:[-—–~]?\d{1,4}[-—–~]?|第\d{1,4}页(?:,?共\d{1,4}页)?|\d{1,4}/\d{1,4})$`)

// dashedPageNumber matches a page number set between dashes (- 3 -, — 3 —),
// which no line of a report but a page footer is.
var dashedPageNumber = regexp.MustCompile(`^[-—–]\d{1,4}[-—–]$`)

// pageOfPages matches a page footer that names the page count: 第3页 共8页,
// 第 3 页，共 8 页.
var pageOfPages = regexp.MustCompile(`^第\d{1,4}页[,，]?共\d{1,4}页$`)

// pdfCopy reports whether a plain text was copied out of a PDF: it has a
// line that is only a page number between dashes or a page-of-pages footer.
// Such text keeps the PDF's hard line breaks and letter spacing, and is
// reflowed like PDF text.
func pdfCopy(s string) bool {
	for l := range strings.Lines(s) {
		l = strings.TrimSpace(l)
		if len(l) > 40 {
			continue
		}
		if l = strings.ReplaceAll(strings.ReplaceAll(l, " ", ""), "　", ""); dashedPageNumber.MatchString(l) || pageOfPages.MatchString(l) {
			return true
		}
	}
	return false
}

// dropPageNumbers marks the page numbers: the last non-blank line before
// a page break and the first after one, when they are only a number. A page
// number between dashes or of a page count is dropped anywhere and stands
// for a page break, as text copied out of a PDF has no form feeds.
func dropPageNumbers(lines []pdfLine) {
	for i := range lines {
		if t := strings.ReplaceAll(lines[i].text(), " ", ""); dashedPageNumber.MatchString(t) || pageOfPages.MatchString(t) {
			lines[i].drop, lines[i].page = true, true
		}
	}
	check := func(i int) {
		if i >= 0 && i < len(lines) && pageNumber.MatchString(strings.ReplaceAll(lines[i].text(), " ", "")) {
			lines[i].drop = true
		}
	}
	for i, l := range lines {
		if !l.page {
			continue
		}
		j := i
		for j >= 0 && lines[j].text() == "" {
			j--
		}
		check(j)
		k := i + 1
		for k < len(lines) && lines[k].text() == "" {
			k++
		}
		check(k)
	}
}

// fullWidth is the usual width of a full line: the 90th percentile of the
// widths (in columns, leading spaces included; see lineWidth) of the lines
// of ten runes or more.
func fullWidth(lines []pdfLine) int {
	var widths []int
	for _, l := range lines {
		n := len(l.cells)
		for n > 0 && l.cells[n-1].r == ' ' {
			n--
		}
		if n >= 10 {
			widths = append(widths, lineWidth(l))
		}
	}
	if len(widths) == 0 {
		return 0
	}
	slices.Sort(widths)
	return widths[len(widths)*9/10]
}

// lineWidth is the width of a line on the page, trailing spaces left out:
// two columns for a Han character or CJK punctuation (also ， and the like,
// folded to ASCII before), one for a digit, letter or space. Counting runes instead would make a line with
// letter-spaced digits (1 2 0 0 0) look wider than a full line of Han text.
func lineWidth(l pdfLine) int {
	n := len(l.cells)
	for n > 0 && l.cells[n-1].r == ' ' {
		n--
	}
	w := 0
	for _, c := range l.cells[:n] {
		w += columnsOf(c.r)
	}
	return w
}

// columnsOf is the number of columns a rune takes in laid-out Chinese text.
func columnsOf(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	if strings.ContainsRune("“”‘’…—·", r) {
		return 2
	}
	if strings.ContainsRune(",;:!?()", r) {
		return 2 // folded from ，；：！？（）, as Chinese text has them
	}
	return 1
}

// sentenceEnd holds the runes that end a sentence, and closers the
// closing quotes and brackets that may follow them.
const (
	sentenceEnd = "。!?;:…"
	closers     = "”’」』)》"
)

// headingStart matches the start of a numbered heading or list item.
var headingStart = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十]+\)|\(?\d{1,2}[)、.]|第[一二三四五六七八九十\d]+[章节条部分篇])`)

// joins reports whether line b continues the sentence of line a.
func joins(a, b pdfLine, full int) bool {
	if columns(a) || columns(b) {
		return false
	}
	ta := strings.TrimRight(a.text(), closers)
	last, _ := utf8.DecodeLastRuneInString(ta)
	if ta == "" || strings.ContainsRune(sentenceEnd, last) {
		return false
	}
	if b.indent() > a.indent()+1 || headingStart.MatchString(b.text()) {
		return false
	}
	return last == ',' || last == '、' || (full > 0 && lineWidth(a)*10 >= full*9)
}

// squeezeSpaces removes single spaces between two Han characters, and
// between a Han character and a Latin letter or digit.
func squeezeSpaces(cells []cell) []cell {
	out := make([]cell, 0, len(cells))
	for i, c := range cells {
		if c.r == ' ' && i > 0 && i+1 < len(cells) && cells[i-1].r != ' ' && cells[i+1].r != ' ' {
			a, b := cells[i-1].r, cells[i+1].r
			if (isHan(a) || isHan(b)) && (isHan(a) || isAlnum(a)) && (isHan(b) || isAlnum(b)) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}
