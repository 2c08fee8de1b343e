package extract

import (
	"fmt"
	"strconv"
	"strings"
)

// Day is a calendar day as written. Year is 0 when no year is written with
// the day; YearAnon is set when the year is written but anonymised (20××年,
// 20xx年, XX年, x年, 二〇××年, **年).
type Day struct {
	Year, Month, Day int
	YearAnon         bool
}

// String writes "2024-03-15" when the year is known, else "--03-15" (also
// when the year is anonymised).
func (d Day) String() string {
	if d.Month < 0 || d.Day < 0 {
		return d.sprint() // not a day: as fmt writes it
	}
	b := make([]byte, 0, len("2024-03-15"))
	if d.Year > 0 && !d.YearAnon {
		b = appendPadded(b, d.Year, 4)
		b = append(b, '-')
	} else {
		b = append(b, "--"...)
	}
	b = appendPadded(b, d.Month, 2)
	b = append(b, '-')
	return string(appendPadded(b, d.Day, 2))
}

// sprint is String written with fmt, for any field.
func (d Day) sprint() string {
	if d.Year > 0 && !d.YearAnon {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return fmt.Sprintf("--%02d-%02d", d.Month, d.Day)
}

// appendPadded appends the decimal digits of v, not negative, with zeros
// before them up to width digits, as fmt's %0*d writes them.
func appendPadded(b []byte, v, width int) []byte {
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], int64(v), 10)
	for range width - len(d) {
		b = append(b, '0')
	}
	return append(b, d...)
}

// DateMention is one date expression: a single day, or a range From..To.
type DateMention struct {
	Text       string
	Start, End int // rune offsets [Start, End) in the text
	From       Day // the day, or the first day of a range
	To         Day // the last day of a range; the zero Day when not a range
}

// IsRange reports whether the mention is a range.
func (m DateMention) IsRange() bool { return m.To != Day{} }

// FindDates returns the calendar-day expressions in text, in text order,
// non-overlapping.
//
// It reads Chinese dates (2024年3月15日, 三月十五日, 11月9号, 3月15 with no
// 日 when no digit or measure word follows), numeric dates (2024-03-15,
// 2024.3.15, 2024/3/15, 2010 01 29, and year-last 1/2/2020, 13.5.2015),
// ranges (5月16日—22日, 从一月十日到十二日, 2月15日开始至3月15日), lists
// whose later days inherit the month (3月6日、9日; 14、15日 after an earlier
// date) and the consumer-rights day form 3·15当天 (the mention is "3·15").
// A range's text takes in the 从/自 that opens it. Two-digit years are read
// as 1950–2049. Bare 3.15, 6·26, 2024年, 3月 and 12号 are not dates.
func FindDates(text []rune) []DateMention {
	return findDates(text, markRunes(nil, text, dateStarts), nil)
}

// findDates is FindDates reusing the array of buf. marks holds, in order,
// the positions of the runes of text that may start a date (dateStarts)
// and maybe others (markRunes): the scan looks at them only.
func findDates(text []rune, marks []int32, buf []DateMention) []DateMention {
	s := scanner{t: text, out: buf[:0]}
	i := 0
	for _, m := range marks {
		if int(m) < i || !s.startsAt(int(m)) {
			continue
		}
		i = int(m) + 1
		if end := s.tryAt(int(m)); end > int(m) {
			i = end
		}
	}
	return s.out
}

// style tells how a day was written, which decides what may end its range.
type style int

const (
	styleCN  style = iota // 2024年3月15日, 3月15日
	styleYMD              // 2024-03-15, 2024.3.15
	styleMDY              // 1/2/2020, 13.5.2015
	styleOne              // 2010 01 29, 3·15当天: never a range or list
)

// piece is one parsed day with its span.
type piece struct {
	d          Day
	start, end int
	bare       bool // a Chinese day written without 日/号
	year       bool // the year is written with this day
	st         style
	sep        rune // separator class of numeric dates
}

// scanner holds the text and the mentions found so far.
type scanner struct {
	t   []rune
	out []DateMention
}

