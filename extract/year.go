package extract

import (
	"strings"
	"unicode/utf8"

	"zongjie/corpus"
)

// inferYear sets the year of the activity and where it came from, in
// order of trust: a year in the title; the year of the full dates in the
// text; the ordinal of an observance (第28个国际消费者权益日 = 2010); a
// year written alone in the text (a report on this year's observance
// may give last year's figures: 2022年全年受理投诉300件); the annual
// theme of the observance. It also sets the genre and completes the
// dates' years. a is the analysis of doc.Text.
func (e *Extractor) inferYear(rec *Record, doc corpus.Document, a *analysis) {
	text := a.text
	title := newTextPart(doc.Title, len(doc.Title))
	rec.Genre = e.genreOf(title, textPart{a.text, a.off, genreReach})
	switch {
	case e.setYear(rec, titleYear(title.rs), "title"):
	case e.setYear(rec, dateYear(rec), "explicit"):
	case e.setYear(rec, e.ordinalYear(text), "ordinal"):
	case e.setYear(rec, writtenYear(text), "explicit"):
	case e.setYear(rec, e.themeYear(rec), "theme"):
	}
	resolveDates(rec.Dates, rec.Year)
}

func (e *Extractor) setYear(rec *Record, y int, source string) bool {
	if y == 0 {
		return false
	}
	rec.Year, rec.YearSource = y, source
	return true
}

// titleYear returns a four-digit year written in the title, given as
// runes (2023年…总结), or else a year of the Republic of China calendar
// that Taiwan writes (113年度…成果, 民国112年…), as a Western year.
func titleYear(r []rune) int {
	for i := 0; i+4 < len(r); i++ {
		if y, ok := yearAt(r, i); ok && r[i+4] == '年' && (i == 0 || !isDigit(r[i-1])) {
			return y
		}
	}
	for i := 0; i+3 < len(r); i++ {
		if y, ok := rocYearAt(r, i); ok {
			return y
		}
	}
	return 0
}

// rocYearAt reads a Republic of China year of three digits at i (100-150,
// 2011-2061): one written after 民国, or before 年度 or a month's digit
// (113年度, 112年9月). A bare 100年 is left alone, as mainland titles
// write 建党100年.
func rocYearAt(r []rune, i int) (int, bool) {
	if i > 0 && isDigit(r[i-1]) || i+4 >= len(r) || r[i+3] != '年' {
		return 0, false
	}
	n, ok := digitsAt(r, i, 3)
	if !ok || n < 100 || n > 150 {
		return 0, false
	}
	if i >= 2 && string(r[i-2:i]) == "民国" || r[i+4] == '度' || isDigit(r[i+4]) {
		return n + 1911, true
	}
	return 0, false
}

// dateYear returns the year of the full dates of the record, the most
// frequent (the latest of a tie); 0 when no date has a year.
func dateYear(rec *Record) int {
	votes := map[int]int{}
	for _, d := range rec.Dates {
		for _, v := range []string{d.Date, d.From} {
			if len(v) == 10 && v[4] == '-' {
				if y, ok := yearAt([]rune(v), 0); ok {
					votes[y]++
				}
			}
		}
	}
	return mostVoted(votes)
}

// writtenYear returns the year written most often as YYYY年 outside 《》
// titles (the latest of a tie); 0 when there is none or an anonymised year
// is all there is.
func writtenYear(r []rune) int {
	votes := map[int]int{}
	inTitle := false
	for i := 0; i+4 < len(r); i++ {
		switch r[i] {
		case '《':
			inTitle = true
		case '》', '\n':
			inTitle = false
		}
		if inTitle || r[i+4] != '年' || (i > 0 && isDigit(r[i-1])) {
			continue
		}
		if y, ok := yearAt(r, i); ok && !yearIsPast(r, i+5) && !yearIsSince(r, i) {
			votes[y]++
		}
	}
	return mostVoted(votes)
}

