package extract

import (
	"strings"
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
		text := []rune(s)
		if !validUTF8(s, text) {
			t.Skip()
		}
		checkMentions(t, text, FindDates(text))
	})
}

// validUTF8 reports whether s, decoded to text, is valid UTF-8: only then
// does text encode back to s. It stands for utf8.ValidString, whose loop over
// 32-byte ASCII blocks is coverage-instrumented while fuzzing: its hit count
// grows with the input's length, so the fuzzer takes each input long enough
// to reach the next power-of-two bucket (about 1, 2 and 4 KiB) as new
// coverage, and minimizing one, which cannot drop a byte without losing the
// bucket, tries each pair of cut points for up to a minute while no input
// is fuzzed. The conversions here run in the runtime, which is not
// instrumented.
func validUTF8(s string, text []rune) bool { return string(text) == s }

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

// TestValidUTF8 checks that validUTF8 skips what utf8.ValidString would, on
// the inputs whose minimization stalled FuzzFindDates among others.
func TestValidUTF8(t *testing.T) {
	for _, s := range []string{
		"", "2024年3月15日", "\uFFFD", "\xff", "2024年\xe5\xb9", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"\xc0\xaf", "a\x80b", "\U0010FFFF", "1 " + strings.Repeat("\x1b", 2351),
		"-0-" + strings.Repeat("[", 1076), "100" + strings.Repeat("\r", 3555),
		strings.Repeat("N", 478), strings.Repeat("十", 300) + "\xe5",
	} {
		text := []rune(s)
		if got, want := validUTF8(s, text), utf8.ValidString(s); got != want {
			t.Errorf("validUTF8(%.40q) = %v, want %v", s, got, want)
		}
		checkMentions(t, text, FindDates(text))
	}
}