// maxSpaces is the most spaces read between two parts of a date.
const maxSpaces = 2

// tryAt parses a date expression starting at i and records its mentions. It
// returns the end of what it consumed, or -1.
func (s *scanner) tryAt(i int) int {
	if p, ok := s.numeric(i); ok {
		return s.emit(p)
	}
	if p, ok := s.cnDate(i); ok {
		if !validDay(p.d.Year, p.d.Month, p.d.Day) {
			return p.end // 2023年2月29日: no date, and no 2月29日 inside it
		}
		return s.emit(p)
	}
	if p, ok := s.eventDay(i); ok {
		s.add(p.start, p.end, p.d, Day{})
		return p.end
	}
	if p, q, ok := s.eventRange(i); ok {
		s.add(p.start, q.end, p.d, q.d)
		return q.end
	}
	return s.contextList(i)
}

// emit records p, with the range or list that follows it.
func (s *scanner) emit(p piece) int {
	if p.st != styleOne {
		if q, ok := s.rangeEnd(p); ok {
			start := p.start
			if start > s.lastEnd() && isFrom(s.t[start-1]) {
				start--
			}
			s.add(start, q.end, p.d, q.d)
			if p.st != styleCN {
				return q.end
			}
			return s.listAfter(q) // 3月14日—15日、18日
		}
	}
	if p.bare && !s.bareOK(p.end) {
		return -1
	}
	s.add(p.start, p.end, p.d, Day{})
	if p.st != styleCN {
		return p.end
	}
	return s.listAfter(p)
}

// add appends a mention.
func (s *scanner) add(start, end int, from, to Day) {
	s.out = append(s.out, DateMention{
		Text: string(s.t[start:end]), Start: start, End: end, From: from, To: to,
	})
}

// lastEnd is the end of the last mention, or 0.
func (s *scanner) lastEnd() int {
	if len(s.out) == 0 {
		return 0
	}
	return s.out[len(s.out)-1].End
}

// at returns the rune at i, or 0 outside the text.
func (s *scanner) at(i int) rune {
	if i < 0 || i >= len(s.t) {
		return 0
	}
	return s.t[i]
}

// skipSp skips at most maxSpaces spaces from i.
func (s *scanner) skipSp(i int) int {
	for k := 0; k < maxSpaces && isSpace(s.at(i)); k++ {
		i++
	}
	return i
}

// hasPrefix reports whether the text at i starts with w.
func (s *scanner) hasPrefix(i int, w []rune) bool {
	for _, r := range w {
		if s.at(i) != r {
			return false
		}
		i++
	}
	return true
}

// startsAt reports whether a date may start at i: a digit, a Chinese
// numeral or an anonymising mark that does not continue a number.
func (s *scanner) startsAt(i int) bool {
	r := s.t[i]
	if !dateStarts.has(r) {
		return false
	}
	p := s.at(i - 1)
	switch {
	case (isDigit(p) || isAnon(p) || isCNDigit(p)) && (isDigit(r) || isAnon(r)):
		return false
	case isCNNum(p) && isCNNum(r):
		return false
	case isLetter(p) && isAnon(r):
		return false
	}
	return true
}

// ---- Chinese dates: [year 年] month 月 day [日|号] ----

// cnDate parses a Chinese-style date at i.
func (s *scanner) cnDate(i int) (piece, bool) {
	p := piece{start: i, st: styleCN}
	j := i
	if y, anon, e, ok := s.year(i); ok {
		p.d.Year, p.d.YearAnon, p.year = y, anon, true
		j = s.skipSp(e)
	}
	m, e, ok := s.dayNum(j)
	if !ok || m > 12 {
		return p, false
	}
	j = s.skipSp(e)
	if s.at(j) != '月' {
		return p, false
	}
	p.d.Month = m
	d, ok := s.dayAfter(j+1, &p)
	if !ok {
		return p, false
	}
	p.d.Day = d
	return p, true
}