// mostVoted returns the year with the most votes, the latest of a tie; 0
// for none.
func mostVoted(votes map[int]int) int {
	best, n := 0, 0
	for y, c := range votes {
		if c > n || c == n && y > best {
			best, n = y, c
		}
	}
	return best
}

// yearIsPast reports whether the year before i is a starting point, a
// comparison or the date of a law or a body (2019年以来, 2020年底前,
// 2013年修订的《消费者权益保护法》, 1984年成立), not the year of the activity.
func yearIsPast(r []rune, i int) bool {
	rest := string(r[i:min(len(r), i+4)])
	for _, w := range []string{"以来", "至今", "以前", "前", "起", "修订", "修正", "颁布", "施行", "公布", "出台", "成立", "建立", "创建", "开始实施", "版"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// yearIsSince reports whether the year at i follows words that make it a
// starting point or a founding date (自2019年, 成立于1985年).
func yearIsSince(r []rune, i int) bool {
	before := string(r[max(0, i-3):i])
	for _, w := range []string{"自", "从", "始于", "成立于", "建于", "创建于", "创办于", "颁布于"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

func yearAt(r []rune, i int) (int, bool) {
	y, ok := digitsAt(r, i, 4)
	if !ok || y < 1949 || y > 2100 {
		return 0, false
	}
	return y, true
}

// digitsAt reads the number written by the n digits at i.
func digitsAt(r []rune, i, n int) (int, bool) {
	if i+n > len(r) {
		return 0, false
	}
	v := 0
	for _, c := range r[i : i+n] {
		if !isDigit(c) {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// cornerQuotes turns the corner quotes of traditional-character texts into
// the curly ones the observance names are written with (第22個全國「安全生產月」).
var cornerQuotes = strings.NewReplacer("「", "“", "」", "”", "『", "“", "』", "”")

// ordinalYear reads 第N个/届/次 before an observance's name: the N-th
// observance falls in firstYear+N-1.
func (e *Extractor) ordinalYear(r []rune) int {
	for i := 0; i < len(r); i++ {
		if r[i] != '第' {
			continue
		}
		num, ok := ReadNumber(r, i+1)
		if !ok || num.Approx || num.Value < 1 || num.Value > 200 || num.Value != float64(int(num.Value)) {
			continue
		}
		j := num.End
		if j < len(r) && strings.ContainsRune("个届次", r[j]) {
			j++
		}
		rest := cornerQuotes.Replace(string(r[j:min(len(r), j+16)]))
		for _, o := range e.tables.observances {
			if o.firstYear == 0 {
				continue
			}
			for _, name := range o.names {
				if utf8.RuneCountInString(name) >= 4 && strings.HasPrefix(rest, name) {
					return o.firstYear + int(num.Value) - 1
				}
			}
		}
	}
	return 0
}

// themeYear returns the year whose annual theme the record quotes.
func (e *Extractor) themeYear(rec *Record) int {
	for _, t := range rec.Themes {
		if y, conf, ok := e.tables.themeYear(t.Text); ok && conf >= 0.5 {
			return y
		}
	}
	return 0
}

// genreReach is how much of the text (in bytes) is read for the genre: the
// observance a report is about is named at its start.
const genreReach = 1500

// genre returns the genre of the observance named most at the start of the
// text (the title counts triple), else the genre whose topic words it names
// most (genres.tsv).
func (e *Extractor) genre(title, text string) string {
	return e.genreOf(newTextPart(title, len(title)), newTextPart(text, genreReach))
}

// genreOf is genre for the title and the part of the text read for it.
func (e *Extractor) genreOf(title, text textPart) string {
	votes := map[string]int{}
	e.tables.eachObservanceName(title, func(g string) { votes[g] += 3 })
	e.tables.eachObservanceName(text, func(g string) { votes[g]++ })
	best, n := "", 0
	for g, c := range votes {
		if c > n || c == n && g < best {
			best, n = g, c
		}
	}
	if best == "" {
		return e.tables.topicGenre(title, text)
	}
	return best
}
