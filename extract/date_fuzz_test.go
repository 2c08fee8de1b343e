package extract

import (
	"testing"
	"unicode/utf8"
)

func FuzzFindDates(f *testing.F) {
	seeds := []string{
		"2024年3月15日", "二〇二四年三月十五日", "两千零四年八月十五", "2024.3.15", "2024-03-15",
		"2024/3/15", "2010 01 29", "1/2/2020", "13.5.2015", "3月15 日", "3 月 15 日",
		"5月16日—22日", "5月16日——22日", "2月15日开始至3月15日结束", "2023年12月30日至1月2日",
		"从一月19到20日", "2018/1/10-2018/7/10", "10/1/2018-10/7/2018", "2024.3.1-3.15",
		"3月6日、9日", "3月14、15两天", "3月1日。14、15日", "3月6日、9、10个",
		"20××年3月15日", "二〇××年三月十五日", "x年3月15日", "20**-03-15",
		"3.15当天", "“3·15”当天", "315当日", "6·26", "〔2019〕4号", "12号楼", "2月30日",
		"十二月廿一日", "卅一日", "3月15-", "至", "、、、", "2024年", "９月９日", "x", "",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		text := []rune(s)
		checkMentions(t, text, FindDates(text))
	})
}

// checkMentions checks the invariants of FindDates' result.
func checkMentions(t *testing.T, text []rune, ms []DateMention) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("%q: bad span [%d,%d) after %d", string(text), m.Start, m.End, prev)
		}
		if m.Text != string(text[m.Start:m.End]) {
			t.Fatalf("%q: Text %q != text[%d:%d]", string(text), m.Text, m.Start, m.End)
		}
		checkDay(t, text, m.From)
		if m.IsRange() {
			checkDay(t, text, m.To)
		}
		prev = m.End
	}
}

// checkDay checks that a day is a valid calendar day.
func checkDay(t *testing.T, text []rune, d Day) {
	t.Helper()
	if !validDay(d.Year, d.Month, d.Day) || d.Year < 0 || d.YearAnon && d.Year != 0 {
		t.Fatalf("%q: invalid day %#v", string(text), d)
	}
}