// dayAfter parses the day number at i (after spaces) and its 日/号, setting
// p.end and p.bare.
func (s *scanner) dayAfter(i int, p *piece) (int, bool) {
	d, e, ok := s.dayNum(s.skipSp(i))
	if !ok {
		return 0, false
	}
	k := s.skipSp(e)
	switch {
	case s.at(k) == '日':
		p.end = k + 1
	case s.at(k) == '号':
		if isHaoNoun(s.at(k + 1)) {
			return 0, false
		}
		p.end = k + 1
	default:
		p.end, p.bare = e, true
	}
	return d, true
}

// dayNum reads a small number (a month or a day): one or two digits, or a
// Chinese numeral up to 三十一.
func (s *scanner) dayNum(i int) (v, end int, ok bool) {
	if isDigit(s.at(i)) {
		j := i
		for isDigit(s.at(j)) && j-i < 3 {
			v = v*10 + digitVal(s.at(j))
			j++
		}
		return v, j, j-i <= 2 && v > 0
	}
	return s.cnSmall(i)
}

// cnSmall reads a Chinese numeral from 1 to 39 (一, 十二, 二十一, 廿五, 卅一).
func (s *scanner) cnSmall(i int) (v, end int, ok bool) {
	switch r := s.at(i); {
	case r == '廿' || r == '卅':
		v, i = 20, i+1
		if r == '卅' {
			v = 30
		}
	case r == '十':
		v, i = 10, i+1
	case cnDigit(r) > 0 && r != '两':
		v, i = cnDigit(r), i+1
		if s.at(i) != '十' {
			return v, i, true
		}
		v, i = v*10, i+1
	default:
		return 0, i, false
	}
	if d := cnDigit(s.at(i)); d > 0 && s.at(i) != '两' {
		v, i = v+d, i+1
	}
	return v, i, true
}

// year reads a year and its 年 at i: digits (2024, 24), Chinese digits
// (二〇二四), positional numerals (两千零四) or an anonymised year (20××).
// It returns the year, whether it is anonymised and the end after 年.
func (s *scanner) year(i int) (y int, anon bool, end int, ok bool) {
	j, v, nA, nC, nX := i, 0, 0, 0, 0
scan:
	for ; j-i < 5; j++ {
		r := s.at(j)
		switch {
		case isDigit(r):
			nA, v = nA+1, v*10+digitVal(r)
		case isCNDigit(r):
			nC, v = nC+1, v*10+cnDigit(r)
		case isAnon(r):
			nX++
		default:
			break scan
		}
	}
	n := j - i
	e := s.skipSp(j)
	if n == 0 || n > 4 || nA > 0 && nC > 0 || s.at(e) != '年' {
		return s.cnYear(i)
	}
	if nX > 0 {
		return 0, true, e + 1, true
	}
	if y, ok = yearValue(v, n); !ok {
		return 0, false, 0, false
	}
	return y, false, e + 1, true
}

// yearValue checks a year of n digits and expands a two-digit one, and a
// three-digit one from 100 to 199 as a year of the Republic of China
// calendar that Taiwan's reports use (112年 = 2023).
func yearValue(v, n int) (int, bool) {
	switch n {
	case 2:
		if v < 50 {
			return 2000 + v, true
		}
		return 1900 + v, true
	case 3:
		if v >= 100 && v < 200 {
			return v + rocEpoch, true
		}
		return v, v >= 100
	case 4:
		return v, v >= 1000 && v < 3000
	}
	return 0, false
}

// rocEpoch is the year before the first year of the Republic of China
// calendar (民國元年 = 1912).
const rocEpoch = 1911

// cnYear reads a positional Chinese year (两千零四年, 二千零二十四年) at i.
func (s *scanner) cnYear(i int) (int, bool, int, bool) {
	d := cnDigit(s.at(i))
	if d < 1 || d > 2 || s.at(i+1) != '千' {
		return 0, false, 0, false
	}
	v, j := d*1000, i+2
	if s.at(j) == '零' || s.at(j) == '〇' {
		j++
	}
	if x := cnDigit(s.at(j)); x > 0 && s.at(j+1) == '百' {
		v, j = v+x*100, j+2
		if s.at(j) == '零' {
			j++
		}
	}
	if x := cnDigit(s.at(j)); x > 0 && s.at(j+1) == '十' {
		v, j = v+x*10, j+2
	} else if s.at(j) == '十' {
		v, j = v+10, j+1
	}
	if x := cnDigit(s.at(j)); x > 0 {
		v, j = v+x, j+1
	}
	e := s.skipSp(j)
	if s.at(e) != '年' {
		return 0, false, 0, false
	}
	return v, false, e + 1, true
}

