package extract

import (
	"testing"
	"unicode/utf8"

	"zongjie/corpus"
)

// FuzzExtract checks that any text gives facts whose spans lie inside the
// text, in order, and never a panic.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"共发放宣传资料1000余份，其中手册400本、折页600份。",
		"3·15期间，区消协联合区工商局、质检局开展检查，出动执法人员30人次。",
		"以“消费与安全”为主题，依据《消费者权益保护法》，于3月14、15日在××区开展活动。",
		"发放宣传资料500份(册)，检查经营主体190户(次)，解答咨询62人/次，回收率95%。",
		"受理投诉 12 件,共7个单位40余人参加,两场文艺演唱会,每人发放2份",
		"2024年3月15日是第42个国际消费者权益日，拨打12315、110多人次。",
	} {
		f.Add(s)
	}
	e := newTestExtractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !validUTF8(s, []rune(s)) { // not utf8.ValidString: see validUTF8
			return
		}
		rec := e.Extract(corpus.Document{ID: "x", Title: "t", Text: s})
		n := utf8.RuneCountInString(s)
		check := func(kind string, p Provenance) {
			if p.Span[0] < 0 || p.Span[1] > n || p.Span[0] > p.Span[1] {
				t.Fatalf("%s span %v outside the text of %d runes: %q", kind, p.Span, n, s)
			}
		}
		for _, c := range rec.Counts {
			check("count", c.Provenance)
		}
		for _, d := range rec.Dates {
			check("date", d.Provenance)
		}
		for _, o := range rec.Orgs {
			check("org", o.Provenance)
		}
		for _, p := range rec.Places {
			check("place", p.Provenance)
		}
		for _, x := range rec.Themes {
			check("theme", x.Provenance)
		}
		for _, l := range rec.Laws {
			check("law", l.Provenance)
		}
	})
}