// bareOK reports whether a day written without 日 may end at i: what
// follows is not a digit, a measure word or a number that continues it.
func (s *scanner) bareOK(i int) bool {
	k := s.skipSp(i)
	r := s.at(k)
	switch {
	case r == 0:
		return true
	case isDigit(r):
		return false
	case isCNNum(r):
		return s.dayCount(k)
	case strings.ContainsRune(measureWords, r):
		return false
	case (isNumSep(r) || isDash(r) || isEventSep(r)) && isDigit(s.at(k+1)):
		return false
	}
	return true
}

// measureWords follow a count, never a day (3月15家, 3月5万人).
const measureWords = "个名人家次场份件条项所处批只台辆元万亿千百余多岁天年月周届号位户座册本张篇期种类分秒时点倍米吨斤亩间块支队组例宗%‰％"

// dayCount reports whether a count of days (两天, 三日) starts at i.
func (s *scanner) dayCount(i int) bool {
	for k := 0; k < 3 && isCNNum(s.at(i)); k++ {
		i++
	}
	return s.at(i) == '天' || s.at(i) == '日'
}

// ---- numeric dates ----

// numeric parses 2024-03-15, 2024.3.15, 2024/3/15, 2010 01 29, 1/2/2020 or
// 13.5.2015 at i.
func (s *scanner) numeric(i int) (piece, bool) {
	p := s.at(i - 1)
	if isDigit(p) || isLetter(p) || isAnon(p) || isNumSep(p) || isEventSep(p) {
		return piece{}, false
	}
	return s.numericAt(i)
}

// numericAt parses a numeric date at i, whatever precedes it.
func (s *scanner) numericAt(i int) (piece, bool) {
	j, v, nX := i, 0, 0
	for ; j-i < 5 && (isDigit(s.at(j)) || isAnon(s.at(j))); j++ {
		if isAnon(s.at(j)) {
			nX++
		} else {
			v = v*10 + digitVal(s.at(j))
		}
	}
	n := j - i
	switch {
	case n == 4 && (nX > 0 || v >= 1000 && v < 3000):
		if s.at(j) == ' ' && nX == 0 {
			return s.spaced(i, v)
		}
		p, ok := s.ymd(i, j)
		p.d.Year, p.d.YearAnon = v, nX > 0
		if nX > 0 {
			p.d.Year = 0
		}
		return p, ok && validDay(p.d.Year, p.d.Month, p.d.Day)
	case nX == 0 && n >= 1 && n <= 2:
		return s.mdy(i, j, v)
	}
	return piece{}, false
}

// ymd parses the "-03-15" after a four-digit year that ends at j.
func (s *scanner) ymd(i, j int) (piece, bool) {
	sep := sepClass(s.at(j))
	if sep == 0 {
		return piece{}, false
	}
	m, d, e, ok := s.pair(j+1, sep)
	if !ok {
		return piece{}, false
	}
	p := piece{start: i, end: e, st: styleYMD, sep: sep, year: true}
	p.d.Month, p.d.Day = m, d
	return p, true
}

// pair reads "M<sep>D" at i, each of one or two digits, with nothing
// numeric after it; the month is checked, the day only for its range.
func (s *scanner) pair(i int, sep rune) (m, d, end int, ok bool) {
	m, e, ok := s.digits(i, 2)
	if !ok || m < 1 || m > 12 || sepClass(s.at(e)) != sep {
		return 0, 0, 0, false
	}
	d, e, ok = s.digits(e+1, 2)
	if !ok || d < 1 || d > 31 || s.numberGoesOn(e, sep) {
		return 0, 0, 0, false
	}
	return m, d, e, true
}

// numberGoesOn reports whether the number goes on at i with the separator
// sep or a dot and a digit (1.2.3.4, 2024/3/15/1); another separator may be
// a range connector (2018/1/10-2018/7/10).
func (s *scanner) numberGoesOn(i int, sep rune) bool {
	r := s.at(i)
	return (sepClass(r) == sep || isEventSep(r)) && isDigit(s.at(i+1))
}

// digits reads a maximal run of 1..max digits.
func (s *scanner) digits(i, max int) (v, end int, ok bool) {
	j := i
	for isDigit(s.at(j)) && j-i <= max {
		v = v*10 + digitVal(s.at(j))
		j++
	}
	return v, j, j > i && j-i <= max
}

// spaced parses "2010 01 29": two-digit month and day after single spaces.
func (s *scanner) spaced(i, y int) (piece, bool) {
	j := i + 4
	if !isDigit(s.at(j+1)) || !isDigit(s.at(j+2)) || s.at(j+3) != ' ' {
		return piece{}, false
	}
	m, e, ok := s.digits(j+1, 2)
	if !ok || e != j+3 {
		return piece{}, false
	}
	d, e2, ok := s.digits(j+4, 2)
	if !ok || e2 != j+6 || !validDay(y, m, d) {
		return piece{}, false
	}
	return piece{d: Day{Year: y, Month: m, Day: d}, start: i, end: e2, st: styleOne, year: true}, true
}

// mdy parses a year-last date whose first number a ends at j: month first
// (1/2/2020) unless a is no month (13.5.2015).
func (s *scanner) mdy(i, j, a int) (piece, bool) {
	sep := sepClass(s.at(j))
	if sep == 0 {
		return piece{}, false
	}
	b, e, ok := s.digits(j+1, 2)
	if !ok || sepClass(s.at(e)) != sep {
		return piece{}, false
	}
	y, e2, ok := s.digits(e+1, 4)
	if !ok || e2-e-1 != 4 || y < 1000 || y >= 3000 || s.numberGoesOn(e2, sep) {
		return piece{}, false
	}
	m, d := a, b
	if a > 12 {
		m, d = b, a
	}
	if !validDay(y, m, d) {
		return piece{}, false
	}
	return piece{d: Day{Year: y, Month: m, Day: d}, start: i, end: e2, st: styleMDY, sep: sep, year: true}, true
}

// eventDay parses 3·15当天, 3.15当日 or 315当天: a day named like the
// consumer-rights day, a date only when 当天/当日 follows.
func (s *scanner) eventDay(i int) (piece, bool) {
	if isNumSep(s.at(i-1)) || isEventSep(s.at(i-1)) || isLetter(s.at(i-1)) {
		return piece{}, false
	}
	a, j, ok := s.digits(i, 4)
	if !ok {
		return piece{}, false
	}
	m, d, e := a, 0, j
	switch {
	case j-i <= 2 && isEventSep(s.at(j)):
		if d, e, ok = s.digits(j+1, 2); !ok {
			return piece{}, false
		}
	case j-i >= 3:
		m, d = a/100, a%100
	default:
		return piece{}, false
	}
	if m < 1 || m > 12 || !validDay(0, m, d) || !s.onTheDay(e) {
		return piece{}, false
	}
	return piece{d: Day{Month: m, Day: d}, start: i, end: e, st: styleOne}, true
}

// eventRange parses 3.14-3.16期间: two days written like the
// consumer-rights day, joined by a range connector, a range only when
// 期间 (or 当天/当日) or an event verb follows (5.20-5.26举行), or a word
// of time stands before it (于5.20-5.26): decimals are written alike
// (pH值6.5-8.5).
func (s *scanner) eventRange(i int) (from, to piece, ok bool) {
	if isNumSep(s.at(i-1)) || isEventSep(s.at(i-1)) || isLetter(s.at(i-1)) {
		return piece{}, piece{}, false
	}
	from, ok = s.dottedDay(i)
	if !ok {
		return piece{}, piece{}, false
	}
	j, ok := s.connector(from.end)
	if !ok {
		return piece{}, piece{}, false
	}
	if to, ok = s.dottedDay(j); !ok || !s.during(to.end) && !s.timeBefore(i) && !s.eventAfter(to.end) {
		return piece{}, piece{}, false
	}
	to.d, ok = closeRange(from.d, to)
	return from, to, ok
}

// timeBefore reports whether a word that introduces a time (于, 自, 从,
// 时间：) stands right before i: 活动于5.20-5.26举行.
func (s *scanner) timeBefore(i int) bool {
	for i > 0 && isSpace(s.at(i-1)) {
		i--
	}
	switch s.at(i - 1) {
	case '于', '自', '从':
		return true
	case '：', ':':
		return s.at(i-3) == '时' && s.at(i-2) == '间'
	}
	return false
}

// eventAfter reports whether a verb of holding an event (举行, 举办,
// 开展) follows at i: 5.20-5.26开展宣传.
func (s *scanner) eventAfter(i int) bool {
	i = s.skipSp(i)
	for _, w := range eventVerbs {
		if s.hasPrefix(i, w) {
			return true
		}
	}
	return false
}

// dottedDay parses a month and day joined by an event separator (3.14,
// 3·16), not followed by another digit or event separator.
func (s *scanner) dottedDay(i int) (piece, bool) {
	m, j, ok := s.digits(i, 2)
	if !ok || !isEventSep(s.at(j)) {
		return piece{}, false
	}
	d, e, ok := s.digits(j+1, 2)
	if !ok || isEventSep(s.at(e)) || m < 1 || m > 12 || !validDay(0, m, d) {
		return piece{}, false
	}
	return piece{d: Day{Month: m, Day: d}, start: i, end: e, st: styleOne}, true
}

// during reports whether 期间, 当天 or 当日 follows at i.
func (s *scanner) during(i int) bool {
	return s.onTheDay(i) || s.hasPrefix(s.skipSp(i), qijian)
}

// onTheDay reports whether 当天/当日 follows at i, after closing quotes
// and spaces.
func (s *scanner) onTheDay(i int) bool {
	for k := 0; k < 2 && strings.ContainsRune("”\"」』’'", s.at(i)); k++ {
		i++
	}
	i = s.skipSp(i)
	return s.hasPrefix(i, dangtian) || s.hasPrefix(i, dangri)
}

// ---- ranges ----

// rangeEnd parses a connector and the last day of a range after p.
func (s *scanner) rangeEnd(p piece) (piece, bool) {
	j, ok := s.connector(p.end)
	if !ok {
		return piece{}, false
	}
	var q piece
	switch p.st {
	case styleCN:
		q, ok = s.cnEnd(p, j)
	case styleYMD:
		q, ok = s.ymdEnd(p, j)
	case styleMDY:
		q, ok = s.numericAt(j)
		ok = ok && q.st == styleMDY
	}
	if !ok {
		return piece{}, false
	}
	q.d, ok = closeRange(p.d, q)
	return q, ok
}

// Words the scanner reads: the connectors of a range, tried in order, and
// 期间, 当天, 当日 after a day.
var (
	connectorWords           = [][]rune{[]rune("起至"), []rune("起到"), []rune("开始至"), []rune("开始到"), []rune("至"), []rune("到")}
	qijian, dangtian, dangri = []rune("期间"), []rune("当天"), []rune("当日")
	eventVerbs               = [][]rune{[]rune("举行"), []rune("举办"), []rune("开展")}
)

// connector reads a range connector (至, 到, —, ——, -, ~, 起至, 开始至…)
// and the spaces around it, returning where the second day starts.
func (s *scanner) connector(i int) (int, bool) {
	j := s.skipSp(i)
	for _, w := range connectorWords {
		if s.hasPrefix(j, w) {
			return s.skipSp(j + len(w)), true
		}
	}
	switch r := s.at(j); {
	case isDash(r):
		if s.at(j+1) == r {
			j++
		}
	case r == '~' || r == '～' || r == '〜':
	default:
		return 0, false
	}
	return s.skipSp(j + 1), true
}

// cnEnd parses the end of a Chinese range: a full date, a month and day,
// or a day with 日/号 (a bare day only after a bare first day).
func (s *scanner) cnEnd(p piece, j int) (piece, bool) {
	if q, ok := s.cnDate(j); ok {
		return q, !q.bare || s.bareOK(q.end)
	}
	q := piece{start: j, st: styleCN}
	d, ok := s.dayAfter(j, &q)
	if !ok || q.bare && (!p.bare || !s.bareOK(q.end)) {
		return q, false
	}
	if s.at(s.skipSp(q.end)) == '月' {
		return q, false
	}
	q.d.Day = d
	return q, true
}

// ymdEnd parses the end of a numeric range: a full date, or a month and
// day with the same separator (2024.3.1-3.15).
func (s *scanner) ymdEnd(p piece, j int) (piece, bool) {
	if q, ok := s.numericAt(j); ok {
		return q, q.st == styleYMD
	}
	m, d, e, ok := s.pair(j, p.sep)
	if !ok {
		return piece{}, false
	}
	return piece{d: Day{Month: m, Day: d}, start: j, end: e, st: styleYMD}, true
}

// closeRange completes the last day q of a range from the first day from:
// it inherits the year and month, and the year turns when the month does
// (2023年12月30日至1月2日). It fails when the range does not go forward.
func closeRange(from Day, q piece) (Day, bool) {
	to := q.d
	if q.year {
		if from.Year > 0 && to.Year > 0 && !before(from, to) {
			return to, false
		}
		return to, validDay(to.Year, to.Month, to.Day)
	}
	to.Year, to.YearAnon = from.Year, from.YearAnon
	if to.Month == 0 {
		to.Month = from.Month
	}
	switch {
	case to.Month < from.Month:
		if to.Year > 0 {
			to.Year++
		}
	case !before(from, to):
		return to, false
	}
	return to, validDay(to.Year, to.Month, to.Day)
}

// before reports whether a comes strictly before b.
func before(a, b Day) bool {
	if a.Year != b.Year && a.Year > 0 && b.Year > 0 {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}

// ---- lists ----

// maxItems bounds a list, so that scanning stays linear.
const maxItems = 12

// listAfter reads the days listed after p (3月6日、9日; 3月14、15两天),
// which inherit its year and month, and returns the end of the last. After
// a range, p is its last day.
func (s *scanner) listAfter(p piece) int {
	items := s.listItems(p.end, p.d.Day, p.bare)
	if !p.bare {
		items = dropBare(items)
	}
	end := p.end
	for _, it := range items {
		d := p.d
		d.Day = it.d.Day
		if !validDay(d.Year, d.Month, d.Day) {
			break
		}
		s.add(it.start, it.end, d, Day{})
		end = it.end
	}
	return end
}

// contextList reads a list of days written without a month (14、15日),
// taking the year and month from the last date found before it. It needs
// two days or more, the last with 日.
func (s *scanner) contextList(i int) int {
	if len(s.out) == 0 || s.at(i-1) == '第' || isListSep(s.at(i-1)) {
		return -1
	}
	first, ok := s.listItem(i, 0)
	if !ok || (first.bare && !isListSep(s.at(s.skipSp(first.end)))) {
		return -1
	}
	items := dropBare(append([]piece{first}, s.listItems(first.end, first.d.Day, false)...))
	if len(items) < 2 || s.at(items[len(items)-1].end-1) != '日' {
		return -1 // 1、2号 without a month is more often a document number
	}
	ctx := s.out[len(s.out)-1]
	base := ctx.From
	if ctx.IsRange() {
		base = ctx.To
	}
	end := -1
	for _, it := range items {
		d := base
		d.Day = it.d.Day
		if !validDay(d.Year, d.Month, d.Day) {
			break
		}
		s.add(it.start, it.end, d, Day{})
		end = it.end
	}
	return end
}

// listItems reads "、9日", "、9" or "和9日" items after i, with days
// increasing after last. A bare item must be followed by a list separator
// (or, when bareEnd, end as a bare day may).
func (s *scanner) listItems(i, last int, bareEnd bool) []piece {
	var items []piece
	for len(items) < maxItems {
		k := s.skipSp(i)
		if !isListSep(s.at(k)) {
			break
		}
		it, ok := s.listItem(s.skipSp(k+1), last)
		if !ok {
			break
		}
		if it.bare && !isListSep(s.at(s.skipSp(it.end))) && !(bareEnd && s.bareOK(it.end)) {
			break
		}
		items = append(items, it)
		last, i = it.d.Day, it.end
	}
	return items
}

// listItem reads one listed day at i, greater than last.
func (s *scanner) listItem(i, last int) (piece, bool) {
	it := piece{start: i, st: styleCN}
	d, ok := s.dayAfter(i, &it)
	if !ok || d <= last || d > 31 {
		return it, false
	}
	if it.bare && s.at(s.skipSp(it.end)) == '月' {
		return it, false
	}
	it.d.Day = d
	return it, true
}

// dropBare removes trailing items written without 日/号.
func dropBare(items []piece) []piece {
	for len(items) > 0 && items[len(items)-1].bare {
		items = items[:len(items)-1]
	}
	return items
}

// ---- characters ----

// validDay checks a month and a day; year 0 (unknown) allows 2月29日.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	n := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && y > 0 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		n = 28
	}
	return d <= n
}

// isDigit reports an ASCII or full-width digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// digitVal is the value of a digit for which isDigit holds.
func digitVal(r rune) int {
	if r >= '０' {
		return int(r - '０')
	}
	return int(r - '0')
}

// cnDigit is the value of a Chinese digit 〇…九 (两 = 2), or -1.
func cnDigit(r rune) int {
	switch r {
	case '〇', '零', '○':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// isCNDigit reports a Chinese digit usable digit by digit in a year.
func isCNDigit(r rune) bool { return r != '两' && cnDigit(r) >= 0 }

// isCNNum reports a rune of a Chinese numeral.
func isCNNum(r rune) bool {
	switch r {
	case '十', '廿', '卅', '百', '千':
		return true
	}
	return cnDigit(r) >= 0
}

// dateStarts holds the runes a date may start with: a digit, a rune of a
// Chinese numeral or an anonymising character (isDigit, isCNNum, isAnon).
var dateStarts = func() *bmpSet {
	s := new(bmpSet)
	s.addRange('0', '9', 1)
	s.addRange('０', '９', 1)
	s.addString("十廿卅百千〇零○一二两三四五六七八九")
	s.addString(anonRunes)
	return s
}()

// isLetter reports an ASCII letter.
func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// isSpace reports a space that may stand inside a date in PDF text.
func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' }

// isDash reports a dash used as a range connector.
func isDash(r rune) bool {
	switch r {
	case '-', '－', '—', '–', '―', '─', '‒', '−', '﹣':
		return true
	}
	return false
}

// isNumSep reports a separator of numeric dates.
func isNumSep(r rune) bool { return sepClass(r) != 0 }

// sepClass folds a numeric date separator to '-', '/' or '.', or 0.
func sepClass(r rune) rune {
	switch r {
	case '-', '－':
		return '-'
	case '/', '／':
		return '/'
	case '.', '．':
		return '.'
	}
	return 0
}

// isEventSep reports the dot of event names such as 3·15 and 6·26.
func isEventSep(r rune) bool {
	switch r {
	case '.', '·', '•', '・', '‧', '∙', '･', '．', '⋅':
		return true
	}
	return false
}

// isListSep reports a separator between listed days.
func isListSep(r rune) bool { return r == '、' || r == '和' || r == '及' }

// isFrom reports a word that opens a range (从…到…, 自…至…).
func isFrom(r rune) bool { return r == '从' || r == '自' }

// isHaoNoun reports a rune after 号 that makes it a number, not a day
// (12号楼, 3号线, 1号文).
func isHaoNoun(r rune) bool {
	return strings.ContainsRune("楼院线文令室房门车机库位码", r)
}
